/**
 * Pure ledger arithmetic: the balance of hours and cost between municipalities, and the
 * FTE equivalent of hours. Minutes and cents are integers; nothing is summed as floats.
 */

/**
 * One aggregated cell of the ledger. `minuteCents` is the exact Σ(minutes × hourly rate in
 * cents); it is divided by 60 and rounded only when a figure is shown, so every total
 * equals the rounding of its exact value, whatever the grouping.
 */
export interface Cell {
  employerId: string;
  servedId: string;
  minutes: number;
  minuteCents: bigint;
}

export interface PairBalance {
  a: string;
  b: string;
  /** Worked by staff of a for b. */
  aForB: { minutes: number; costCents: number };
  bForA: { minutes: number; costCents: number };
  /** Positive: a delivered more to b than it got back. */
  netMinutes: number;
  netCostCents: number;
}

/** Every pair of municipalities once (a < b in the given order), with what each did for the other. */
export function pairBalances(cells: readonly Cell[], municipalityIds: readonly string[]): PairBalance[] {
  const sum = (from: string, to: string) => {
    const own = cells.filter((c) => c.employerId === from && c.servedId === to);
    const minuteCents = own.reduce((acc, c) => acc + c.minuteCents, 0n);
    return { minutes: own.reduce((acc, c) => acc + c.minutes, 0), costCents: costCentsOf(minuteCents), minuteCents };
  };
  const pairs: PairBalance[] = [];
  for (let i = 0; i < municipalityIds.length; i++) {
    for (let j = i + 1; j < municipalityIds.length; j++) {
      const [a, b] = [municipalityIds[i], municipalityIds[j]];
      const aForB = sum(a, b);
      const bForA = sum(b, a);
      pairs.push({
        a, b, aForB: { minutes: aForB.minutes, costCents: aForB.costCents }, bForA: { minutes: bForA.minutes, costCents: bForA.costCents },
        netMinutes: aForB.minutes - bForA.minutes, netCostCents: costCentsOf(aForB.minuteCents - bForA.minuteCents),
      });
    }
  }
  return pairs;
}

/** Hours of a full-time job per year in this demo and the reports: 36 h × 52 weeks. */
export const HOURS_PER_FTE_YEAR = 1872;

/** FTE equivalent (thousandths) of minutes worked over a period of `days` days. */
export function fteEquivalentMilli(minutes: number, days: number): number {
  if (days <= 0) return 0;
  return Math.round((minutes * 1000 * 365) / (HOURS_PER_FTE_YEAR * 60 * days));
}

/** Cost in cents of minutes at an hourly rate in cents, from the exact product (minutes × cents), rounded once. */
export function costCentsOf(minuteCents: bigint | number): number {
  const v = BigInt(minuteCents);
  // Half away from zero, so a net of -x is the mirror of +x.
  return v < 0n ? -Number((-v * 2n + 60n) / 120n) : Number((v * 2n + 60n) / 120n);
}

/** Periods: month `2025-03`, quarter `2025-K1`, year `2025`. */
export type Grain = 'maand' | 'kwartaal' | 'jaar';

export function periodLabel(isoDate: string, grain: Grain): string {
  const [y, m] = isoDate.split('-');
  if (grain === 'jaar') return y;
  if (grain === 'kwartaal') return `${y}-K${Math.ceil(Number(m) / 3)}`;
  return `${y}-${m}`;
}
