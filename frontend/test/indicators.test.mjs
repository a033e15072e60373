// Runs with `node --test` on lib/indicators.ts and lib/ranges.ts compiled by `npm test` (no browser). The expected
// values are worked by hand below, in fractions, from the definitions in lib/indicators.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bollinger, chartIndicators, ema, macd, rsi, sma } from '../build/unit/indicators.js';
import { rangeFirstIndex, rangeStart } from '../build/unit/ranges.js';

const CLOSES = [10, 11, 12, 11, 13, 14];

function assertClose(actual, expected) {
  assert.equal(actual.length, expected.length, `length of ${JSON.stringify(actual)}`);
  expected.forEach((value, i) => {
    if (value === null) assert.equal(actual[i], null, `index ${i} of ${JSON.stringify(actual)}`);
    else assert.ok(Math.abs(actual[i] - value) < 1e-12, `index ${i}: ${actual[i]}, expected ${value}`);
  });
}

test('SMA 3: the mean of each window of three, nothing before the third close', () => {
  // (10+11+12)/3, (11+12+11)/3, (12+11+13)/3, (11+13+14)/3
  assertClose(sma(CLOSES, 3), [null, null, 11, 34 / 3, 12, 38 / 3]);
});

test('EMA 3: seeded by the first three closes\' mean, then weight 2/(3+1) = 1/2 on each new close', () => {
  // 11; 11/2 + 11/2 = 11; 13/2 + 11/2 = 12; 14/2 + 12/2 = 13
  assertClose(ema(CLOSES, 3), [null, null, 11, 11, 12, 13]);
});

test('Bollinger 3, 2σ: the SMA plus and minus two population standard deviations of its window', () => {
  const bands = bollinger(CLOSES, 3, 2);
  // window 10, 11, 12: mean 11, variance (1 + 0 + 1) / 3; window 11, 12, 11: mean 34/3, deviations -1/3, 2/3, -1/3,
  // variance (1/9 + 4/9 + 1/9) / 3 = 2/9
  const sd = [null, null, Math.sqrt(2 / 3), Math.sqrt(2 / 9)];
  assertClose(bands.middle.slice(0, 4), [null, null, 11, 34 / 3]);
  assertClose(bands.upper.slice(0, 4), [null, null, 11 + 2 * sd[2], 34 / 3 + 2 * sd[3]]);
  assertClose(bands.lower.slice(0, 4), [null, null, 11 - 2 * sd[2], 34 / 3 - 2 * sd[3]]);
});

test("RSI 3: Wilder's smoothing of gains and losses, seeded by the mean of the first three changes", () => {
  // changes +1, +1, -1, +2, +1. Seed: gain 2/3, loss 1/3, RS 2, RSI 100 - 100/3.
  // Next: gain (2/3·2 + 2)/3 = 10/9, loss (1/3·2)/3 = 2/9, RS 5, RSI 100 - 100/6.
  // Next: gain (10/9·2 + 1)/3 = 29/27, loss (2/9·2)/3 = 4/27, RS 29/4, RSI 100 - 100/(33/4).
  assertClose(rsi(CLOSES, 3), [null, null, null, 200 / 3, 250 / 3, 100 - 400 / 33]);
});

test('RSI without losses is 100, without any change 50', () => {
  assertClose(rsi([1, 2, 3, 4], 3), [null, null, null, 100]);
  assertClose(rsi([5, 5, 5, 5], 3), [null, null, null, 50]);
});

test('MACD 2, 3, 2: EMA 2 less EMA 3, its signal an EMA 2 of the MACD line from its first value', () => {
  // EMA 2 (weight 2/3): 21/2, 23/2, 67/6, 223/18, 727/54 from the second close; EMA 3: 11, 11, 12, 13.
  // MACD from the third close: 1/2, 1/6, 7/18, 25/54. Signal: (1/2 + 1/6)/2 = 1/3, then
  // 2/3·7/18 + 1/3·1/3 = 10/27, 2/3·25/54 + 1/3·10/27 = 35/81.
  const result = macd(CLOSES, 2, 3, 2);
  assertClose(result.macd, [null, null, 1 / 2, 1 / 6, 7 / 18, 25 / 54]);
  assertClose(result.signal, [null, null, null, 1 / 3, 10 / 27, 35 / 81]);
  assertClose(result.histogram, [null, null, null, 1 / 6 - 1 / 3, 7 / 18 - 10 / 27, 25 / 54 - 35 / 81]);
});

test('too few closes give only gaps, never an error', () => {
  const few = chartIndicators([1, 2, 3]);
  for (const series of [few.sma, few.ema, few.rsi, few.bollinger.upper, few.macd.macd, few.macd.signal]) {
    assert.deepEqual(series, [null, null, null]);
  }
});

test('a range counts back from the last bar, not from today: the offline history ends in 2018', () => {
  const bars = ['2017-12-28', '2018-01-02', '2018-02-26', '2018-02-27', '2018-03-27'].map((date) => ({ date }));
  assert.equal(rangeStart('2018-03-27', 1), '2018-02-27');
  assert.equal(rangeFirstIndex(bars, 1), 3);
  assert.equal(rangeFirstIndex(bars, 2), 2);
  assert.equal(rangeFirstIndex(bars, 3), 0);
  assert.equal(rangeFirstIndex(bars, null), 0);
  assert.equal(rangeFirstIndex([], 12), 0);
});

test('a range start past the end of a shorter month is that month\'s last day', () => {
  assert.equal(rangeStart('2018-03-31', 1), '2018-02-28');
  assert.equal(rangeStart('2016-03-31', 1), '2016-02-29');
  assert.equal(rangeStart('2018-01-15', 1), '2017-12-15');
  assert.equal(rangeStart('2018-05-31', 60), '2013-05-31');
});
