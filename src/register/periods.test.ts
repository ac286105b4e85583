import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidOn, periodToClose, stepOn, validOn } from './periods.ts';

const rates = [
  { id: 'a', validFrom: '2019-01-01', validTo: '2021-01-01', cents: 6000 },
  { id: 'b', validFrom: '2021-01-01', validTo: null, cents: 6500 },
];

test('a period includes its first day and excludes its end day', () => {
  assert.equal(isValidOn(rates[0], '2019-01-01'), true);
  assert.equal(isValidOn(rates[0], '2020-12-31'), true);
  assert.equal(isValidOn(rates[0], '2021-01-01'), false);
});

test('the rate valid on a date is the historical one, not the latest (Kimai #4365)', () => {
  assert.equal(validOn(rates, '2020-06-30')?.cents, 6000);
  assert.equal(validOn(rates, '2026-11-23')?.cents, 6500);
  assert.equal(validOn(rates, '2018-12-31'), undefined);
});

test('the integration level on a date is the last one that started before it', () => {
  const history = [{ level: 4, validFrom: '2017-04-01' }, { level: 1, validFrom: '2013-12-01' }];
  assert.equal(stepOn(history, '2016-01-01')?.level, 1);
  assert.equal(stepOn(history, '2017-04-01')?.level, 4);
  assert.equal(stepOn(history, '2013-11-30'), undefined);
});

test('a new period closes the open one', () => {
  assert.deepEqual(periodToClose(rates, '2026-01-01'), { close: rates[1] });
});

test('a new period may not start on or before the open one', () => {
  assert.deepEqual(periodToClose(rates, '2021-01-01'), { error: 'STARTS_BEFORE_OPEN_PERIOD' });
  assert.deepEqual(periodToClose(rates, '2020-01-01'), { error: 'STARTS_BEFORE_OPEN_PERIOD' });
});

test('the first period closes nothing', () => {
  assert.deepEqual(periodToClose([], '2026-01-01'), { close: undefined });
});
