/**
 * The disentanglement scenario against a computation by hand on a small team, the rule
 * that changing one assumption changes exactly the figures that depend on it, and
 * properties of the FTE balance.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeScenario, groupsOf, type ScenarioInput } from './scenario.ts';
import { DEFAULT_PARAMETERS, SCENARIO_PARAMETERS, type ParameterKey, type ScenarioParameters } from './parameters.ts';

const H = 'h';
const B = 'b';
const base: ScenarioInput = {
  team: { id: 't', name: 'P&O', sharedManager: true, managerMunicipalityId: H },
  members: [{ id: H, cbsCode: 'GM0397', name: 'Heemstede', inhabitants: 27_000 }, { id: B, cbsCode: 'GM0377', name: 'Bloemendaal', inhabitants: 23_000 }],
  leaving: 'alle',
  day: '2025-06-30',
  functions: [
    { id: 'f1', name: 'Salarisadministrateur', critical: true, requiredQualified: 2 },
    { id: 'f2', name: 'P&O-adviseur', critical: false, requiredQualified: 2 },
    { id: 'f3', name: 'Functioneel beheerder HR21', critical: true, requiredQualified: 1 },
  ],
  qualifications: [
    { functionId: 'f1', employeeId: 'anna', employerMunicipalityId: H, kind: 'primair', validFrom: '2020-01-01', validTo: null },
    { functionId: 'f1', employeeId: 'bram', employerMunicipalityId: B, kind: 'achtervang', validFrom: '2020-01-01', validTo: null },
    { functionId: 'f2', employeeId: 'carla', employerMunicipalityId: H, kind: 'primair', validFrom: '2020-01-01', validTo: null },
    { functionId: 'f2', employeeId: 'dirk', employerMunicipalityId: H, kind: 'achtervang', validFrom: '2020-01-01', validTo: null },
    { functionId: 'f3', employeeId: 'eva', employerMunicipalityId: B, kind: 'primair', validFrom: '2020-01-01', validTo: null },
  ],
  employedFteMilli: { [H]: 5000, [B]: 3000 },
  servedMinutes: { [H]: 3000, [B]: 5000 },
  agreements: [
    { id: 'a1', name: 'HR21', kind: 'applicatie', pricing: { model: 'staffel', basis: 'inwoners', tiers: [{ fromUnits: 0, unitCents: 40 }, { fromUnits: 40_000, unitCents: 30 }] }, usedBy: [H, B], users: {} },
    { id: 'a2', name: 'Advies', kind: 'contract', pricing: { model: 'vast', yearlyCents: 1_000_000 }, usedBy: [H, B], users: {} },
    { id: 'a3', name: 'Verzuim', kind: 'applicatie', pricing: { model: 'per-gebruiker', unitCents: 10_000 }, usedBy: [B], users: { [B]: 5 } },
  ],
  parameters: { ...DEFAULT_PARAMETERS, legalAdviceCents: 2_500_000 },
};

describe('a full split of a small team, against a computation by hand', () => {
  const r = computeScenario(base);
  const [h, b] = r.groups;
  test('FTE: used = 8 fte × share of hours; Heemstede 2 fte surplus, Bloemendaal 2 fte short', () => {
    assert.deepEqual([h.employedFteMilli, h.usedFteMilli, h.gapFteMilli], [5000, 3000, -2000]);
    assert.deepEqual([b.employedFteMilli, b.usedFteMilli, b.gapFteMilli], [3000, 5000, 2000]);
  });
  test('functions: reappearing eenpitters, critical functions uncovered, qualifications to restore', () => {
    assert.deepEqual(h.reappearingSinglePerson, ['Salarisadministrateur']);
    assert.deepEqual(b.reappearingSinglePerson, ['Salarisadministrateur'], 'f3 was already an eenpitter in the pool');
    assert.deepEqual(h.criticalUncovered, ['Functioneel beheerder HR21']);
    assert.deepEqual(b.criticalUncovered, []);
    assert.deepEqual([h.qualificationsToRestore, b.qualificationsToRestore], [2, 3]);
    assert.deepEqual([h.needsManager, b.needsManager], [false, true]);
  });
  test('licences: staffel 50.000 inhabitants at € 0,30 shared; alone € 0,40; fixed price paid in full by each', () => {
    const a1h = h.agreements.find((a) => a.id === 'a1')!;
    assert.deepEqual([a1h.beforeCents, a1h.afterCents, a1h.volumeDiscountLostCents], [810_000, 1_080_000, 270_000]);
    const a1b = b.agreements.find((a) => a.id === 'a1')!;
    assert.deepEqual([a1b.beforeCents, a1b.afterCents, a1b.volumeDiscountLostCents], [690_000, 920_000, 230_000]);
    const a2h = h.agreements.find((a) => a.id === 'a2')!;
    assert.deepEqual([a2h.beforeCents, a2h.afterCents], [540_000, 1_000_000]);
    const a3 = b.agreements.find((a) => a.id === 'a3')!;
    assert.deepEqual([a3.splitNeeded, a3.extraCents, a3.oneOffCents], [false, 0, 0], 'used by one side only: nothing to split');
    assert.equal(h.agreements.some((a) => a.id === 'a3'), false);
  });
  test('one-off and recurring per municipality', () => {
    assert.deepEqual(h.oneOff, { recruitmentCents: 0, managerRecruitmentCents: 0, qualificationCents: 1_000_000, migrationCents: 2_500_000, contractSplitCents: 500_000, legalCents: 2_500_000, totalCents: 6_500_000 });
    assert.deepEqual(h.recurring, { staffCents: 0, managerCents: 0, agreementsCents: 730_000, totalCents: 730_000 });
    assert.deepEqual(b.oneOff, { recruitmentCents: 3_000_000, managerRecruitmentCents: 1_500_000, qualificationCents: 1_500_000, migrationCents: 2_500_000, contractSplitCents: 500_000, legalCents: 2_500_000, totalCents: 11_500_000 });
    assert.deepEqual(b.recurring, { staffCents: 17_000_000, managerCents: 11_000_000, agreementsCents: 770_000, totalCents: 28_770_000 });
    assert.deepEqual(r.totals, { oneOffCents: 18_000_000, recurringCents: 29_500_000, fteShortageMilli: 2000, functionsUncovered: 2, criticalUncovered: 1, reappearingSinglePerson: 2, volumeDiscountLostCents: 500_000 });
  });
  test('a leaving municipality: the leaver first, then the rest; with two members the same figures', () => {
    const leave = computeScenario({ ...base, leaving: B });
    assert.deepEqual(leave.groups.map((g) => g.label), ['Bloemendaal', 'Heemstede']);
    assert.deepEqual(leave.totals, r.totals);
  });
  test('without hours the used FTE equals the employed FTE, and the result says so', () => {
    const none = computeScenario({ ...base, servedMinutes: {} });
    assert.equal(none.hoursAvailable, false);
    assert.equal(none.totals.fteShortageMilli, 0);
  });
});

/** Every leaf of the result as path → value, with group and agreement positions left out. */
function leaves(x: unknown, path = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (x !== null && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) leaves(v, path ? `${path}.${k}` : k, out);
  } else out.set(path, x);
  return out;
}
const kind = (path: string) => path.replace(/^groups\.\d+\./, '').replace(/^agreements\.\d+\./, 'agreements.');

