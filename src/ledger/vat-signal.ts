/**
 * Pure logic: a VAT-risk signal (btw-signaal) on lending staff between member
 * municipalities without invoicing it.
 *
 * Heemstede and Bloemendaal do not invoice each other's staff time, to stay clear of VAT
 * on lent personnel (seeds 000/001). That holds up while the lending stays incidental and
 * roughly balanced. Two patterns deserve a look by a tax adviser:
 * - one employee working for another municipality for a long uninterrupted stretch: the
 *   Dutch 2022 policy on ter beschikking stellen van personeel works with a 12-month
 *   condition, so a run of more than 12 consecutive months is flagged;
 * - one municipality delivering, on balance, clearly more than it gets back: the net
 *   uncompensated lending per pair of municipalities, flagged above a threshold share of
 *   everything exchanged (default 10%).
 * Everything here is a signal to review, never legal or tax advice; the messages say so.
 * Per-employee results are personal data: show them only to roles with personal:read.
 */
import { VlechtError, type FieldIssue } from '../platform/errors.ts';
import { formatCents, formatNumber } from '../platform/i18n/format.ts';
import { formatShare } from './allocation.ts';

/** Minutes of one employee, employed by one municipality, worked for one municipality in a month. */
export interface LendingRow {
  employeeId: string;
  employerId: string;
  servedId: string;
  /** `YYYY-MM`. */
  month: string;
  minutes: number;
}

export interface VatSignalOptions {
  /** Flag a pair when |net| / total exchanged exceeds this percentage. Default 10. */
  thresholdPercent?: number;
  /** Cost of one minute in cents (may have decimals), to express the net lending in money. */
  centsPerMinute?: number;
  municipalityName?: (id: string) => string;
  employeeName?: (id: string) => string;
}

export type EmployeeFlag = 'langer-dan-12-maanden';
export type PairFlag = 'onevenwichtige-uitlening';

export interface EmployeeLending {
  employeeId: string;
  employerId: string;
  totalMinutes: number;
  /** Minutes for municipalities other than the employer. */
  lentMinutes: number;
  /** lent / total in thousandths, rounded half up. */
  lentPermille: number;
  byServed: { municipalityId: string; minutes: number }[];
  /** The longest run of consecutive months with any lending (earliest when tied). */
  longestRun: { months: number; from: string; to: string };
  flags: EmployeeFlag[];
  message: string;
}

export interface PairLending {
  a: string;
  b: string;
  aForBMinutes: number;
  bForAMinutes: number;
  totalMinutes: number;
  /** Positive: a delivered more to b than it got back. */
  netMinutes: number;
  netCents: number | null;
  /** |net| / total in thousandths, rounded half up. */
  netPermille: number;
  flags: PairFlag[];
  message: string;
}

export interface VatSignal {
  employees: EmployeeLending[];
  pairs: PairLending[];
  thresholdPercent: number;
  monthsLimit: number;
  flagged: boolean;
  disclaimer: string;
}

export const VAT_DISCLAIMER = 'Dit is een signaal om te laten beoordelen door een fiscalist of de belastingadviseur van de gemeente, geen juridisch of fiscaal advies.';

