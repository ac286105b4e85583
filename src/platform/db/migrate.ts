/**
 * Applies the SQL migrations in `migrations/` (made by drizzle-kit) on either engine.
 * An advisory lock serialises concurrent starts of several app instances.
 */
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Db } from './types.ts';
import { rowsOf } from './raw.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations', import.meta.url));
const MIGRATION_LOCK = 741_852_963;

/** Runs pending migrations in one transaction; returns how many were applied. */
export async function migrate(db: Db): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR });
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.execute(sql`create table if not exists vlecht_migration (
      hash text primary key, created_at bigint not null, applied_at timestamptz not null default now())`);
    const done = await rowsOf<{ hash: string }>(tx, sql`select hash from vlecht_migration`);
    const applied = new Set(done.map((r) => r.hash));
    let count = 0;
    for (const m of migrations) {
      if (applied.has(m.hash)) continue;
      for (const statement of m.sql) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.execute(sql`insert into vlecht_migration (hash, created_at) values (${m.hash}, ${m.folderMillis})`);
      count++;
    }
    return count;
  });
}
