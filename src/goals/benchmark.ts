/**
 * Pure logic: a benchmark against a reference group per taakveld and year, computed the
 * way appendix D of the audit-office report (seed 000) does it. No I/O.
 *
 * The formula, read from appendix D and checked against every row of its two tables:
 * - the reference group is expressed at our own size: referentie-fte = the reference
 *   group's share of total formation × our own total formation (or given directly in fte);
 * - afwijking absoluut = eigen − referentie (fte, and euros for cost);
 * - afwijking in % = (eigen − referentie) ÷ referentie: +77,6% means 1,776 × the
 *   reference (the same as eigen aandeel ÷ referentie-aandeel − 1);
 * - cost works the same way on the total cost of the taakveld — not per fte, whatever the
 *   report's prose says (see `kostenPerFte` for the per-fte comparison).
 *
 * Everything is exact: FTE in integer thousandths, money in integer cents, every derived
 * value a fraction of BigInts. Rounding happens once, at presentation, half away from zero
 * ("rekenkundig afronden"), to the precision the report prints (REPORT_ROUNDING_2012/2017).
 */
import { VlechtError } from '../platform/errors.ts';

/** An exact fraction; `den` is always positive and the fraction is reduced. */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

/** `num / den` as a reduced fraction. @example exactRatio(8750, 1000) // { num: 35n, den: 4n } */
export function exactRatio(num: bigint | number, den: bigint | number = 1n): Ratio {
  let [n, d] = [BigInt(num), BigInt(den)];
  if (d === 0n) throw new VlechtError('VALIDATION', {}, [{ field: 'noemer', message: 'delen door 0 is niet mogelijk' }]);
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { num: n / g, den: d / g };
}

const plus = (a: Ratio, b: Ratio) => exactRatio(a.num * b.den + b.num * a.den, a.den * b.den);
const minus = (a: Ratio, b: Ratio) => exactRatio(a.num * b.den - b.num * a.den, a.den * b.den);
const over = (a: Ratio, b: Ratio): Ratio | null => (b.num === 0n ? null : exactRatio(a.num * b.den, a.den * b.num));
const ZERO = exactRatio(0);

/**
 * Rounds half away from zero to `decimals` places and returns the scaled integer:
 * 77,6 % of a fraction 0,77604… with `toPercent` → 776n at one decimal.
 * @example roundHalfAwayFromZero(exactRatio(-15, 100), 1) // -2n (−0,15 → −0,2)
 */
export function roundHalfAwayFromZero(r: Ratio, decimals: number, toPercent = false): bigint {
  const n = r.num * 10n ** BigInt(decimals) * (toPercent ? 100n : 1n);
  const abs = n < 0n ? -n : n;
  const q = (2n * abs + r.den) / (2n * r.den);
  return n < 0n ? -q : q;
}

/** A scaled integer in Dutch notation: `formatScaled(-776n, 1, true)` → `-77,6`; `+` for positives when `signed`. */
export function formatScaled(value: bigint, decimals: number, signed = false): string {
  const abs = value < 0n ? -value : value;
  const digits = abs.toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const text = decimals > 0 ? `${whole},${digits.slice(-decimals)}` : whole;
  return value < 0n ? `-${text}` : signed && value > 0n ? `+${text}` : text;
}

/** How the reference formation is given: in fte, or as a share of our own total formation. */
export type FteReferentie =
  | { soort: 'fte'; milliFte: number }
  /** Share in millionths (1,7% = 17.000); needs `totaleMilliFte`. */
  | { soort: 'aandeel'; ppm: number };

/** One row of a benchmark: our own figures and the reference group's for one taakveld and year. */
export interface BenchmarkInput {
  /** Stable key of the taakveld, e.g. `juridische-zaken`. */
  taakveld: string;
  jaar: number;
  eigenMilliFte: number;
  /** Our own total formation (primary process and overhead); needed for shares. */
  totaleMilliFte: number | null;
  referentie: FteReferentie;
  eigenKostenCents: number | null;
  referentieKostenCents: number | null;
}

/** The exact outcome for one taakveld and year; FTE in fte, fractions as 0,776 (not 77,6). */
export interface BenchmarkResult {
  taakveld: string;
  jaar: number;
  eigenFte: Ratio;
  referentieFte: Ratio;
  afwijkingFte: Ratio;
  /** null when the reference is 0 fte: a percentage of nothing is not defined. */
  afwijkingFteFractie: Ratio | null;
  eigenAandeel: Ratio | null;
  referentieAandeel: Ratio | null;
  kosten: {
    eigenCents: number;
    referentieCents: number;
    afwijkingCents: number;
    afwijkingFractie: Ratio | null;
  } | null;
}

const MAX_MILLI_FTE = 100_000_000; // 100.000 fte
const MAX_CENTS = 1_000_000_000_000; // € 10 miljard

