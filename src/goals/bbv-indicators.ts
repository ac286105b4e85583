/**
 * The Dutch BBV mandatory indicators of task field 0.4 (Regeling beleidsindicatoren:
 * formatie and bezetting in fte per 1.000 inwoners, apparaatskosten per inwoner,
 * externe inhuur as % of loonsom plus inhuur, overhead as % of totale lasten), for the
 * member municipalities of a cooperation together: the sums of their figures divided by
 * the sum of their inhabitants (or of the base), exact, rounded once. Each value comes
 * with the sentence that states every figure it rests on. Pure.
 */
import { formatDecimal, quotient } from './decimal.ts';

export const BBV_DERIVATIONS = [
  'bbv-formatie-per-1000-inwoners', 'bbv-bezetting-per-1000-inwoners', 'bbv-apparaatskosten-per-inwoner', 'bbv-externe-inhuur', 'bbv-overhead',
] as const;
export type BbvDerivation = (typeof BBV_DERIVATIONS)[number];

export const isBbvDerivation = (v: string): v is BbvDerivation => (BBV_DERIVATIONS as readonly string[]).includes(v);

/** One member municipality in one year: inhabitants (CBS) and the figures of its budget or accounts. Null = not recorded. */
export interface MemberYear {
  cbsCode: string;
  name: string;
  inhabitants: number | null;
  inhabitantsSource: string | null;
  formatieFteMilli: number | null;
  bezettingFteMilli: number | null;
  loonsomCents: number | null;
  inhuurCents: number | null;
  apparaatskostenCents: number | null;
  overheadCents: number | null;
  totaleLastenCents: number | null;
  figuresSource: string | null;
}

type Figure = 'formatieFteMilli' | 'bezettingFteMilli' | 'loonsomCents' | 'inhuurCents' | 'apparaatskostenCents' | 'overheadCents' | 'totaleLastenCents' | 'inhabitants';

/** What each indicator needs from every member. */
export const BBV_NEEDS: Record<BbvDerivation, Figure[]> = {
  'bbv-formatie-per-1000-inwoners': ['formatieFteMilli', 'inhabitants'],
  'bbv-bezetting-per-1000-inwoners': ['bezettingFteMilli', 'inhabitants'],
  'bbv-apparaatskosten-per-inwoner': ['apparaatskostenCents', 'inhabitants'],
  'bbv-externe-inhuur': ['inhuurCents', 'loonsomCents'],
  'bbv-overhead': ['overheadCents', 'totaleLastenCents'],
};

const FIGURE_WORDS: Record<Figure, string> = {
  formatieFteMilli: 'formatie', bezettingFteMilli: 'bezetting', loonsomCents: 'loonsom', inhuurCents: 'externe inhuur',
  apparaatskostenCents: 'apparaatskosten', overheadCents: 'overhead', totaleLastenCents: 'totale lasten', inhabitants: 'inwoners',
};

const fte = (milli: bigint) => `${formatDecimal(quotient(milli, 1000n, 3))} fte`;
const euro = (cents: bigint) => `€ ${formatDecimal(quotient(cents, 100n, 2), 2)}`;
const people = (n: bigint) => formatDecimal(n.toString());

/** The figures a member lacks for an indicator, in words (empty when complete). */
export function missingFigures(kind: BbvDerivation, m: MemberYear): string[] {
  return BBV_NEEDS[kind].filter((f) => m[f] === null).map((f) => FIGURE_WORDS[f]);
}

/** Value (exact decimal, 2 places) and method for one year; null when a member lacks a figure or a base is zero. */
export function bbvIndicator(kind: BbvDerivation, year: number, members: readonly MemberYear[]): { value: string; method: string } | null {
  if (members.length === 0 || members.some((m) => missingFigures(kind, m).length > 0)) return null;
  const sum = (f: Figure) => members.reduce((a, m) => a + BigInt(m[f] as number), 0n);
  const each = (show: (m: MemberYear) => string) => members.map((m) => `${m.name} ${show(m)}`).join(', ');
  const who = members.length > 1 ? `de ${members.length} deelnemende gemeenten samen` : members[0].name;
  const inhabitants = () => `inwoners ${each((m) => people(BigInt(m.inhabitants!)))} (bron: ${[...new Set(members.map((m) => m.inhabitantsSource))].join('; ')})`;
  const figures = `jaarcijfers ${year} (bron: ${[...new Set(members.map((m) => m.figuresSource))].join('; ')})`;
  const base = (f: Figure) => sum(f);
  switch (kind) {
    case 'bbv-formatie-per-1000-inwoners':
    case 'bbv-bezetting-per-1000-inwoners': {
      const f: Figure = kind === 'bbv-formatie-per-1000-inwoners' ? 'formatieFteMilli' : 'bezettingFteMilli';
      const n = base('inhabitants');
      if (n === 0n) return null;
      // fte per 1.000 inwoners = (milli / 1000) / n × 1000 = milli / n
      const value = quotient(sum(f), n, 2);
      return { value, method: `${FIGURE_WORDS[f][0].toUpperCase()}${FIGURE_WORDS[f].slice(1)} per 1.000 inwoners in ${year}, ${who}: ${fte(sum(f))} (${each((m) => fte(BigInt(m[f]!)))}, ${figures}) / ${people(n)} inwoners (${inhabitants()}) × 1.000 = ${formatDecimal(value)} (afgerond op 2 decimalen).` };
    }
    case 'bbv-apparaatskosten-per-inwoner': {
      const n = base('inhabitants');
      if (n === 0n) return null;
      const value = quotient(sum('apparaatskostenCents'), n * 100n, 2);
      return { value, method: `Apparaatskosten per inwoner in ${year}, ${who}: ${euro(sum('apparaatskostenCents'))} (${each((m) => euro(BigInt(m.apparaatskostenCents!)))}, ${figures}) / ${people(n)} inwoners (${inhabitants()}) = € ${formatDecimal(value, 2)}.` };
    }
    case 'bbv-externe-inhuur': {
      const whole = sum('loonsomCents') + sum('inhuurCents');
      if (whole === 0n) return null;
      const value = quotient(sum('inhuurCents') * 100n, whole, 2);
      return { value, method: `Externe inhuur in ${year}, ${who}: kosten inhuur ${euro(sum('inhuurCents'))} / (loonsom ${euro(sum('loonsomCents'))} + inhuur ${euro(sum('inhuurCents'))}) × 100 = ${formatDecimal(value)}% (per gemeente: inhuur ${each((m) => euro(BigInt(m.inhuurCents!)))}; loonsom ${each((m) => euro(BigInt(m.loonsomCents!)))}; ${figures}).` };
    }
    case 'bbv-overhead': {
      const whole = sum('totaleLastenCents');
      if (whole === 0n) return null;
      const value = quotient(sum('overheadCents') * 100n, whole, 2);
      return { value, method: `Overhead in ${year}, ${who}: ${euro(sum('overheadCents'))} / totale lasten ${euro(whole)} × 100 = ${formatDecimal(value)}% (per gemeente: overhead ${each((m) => euro(BigInt(m.overheadCents!)))}; totale lasten ${each((m) => euro(BigInt(m.totaleLastenCents!)))}; ${figures}).` };
    }
  }
}