/** The 12-month condition of the 2022 policy; fixed, because the flag is named after it. */
export const LENDING_MONTHS_LIMIT = 12;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const MONTH_NAMES = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const monthOf = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
const monthLabel = (m: string) => `${MONTH_NAMES[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;
const hours = (minutes: number) => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format(minutes / 60);
const permille = (part: number, whole: number) => (whole <= 0 ? 0 : Number((BigInt(part) * 2000n + BigInt(whole)) / (2n * BigInt(whole))));

function check(rows: readonly LendingRow[], options: VatSignalOptions): void {
  const issues: FieldIssue[] = [];
  rows.forEach((r, i) => {
    if (!MONTH.test(r.month)) issues.push({ field: 'month', message: 'een maand schrijf je als jjjj-mm, bijv. 2024-03', value: r.month, row: i + 1 });
    if (!Number.isSafeInteger(r.minutes) || r.minutes < 0) issues.push({ field: 'minutes', message: 'minuten zijn een geheel getal van 0 of meer', value: r.minutes, row: i + 1 });
  });
  const t = options.thresholdPercent;
  if (t !== undefined && !(Number.isFinite(t) && t >= 0 && t <= 100)) issues.push({ field: 'thresholdPercent', message: 'de drempel is een percentage van 0 tot en met 100', value: t });
  const c = options.centsPerMinute;
  if (c !== undefined && !(Number.isFinite(c) && c >= 0)) issues.push({ field: 'centsPerMinute', message: 'de kosten per minuut zijn een bedrag van 0 of meer', value: c });
  if (issues.length) throw new VlechtError('VALIDATION', {}, issues);
}

/** The longest run of consecutive month indexes (the earliest of equally long runs). */
function longestRun(months: readonly number[]): { months: number; from: string; to: string } {
  const sorted = [...new Set(months)].sort((a, b) => a - b);
  let best = { start: sorted[0], length: 1 };
  let start = sorted[0];
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] !== sorted[i - 1] + 1) start = sorted[i];
    const length = sorted[i] - start + 1;
    if (length > best.length) best = { start, length };
  }
  return { months: best.length, from: monthOf(best.start), to: monthOf(best.start + best.length - 1) };
}

function employeesOf(rows: readonly LendingRow[], limit: number, muni: (id: string) => string, person: (id: string) => string): EmployeeLending[] {
  const byEmployee = new Map<string, LendingRow[]>();
  for (const r of rows) byEmployee.set(`${r.employeeId}|${r.employerId}`, [...(byEmployee.get(`${r.employeeId}|${r.employerId}`) ?? []), r]);
  const result: EmployeeLending[] = [];
  for (const own of byEmployee.values()) {
    const lent = own.filter((r) => r.servedId !== r.employerId && r.minutes > 0);
    if (lent.length === 0) continue;
    const { employeeId, employerId } = own[0];
    const totalMinutes = own.reduce((acc, r) => acc + r.minutes, 0);
    const lentMinutes = lent.reduce((acc, r) => acc + r.minutes, 0);
    const served = new Map<string, number>();
    for (const r of lent) served.set(r.servedId, (served.get(r.servedId) ?? 0) + r.minutes);
    const run = longestRun(lent.map((r) => monthIndex(r.month)));
    const flags: EmployeeFlag[] = run.months > limit ? ['langer-dan-12-maanden'] : [];
    const others = [...served.keys()].map(muni).join(', ');
    const span = run.months === 1 ? monthLabel(run.from) : `${monthLabel(run.from)} t/m ${monthLabel(run.to)}`;
    const base = `${person(employeeId)} (in dienst van ${muni(employerId)}) werkte ${formatShare(lentMinutes, totalMinutes)} van de uren voor ${others}, het langst ${run.months} ${run.months === 1 ? 'maand' : 'maanden'} aaneen (${span}).`;
    const message = flags.length
      ? `${base} Dat is langer dan ${limit} maanden, en het btw-beleid voor het ter beschikking stellen van personeel (2022) werkt met een termijn van ${limit} maanden. ${VAT_DISCLAIMER}`
      : base;
    result.push({
      employeeId, employerId, totalMinutes, lentMinutes, lentPermille: permille(lentMinutes, totalMinutes),
      byServed: [...served].map(([municipalityId, minutes]) => ({ municipalityId, minutes })).sort((x, y) => y.minutes - x.minutes),
      longestRun: run, flags, message,
    });
  }
  return result.sort((x, y) => Number(y.flags.length) - Number(x.flags.length) || y.longestRun.months - x.longestRun.months || y.lentMinutes - x.lentMinutes);
}

function pairsOf(rows: readonly LendingRow[], thresholdPercent: number, centsPerMinute: number | undefined, muni: (id: string) => string): PairLending[] {
  const flow = new Map<string, number>();
  for (const r of rows) if (r.servedId !== r.employerId) flow.set(`${r.employerId}>${r.servedId}`, (flow.get(`${r.employerId}>${r.servedId}`) ?? 0) + r.minutes);
  const ids = [...new Set(rows.flatMap((r) => [r.employerId, r.servedId]))]
    .sort((x, y) => muni(x).localeCompare(muni(y), 'nl') || (x < y ? -1 : 1));
  const thresholdMilli = BigInt(Math.round(thresholdPercent * 1000));
  const pairs: PairLending[] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const [a, b] = [ids[i], ids[j]];
      const aForBMinutes = flow.get(`${a}>${b}`) ?? 0;
      const bForAMinutes = flow.get(`${b}>${a}`) ?? 0;
      const totalMinutes = aForBMinutes + bForAMinutes;
      if (totalMinutes === 0) continue;
      const netMinutes = aForBMinutes - bForAMinutes;
      const net = Math.abs(netMinutes);
      // |net| / total > threshold%, compared exactly on integers.
      const flags: PairFlag[] = BigInt(net) * 100_000n > thresholdMilli * BigInt(totalMinutes) ? ['onevenwichtige-uitlening'] : [];
      const netCents = centsPerMinute === undefined ? null : Math.sign(netMinutes) * Math.round(net * centsPerMinute) || 0;
      const [more, less] = netMinutes >= 0 ? [a, b] : [b, a];
      const money = netCents === null ? '' : ` (ongeveer ${formatCents(Math.abs(netCents))})`;
      const base = net === 0
        ? `${muni(a)} en ${muni(b)} leverden elkaar evenveel uren (${hours(aForBMinutes)} uur elk); per saldo is er niets onverrekend.`
        : `${muni(more)} leverde per saldo ${hours(net)} uur${money} meer aan ${muni(less)} dan andersom, zonder verrekening: ${formatShare(net, totalMinutes)} van de ${hours(totalMinutes)} uitgewisselde uren.`;
      const message = flags.length
        ? `${base} Dat is meer dan de drempel van ${formatNumber(thresholdPercent)}%: laat de btw-positie van deze onverrekende uitleen beoordelen. ${VAT_DISCLAIMER}`
        : base;
      pairs.push({ a, b, aForBMinutes, bForAMinutes, totalMinutes, netMinutes, netCents, netPermille: permille(net, totalMinutes), flags, message });
    }
  }
  return pairs;
}

/**
 * The VAT-risk signal for monthly aggregated minutes (rows may repeat a key; they are
 * added up). Employees appear only when they worked for a municipality other than their
 * employer; pairs only when they exchanged any hours.
 *
 * @example
 * vatSignal(rows, { thresholdPercent: 10, centsPerMinute: 100, municipalityName: (id) => names.get(id) ?? id })
 */
export function vatSignal(rows: readonly LendingRow[], options: VatSignalOptions = {}): VatSignal {
  check(rows, options);
  const thresholdPercent = options.thresholdPercent ?? 10;
  const monthsLimit = LENDING_MONTHS_LIMIT;
  const muni = options.municipalityName ?? ((id: string) => id);
  const person = options.employeeName ?? ((id: string) => `Medewerker ${id}`);
  const employees = employeesOf(rows, monthsLimit, muni, person);
  const pairs = pairsOf(rows, thresholdPercent, options.centsPerMinute, muni);
  return {
    employees, pairs, thresholdPercent, monthsLimit,
    flagged: employees.some((e) => e.flags.length > 0) || pairs.some((p) => p.flags.length > 0),
    disclaimer: VAT_DISCLAIMER,
  };
}
