import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { allocateLargestRemainder, explainWeight, formatShare, weightsFor, type MemberFact, type Weight } from './allocation.ts';
import { VlechtError } from '../platform/errors.ts';

const HEEMSTEDE: MemberFact = { municipalityId: 'm-hs', cbsCode: 'GM0397', name: 'Heemstede' };
const BLOEMENDAAL: MemberFact = { municipalityId: 'm-bd', cbsCode: 'GM0377', name: 'Bloemendaal' };
const BLARICUM: MemberFact = { municipalityId: 'm-bl', cbsCode: 'GM0376', name: 'Blaricum' };
const EEMNES: MemberFact = { municipalityId: 'm-ee', cbsCode: 'GM0317', name: 'Eemnes' };
const LAREN: MemberFact = { municipalityId: 'm-la', cbsCode: 'GM0417', name: 'Laren' };
const HB = [HEEMSTEDE, BLOEMENDAAL];
const BEL = [BLARICUM, EEMNES, LAREN];

const asRecord = (shares: { key: string; cents: number }[]) => Object.fromEntries(shares.map((s) => [s.key, s.cents]));

/** Asserts a VlechtError VALIDATION whose messages match `message`. */
function rejects(fn: () => unknown, message: RegExp, field?: string) {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof VlechtError);
    assert.equal(e.code, 'VALIDATION');
    assert.match(e.issues.map((i) => i.message).join(' | '), message);
    if (field) assert.ok(e.issues.some((i) => i.field === field), `expected an issue on ${field}, got ${e.issues.map((i) => i.field)}`);
    return true;
  });
}

describe('largest-remainder allocation', () => {
  const cases: { name: string; total: number; weights: Weight[]; expected: Record<string, number> }[] = [
    { name: 'splits €30.000 equally over two municipalities', total: 3_000_000, weights: [{ key: 'GM0397', weight: 1 }, { key: 'GM0377', weight: 1 }], expected: { GM0397: 1_500_000, GM0377: 1_500_000 } },
    { name: 'splits €100 by inhabitants 27.000 / 23.000 into €54 and €46', total: 10_000, weights: [{ key: 'GM0397', weight: 27_000 }, { key: 'GM0377', weight: 23_000 }], expected: { GM0397: 5_400, GM0377: 4_600 } },
    { name: 'gives the one leftover cent of €1 over three municipalities to the smallest CBS code', total: 100, weights: [{ key: 'GM0376', weight: 1 }, { key: 'GM0317', weight: 1 }, { key: 'GM0417', weight: 1 }], expected: { GM0317: 34, GM0376: 33, GM0417: 33 } },
    { name: 'gives two leftover cents of €0,02 over three to the two smallest codes', total: 2, weights: [{ key: 'C', weight: 1 }, { key: 'A', weight: 1 }, { key: 'B', weight: 1 }], expected: { A: 1, B: 1, C: 0 } },
    { name: 'gives the leftover cent to the largest remainder, not the largest weight', total: 10, weights: [{ key: 'A', weight: 6 }, { key: 'B', weight: 3 }, { key: 'C', weight: 1 }, { key: 'D', weight: 5 }], expected: { A: 4, B: 2, C: 1, D: 3 } },
    { name: 'gives a municipality with weight 0 nothing', total: 999, weights: [{ key: 'A', weight: 0 }, { key: 'B', weight: 7 }], expected: { A: 0, B: 999 } },
    { name: 'splits a cost of €0 into nothing for everyone', total: 0, weights: [{ key: 'A', weight: 2 }, { key: 'B', weight: 1 }], expected: { A: 0, B: 0 } },
    { name: 'splits €10 miljard by weights up to 10^9 exactly (past 2^53)', total: 1_000_000_000_000, weights: [{ key: 'A', weight: 999_999_999 }, { key: 'B', weight: 1 }, { key: 'C', weight: 333_333_333 }], expected: { A: 749_999_999_437, B: 750, C: 249_999_999_813 } },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const shares = allocateLargestRemainder(c.total, c.weights);
      assert.deepEqual(asRecord(shares), c.expected);
      assert.deepEqual(shares.map((s) => s.key), c.weights.map((w) => w.key), 'keeps the input order');
    });
  }

  test('refuses to split when every weight is 0', () => {
    rejects(() => allocateLargestRemainder(100, [{ key: 'A', weight: 0 }, { key: 'B', weight: 0 }]), /gewicht 0/, 'allocationKey');
    rejects(() => allocateLargestRemainder(100, []), /gewicht 0/, 'allocationKey');
  });

  const badWeights: [string, number][] = [['negative', -1], ['fractional', 0.5], ['infinite', Infinity], ['not a number', NaN]];
  for (const [what, weight] of badWeights) {
    test(`refuses a ${what} weight`, () => rejects(() => allocateLargestRemainder(100, [{ key: 'A', weight }, { key: 'B', weight: 1 }]), /geheel getal van 0 of meer/));
  }

  const badTotals: [string, number][] = [['negative', -100], ['fractional', 10.5], ['above €10 miljard', 1_000_000_000_001]];
  for (const [what, total] of badTotals) {
    test(`refuses a ${what} total`, () => rejects(() => allocateLargestRemainder(total, [{ key: 'A', weight: 1 }]), /geheel aantal centen/, 'amountCents'));
  }

  test('refuses the same municipality twice', () => {
    rejects(() => allocateLargestRemainder(100, [{ key: 'A', weight: 1 }, { key: 'A', weight: 2 }]), /twee keer/);
  });
});

