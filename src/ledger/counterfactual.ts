/**
 * Pure logic: the standalone counterfactual of a shared cost. Per member municipality,
 * what it would have paid alone (standalone) against the share it pays now (allocated);
 * the difference is what the cooperation saves it.
 *
 * Seed 003 (P&O): one HR21 consultant for € 30.000 shared, instead of € 20.000 per
 * municipality alone; with equal shares each pays € 15.000 and saves € 5.000, together
 * € 10.000.
 */
import { formatCents } from '../platform/i18n/format.ts';
import { formatShare } from './allocation.ts';

export interface AllocatedShare {
  cbsCode: string;
  name: string;
  cents: number;
}

export interface CounterfactualLine {
  cbsCode: string;
  name: string;
  allocatedCents: number;
  /** What it would pay alone; null when nobody entered it. */
  standaloneCents: number | null;
  /** standalone − allocated; negative means sharing costs this municipality more. Null without a standalone figure. */
  savingCents: number | null;
}

export interface Counterfactual {
  lines: CounterfactualLine[];
  allocatedCents: number;
  /** Sums over the lines with a standalone figure only (see `complete`). */
  standaloneCents: number;
  savingCents: number;
  /** True when every member has a standalone figure, so the totals cover the whole cost. */
  complete: boolean;
  /** False when no member has a standalone figure: there is nothing to compare. */
  available: boolean;
  /** CBS codes in the standalone figures that are not among the shares (ignored in the sums). */
  unmatchedCodes: string[];
  /** One Dutch sentence for a page or report. */
  summary: string;
}

function summaryOf(c: Omit<Counterfactual, 'summary'>): string {
  if (!c.available) return 'Er is geen bedrag ingevuld dat de gemeenten zonder samenwerking zouden betalen; een besparing is niet te bepalen.';
  const verb = c.savingCents >= 0 ? 'besparing' : 'meerkosten';
  const scope = c.complete ? '' : ` (alleen voor de ${c.lines.filter((l) => l.standaloneCents !== null).length} van de ${c.lines.length} gemeenten met een bedrag voor alleen)`;
  const pct = c.standaloneCents > 0 ? `, ${formatShare(Math.abs(c.savingCents), c.standaloneCents)}` : '';
  const shared = c.lines.filter((l) => l.standaloneCents !== null).reduce((acc, l) => acc + l.allocatedCents, 0);
  return `Samen ${formatCents(shared)} in plaats van ${formatCents(c.standaloneCents)} alleen: ${formatCents(Math.abs(c.savingCents))} ${verb}${pct}${scope}.`;
}

/**
 * Compares each allocated share with the member's standalone figure (cents per CBS code).
 * All sums are integer cents.
 *
 * @example
 * counterfactualOf([{ cbsCode: 'GM0397', name: 'Heemstede', cents: 1_500_000 }, { cbsCode: 'GM0377', name: 'Bloemendaal', cents: 1_500_000 }],
 *   { GM0397: 2_000_000, GM0377: 2_000_000 }).savingCents // → 1_000_000 (€ 10.000)
 */
export function counterfactualOf(shares: readonly AllocatedShare[], standalone: Readonly<Record<string, number>> | null | undefined): Counterfactual {
  const alone = standalone ?? {};
  const lines = shares.map((s): CounterfactualLine => {
    const standaloneCents = Object.hasOwn(alone, s.cbsCode) ? alone[s.cbsCode] : null;
    return { cbsCode: s.cbsCode, name: s.name, allocatedCents: s.cents, standaloneCents, savingCents: standaloneCents === null ? null : standaloneCents - s.cents };
  });
  const known = lines.filter((l) => l.standaloneCents !== null);
  const codes = new Set(shares.map((s) => s.cbsCode));
  const base = {
    lines,
    allocatedCents: lines.reduce((acc, l) => acc + l.allocatedCents, 0),
    standaloneCents: known.reduce((acc, l) => acc + l.standaloneCents!, 0),
    savingCents: known.reduce((acc, l) => acc + l.savingCents!, 0),
    complete: lines.length > 0 && known.length === lines.length,
    available: known.length > 0,
    unmatchedCodes: Object.keys(alone).filter((code) => !codes.has(code)).sort(),
  };
  return { ...base, summary: summaryOf(base) };
}

/** Per municipality over several cost items: the saving summed over the items that have a standalone figure. */
export function totalSavingByMunicipality(items: readonly Counterfactual[]): { cbsCode: string; name: string; allocatedCents: number; standaloneCents: number; savingCents: number }[] {
  const by = new Map<string, { cbsCode: string; name: string; allocatedCents: number; standaloneCents: number; savingCents: number }>();
  for (const line of items.flatMap((i) => i.lines)) {
    if (line.standaloneCents === null) continue;
    const t = by.get(line.cbsCode) ?? { cbsCode: line.cbsCode, name: line.name, allocatedCents: 0, standaloneCents: 0, savingCents: 0 };
    t.allocatedCents += line.allocatedCents;
    t.standaloneCents += line.standaloneCents;
    t.savingCents += line.savingCents!;
    by.set(line.cbsCode, t);
  }
  return [...by.values()].sort((a, b) => (a.cbsCode < b.cbsCode ? -1 : 1));
}