function check(ok: boolean, field: string, message: string, value: unknown): void {
  if (!ok) throw new VlechtError('VALIDATION', { field }, [{ field, message, value }]);
}

const wholeIn = (v: number, max: number) => Number.isSafeInteger(v) && v >= 0 && v <= max;

function validate(input: BenchmarkInput): void {
  check(input.taakveld.trim() !== '', 'taakveld', 'het taakveld ontbreekt', input.taakveld);
  check(Number.isInteger(input.jaar) && input.jaar >= 1900 && input.jaar <= 2100, 'jaar', 'het jaar moet tussen 1900 en 2100 liggen', input.jaar);
  check(wholeIn(input.eigenMilliFte, MAX_MILLI_FTE), 'eigenFte', 'de eigen formatie moet 0 of meer fte zijn, in duizendsten', input.eigenMilliFte);
  const total = input.totaleMilliFte;
  if (total !== null) {
    check(wholeIn(total, MAX_MILLI_FTE) && total > 0, 'totaleFte', 'de totale formatie moet meer dan 0 fte zijn, in duizendsten', total);
    check(input.eigenMilliFte <= total, 'eigenFte', 'de formatie van het taakveld is groter dan de totale formatie', input.eigenMilliFte);
  }
  const ref = input.referentie;
  if (ref.soort === 'fte') check(wholeIn(ref.milliFte, MAX_MILLI_FTE), 'referentieFte', 'de referentieformatie moet 0 of meer fte zijn, in duizendsten', ref.milliFte);
  else {
    check(wholeIn(ref.ppm, 1_000_000), 'referentieAandeel', 'het referentieaandeel moet tussen 0% en 100% liggen', ref.ppm);
    check(total !== null, 'totaleFte', 'bij een referentieaandeel hoort de eigen totale formatie, anders is de referentie niet in fte om te rekenen', total);
  }
  const own = input.eigenKostenCents;
  const refCost = input.referentieKostenCents;
  check((own === null) === (refCost === null), own === null ? 'eigenKosten' : 'referentieKosten', 'eigen kosten en referentiekosten horen bij elkaar: geef beide of geen van beide', own ?? refCost);
  if (own !== null) check(wholeIn(own, MAX_CENTS), 'eigenKosten', 'de eigen kosten moeten 0 of meer zijn, in centen', own);
  if (refCost !== null) check(wholeIn(refCost, MAX_CENTS), 'referentieKosten', 'de referentiekosten moeten 0 of meer zijn, in centen', refCost);
}

/**
 * The reference formation in fte at our own size.
 * @example referentieFte({ soort: 'aandeel', ppm: 30_000 }, 165_950) // 4,9785 fte as a fraction
 */
export function referentieFte(ref: FteReferentie, totaleMilliFte: number | null): Ratio {
  if (ref.soort === 'fte') return exactRatio(ref.milliFte, 1000);
  return exactRatio(BigInt(ref.ppm) * BigInt(totaleMilliFte ?? 0), 1_000_000_000n);
}

/**
 * Computes one benchmark row exactly. Throws VALIDATION (Dutch message, field named) on
 * negative or fractional thousandths/cents, a share without a total, or only one of the
 * two cost figures.
 *
 * @example
 * computeBenchmark({ taakveld: 'juridische-zaken', jaar: 2017, eigenMilliFte: 3690, totaleMilliFte: null,
 *   referentie: { soort: 'fte', milliFte: 2580 }, eigenKostenCents: 29_455_600, referentieKostenCents: 21_556_800 })
 * // afwijkingFte 1,11 fte; kosten.afwijkingCents 7_898_800 (+€ 78.988), afwijkingFractie 0,3664… (+37%)
 */
export function computeBenchmark(input: BenchmarkInput): BenchmarkResult {
  validate(input);
  const eigenFte = exactRatio(input.eigenMilliFte, 1000);
  const refFte = referentieFte(input.referentie, input.totaleMilliFte);
  const total = input.totaleMilliFte === null ? null : exactRatio(input.totaleMilliFte, 1000);
  const afwijkingFte = minus(eigenFte, refFte);
  const own = input.eigenKostenCents;
  const ref = input.referentieKostenCents;
  return {
    taakveld: input.taakveld,
    jaar: input.jaar,
    eigenFte,
    referentieFte: refFte,
    afwijkingFte,
    afwijkingFteFractie: over(afwijkingFte, refFte),
    eigenAandeel: total && over(eigenFte, total),
    referentieAandeel: total && over(refFte, total),
    kosten: own === null || ref === null ? null : {
      eigenCents: own,
      referentieCents: ref,
      afwijkingCents: own - ref,
      afwijkingFractie: ref === 0 ? null : exactRatio(own - ref, ref),
    },
  };
}

