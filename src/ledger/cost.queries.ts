/** Named queries of shared cost items (kostenposten). */
import { asc, eq, sql } from 'drizzle-orm';
import { costItem } from './tables.ts';
import { cooperation } from '../register/tables.ts';
import { isUuid } from '../platform/db/ids.ts';
import { rowsOf } from '../platform/db/raw.ts';
import type { Queryable } from '../platform/db/types.ts';

export type CostItemRow = typeof costItem.$inferSelect;

export const insertCostItem = async (q: Queryable, row: typeof costItem.$inferInsert): Promise<CostItemRow> =>
  (await q.insert(costItem).values(row).returning())[0];

export const costItemsOfCooperation = (q: Queryable, cooperationId: string): Promise<CostItemRow[]> =>
  q.select().from(costItem).where(eq(costItem.cooperationId, cooperationId))
    .orderBy(asc(costItem.periodFrom), asc(costItem.name), asc(costItem.id));

/** A cost item with the slug of its cooperation (the register service looks cooperations up by slug). */
export async function findCostItemById(q: Queryable, id: string): Promise<{ item: CostItemRow; cooperationSlug: string } | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await q.select({ item: costItem, cooperationSlug: cooperation.slug }).from(costItem)
    .innerJoin(cooperation, eq(cooperation.id, costItem.cooperationId)).where(eq(costItem.id, id)).limit(1);
  return row;
}

/**
 * Minutes worked for each municipality served in a period, from the hours ledger; only
 * the hours of one team when `teamId` is given. The default source of the `uren` key.
 * Reads ledger_day, the per-day totals kept by triggers.
 */
export async function minutesServedByMunicipality(q: Queryable, cooperationId: string, from: string, to: string, teamId: string | null = null): Promise<Map<string, number>> {
  const rows = await rowsOf<{ served_id: string; minutes: string }>(q, sql`
    select served_municipality_id as served_id, sum(minutes)::bigint as minutes from ledger_day
    where cooperation_id = ${cooperationId} and work_date between ${from} and ${to}
      ${teamId ? sql`and team_id = ${teamId}` : sql``}
    group by served_municipality_id`);
  return new Map(rows.map((r) => [r.served_id, Number(r.minutes)]));
}
