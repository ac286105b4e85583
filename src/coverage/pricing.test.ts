/** Yearly price under each pricing model. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describePricing, unitPriceFor, yearlyCost, type Pricing } from './pricing.ts';
import { formatCents } from '../platform/i18n/format.ts';

const staffel: Pricing = { model: 'staffel', basis: 'inwoners', tiers: [{ fromUnits: 40_000, unitCents: 30 }, { fromUnits: 0, unitCents: 40 }] };
const cases: [string, Pricing, number, number][] = [
  ['fixed price does not depend on size', { model: 'vast', yearlyCents: 1_200_000 }, 27_000, 1_200_000],
  ['per inhabitant: 27.000 × € 0,35', { model: 'per-inwoner', unitCents: 35 }, 27_000, 945_000],
  ['per user: 12 × € 150', { model: 'per-gebruiker', unitCents: 15_000 }, 12, 180_000],
  ['per inhabitant with fractional cents rounds once', { model: 'per-inwoner', unitCents: 12.5 }, 3, 38],
  ['staffel pooled (50.000) gets the cheaper tier', staffel, 50_000, 1_500_000],
  ['staffel alone (23.000) pays the dearer tier', staffel, 23_000, 920_000],
  ['staffel exactly at the threshold', staffel, 40_000, 1_200_000],
];
for (const [name, pricing, units, cents] of cases) test(name, () => assert.equal(yearlyCost(pricing, units), cents));

test('unit price of the tier reached; none for a fixed price', () => {
  assert.equal(unitPriceFor(staffel, 39_999), 40);
  assert.equal(unitPriceFor({ model: 'vast', yearlyCents: 1 }, 10), null);
});

test('the price in Dutch words', () => {
  assert.equal(describePricing(staffel, formatCents).replace(/\u00a0/g, ' '), 'staffel per inwoner: vanaf 0 € 0,40, vanaf 40.000 € 0,30');
});