/**
 * Adds taakvelden of one year into one (e.g. Facilitaire dienst + Inkoop 2017, to compare
 * with 2012's "Facilitaire dienst, incl. Inkoop"). Shares add when every row has them;
 * cost only when every row has cost. Throws VALIDATION on an empty list or mixed years.
 */
export function combineTaakvelden(results: readonly BenchmarkResult[], taakveld: string): BenchmarkResult {
  check(results.length > 0, 'taakvelden', 'kies minstens één taakveld om samen te nemen', results.length);
  const jaar = results[0].jaar;
  check(results.every((r) => r.jaar === jaar), 'jaar', 'alleen taakvelden uit hetzelfde jaar zijn samen te nemen', results.map((r) => r.jaar));
  const sum = (pick: (r: BenchmarkResult) => Ratio) => results.reduce((acc, r) => plus(acc, pick(r)), ZERO);
  const sumOrNull = (pick: (r: BenchmarkResult) => Ratio | null) =>
    results.every((r) => pick(r) !== null) ? sum((r) => pick(r)!) : null;
  const eigenFte = sum((r) => r.eigenFte);
  const refFte = sum((r) => r.referentieFte);
  const afwijkingFte = minus(eigenFte, refFte);
  const withCost = results.every((r) => r.kosten !== null);
  const eigenCents = withCost ? results.reduce((a, r) => a + r.kosten!.eigenCents, 0) : 0;
  const referentieCents = withCost ? results.reduce((a, r) => a + r.kosten!.referentieCents, 0) : 0;
  return {
    taakveld, jaar, eigenFte, referentieFte: refFte, afwijkingFte,
    afwijkingFteFractie: over(afwijkingFte, refFte),
    eigenAandeel: sumOrNull((r) => r.eigenAandeel),
    referentieAandeel: sumOrNull((r) => r.referentieAandeel),
    kosten: !withCost ? null : {
      eigenCents, referentieCents, afwijkingCents: eigenCents - referentieCents,
      afwijkingFractie: referentieCents === 0 ? null : exactRatio(eigenCents - referentieCents, referentieCents),
    },
  };
}

/**
 * Cost per fte, ours and the reference's, in cents per fte, and the deviation as a
 * fraction. null without cost or when either formation is 0.
 */
export function kostenPerFte(r: BenchmarkResult): { eigen: Ratio; referentie: Ratio; afwijkingFractie: Ratio | null } | null {
  if (!r.kosten) return null;
  const eigen = over(exactRatio(r.kosten.eigenCents), r.eigenFte);
  const referentie = over(exactRatio(r.kosten.referentieCents), r.referentieFte);
  if (!eigen || !referentie) return null;
  const ratio = over(eigen, referentie);
  return { eigen, referentie, afwijkingFractie: ratio && minus(ratio, exactRatio(1)) };
}

/** How many decimals each figure is printed with. */
export interface BenchmarkRounding {
  fteDecimals: number;
  ftePctDecimals: number;
  aandeelDecimals: number;
  kostenPctDecimals: number;
}

/** Appendix D, table 2012: afwijking 0,1 fte and 0,1%; shares 0,1%. */
export const REPORT_ROUNDING_2012: BenchmarkRounding = { fteDecimals: 1, ftePctDecimals: 1, aandeelDecimals: 1, kostenPctDecimals: 0 };
/** Appendix D, table 2017: afwijking 0,1 fte and whole %; shares 0,1%; cost whole euros and whole %. */
export const REPORT_ROUNDING_2017: BenchmarkRounding = { fteDecimals: 1, ftePctDecimals: 0, aandeelDecimals: 1, kostenPctDecimals: 0 };

/** A result as the report prints it: Dutch notation, signed deviations, no units (see `samenvatting`). */
export interface BenchmarkPresentation {
  taakveld: string;
  jaar: number;
  /** Two decimals, as the report prints formation: `8,75`. */
  eigenFte: string;
  referentieFte: string;
  eigenAandeel: string | null;
  referentieAandeel: string | null;
  afwijkingFte: string;
  afwijkingFtePct: string | null;
  /** Whole euros: `294.556`. */
  eigenKosten: string | null;
  referentieKosten: string | null;
  afwijkingKosten: string | null;
  afwijkingKostenPct: string | null;
  /** One Dutch sentence with units, for pages and exports. */
  samenvatting: string;
}

const euros = (cents: number) => roundHalfAwayFromZero(exactRatio(cents, 100), 0);
const pct = (r: Ratio | null, decimals: number, signed = true) => (r === null ? null : formatScaled(roundHalfAwayFromZero(r, decimals, true), decimals, signed));
const money = (cents: number, signed: boolean) => {
  const text = formatScaled(euros(cents), 0, signed);
  return /^[+-]/.test(text) ? `${text[0]}€ ${text.slice(1)}` : `€ ${text}`;
};

