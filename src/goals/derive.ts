/**
 * Measurements derived from the hours ledger, one per completed quarter, each with the
 * sentence that says how it was computed. The figures come from the ledger service; this
 * file only turns minutes into an exact decimal and words. Pure.
 */
import { DERIVATION_INFO, type LedgerDerivation } from './catalogue.ts';
import { formatDecimal, quotient } from './decimal.ts';
import { formatDate } from '../platform/i18n/format.ts';

export interface Quarter {
  /** `2025-K1`, as the ledger labels quarters. */
  label: string;
  from: string;
  to: string;
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function quarterOf(day: string): Quarter {
  const y = Number(day.slice(0, 4));
  const q = Math.ceil(Number(day.slice(5, 7)) / 3);
  const endMonth = q * 3;
  return { label: `${y}-K${q}`, from: iso(y, endMonth - 2, 1), to: iso(y, endMonth, new Date(Date.UTC(y, endMonth, 0)).getUTCDate()) };
}

const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The quarters that overlap [first, last] and ended before `today`: an open quarter is not measured yet. */
export function completedQuarters(first: string, last: string, today: string): Quarter[] {
  const out: Quarter[] = [];
  for (let q = quarterOf(first); q.from <= last && q.to < today; q = quarterOf(dayAfter(q.to))) out.push(q);
  return out;
}

/** Minutes in one quarter, for one team or all teams of the cooperation. */
export interface QuarterFigures {
  totalMinutes: number;
  /** Worked for another member municipality than the employer. */
  otherMinutes: number;
  substitutionMinutes: number;
  overheadMinutes: number;
  /** Cost of the minutes with a known rate, and those minutes. */
  costCents: number;
  minutesWithRate: number;
}

/** Standard hours in one FTE-year, as the ledger uses them (ledger/balance.ts). */
export const HOURS_PER_FTE_YEAR = 1872n;
const euro = (cents: number) => `€ ${formatDecimal(quotient(BigInt(cents), 100n, 2), 2)}`;

const hoursOf = (minutes: number) => quotient(BigInt(minutes), 60n, 2);
const showHours = (minutes: number) => `${formatDecimal(hoursOf(minutes))} uur`;

/** The derived value as an exact decimal; null when the quarter has no hours at all (no data is not zero). */
export function derivedValue(kind: LedgerDerivation, f: QuarterFigures): string | null {
  if (f.totalMinutes === 0) return null;
  switch (kind) {
    case 'aandeel-uren-andere-gemeente': return quotient(BigInt(f.otherMinutes) * 100n, BigInt(f.totalMinutes), DERIVATION_INFO[kind].decimals);
    case 'vervangingsuren-per-kwartaal': return hoursOf(f.substitutionMinutes);
    case 'samenwerkingsuren-per-kwartaal': return hoursOf(f.overheadMinutes);
    case 'kosten-per-fte-per-kwartaal':
      // € per hour × 1.872 hours, from the exact cents and minutes, rounded once.
      return f.minutesWithRate === 0 ? null : quotient(BigInt(f.costCents) * 60n * HOURS_PER_FTE_YEAR, BigInt(f.minutesWithRate) * 100n, DERIVATION_INFO[kind].decimals);
  }
}

/** How the value was computed, in Dutch, with every figure it rests on. */
export function methodText(kind: LedgerDerivation, quarter: Quarter, scope: string, f: QuarterFigures, value: string): string {
  const where = `Afgeleid uit de urenregistratie van ${quarter.label} (${formatDate(quarter.from)} t/m ${formatDate(quarter.to)}), ${scope}`;
  switch (kind) {
    case 'aandeel-uren-andere-gemeente':
      return `${where}: ${showHours(f.otherMinutes)} van in totaal ${showHours(f.totalMinutes)} gewerkt voor een andere deelnemende gemeente dan de werkgever = ${formatDecimal(value)}% (afgerond op 2 decimalen).`;
    case 'vervangingsuren-per-kwartaal':
      return `${where}: som van de uren met activiteit vervanging = ${showHours(f.substitutionMinutes)} (van in totaal ${showHours(f.totalMinutes)}).`;
    case 'samenwerkingsuren-per-kwartaal':
      return `${where}: som van de uren met activiteit samenwerking (afstemming, overleg, reistijd) = ${showHours(f.overheadMinutes)} (van in totaal ${showHours(f.totalMinutes)}).`;
    case 'kosten-per-fte-per-kwartaal':
      return `${where}: kosten ${euro(f.costCents)} voor ${showHours(f.minutesWithRate)} met een bekend kostentarief${f.minutesWithRate < f.totalMinutes ? ` (${showHours(f.totalMinutes - f.minutesWithRate)} zonder tarief telt niet mee)` : ''}, maal 1.872 uur per fte-jaar = € ${formatDecimal(value, 2)} per fte.`;
  }
}
