/** Eenpitters and coverage: table tests, and properties against an independent count. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { coverageByScope, coverageOn, quarterEnds, quarterLabel, summarise, type FunctionFact, type QualificationFact } from './coverage.ts';

const H = 'heemstede';
const B = 'bloemendaal';
const F: FunctionFact[] = [
  { id: 'f1', name: 'Salarisadministrateur', critical: true, requiredQualified: 2 },
  { id: 'f2', name: 'P&O-adviseur', critical: false, requiredQualified: 2 },
  { id: 'f3', name: 'Functioneel beheerder HR21', critical: true, requiredQualified: 1 },
];
const q = (functionId: string, employeeId: string, employer: string, kind: 'primair' | 'achtervang', validFrom = '2020-01-01', validTo: string | null = null): QualificationFact =>
  ({ functionId, employeeId, employerMunicipalityId: employer, kind, validFrom, validTo });

describe('coverage on a date', () => {
  const quals = [
    q('f1', 'anna', H, 'primair'), q('f1', 'bram', B, 'achtervang', '2024-01-01'),
    q('f2', 'carla', H, 'primair'), q('f2', 'carla', H, 'achtervang'), // one person twice counts once
    q('f3', 'daan', B, 'primair', '2020-01-01', '2025-01-01'), // ended
  ];
  test('pooled: f1 covered by two people, f2 an eenpitter, f3 uncovered since its only person left', () => {
    const rows = coverageOn(F, quals, [H, B], '2025-06-30');
    assert.deepEqual(rows.map((r) => [r.name, r.qualified, r.primary, r.backup, r.singlePerson, r.uncovered, r.covered]), [
      ['Salarisadministrateur', 2, 1, 1, false, false, true],
      ['P&O-adviseur', 1, 1, 0, true, false, false],
      ['Functioneel beheerder HR21', 0, 0, 0, false, true, false],
    ]);
    assert.deepEqual(summarise(rows), { functions: 3, singlePerson: 1, uncovered: 1, criticalUncovered: 1, criticalSinglePerson: 0, covered: 1, coveragePct: 33.3, missingQualifications: 2 });
  });
  test('standalone: Heemstede alone has f1 as eenpitter; before the backup started the pool had it too', () => {
    const [h, b, pooled] = coverageByScope(F, quals, [H, B], '2025-06-30');
    assert.equal(h.summary.singlePerson, 2);
    assert.equal(b.summary.uncovered, 2);
    assert.equal(pooled.scope, 'samen');
    assert.equal(coverageOn(F, quals, [H, B], '2023-12-31')[0].singlePerson, true);
  });
  test('no functions: coverage is unknown, not 0%', () => assert.equal(summarise([]).coveragePct, null));
});

describe('quarters', () => {
  test('quarter ends up to the last day, the running quarter ends on that day', () => {
    assert.deepEqual(quarterEnds('2024-11-15', '2025-05-10'), ['2024-12-31', '2025-03-31', '2025-05-10']);
    assert.equal(quarterLabel('2025-05-10'), '2025-K2');
  });
});

const arbQuals = fc.array(fc.record({
  functionId: fc.constantFrom('f1', 'f2', 'f3'),
  employeeId: fc.constantFrom('e1', 'e2', 'e3', 'e4', 'e5', 'e6'),
  kind: fc.constantFrom('primair' as const, 'achtervang' as const),
  fromYear: fc.integer({ min: 2015, max: 2025 }),
  years: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
}), { maxLength: 25 });
const employerOf = (e: string) => (['e1', 'e2', 'e3'].includes(e) ? H : B);
const toFacts = (xs: { functionId: string; employeeId: string; kind: 'primair' | 'achtervang'; fromYear: number; years: number | null }[]): QualificationFact[] =>
  xs.map((x) => q(x.functionId, x.employeeId, employerOf(x.employeeId), x.kind, `${x.fromYear}-01-01`, x.years === null ? null : `${x.fromYear + x.years}-01-01`));

describe('properties', () => {
  test('eenpitters and coverage equal an independent count of distinct qualified people per function', () => {
    fc.assert(fc.property(arbQuals, fc.integer({ min: 2014, max: 2031 }), (xs, year) => {
      const facts = toFacts(xs);
      const day = `${year}-07-01`;
      for (const scope of [[H], [B], [H, B]]) {
        const people = (f: string) => new Set(facts.filter((x) => x.functionId === f && scope.includes(x.employerMunicipalityId) && x.validFrom <= day && (x.validTo === null || day < x.validTo)).map((x) => x.employeeId)).size;
        const s = summarise(coverageOn(F, facts, scope, day));
        assert.equal(s.singlePerson, F.filter((f) => people(f.id) === 1).length);
        assert.equal(s.uncovered, F.filter((f) => people(f.id) === 0).length);
        assert.equal(s.covered, F.filter((f) => people(f.id) >= f.requiredQualified).length);
      }
    }));
  });
  test('pooling never lowers the number qualified: pooled = sum over municipalities', () => {
    fc.assert(fc.property(arbQuals, (xs) => {
      const facts = toFacts(xs);
      const [h, b, pooled] = coverageByScope(F, facts, [H, B], '2022-07-01');
      pooled.rows.forEach((r, i) => assert.equal(r.qualified, h.rows[i].qualified + b.rows[i].qualified));
      assert.ok(pooled.summary.covered >= Math.max(h.summary.covered, b.summary.covered));
    }));
  });
});
