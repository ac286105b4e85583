/** Named queries of the hours ledger. */
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { rowsOf } from '../platform/db/raw.ts';
import { hoursImport, pendingUpload } from './tables.ts';
import type { Queryable } from '../platform/db/types.ts';

export const lastImportOfFile = async (q: Queryable, cooperationId: string, fileSha256: string) =>
  (await q.select().from(hoursImport).where(and(eq(hoursImport.cooperationId, cooperationId), eq(hoursImport.fileSha256, fileSha256)))
    .orderBy(desc(hoursImport.createdAt)).limit(1))[0];

export interface LedgerCellRow {
  period: string;
  teamId: string;
  employerId: string;
  servedId: string;
  activity: string;
  minutes: number;
  minuteCents: bigint;
  minutesWithoutRate: number;
}

const PERIOD_SQL = {
  maand: sql`to_char(h.work_date, 'YYYY-MM')`,
  kwartaal: sql`to_char(h.work_date, 'YYYY') || '-K' || to_char(h.work_date, 'Q')`,
  jaar: sql`to_char(h.work_date, 'YYYY')`,
} as const;

type CellRow = { period: string; team_id: string; employer_id: string; served_id: string; activity: string; minutes: string; minute_cents: string; minutes_without_rate: string };

const toCell = (r: CellRow): LedgerCellRow => ({
  period: r.period, teamId: r.team_id, employerId: r.employer_id, servedId: r.served_id, activity: r.activity,
  minutes: Number(r.minutes), minuteCents: BigInt(r.minute_cents), minutesWithoutRate: Number(r.minutes_without_rate),
});

/** Entries with the rate valid on their work date (none: `r.id` is null). */
const RATED_ENTRIES = sql`hours_entry h
    left join employee_rate r on r.employee_id = h.employee_id and h.work_date >= r.valid_from and (r.valid_to is null or h.work_date < r.valid_to)`;
/** Σ minutes, Σ minutes × rate, and the minutes without a rate, over RATED_ENTRIES. */
const RATED_SUMS = sql`sum(h.minutes)::bigint as minutes,
      coalesce(sum(h.minutes::bigint * r.hourly_rate_cents), 0)::bigint as minute_cents,
      sum(case when r.id is null then h.minutes else 0 end)::bigint as minutes_without_rate`;

/**
 * The ledger aggregated per period × team × employer × municipality served × activity,
 * with the exact Σ(minutes × rate valid on the work date). Hours without a rate on that
 * date are counted separately so a missing rate is visible, not silently zero.
 * Reads ledger_day (one row per day and key, kept by triggers at commit), so the cost of
 * a request follows the number of days, not the number of entries; `teamId` narrows in SQL.
 */
export async function ledgerCells(q: Queryable, cooperationId: string, from: string, to: string, grain: keyof typeof PERIOD_SQL, teamId?: string): Promise<LedgerCellRow[]> {
  const rows = await rowsOf<CellRow>(q, sql`
    select ${PERIOD_SQL[grain]} as period, h.team_id, h.employer_municipality_id as employer_id, h.served_municipality_id as served_id, h.activity,
      sum(h.minutes)::bigint as minutes, sum(h.minute_cents)::bigint as minute_cents, sum(h.minutes_without_rate)::bigint as minutes_without_rate
    from ledger_day h
    where h.cooperation_id = ${cooperationId} and h.work_date between ${from} and ${to}${teamId ? sql` and h.team_id = ${teamId}` : sql``}
    group by 1, 2, 3, 4, 5
    order by 1, 2, 3, 4, 5`);
  return rows.map(toCell);
}

/**
 * The same cells computed from the entries themselves: the independent computation that
 * tests and `vlecht uren controleer` hold ledger_day against.
 */
export async function ledgerCellsFromEntries(q: Queryable, cooperationId: string, from: string, to: string, grain: keyof typeof PERIOD_SQL): Promise<LedgerCellRow[]> {
  const rows = await rowsOf<CellRow>(q, sql`
    select ${PERIOD_SQL[grain]} as period, h.team_id, h.employer_municipality_id as employer_id, h.served_municipality_id as served_id, h.activity,
      ${RATED_SUMS}
    from ${RATED_ENTRIES}
    where h.cooperation_id = ${cooperationId} and h.work_date between ${from} and ${to}
    group by 1, 2, 3, 4, 5
    order by 1, 2, 3, 4, 5`);
  return rows.map(toCell);
}

/** First and last work date in the ledger of a cooperation (null when empty). */
export async function ledgerSpan(q: Queryable, cooperationId: string) {
  const [row] = await rowsOf<{ first: string | null; last: string | null }>(q, sql`select min(work_date)::text as first, max(work_date)::text as last from hours_entry where cooperation_id = ${cooperationId}`);
  return row;
}

export const importsOf = (q: Queryable, cooperationId: string) =>
  q.select().from(hoursImport).where(eq(hoursImport.cooperationId, cooperationId)).orderBy(desc(hoursImport.createdAt)).limit(50);

export const insertPendingUpload = async (q: Queryable, row: typeof pendingUpload.$inferInsert) =>
  (await q.insert(pendingUpload).values(row).returning({ id: pendingUpload.id }))[0].id;
export const findPendingUpload = async (q: Queryable, id: string, userId: string | null) =>
  (await q.select().from(pendingUpload).where(and(eq(pendingUpload.id, id), userId ? eq(pendingUpload.userId, userId) : sql`true`)).limit(1))[0];
export const deletePendingUpload = (q: Queryable, id: string) => q.delete(pendingUpload).where(eq(pendingUpload.id, id));
/** Uploads nobody confirmed within a day are removed. */
export const deleteStaleUploads = (q: Queryable, before: Date) => q.delete(pendingUpload).where(lt(pendingUpload.createdAt, before));

/** Minutes per employee × employer × municipality served × month, for the VAT signal. */
export async function monthlyLending(q: Queryable, cooperationId: string, from: string, to: string) {
  const rows = await rowsOf<{ employee_id: string; employer_id: string; served_id: string; month: string; minutes: string }>(q, sql`
    select employee_id, employer_municipality_id as employer_id, served_municipality_id as served_id, to_char(work_date, 'YYYY-MM') as month, sum(minutes)::bigint as minutes
    from hours_entry where cooperation_id = ${cooperationId} and work_date between ${from} and ${to}
    group by 1, 2, 3, 4`);
  return rows.map((r) => ({ employeeId: r.employee_id, employerId: r.employer_id, servedId: r.served_id, month: r.month, minutes: Number(r.minutes) }));
}

/**
 * Rows where ledger_day differs from a fresh aggregation of the entries (both directions);
 * 0 means the per-day totals are exactly what the entries and rates say.
 */
export async function ledgerDayDifferences(q: Queryable): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(q, sql`
    with fresh as (
      select h.cooperation_id, h.work_date, h.team_id, h.employer_municipality_id, h.served_municipality_id, h.activity,
        ${RATED_SUMS}, count(*)::int as entries
      from ${RATED_ENTRIES}
      group by 1, 2, 3, 4, 5, 6
    ), kept as (
      select cooperation_id, work_date, team_id, employer_municipality_id, served_municipality_id, activity, minutes, minute_cents, minutes_without_rate, entries from ledger_day
    )
    select ((select count(*) from (select * from fresh except all select * from kept) a)
          + (select count(*) from (select * from kept except all select * from fresh) b))::int as n`);
  return row.n;
}
