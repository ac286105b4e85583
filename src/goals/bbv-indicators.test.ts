import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { bbvIndicator, missingFigures, type MemberYear } from './bbv-indicators.ts';

const member = (over: Partial<MemberYear>): MemberYear => ({
  cbsCode: 'GM0397', name: 'Heemstede', inhabitants: 27_000, inhabitantsSource: 'CBS', formatieFteMilli: 200_000, bezettingFteMilli: 190_500,
  loonsomCents: 1_500_000_000, inhuurCents: 250_000_000, apparaatskostenCents: 2_100_000_000, overheadCents: 900_000_000, totaleLastenCents: 9_000_000_000,
  figuresSource: 'jaarrekening', ...over,
});
const heemstede = member({});
const bloemendaal = member({ cbsCode: 'GM0377', name: 'Bloemendaal', inhabitants: 23_000, formatieFteMilli: 180_000, bezettingFteMilli: 175_250, loonsomCents: 1_400_000_000, inhuurCents: 100_000_000, apparaatskostenCents: 1_900_000_000, overheadCents: 700_000_000, totaleLastenCents: 8_000_000_000 });

test('formatie per 1.000 inwoners for two municipalities together', () => {
  // (200 + 180) fte / (27.000 + 23.000) inwoners × 1.000 = 7,6
  assert.equal(bbvIndicator('bbv-formatie-per-1000-inwoners', 2024, [heemstede, bloemendaal])!.value, '7.6');
  // one municipality alone: 200 / 27.000 × 1.000 = 7,407… → 7,41
  assert.equal(bbvIndicator('bbv-formatie-per-1000-inwoners', 2024, [heemstede])!.value, '7.41');
});

test('rounding is half away from zero on the exact quotient', () => {
  // 365,75 fte / 50.000 inwoners × 1.000 = 7,315 exactly → 7,32
  assert.equal(bbvIndicator('bbv-bezetting-per-1000-inwoners', 2024, [heemstede, bloemendaal])!.value, '7.32');
  // € 40.000.000 / 50.000 = € 800
  assert.equal(bbvIndicator('bbv-apparaatskosten-per-inwoner', 2024, [heemstede, bloemendaal])!.value, '800');
  // 3.500.000 / (29.000.000 + 3.500.000) × 100 = 10,769… → 10,77
  assert.equal(bbvIndicator('bbv-externe-inhuur', 2024, [heemstede, bloemendaal])!.value, '10.77');
  // 16.000.000 / 170.000.000 × 100 = 9,411… → 9,41
  assert.equal(bbvIndicator('bbv-overhead', 2024, [heemstede, bloemendaal])!.value, '9.41');
});

test('the method names every figure and source; a missing figure gives no value and is named', () => {
  const r = bbvIndicator('bbv-externe-inhuur', 2024, [heemstede, bloemendaal])!;
  assert.match(r.method, /€ 3\.500\.000,00/);
  assert.match(r.method, /Heemstede € 2\.500\.000,00, Bloemendaal € 1\.000\.000,00/);
  assert.match(r.method, /jaarrekening/);
  const gap = member({ inhuurCents: null });
  assert.equal(bbvIndicator('bbv-externe-inhuur', 2024, [gap, bloemendaal]), null);
  assert.deepEqual(missingFigures('bbv-externe-inhuur', gap), ['externe inhuur']);
  assert.equal(bbvIndicator('bbv-overhead', 2024, [gap, bloemendaal])!.value, '9.41', 'other indicators do not need inhuur');
});

test('property: the combined value lies between the members’ own values (a weighted mean)', () => {
  fc.assert(fc.property(fc.integer({ min: 1_000, max: 900_000 }), fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 1_000, max: 900_000 }), fc.integer({ min: 0, max: 5_000_000 }), (n1, f1, n2, f2) => {
    const a = member({ inhabitants: n1, formatieFteMilli: f1 });
    const b = member({ cbsCode: 'GM0377', name: 'B', inhabitants: n2, formatieFteMilli: f2 });
    const v = (ms: MemberYear[]) => Number(bbvIndicator('bbv-formatie-per-1000-inwoners', 2024, ms)!.value);
    const [lo, hi] = [v([a]), v([b])].sort((x, y) => x - y);
    const both = v([a, b]);
    return both >= lo - 0.01 && both <= hi + 0.01;
  }));
});
