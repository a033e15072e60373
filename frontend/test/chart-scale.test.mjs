// Runs with `node --test` on lib/chartScale.ts compiled by `npm test`: the axes, dates and timeline of the charts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linear, niceTicks, timeline, tradingDaysAfter } from '../build/unit/chartScale.js';

test('ticks are round numbers covering the range', () => {
  assert.deepEqual(niceTicks(0, 1, 5), [0, 0.2, 0.4, 0.6, 0.8, 1]);
  assert.deepEqual(niceTicks(0.013, 0.087, 4), [0, 0.02, 0.04, 0.06, 0.08, 0.1]);
  assert.deepEqual(niceTicks(-3, 7, 2), [-5, 0, 5, 10]);
  assert.deepEqual(niceTicks(2, 2), [2]);
  // The last tick reaches past a maximum that falls between ticks.
  assert.deepEqual(niceTicks(0, 0.14, 5), [0, 0.05, 0.1, 0.15]);
  assert.deepEqual(niceTicks(0.03, 0.31, 5), [0, 0.1, 0.2, 0.3, 0.4]);
});

test('a linear scale maps the ends of its domain onto the ends of its range, inverted axes included', () => {
  const y = linear([0, 0.5], [200, 0]);
  assert.equal(y(0), 200);
  assert.equal(y(0.5), 0);
  assert.equal(y(0.25), 100);
  assert.equal(linear([1, 1], [0, 10])(1), 5);
});

test('trading days skip the weekend', () => {
  assert.equal(tradingDaysAfter('2018-06-29', 0), '2018-06-29');
  assert.equal(tradingDaysAfter('2018-06-29', 1), '2018-07-02'); // Friday to Monday
  assert.equal(tradingDaysAfter('2018-06-27', 5), '2018-07-04');
});

test('the timeline places steps after the first start and counts the most that ran at once', () => {
  const at = (seconds) => new Date(Date.UTC(2026, 0, 1, 12, 0, seconds)).toISOString();
  const { bars, span, parallel } = timeline(
    [
      { id: 'b', label: 'technical', status: 'completed', createdAt: at(2), completedAt: at(6) },
      { id: 'a', label: 'gather', status: 'completed', createdAt: at(0), completedAt: at(2) },
      { id: 'c', label: 'sentiment', status: 'completed', createdAt: at(2), completedAt: at(5) },
      { id: 'd', label: 'judge', status: 'running', createdAt: at(6), completedAt: null },
    ],
    Date.parse(at(9)),
  );
  assert.deepEqual(bars.map((b) => [b.label, b.start, b.end, b.running]), [
    ['gather', 0, 2000, false],
    ['sentiment', 2000, 5000, false],
    ['technical', 2000, 6000, false],
    ['judge', 6000, 9000, true],
  ]);
  assert.equal(span, 9000);
  // gather ends as the two mandates start, and the judge starts as the last one ends: two at once, not three.
  assert.equal(parallel, 2);
  assert.deepEqual(timeline([], 0), { bars: [], span: 0, parallel: 0 });
});
