/**
 * Applies the SQL migrations in `migrations/` (made by drizzle-kit) on either engine.
 * An advisory lock serialises concurrent starts of several app instances.
 *
 * On PostgreSQL the app may run under a role without DDL rights (see `roles.ts`): when
 * every migration is already applied, nothing is created or locked, so such a role starts
 * fine; when migrations are pending and the role may not run them, a Dutch
 * `MIGRATIONS_NOT_PERMITTED` says to run `vlecht migrate` with the owner.
 */
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Db, Queryable } from './types.ts';
import { rowsOf } from './raw.ts';
import { VlechtError } from '../errors.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations', import.meta.url));
/** Vlecht's own bookkeeping of applied migrations (public schema; not drizzle's `drizzle.__drizzle_migrations`). */
export const MIGRATION_TABLE = 'vlecht_migration';
const MIGRATION_LOCK = 741_852_963;

const INSUFFICIENT_PRIVILEGE = '42501';

/** The SQLSTATE of a database error, also when wrapped by the ORM (`cause`). */
export function sqlState(e: unknown): string | undefined {
  for (let cur: any = e, depth = 0; cur && depth < 5; cur = cur.cause, depth++) {
    if (typeof cur.code === 'string' && /^[0-9A-Z]{5}$/.test(cur.code)) return cur.code;
  }
  return undefined;
}

/** Hashes of the applied migrations; empty when the bookkeeping table does not exist yet. */
async function appliedHashes(q: Queryable): Promise<Set<string> | null> {
  const [exists] = await rowsOf<{ t: string | null }>(q, sql`select to_regclass(${MIGRATION_TABLE})::text as t`);
  if (!exists?.t) return null;
  const done = await rowsOf<{ hash: string }>(q, sql`select hash from vlecht_migration`);
  return new Set(done.map((r) => r.hash));
}

/** How many migrations in `migrations/` are not applied yet (reads only; any role with SELECT). */
export async function pendingMigrations(db: Queryable): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR });
  const applied = await appliedHashes(db);
  return migrations.filter((m) => !applied?.has(m.hash)).length;
}

/** Runs pending migrations in one transaction; returns how many were applied. */
export async function migrate(db: Db): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR });
  // Nothing to do: no lock and no DDL, so an app role without owner rights starts fine.
  const before = await appliedHashes(db);
  const pending = migrations.filter((m) => !before?.has(m.hash)).length;
  if (before && pending === 0) return 0;
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
      await tx.execute(sql`create table if not exists vlecht_migration (
        hash text primary key, created_at bigint not null, applied_at timestamptz not null default now())`);
      const applied = (await appliedHashes(tx)) ?? new Set<string>();
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
  } catch (e) {
    if (sqlState(e) !== INSUFFICIENT_PRIVILEGE) throw e;
    const [who] = await rowsOf<{ role: string }>(db, sql`select current_user as role`);
    throw new VlechtError('MIGRATIONS_NOT_PERMITTED', { count: pending, role: who?.role ?? '?' });
  }
}
