/** Named queries of the hours ledger. */
import { and, desc, eq } from 'drizzle-orm';
import { hoursImport } from './tables.ts';
import type { Queryable } from '../platform/db/types.ts';

export const lastImportOfFile = async (q: Queryable, cooperationId: string, fileSha256: string) =>
  (await q.select().from(hoursImport).where(and(eq(hoursImport.cooperationId, cooperationId), eq(hoursImport.fileSha256, fileSha256)))
    .orderBy(desc(hoursImport.createdAt)).limit(1))[0];
