import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSalaryRecord, rateOn, type SalaryRate } from './salary-scale.ts';

const table: SalaryRate[] = [
  { scale: '10', step: 5, hourlyRateCents: 6_125, validFrom: '2025-01-01' },
  { scale: '10', step: 5, hourlyRateCents: 6_400, validFrom: '2026-01-01' },
  { scale: '10A', step: 5, hourlyRateCents: 6_700, validFrom: '2025-01-01' },
];

test('the rate valid on a day is the latest that started on or before it', () => {
  assert.equal(rateOn(table, '10', 5, '2024-12-31'), null);
  assert.equal(rateOn(table, '10', 5, '2025-01-01'), 6_125);
  assert.equal(rateOn(table, '10', 5, '2025-12-31'), 6_125);
  assert.equal(rateOn(table, '10', 5, '2026-06-01'), 6_400);
  assert.equal(rateOn(table, '10 a', 5, '2026-06-01'), 6_700);
  assert.equal(rateOn(table, '10', 6, '2026-06-01'), null);
});

test('a row of the table: every bad cell is named', () => {
  assert.deepEqual(parseSalaryRecord(2, { schaal: '10', trede: '5', uurtarief: '61,25', ingangsdatum: '01-01-2025' }).rate, { scale: '10', step: 5, hourlyRateCents: 6_125, validFrom: '2025-01-01' });
  const bad = parseSalaryRecord(3, { schaal: 'tien!', trede: '5,5', uurtarief: '-3', ingangsdatum: '31-02-2025' });
  assert.deepEqual(bad.problems.map((p) => [p.row, p.column]), [[3, 'schaal'], [3, 'trede'], [3, 'uurtarief'], [3, 'ingangsdatum']]);
  assert.equal(bad.rate, undefined);
});