const DEPENDS: Record<ParameterKey, string[]> = {
  recruitmentPerFteCents: ['oneOff.recruitmentCents', 'oneOff.managerRecruitmentCents', 'oneOff.totalCents', 'totals.oneOffCents'],
  yearlyCostPerFteCents: ['recurring.staffCents', 'recurring.totalCents', 'totals.recurringCents'],
  surplusReductionPct: ['recurring.staffCents', 'recurring.totalCents', 'totals.recurringCents'],
  managerYearlyCostCents: ['recurring.managerCents', 'recurring.totalCents', 'totals.recurringCents'],
  qualificationCostCents: ['oneOff.qualificationCents', 'oneOff.totalCents', 'totals.oneOffCents'],
  migrationPerApplicationCents: ['agreements.oneOffCents', 'oneOff.migrationCents', 'oneOff.totalCents', 'totals.oneOffCents'],
  contractSplitCents: ['agreements.oneOffCents', 'oneOff.contractSplitCents', 'oneOff.totalCents', 'totals.oneOffCents'],
  legalAdviceCents: ['oneOff.legalCents', 'oneOff.totalCents', 'totals.oneOffCents'],
  fixedPriceAfterSplitPct: ['agreements.afterCents', 'agreements.extraCents', 'recurring.agreementsCents', 'recurring.totalCents', 'totals.recurringCents'],
  // Only how the shared fixed price was divided: it moves cost between municipalities, the total stays.
  fixedCostSharePct: ['agreements.beforeCents', 'agreements.extraCents', 'recurring.agreementsCents', 'recurring.totalCents'],
};

describe('changing one assumption changes exactly the figures that depend on it', () => {
  const before = leaves(computeScenario(base));
  for (const p of SCENARIO_PARAMETERS) {
    test(p.key, () => {
      const value = p.unit === '%' ? (base.parameters[p.key] === 50 ? 60 : 50) : base.parameters[p.key] + 12_345;
      const after = leaves(computeScenario({ ...base, parameters: { ...base.parameters, [p.key]: value } as ScenarioParameters }));
      const changed = new Set([...after.keys()].filter((k) => after.get(k) !== before.get(k) && !k.startsWith('parameters.')).map(kind));
      assert.deepEqual([...changed].sort(), [...DEPENDS[p.key]].sort());
      assert.equal(after.get(`parameters.${p.key}`), value, 'the result shows the value it used');
    });
  }
});

describe('properties', () => {
  const arb = fc.record({
    employedH: fc.integer({ min: 0, max: 20_000 }), employedB: fc.integer({ min: 0, max: 20_000 }),
    minutesH: fc.integer({ min: 0, max: 1_000_000 }), minutesB: fc.integer({ min: 0, max: 1_000_000 }),
  });
  test('full split: shortages and surpluses balance within one thousandth of an FTE; totals are the sum of their parts', () => {
    fc.assert(fc.property(arb, (x) => {
      const r = computeScenario({ ...base, employedFteMilli: { [H]: x.employedH, [B]: x.employedB }, servedMinutes: { [H]: x.minutesH, [B]: x.minutesB } });
      assert.ok(Math.abs(r.groups.reduce((s, g) => s + g.gapFteMilli, 0)) <= 1);
      for (const g of r.groups) {
        const o = g.oneOff;
        assert.equal(o.totalCents, o.recruitmentCents + o.managerRecruitmentCents + o.qualificationCents + o.migrationCents + o.contractSplitCents + o.legalCents);
        assert.ok(o.recruitmentCents >= 0);
      }
    }));
  });
  test('groups: full split gives one group per member, a leaver splits off alone', () => {
    assert.equal(groupsOf(base.members, 'alle').length, 2);
    assert.deepEqual(groupsOf(base.members, H).map((g) => g.map((m) => m.id)), [[H], [B]]);
  });
});
