import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completedQuarters, derivedValue, methodText, type QuarterFigures } from './derive.ts';

test('completed quarters overlapping the ledger, the open quarter left out', () => {
  assert.deepEqual(completedQuarters('2024-07-01', '2025-12-31', '2026-03-15').map((q) => q.label), ['2024-K3', '2024-K4', '2025-K1', '2025-K2', '2025-K3', '2025-K4']);
  assert.deepEqual(completedQuarters('2024-08-15', '2024-11-02', '2026-01-01').map((q) => [q.from, q.to]), [['2024-07-01', '2024-09-30'], ['2024-10-01', '2024-12-31']]);
  assert.deepEqual(completedQuarters('2025-10-01', '2025-12-31', '2025-12-31').map((q) => q.label), [], 'the quarter ends today: still open');
  assert.deepEqual(completedQuarters('2024-01-01', '2024-02-29', '2024-04-01').map((q) => q.to), ['2024-03-31']);
});

const f: QuarterFigures = { totalMinutes: 168_000, otherMinutes: 74_115, substitutionMinutes: 3_615, overheadMinutes: 7_230, costCents: 15_470_000, minutesWithRate: 165_000 };

test('derived values are exact decimals rounded half away from zero', () => {
  assert.equal(derivedValue('aandeel-uren-andere-gemeente', f), '44.12'); // 74115 / 168000 = 44,1160…%
  assert.equal(derivedValue('vervangingsuren-per-kwartaal', f), '60.25');
  assert.equal(derivedValue('samenwerkingsuren-per-kwartaal', f), '120.5');
  assert.equal(derivedValue('vervangingsuren-per-kwartaal', { ...f, substitutionMinutes: 25 }), '0.42');
  assert.equal(derivedValue('aandeel-uren-andere-gemeente', { ...f, totalMinutes: 0 }), null, 'no hours is no measurement');
  // € 154.700 for 2.750 hours = € 56,2545…/hour × 1.872 = € 105.308,50 per FTE-year (exact: 105308.50909…).
  assert.equal(derivedValue('kosten-per-fte-per-kwartaal', f), '105308.51');
  assert.equal(derivedValue('kosten-per-fte-per-kwartaal', { ...f, minutesWithRate: 0 }), null, 'no hours with a rate: no cost per FTE');
});

test('cost per FTE says which hours count', () => {
  const q = completedQuarters('2025-01-01', '2025-03-31', '2026-01-01')[0];
  assert.equal(methodText('kosten-per-fte-per-kwartaal', q, 'team P&O', f, '105308.51'),
    'Afgeleid uit de urenregistratie van 2025-K1 (01-01-2025 t/m 31-03-2025), team P&O: kosten € 154.700,00 voor 2.750 uur met een bekend kostentarief (50 uur zonder tarief telt niet mee), maal 1.872 uur per fte-jaar = € 105.308,51 per fte.');
});

test('the method sentence names the period, the scope and every figure', () => {
  const q = completedQuarters('2025-01-01', '2025-03-31', '2026-01-01')[0];
  assert.equal(methodText('aandeel-uren-andere-gemeente', q, 'team P&O', f, '44.12'),
    'Afgeleid uit de urenregistratie van 2025-K1 (01-01-2025 t/m 31-03-2025), team P&O: 1.235,25 uur van in totaal 2.800 uur gewerkt voor een andere deelnemende gemeente dan de werkgever = 44,12% (afgerond op 2 decimalen).');
  assert.match(methodText('samenwerkingsuren-per-kwartaal', q, 'alle teams', f, '120.5'), /activiteit samenwerking .* = 120,5 uur \(van in totaal 2\.800 uur\)\.$/);
});
