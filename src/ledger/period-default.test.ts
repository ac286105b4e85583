import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPeriod, periodWords } from './period-default.ts';

const cases: [string, { first: string | null; last: string | null }, string, { from: string; to: string; kind: string; label: string }][] = [
  ['a complete year before a partial one: the complete year', { first: '2025-01-02', last: '2026-11-28' }, '2026-12-05', { from: '2025-01-01', to: '2025-12-31', kind: 'jaar', label: 'heel 2025' }],
  ['data ends in an earlier year', { first: '2019-01-01', last: '2020-12-31' }, '2026-12-05', { from: '2020-01-01', to: '2020-12-31', kind: 'jaar', label: 'heel 2020' }],
  ['only this year: the last complete quarter', { first: '2026-01-05', last: '2026-11-28' }, '2026-12-05', { from: '2026-07-01', to: '2026-09-30', kind: 'kwartaal', label: '3e kwartaal 2026' }],
  ['a quarter ending today is not complete', { first: '2026-01-05', last: '2026-03-31' }, '2026-03-31', { from: '2026-01-01', to: '2026-03-31', kind: 'onvolledig', label: '2026 tot en met 31-03-2026, onvolledig' }],
  ['a quarter that ended yesterday is complete', { first: '2026-01-05', last: '2026-03-31' }, '2026-04-01', { from: '2026-01-01', to: '2026-03-31', kind: 'kwartaal', label: '1e kwartaal 2026' }],
  ['only the running quarter: partial, said so', { first: '2026-11-02', last: '2026-11-30' }, '2026-12-05', { from: '2026-01-01', to: '2026-11-30', kind: 'onvolledig', label: '2026 tot en met 30-11-2026, onvolledig' }],
  ['from the start of the year: the year named', { first: '2026-01-01', last: '2026-02-10' }, '2026-02-15', { from: '2026-01-01', to: '2026-02-10', kind: 'onvolledig', label: '2026 tot en met 10-02-2026, onvolledig' }],
  ['the year ending today is not complete', { first: '2025-12-01', last: '2025-12-31' }, '2025-12-31', { from: '2025-01-01', to: '2025-12-31', kind: 'onvolledig', label: '2025 tot en met 31-12-2025, onvolledig' }],
  ['no data: last year', { first: null, last: null }, '2026-12-05', { from: '2025-01-01', to: '2025-12-31', kind: 'jaar', label: 'heel 2025' }],
];

for (const [name, span, today, want] of cases) {
  test(`defaultPeriod: ${name}`, () => {
    const got = defaultPeriod(span, today);
    assert.deepEqual(got, want);
  });
}

const words: [string, string, string, string][] = [
  ['2025-01-01', '2025-12-31', '2026-12-05', 'heel 2025'],
  ['2026-01-01', '2026-03-31', '2026-12-05', '1e kwartaal 2026'],
  ['2026-10-01', '2026-12-31', '2026-12-05', '4e kwartaal 2026 tot en met 05-12-2026, onvolledig'],
  ['2026-01-01', '2026-12-31', '2026-12-05', '2026 tot en met 05-12-2026, onvolledig'],
  ['2026-01-01', '2026-11-30', '2026-12-05', '2026 tot en met 30-11-2026, onvolledig'],
  ['2025-03-15', '2025-06-30', '2026-12-05', '15-03-2025 tot en met 30-06-2025'],
  ['2026-11-01', '2026-12-20', '2026-12-05', '01-11-2026 tot en met 20-12-2026, onvolledig'],
];
for (const [from, to, today, want] of words) {
  test(`periodWords ${from}..${to} on ${today}`, () => assert.equal(periodWords(from, to, today), want));
}
