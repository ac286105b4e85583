import { test } from 'node:test';
import assert from 'node:assert/strict';
import { costCentsOf, fteEquivalentMilli, pairBalances, periodLabel } from './balance.ts';

test('Heemstede staff worked 10 hours for Bloemendaal, Bloemendaal staff 4 for Heemstede: net 6 hours to Heemstede\'s credit', () => {
  const cells = [
    { employerId: 'H', servedId: 'B', minutes: 600, minuteCents: 600n * 6500n },
    { employerId: 'B', servedId: 'H', minutes: 240, minuteCents: 240n * 6000n },
    { employerId: 'H', servedId: 'H', minutes: 9_999, minuteCents: 1n },
  ];
  const [pair] = pairBalances(cells, ['H', 'B']);
  assert.deepEqual(pair, { a: 'H', b: 'B', aForB: { minutes: 600, costCents: 65_000 }, bForA: { minutes: 240, costCents: 24_000 }, netMinutes: 360, netCostCents: 41_000 });
});

test('three members give three pairs', () => {
  assert.equal(pairBalances([], ['B', 'E', 'L']).length, 3);
});

test('the net cost is rounded from the exact difference, symmetric around zero', () => {
  const cells = [
    { employerId: 'H', servedId: 'B', minutes: 1, minuteCents: 6550n },
    { employerId: 'B', servedId: 'H', minutes: 2, minuteCents: 2n * 6550n },
  ];
  const [pair] = pairBalances(cells, ['H', 'B']);
  assert.equal(pair.netCostCents, -109);
  assert.equal(pairBalances(cells, ['B', 'H'])[0].netCostCents, 109);
});

test('cost is rounded once, half up, from minutes × cents', () => {
  assert.equal(costCentsOf(90 * 6550), 9825); // 1,5 h × € 65,50 = € 98,25
  assert.equal(costCentsOf(1 * 6550), 109); // 1 minute at € 65,50 = 109,17 cents
  assert.equal(costCentsOf(BigInt(1_000_000) * BigInt(9_999)), 166_650_000);
});

test('1872 hours in a year is one FTE', () => {
  assert.equal(fteEquivalentMilli(1872 * 60, 365), 1000);
  assert.equal(fteEquivalentMilli(156 * 60, 365 / 12), 1000);
});

test('periods are labelled by month, quarter and year', () => {
  assert.equal(periodLabel('2025-05-14', 'maand'), '2025-05');
  assert.equal(periodLabel('2025-05-14', 'kwartaal'), '2025-K2');
  assert.equal(periodLabel('2025-05-14', 'jaar'), '2025');
});