/**
 * Rounds a result once, for display.
 * @example presentBenchmark(ia2012, REPORT_ROUNDING_2012) // eigenFte '8,75', afwijkingFte '+3,8', afwijkingFtePct '+77,6'
 */
export function presentBenchmark(r: BenchmarkResult, rounding: BenchmarkRounding): BenchmarkPresentation {
  const fte = (x: Ratio, d: number, signed = false) => formatScaled(roundHalfAwayFromZero(x, d), d, signed);
  const afwijkingFte = fte(r.afwijkingFte, rounding.fteDecimals, true);
  const afwijkingFtePct = pct(r.afwijkingFteFractie, rounding.ftePctDecimals);
  const k = r.kosten;
  const afwijkingKostenPct = k && pct(k.afwijkingFractie, rounding.kostenPctDecimals);
  const fteText = `formatie ${fte(r.eigenFte, 2)} fte, ${afwijkingFte} fte${afwijkingFtePct === null ? '' : ` (${afwijkingFtePct}%)`} ten opzichte van de referentiegroep`;
  const costText = k ? `; kosten ${money(k.eigenCents, false)}, ${money(k.afwijkingCents, true)}${afwijkingKostenPct === null ? '' : ` (${afwijkingKostenPct}%)`}` : '';
  return {
    taakveld: r.taakveld,
    jaar: r.jaar,
    eigenFte: fte(r.eigenFte, 2),
    referentieFte: fte(r.referentieFte, 2),
    eigenAandeel: pct(r.eigenAandeel, rounding.aandeelDecimals, false),
    referentieAandeel: pct(r.referentieAandeel, rounding.aandeelDecimals, false),
    afwijkingFte,
    afwijkingFtePct,
    eigenKosten: k && formatScaled(euros(k.eigenCents), 0),
    referentieKosten: k && formatScaled(euros(k.referentieCents), 0),
    afwijkingKosten: k && formatScaled(euros(k.afwijkingCents), 0, true),
    afwijkingKostenPct,
    samenvatting: `${r.jaar}: ${fteText}${costText}.`,
  };
}

/** Where a taakveld moved relative to the reference group between two years. */
export type RelatieveOntwikkeling = 'toename' | 'stabiel' | 'afname';

/** Two benchmark years side by side (e.g. 2012 vs 2017). */
export interface YearComparison {
  taakveld: string;
  van: number;
  tot: number;
  /** Own formation later − earlier, in fte, and as a fraction of the earlier one. */
  eigenFteVerschil: Ratio;
  eigenFteVerschilFractie: Ratio | null;
  /** Change of the deviation from the reference, in percentage points (5,5% → 43% is +37,5). */
  afwijkingPuntenVerschil: Ratio | null;
  relatieveOntwikkeling: RelatieveOntwikkeling | null;
  /** Own cost later − earlier; null when a year has no cost (2012 benchmarked formation only). */
  eigenKostenVerschilCents: number | null;
}

/**
 * Compares an earlier and a later year. `relatieveOntwikkeling` follows the movement of
 * the deviation from the reference group, as chapter 7.3 of seed 000 labels it — not the
 * own fte (Informatisering grew from 8,75 to 9,74 fte and is labelled "Afname"). The report
 * names no threshold; a change of at most `stabielMargePunten` percentage points counts
 * as stable, and the default 15 reproduces all six of its labels.
 */
export function compareYears(earlier: BenchmarkResult, later: BenchmarkResult, stabielMargePunten = 15): YearComparison {
  check(earlier.jaar < later.jaar, 'jaar', 'het eerste jaar moet voor het tweede liggen', [earlier.jaar, later.jaar]);
  check(Number.isInteger(stabielMargePunten) && stabielMargePunten >= 0, 'stabielMargePunten', 'de marge voor stabiel is een geheel aantal procentpunten van 0 of meer', stabielMargePunten);
  const eigenFteVerschil = minus(later.eigenFte, earlier.eigenFte);
  const a = earlier.afwijkingFteFractie;
  const b = later.afwijkingFteFractie;
  const punten = a && b ? exactRatio(minus(b, a).num * 100n, minus(b, a).den) : null;
  const margin = BigInt(stabielMargePunten);
  const relatieveOntwikkeling = punten === null ? null
    : punten.num > margin * punten.den ? 'toename'
    : -punten.num > margin * punten.den ? 'afname' : 'stabiel';
  return {
    taakveld: later.taakveld,
    van: earlier.jaar,
    tot: later.jaar,
    eigenFteVerschil,
    eigenFteVerschilFractie: over(eigenFteVerschil, earlier.eigenFte),
    afwijkingPuntenVerschil: punten,
    relatieveOntwikkeling,
    eigenKostenVerschilCents: earlier.kosten && later.kosten ? later.kosten.eigenCents - earlier.kosten.eigenCents : null,
  };
}