describe('largest-remainder allocation, for random totals and weights', () => {
  const weightsArb = fc.uniqueArray(
    fc.record({ key: fc.string({ minLength: 1, maxLength: 8 }), weight: fc.integer({ min: 0, max: 1_000_000_000 }) }),
    { selector: (w) => w.key, minLength: 1, maxLength: 12 },
  ).filter((ws) => ws.some((w) => w.weight > 0));
  const totalArb = fc.bigInt({ min: 0n, max: 1_000_000_000_000n }).map(Number);

  test('every share is ≥ 0 and the shares add up to the total exactly', () => {
    fc.assert(fc.property(totalArb, weightsArb, (total, weights) => {
      const shares = allocateLargestRemainder(total, weights);
      assert.ok(shares.every((s) => Number.isSafeInteger(s.cents) && s.cents >= 0));
      assert.equal(shares.reduce((acc, s) => acc + BigInt(s.cents), 0n), BigInt(total));
    }), { numRuns: 500 });
  });

  test('every share lies within one cent of the exact proportional value', () => {
    fc.assert(fc.property(totalArb, weightsArb, (total, weights) => {
      const sum = weights.reduce((acc, w) => acc + BigInt(w.weight), 0n);
      for (const [i, s] of allocateLargestRemainder(total, weights).entries()) {
        // |cents − total·w/Σw| < 1  ⇔  |cents·Σw − total·w| < Σw
        const diff = BigInt(s.cents) * sum - BigInt(total) * BigInt(weights[i].weight);
        assert.ok((diff < 0n ? -diff : diff) < sum, `share ${s.key}: ${s.cents}`);
      }
    }), { numRuns: 500 });
  });

  test('the share of each municipality does not depend on the order of the input', () => {
    fc.assert(fc.property(totalArb, weightsArb.chain((ws) => fc.tuple(fc.constant(ws), fc.shuffledSubarray(ws, { minLength: ws.length, maxLength: ws.length }))),
      (total, [weights, shuffled]) => {
        assert.deepEqual(asRecord(allocateLargestRemainder(total, shuffled)), asRecord(allocateLargestRemainder(total, weights)));
      }), { numRuns: 500 });
  });
});

