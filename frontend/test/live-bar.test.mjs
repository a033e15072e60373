// Runs with `node --test` on lib/liveBar.ts compiled by `npm test` (no browser): how the live feed moves the chart.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { liveSession, withLivePrice } from '../build/unit/liveBar.js';

// Friday 29 June 2018, the kind of last bar the offline history ends with.
const FRIDAY = { date: '2018-06-29', open: 100, high: 102, low: 99, close: 101, volume: 5000, closeOnly: false };

test('a price of the last bar\'s day moves its close and stretches its high or low', () => {
  assert.deepEqual(withLivePrice(FRIDAY, 103.5, '1d', '2018-06-29'), { ...FRIDAY, high: 103.5, close: 103.5 });
  assert.deepEqual(withLivePrice(FRIDAY, 98, '1d', '2018-06-29'), { ...FRIDAY, low: 98, close: 98 });
});

test('a price of the next session opens a new bar at that price', () => {
  assert.deepEqual(withLivePrice(FRIDAY, 104, '1d', '2018-07-02'), {
    date: '2018-07-02', open: 104, high: 104, low: 104, close: 104, volume: 0, closeOnly: false,
  });
});

test('a weekend price moves the last session\'s bar instead of opening a Saturday or Sunday one', () => {
  assert.equal(withLivePrice(FRIDAY, 104, '1d', '2018-06-30').date, '2018-06-29');
  assert.equal(withLivePrice(FRIDAY, 104, '1d', '2018-07-01').date, '2018-06-29');
});

test('a weekly bar takes the prices of the seven days from its date', () => {
  const week = { ...FRIDAY, date: '2018-06-25' };
  assert.equal(withLivePrice(week, 104, '1wk', '2018-07-01').date, '2018-06-25');
  assert.equal(withLivePrice(week, 104, '1wk', '2018-07-02').date, '2018-07-02');
});

test('a real quote is today\'s; the simulated feed\'s is the weekday after the close it continues from', () => {
  assert.equal(liveSession('2026-12-07', null), '2026-12-07');
  assert.equal(liveSession('2026-12-07', '2018-06-28'), '2018-06-29');
  assert.equal(liveSession('2026-12-07', '2018-06-29'), '2018-07-02');
});
