/** Raw SQL returning rows, on either engine (both drivers give `{ rows }`). */
import type { SQL } from 'drizzle-orm';
import type { Queryable } from './types.ts';

export async function rowsOf<T>(q: Queryable, query: SQL): Promise<T[]> {
  const result = (await q.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
