/**
 * Salary scale table (schaal × trede → hourly cost rate) per employer, so an HR export
 * that carries scale and step instead of a cost rate still yields a cost per hour. Pure:
 * parsing a row of the table and finding the rate valid on a day.
 */
import { cellText, parseDay, parseDecimal, type ColumnSpec, type RawValue } from '../platform/import/columns.ts';

export type SalaryColumn = 'schaal' | 'trede' | 'uurtarief' | 'ingangsdatum';

export const SALARY_COLUMNS: ColumnSpec<SalaryColumn>[] = [
  { key: 'schaal', required: true, aliases: ['schaal', 'salarisschaal', 'salary scale'], help: 'Bijv. 10 of 10A.' },
  { key: 'trede', required: true, aliases: ['trede', 'salaristrede', 'periodiek', 'step'], help: 'Geheel getal, 0 t/m 30.' },
  { key: 'uurtarief', required: true, aliases: ['uurtarief', 'integraal uurtarief', 'kostprijs per uur'], help: 'Integrale kosten per uur in euro, bijv. 61,25.' },
  { key: 'ingangsdatum', required: true, aliases: ['ingangsdatum', 'geldig vanaf', 'datum'], help: 'dd-mm-jjjj: vanaf wanneer dit tarief geldt (bijv. na een cao-verhoging).' },
];

export interface SalaryRate { scale: string; step: number; hourlyRateCents: number; validFrom: string }
export interface SalaryProblem { row: number; column: string; value: string; reason: string }

/** Scales are compared without case or spaces: `10 a` is `10A`. */
export const normaliseScale = (s: string) => s.replace(/\s+/g, '').toUpperCase();

export function parseStep(v: RawValue): number | null {
  const n = parseDecimal(v);
  return n !== null && Number.isInteger(n) && n >= 0 && n <= 30 ? n : null;
}

export function parseSalaryRecord(row: number, record: Partial<Record<SalaryColumn, RawValue>>): { rate?: SalaryRate; problems: SalaryProblem[] } {
  const problems: SalaryProblem[] = [];
  const problem = (column: SalaryColumn, reason: string) => problems.push({ row, column, value: cellText(record[column]).slice(0, 80), reason });
  const scale = normaliseScale(cellText(record.schaal));
  if (!scale) problem('schaal', 'verplicht');
  else if (!/^[0-9A-Z]{1,6}$/.test(scale)) problem('schaal', 'geen schaal (bijv. 10 of 10A)');
  const step = parseStep(record.trede);
  if (step === null) problem('trede', cellText(record.trede) ? 'geen trede: een geheel getal van 0 t/m 30' : 'verplicht');
  const euro = parseDecimal(record.uurtarief);
  if (euro === null || euro <= 0 || euro > 10_000) problem('uurtarief', cellText(record.uurtarief) ? 'geen geldig bedrag in euro (bijv. 61,25)' : 'verplicht');
  const validFrom = parseDay(record.ingangsdatum);
  if (!validFrom) problem('ingangsdatum', cellText(record.ingangsdatum) ? 'geen geldige datum (dd-mm-jjjj)' : 'verplicht');
  if (problems.length) return { problems };
  return { problems, rate: { scale, step: step!, hourlyRateCents: Math.round(euro! * 100), validFrom: validFrom! } };
}

/** The rate of scale × step valid on `day`: the one with the latest start on or before it. */
export function rateOn(rates: readonly SalaryRate[], scale: string, step: number, day: string): number | null {
  const s = normaliseScale(scale);
  let best: SalaryRate | null = null;
  for (const r of rates) {
    if (r.scale === s && r.step === step && r.validFrom <= day && (!best || r.validFrom > best.validFrom)) best = r;
  }
  return best?.hourlyRateCents ?? null;
}