describe('weights per allocation key', () => {
  test('equal key: one each', () => {
    assert.deepEqual(weightsFor('gelijk', { members: BEL }), [{ key: 'GM0376', weight: 1 }, { key: 'GM0317', weight: 1 }, { key: 'GM0417', weight: 1 }]);
  });

  test('inhabitants key: the population of the key year', () => {
    const population = new Map([['m-hs', new Map([[2022, 26_900], [2023, 27_000]])], ['m-bd', new Map([[2023, 23_000]])]]);
    assert.deepEqual(weightsFor('inwoners', { members: HB, keyYear: 2023, populationByMunicipality: population }), [{ key: 'GM0397', weight: 27_000 }, { key: 'GM0377', weight: 23_000 }]);
  });

  test('inhabitants key: a missing population names the municipality and the year', () => {
    const population = new Map([['m-hs', new Map([[2023, 27_000]])], ['m-bd', new Map([[2022, 23_000]])]]);
    rejects(() => weightsFor('inwoners', { members: HB, keyYear: 2023, populationByMunicipality: population }), /inwonertal van Bloemendaal \(GM0377\) in 2023 ontbreekt/, 'keyYear');
  });

  test('inhabitants key: without a key year it says which year is needed', () => {
    rejects(() => weightsFor('inwoners', { members: HB, populationByMunicipality: new Map() }), /jaar waarvan het inwonertal telt/, 'keyYear');
  });

  test('hours key: minutes per municipality served, 0 for one that got none', () => {
    assert.deepEqual(weightsFor('uren', { members: BEL, minutesServedByMunicipality: new Map([['m-bl', 600], ['m-la', 1_200]]) }),
      [{ key: 'GM0376', weight: 600 }, { key: 'GM0317', weight: 0 }, { key: 'GM0417', weight: 1_200 }]);
  });

  test('hours key: without any hours in the period it says so', () => {
    rejects(() => weightsFor('uren', { members: HB, minutesServedByMunicipality: new Map() }), /geen geregistreerde uren/);
  });

  test('FTE key: thousandths of FTE per municipality', () => {
    assert.deepEqual(weightsFor('fte', { members: HB, fteMilliByMunicipality: new Map([['m-hs', 3_500], ['m-bd', 2_500]]) }), [{ key: 'GM0397', weight: 3_500 }, { key: 'GM0377', weight: 2_500 }]);
  });

  test('fixed key: basis points per member', () => {
    assert.deepEqual(weightsFor('vast', { members: HB, fixedShares: { GM0397: 6_000, GM0377: 4_000 } }), [{ key: 'GM0397', weight: 6_000 }, { key: 'GM0377', weight: 4_000 }]);
  });

  const badFixed: { name: string; shares: Record<string, number> | null; message: RegExp }[] = [
    { name: 'that add up to 95%', shares: { GM0397: 5_500, GM0377: 4_000 }, message: /tellen op tot 95,00% in plaats van 100%/ },
    { name: 'that miss a member', shares: { GM0397: 10_000 }, message: /vaste percentage van Bloemendaal \(GM0377\) ontbreekt/ },
    { name: 'that name a municipality outside the cooperation', shares: { GM0397: 5_000, GM0377: 4_000, GM0376: 1_000 }, message: /GM0376 is in deze periode geen lid/ },
    { name: 'with a fractional basis point', shares: { GM0397: 5_000.5, GM0377: 4_999.5 }, message: /geheel aantal basispunten/ },
    { name: 'that are missing altogether', shares: null, message: /vast percentage per gemeente/ },
  ];
  for (const c of badFixed) {
    test(`fixed key: refuses shares ${c.name}`, () => rejects(() => weightsFor('vast', { members: HB, fixedShares: c.shares }), c.message));
  }

  test('refuses a cooperation without members in the period', () => {
    rejects(() => weightsFor('gelijk', { members: [] }), /geen leden/);
  });
});

describe('explaining a share in Dutch', () => {
  const cases: [string, Parameters<typeof explainWeight>, string][] = [
    ['inhabitants', ['inwoners', 27_000, 50_000, 2023], 'inwoners 2023: 27.000 van 50.000 (54,0%)'],
    ['equal', ['gelijk', 1, 3], 'gelijke delen: 1 van 3 gemeenten (33,3%)'],
    ['hours', ['uren', 90, 180], 'uren afgenomen: 1,5 van 3 uur (50,0%)'],
    ['FTE', ['fte', 3_500, 6_000], 'fte: 3,50 van 6,00 (58,3%)'],
    ['fixed', ['vast', 6_000, 10_000], 'vast aandeel: 60,00%'],
  ];
  for (const [name, args, expected] of cases) test(`${name} key: "${expected}"`, () => assert.equal(explainWeight(...args), expected));

  test('rounds a percentage half up on the exact ratio', () => {
    assert.equal(formatShare(1, 8), '12,5%');
    assert.equal(formatShare(1, 16), '6,3%');
    assert.equal(formatShare(2, 3), '66,7%');
    assert.equal(formatShare(5, 5), '100,0%');
  });
});
