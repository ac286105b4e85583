import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baselineReasonIssue, prefillBaseline, valueAt, type Baseline } from './baseline.ts';

const series = [
  { measuredOn: '2019-12-31', value: '0' },
  { measuredOn: '2020-03-31', value: '0' },
  { measuredOn: '2020-06-30', value: '1' },
];
const b = (baselineValue: string | null, baselineDate: string | null, baselineReason = '', baselineSource = ''): Baseline => ({ baselineValue, baselineDate, baselineSource, baselineReason });

const atCases: [string, string, string | null][] = [
  ['before the first point: none', '2019-12-30', null],
  ['on a point', '2019-12-31', '0'],
  ['between points: the last before', '2020-05-01', '0'],
  ['after the last point', '2026-01-01', '1'],
];
for (const [name, date, value] of atCases) test(`valueAt: ${name}`, () => assert.equal(valueAt(series, date)?.value ?? null, value));

// [name, baseline, expected code: null | 'issue']
const issueCases: [string, Baseline, boolean][] = [
  ['issue 16: baseline 2 while the series says 0, no reason → refused', b('2', '2019-12-31'), true],
  ['same value written differently (0,00) → fine', b('0.00', '2019-12-31'), false],
  ['differs with a reason → fine', b('2', '2019-12-31', 'telling van de afdeling P&O vóór de registratie'), false],
  ['a reason of spaces only is no reason', b('2', '2019-12-31', '   '), true],
  ['date before the series: nothing to compare', b('2', '2018-12-31'), false],
  ['no baseline: nothing to check', b(null, null), false],
  ['between points compares with the last before', b('1', '2020-05-15'), true],
];
for (const [name, baseline, issue] of issueCases) test(`reason: ${name}`, () => assert.equal(baselineReasonIssue(baseline, series, 'aantal') !== null, issue));

test('the refusal names the field and both values with their dates', () => {
  const i = baselineReasonIssue(b('2', '2019-12-31'), series, 'aantal')!;
  assert.equal(i.field, 'baselineReason');
  assert.equal(i.value, '2');
  assert.match(i.message, /nulmeting \(2 op 31-12-2019\) wijkt af van de eigen afgeleide reeks \(0 op 31-12-2019\)/);
});

test('prefill: empty baseline takes the first point, with the source named', () => {
  assert.deepEqual(prefillBaseline(b(null, null), series, 'de kwalificaties'), b('0', '2019-12-31', '', 'afgeleide reeks uit de kwalificaties, 31-12-2019'));
});
test('prefill: a date given takes the value at that date', () => {
  assert.equal(prefillBaseline(b(null, '2020-09-30'), series, 'x').baselineValue, '1');
});
test('prefill: a value given stays as it is (the reason check judges it)', () => {
  assert.deepEqual(prefillBaseline(b('2', '2019-12-31'), series, 'x'), b('2', '2019-12-31'));
});
test('prefill: without a series nothing is invented', () => {
  assert.deepEqual(prefillBaseline(b(null, null), [], 'x'), b(null, null));
});
