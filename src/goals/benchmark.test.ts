/**
 * The benchmark formula against every row of appendix D of seed 000 (2012 and 2017), the
 * comparison of chapter 7.3, and the places where the report's own text does not follow
 * its tables (each marked SEED DISCREPANCY).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  combineTaakvelden, compareYears, computeBenchmark, exactRatio, formatScaled, kostenPerFte, presentBenchmark,
  REPORT_ROUNDING_2012, REPORT_ROUNDING_2017, roundHalfAwayFromZero, type BenchmarkInput, type BenchmarkResult,
} from './benchmark.ts';
import { benchmarkCsvRow, parseExactDecimal } from './benchmark.schema.ts';
import { BENCHMARK_2012, BENCHMARK_2017, BENCHMARK_VERGELIJKING, OVERHEAD_2017, TOTALE_FORMATIE_2012, type BenchmarkFact } from '../demo/benchmark-facts.ts';
import { VlechtError } from '../platform/errors.ts';

const withReference = (input: BenchmarkInput, milliFte: number): BenchmarkInput => ({ ...input, referentie: { soort: 'fte', milliFte } });
const byKey = (facts: BenchmarkFact[], key: string) => computeBenchmark(facts.find((f) => f.input.taakveld === key)!.input);
const pct = (r: ReturnType<typeof exactRatio> | null, decimals: number) => formatScaled(roundHalfAwayFromZero(r!, decimals, true), decimals, true);

function rejects(fn: () => unknown, field: string, message: RegExp) {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof VlechtError);
    assert.equal(e.code, 'VALIDATION');
    assert.ok(e.issues.some((i) => i.field === field && message.test(i.message)), JSON.stringify(e.issues));
    return true;
  });
}

describe('appendix D 2012: formation against the reference group', () => {
  for (const fact of BENCHMARK_2012) {
    const p = fact.gepubliceerd;
    test(`${fact.label}: ${p.fte} fte, ${p.afwijkingFte} fte, ${p.afwijkingFtePct}%`, () => {
      const [low, high] = fact.referentieMilliFteBereik;
      for (const milliFte of [fact.input.referentie.soort === 'fte' ? fact.input.referentie.milliFte : NaN, low, high]) {
        const shown = presentBenchmark(computeBenchmark(withReference(fact.input, milliFte)), REPORT_ROUNDING_2012);
        assert.deepEqual(
          [shown.eigenFte, shown.eigenAandeel, shown.referentieAandeel, shown.afwijkingFte, shown.afwijkingFtePct],
          [p.fte, p.eigenAandeel, p.referentieAandeel, p.afwijkingFte, p.afwijkingFtePct],
          `reference ${milliFte / 1000} fte`,
        );
        assert.equal(shown.eigenKosten, null, '2012 benchmarked formation only');
      }
    });
  }

  test('Informatisering en Automatisering 2012: 8,75 fte, +3,8 fte, +77,6% (issue 4)', () => {
    const shown = presentBenchmark(byKey(BENCHMARK_2012, 'informatisering-en-automatisering'), REPORT_ROUNDING_2012);
    assert.equal(shown.samenvatting, '2012: formatie 8,75 fte, +3,8 fte (+77,6%) ten opzichte van de referentiegroep.');
  });

  test('the printed share (3,0%) is too coarse: computing from it gives +75,8% instead of +77,6%', () => {
    const fact = BENCHMARK_2012.find((f) => f.input.taakveld === 'informatisering-en-automatisering')!;
    const r = computeBenchmark({ ...fact.input, referentie: { soort: 'aandeel', ppm: 30_000 } });
    assert.equal(presentBenchmark(r, REPORT_ROUNDING_2012).afwijkingFtePct, '+75,8');
  });

  test('overhead is 36,4% of the total formation of 165,95 fte (appendix D and chapter 7.3)', () => {
    const share = exactRatio(TOTALE_FORMATIE_2012.overheadMilliFte, TOTALE_FORMATIE_2012.milliFte);
    assert.equal(formatScaled(roundHalfAwayFromZero(share, 1, true), 1), TOTALE_FORMATIE_2012.overheadPct);
  });

  test('the six taakvelden together are 2 fte above the reference group (chapter 7.3)', () => {
    const all = combineTaakvelden(BENCHMARK_2012.map((f) => computeBenchmark(f.input)), 'specifieke overhead');
    assert.equal(presentBenchmark(all, { ...REPORT_ROUNDING_2012, fteDecimals: 0 }).afwijkingFte, '+2');
  });
});

describe('appendix D 2017: formation and cost against the reference group', () => {
  for (const fact of BENCHMARK_2017) {
    const p = fact.gepubliceerd;
    const k = p.kosten!;
    test(`${fact.label}: ${p.afwijkingFte} fte / ${p.afwijkingFtePct}%, € ${k.eigen}, ${k.afwijking}, ${k.afwijkingPct}%`, () => {
      const [low, high] = fact.referentieMilliFteBereik;
      for (const milliFte of [fact.input.referentie.soort === 'fte' ? fact.input.referentie.milliFte : NaN, low, high]) {
        const shown = presentBenchmark(computeBenchmark(withReference(fact.input, milliFte)), REPORT_ROUNDING_2017);
        assert.deepEqual(
          [shown.eigenFte, shown.afwijkingFte, shown.afwijkingFtePct, shown.eigenKosten, shown.afwijkingKosten, shown.afwijkingKostenPct],
          [p.fte, p.afwijkingFte, p.afwijkingFtePct, k.eigen, k.afwijking, k.afwijkingPct],
          `reference ${milliFte / 1000} fte`,
        );
      }
    });
  }

  test('Juridische Zaken 2017: € 294.556, +€ 78.988, +37% (issue 4)', () => {
    const shown = presentBenchmark(byKey(BENCHMARK_2017, 'juridische-zaken'), REPORT_ROUNDING_2017);
    assert.equal(shown.samenvatting,
      '2017: formatie 3,69 fte, +1,1 fte (+43%) ten opzichte van de referentiegroep; kosten € 294.556, +€ 78.988 (+37%).');
    assert.equal(shown.referentieKosten, '215.568');
  });

  test('the printed 2017 shares all fit one (unprinted) total formation of 162,3 fte', () => {
    // The report does not print the 2017 total; every own and reference share of the
    // table rounds right for a total between 162,05 and 162,64 fte with these references.
    for (const totaleMilliFte of [162_050, 162_300, 162_640]) {
      for (const fact of BENCHMARK_2017) {
        const shown = presentBenchmark(computeBenchmark({ ...fact.input, totaleMilliFte }), REPORT_ROUNDING_2017);
        assert.deepEqual([shown.eigenAandeel, shown.referentieAandeel], [fact.gepubliceerd.eigenAandeel, fact.gepubliceerd.referentieAandeel], `${fact.label} at ${totaleMilliFte}`);
      }
    }
  });

  test('the seven taakvelden together are 5 fte below the reference (chapter 7.3), +€ 89.483 of the +€ 250.393 overhead', () => {
    const all = combineTaakvelden(BENCHMARK_2017.map((f) => computeBenchmark(f.input)), 'specifieke overhead');
    assert.equal(presentBenchmark(all, { ...REPORT_ROUNDING_2017, fteDecimals: 0 }).afwijkingFte, '-5');
    // -5,4 for these seven; appendix D's "-5,3 fte" is all overhead, a wider set.
    assert.equal(presentBenchmark(all, REPORT_ROUNDING_2017).afwijkingFte, '-5,4');
    assert.equal(all.kosten!.afwijkingCents, 8_948_300);
    assert.ok(all.kosten!.afwijkingCents < OVERHEAD_2017.afwijkingKostenCents, 'the table is a part of all overhead');
  });

  test('SEED DISCREPANCY: "+37% kosten per fte" is the total-cost deviation; per fte Juridische Zaken is cheaper', () => {
    const fact = BENCHMARK_2017.find((f) => f.input.taakveld === 'juridische-zaken')!;
    for (const milliFte of fact.referentieMilliFteBereik) {
      const perFte = kostenPerFte(computeBenchmark(withReference(fact.input, milliFte)))!;
      assert.ok(perFte.afwijkingFractie!.num < 0n, `per fte below the reference at ${milliFte / 1000} fte`);
    }
    assert.equal(pct(kostenPerFte(byKey(BENCHMARK_2017, 'juridische-zaken'))!.afwijkingFractie, 0), '-4');
  });

  test('SEED DISCREPANCY: per fte Inkoop is about +211%, Financiën about -1%, not the +155% and -14% the prose calls "per fte"', () => {
    assert.equal(pct(kostenPerFte(byKey(BENCHMARK_2017, 'inkoop'))!.afwijkingFractie, 0), '+211');
    assert.equal(pct(kostenPerFte(byKey(BENCHMARK_2017, 'financien-en-control'))!.afwijkingFractie, 0), '-1');
  });

  test('SEED DISCREPANCY: 28,4 against 45,5 m² per fte is -37,6%, printed as "37% lager"', () => {
    // Only the rounded m² are printed; unrounded values (e.g. 28,44 and 45,45) could give
    // -37%, so this is a doubt about the printed figures rather than a proven error.
    const deviation = exactRatio(284 - 455, 455);
    assert.equal(pct(deviation, 1), '-37,6');
    assert.equal(pct(deviation, 0), '-38');
  });
});

describe('2012 against 2017 (chapter 7.3)', () => {
  const in2012 = (key: string) => byKey(BENCHMARK_2012, key);
  const in2017 = (keys: string[], as: string): BenchmarkResult =>
    keys.length === 1 ? byKey(BENCHMARK_2017, keys[0]) : combineTaakvelden(keys.map((k) => byKey(BENCHMARK_2017, k)), as);

  for (const c of BENCHMARK_VERGELIJKING) {
    test(`${c.label}: "${c.tekst}"`, () => {
      const comparison = compareYears(in2012(c.taakveld2012), in2017(c.taakvelden2017, c.taakveld2012));
      assert.equal(comparison.relatieveOntwikkeling, c.ontwikkeling);
      assert.equal(comparison.eigenKostenVerschilCents, null, 'no cost in 2012');
    });
  }

  test('Informatisering is labelled "Afname" although its own formation grew from 8,75 to 9,74 fte', () => {
    const c = compareYears(in2012('informatisering-en-automatisering'), in2017(['informatisering-en-automatisering'], ''));
    assert.equal(formatScaled(roundHalfAwayFromZero(c.eigenFteVerschil, 2), 2, true), '+0,99');
    assert.equal(formatScaled(roundHalfAwayFromZero(c.afwijkingPuntenVerschil!, 1), 1, true), '-90,6');
  });

  test('SEED DISCREPANCY: Facilitaire dienst 2017 with Inkoop (as 2012 counted it) is -2,9 fte / -35% and +€ 121.892 / +18%, not -36% and +2%', () => {
    const shown = presentBenchmark(in2017(['facilitaire-dienst', 'inkoop'], 'facilitaire-dienst-en-inkoop'), REPORT_ROUNDING_2017);
    assert.deepEqual([shown.eigenFte, shown.afwijkingFte, shown.afwijkingFtePct, shown.afwijkingKosten, shown.afwijkingKostenPct], ['5,43', '-2,9', '-35', '+121.892', '+18']);
  });

  test('a margin of 10 points would call Communicatie (-14,4% → -25%) a decrease; the report says stable', () => {
    assert.equal(compareYears(in2012('communicatie'), in2017(['communicatie'], ''), 10).relatieveOntwikkeling, 'afname');
  });
});

describe('benchmark arithmetic', () => {
  const base: BenchmarkInput = { taakveld: 'p-en-o', jaar: 2020, eigenMilliFte: 5000, totaleMilliFte: 100_000, referentie: { soort: 'fte', milliFte: 4000 }, eigenKostenCents: 100, referentieKostenCents: 100 };

  const rounding: { name: string; value: [number, number]; decimals: number; expected: string }[] = [
    { name: 'rounds 0,15 up to 0,2', value: [15, 100], decimals: 1, expected: '0,2' },
    { name: 'rounds -0,15 away from zero to -0,2', value: [-15, 100], decimals: 1, expected: '-0,2' },
    { name: 'rounds 0,25 up to 0,3 (not to even)', value: [25, 100], decimals: 1, expected: '0,3' },
    { name: 'rounds -0,04 to 0,0 without a sign', value: [-4, 100], decimals: 1, expected: '0,0' },
    { name: 'groups thousands: 2028168', value: [2_028_168, 1], decimals: 0, expected: '2.028.168' },
    { name: 'keeps 1/3 exact until rounded', value: [1, 3], decimals: 3, expected: '0,333' },
  ];
  for (const c of rounding) {
    test(c.name, () => assert.equal(formatScaled(roundHalfAwayFromZero(exactRatio(...c.value), c.decimals), c.decimals), c.expected));
  }

  test('a reference share is converted at the own total formation: 4% of 100 fte is 4 fte', () => {
    const r = computeBenchmark({ ...base, referentie: { soort: 'aandeel', ppm: 40_000 } });
    assert.deepEqual(r.referentieFte, exactRatio(4));
    assert.deepEqual(r.afwijkingFteFractie, exactRatio(1, 4));
  });

  test('a reference of 0 fte or € 0 gives no percentage rather than dividing by zero', () => {
    const r = computeBenchmark({ ...base, referentie: { soort: 'fte', milliFte: 0 }, referentieKostenCents: 0 });
    assert.equal(r.afwijkingFteFractie, null);
    assert.equal(r.kosten!.afwijkingFractie, null);
    assert.equal(presentBenchmark(r, REPORT_ROUNDING_2017).afwijkingFtePct, null);
  });

  test('refuses a share without a total, one cost figure alone, fractional thousandths and more fte than the total', () => {
    rejects(() => computeBenchmark({ ...base, totaleMilliFte: null, referentie: { soort: 'aandeel', ppm: 10 } }), 'totaleFte', /totale formatie/);
    rejects(() => computeBenchmark({ ...base, referentieKostenCents: null }), 'referentieKosten', /beide/);
    rejects(() => computeBenchmark({ ...base, eigenMilliFte: 1.5 }), 'eigenFte', /duizendsten/);
    rejects(() => computeBenchmark({ ...base, eigenMilliFte: 200_000 }), 'eigenFte', /groter dan de totale/);
    rejects(() => compareYears(computeBenchmark(base), computeBenchmark(base)), 'jaar', /voor het tweede/);
    rejects(() => combineTaakvelden([computeBenchmark(base), computeBenchmark({ ...base, jaar: 2021 })], 'x'), 'jaar', /hetzelfde jaar/);
  });
});

describe('benchmark import row', () => {
  test('reads an appendix-D row with the cost deviation as printed', () => {
    const row = benchmarkCsvRow.parse({ taakveld: 'juridische-zaken', jaar: '2017', eigen_fte: '3,69', referentie_fte: '2,580', eigen_kosten: '€ 294.556', afwijking_kosten: '+ € 78.988', bron: 'Berenschot 2017' });
    assert.deepEqual(row, {
      taakveld: 'juridische-zaken', jaar: 2017, eigenMilliFte: 3690, totaleMilliFte: null, referentie: { soort: 'fte', milliFte: 2580 },
      eigenKostenCents: 29_455_600, referentieKostenCents: 21_556_800, bron: 'Berenschot 2017',
    });
  });

  test('reads a reference share with the total, and spreadsheet numbers', () => {
    const row = benchmarkCsvRow.parse({ taakveld: 'ia', jaar: 2012, eigen_fte: 8.75, totale_fte: '165,95', referentie_aandeel: '3,0%' });
    assert.deepEqual([row.eigenMilliFte, row.totaleMilliFte, row.referentie, row.eigenKostenCents], [8750, 165_950, { soort: 'aandeel', ppm: 30_000 }, null]);
    const cells = benchmarkCsvRow.parse({ taakveld: 'ia', jaar: 2017, eigen_fte: 2.955, referentie_fte: 1234.5, eigen_kosten: 294556, afwijking_kosten: -5378.25 });
    assert.deepEqual([cells.eigenMilliFte, cells.referentie, cells.referentieKostenCents], [2955, { soort: 'fte', milliFte: 1_234_500 }, 29_993_425]);
  });

  const invalid: { name: string; row: Record<string, unknown>; path: string; message: RegExp }[] = [
    { name: 'both references', row: { referentie_fte: '1', referentie_aandeel: '1' }, path: 'referentie_fte', message: /precies één/ },
    { name: 'no reference', row: {}, path: 'referentie_fte', message: /precies één/ },
    { name: 'a share without total', row: { referentie_aandeel: '1,7' }, path: 'totale_fte', message: /totale formatie/ },
    { name: 'an ambiguous 2.950', row: { referentie_fte: '2.950' }, path: 'referentie_fte', message: /dubbelzinnig/ },
    { name: 'four decimals of fte', row: { referentie_fte: '2,9505' }, path: 'referentie_fte', message: /meer dan 3 decimalen/ },
    { name: 'cost without reference cost', row: { referentie_fte: '1', eigen_kosten: '100' }, path: 'referentie_kosten', message: /hoort referentie_kosten/ },
    { name: 'both cost references', row: { referentie_fte: '1', eigen_kosten: '100', referentie_kosten: '90', afwijking_kosten: '10' }, path: 'afwijking_kosten', message: /niet allebei/ },
    { name: 'a deviation above the own cost', row: { referentie_fte: '1', eigen_kosten: '100', afwijking_kosten: '100,01' }, path: 'afwijking_kosten', message: /negatief/ },
  ];
  for (const c of invalid) {
    test(`refuses ${c.name} in Dutch`, () => {
      const result = benchmarkCsvRow.safeParse({ taakveld: 'x', jaar: '2017', eigen_fte: '1', ...c.row });
      assert.equal(result.success, false);
      assert.ok(result.error!.issues.some((i) => i.path.join('.') === c.path && c.message.test(i.message)), JSON.stringify(result.error!.issues));
    });
  }

  test('parses decimals exactly, never through a float', () => {
    assert.deepEqual(parseExactDecimal('1.234.567,89', 2), { ok: true, value: 123_456_789n });
    assert.deepEqual(parseExactDecimal('0.400', 3), { ok: true, value: 400n });
    assert.deepEqual(parseExactDecimal('- € 5.378', 2), { ok: true, value: -537_800n }, 'euros: the point can only be thousands');
    assert.deepEqual(parseExactDecimal('-2.950', 3), { ok: false, reden: '"-2.950" is dubbelzinnig: schrijf -2950 of -2,950' });
    assert.deepEqual(parseExactDecimal('2.028.168', 2), { ok: true, value: 202_816_800n });
    assert.equal(parseExactDecimal('abc', 2).ok, false);
  });
});
