/** Named queries on the audit trail. */
import { desc, lt, and, eq, type SQL } from 'drizzle-orm';
import { auditEvent } from './tables.ts';
import type { Queryable } from '../db/types.ts';

/** Newest first, keyset-paginated by seq. */
export function latestEvents(q: Queryable, options: { before?: number; limit: number; objectId?: string }) {
  const conditions: SQL[] = [];
  if (options.before) conditions.push(lt(auditEvent.seq, options.before));
  if (options.objectId) conditions.push(eq(auditEvent.objectId, options.objectId));
  return q.select().from(auditEvent).where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditEvent.seq)).limit(options.limit);
}
