import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { counterfactualOf, totalSavingByMunicipality } from './counterfactual.ts';

/** Intl puts a no-break space after €; compare with ordinary spaces. */
const plain = (s: string) => s.replace(/\u00a0/g, ' ');
const hr21 = [{ cbsCode: 'GM0397', name: 'Heemstede', cents: 1_500_000 }, { cbsCode: 'GM0377', name: 'Bloemendaal', cents: 1_500_000 }];

describe('standalone counterfactual', () => {
  test('one HR21 consultant for €30.000 instead of €20.000 each saves €5.000 each, €10.000 together (seed 003)', () => {
    const c = counterfactualOf(hr21, { GM0397: 2_000_000, GM0377: 2_000_000 });
    assert.deepEqual(c.lines.map((l) => [l.cbsCode, l.allocatedCents, l.standaloneCents, l.savingCents]), [
      ['GM0397', 1_500_000, 2_000_000, 500_000],
      ['GM0377', 1_500_000, 2_000_000, 500_000],
    ]);
    assert.equal(c.allocatedCents, 3_000_000);
    assert.equal(c.standaloneCents, 4_000_000);
    assert.equal(c.savingCents, 1_000_000);
    assert.equal(c.complete, true);
    assert.equal(plain(c.summary), 'Samen € 30.000,00 in plaats van € 40.000,00 alleen: € 10.000,00 besparing, 25,0%.');
  });

  const cases: { name: string; standalone: Record<string, number> | null; saving: number; complete: boolean; available: boolean; summary: RegExp }[] = [
    { name: 'shows extra cost when sharing is dearer than going alone', standalone: { GM0397: 1_400_000, GM0377: 1_400_000 }, saving: -200_000, complete: true, available: true, summary: /€ 2\.000,00 meerkosten/ },
    { name: 'sums only the municipalities with a standalone figure and says so', standalone: { GM0397: 2_000_000 }, saving: 500_000, complete: false, available: true, summary: /alleen voor de 1 van de 2 gemeenten/ },
    { name: 'says a saving cannot be determined without standalone figures', standalone: null, saving: 0, complete: false, available: false, summary: /niet te bepalen/ },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const result = counterfactualOf(hr21, c.standalone);
      assert.equal(result.savingCents, c.saving);
      assert.equal(result.complete, c.complete);
      assert.equal(result.available, c.available);
      assert.match(plain(result.summary), c.summary);
    });
  }

  test('lists standalone figures of municipalities that pay no share, and leaves them out of the sums', () => {
    const c = counterfactualOf(hr21, { GM0397: 2_000_000, GM0377: 2_000_000, GM0376: 900_000 });
    assert.deepEqual(c.unmatchedCodes, ['GM0376']);
    assert.equal(c.standaloneCents, 4_000_000);
  });

  test('adds up the savings per municipality over several cost items', () => {
    const items = [
      counterfactualOf(hr21, { GM0397: 2_000_000, GM0377: 2_000_000 }),
      counterfactualOf([{ cbsCode: 'GM0397', name: 'Heemstede', cents: 540_000 }, { cbsCode: 'GM0377', name: 'Bloemendaal', cents: 460_000 }], { GM0397: 600_000 }),
    ];
    assert.deepEqual(totalSavingByMunicipality(items), [
      { cbsCode: 'GM0377', name: 'Bloemendaal', allocatedCents: 1_500_000, standaloneCents: 2_000_000, savingCents: 500_000 },
      { cbsCode: 'GM0397', name: 'Heemstede', allocatedCents: 2_040_000, standaloneCents: 2_600_000, savingCents: 560_000 },
    ]);
  });
});
