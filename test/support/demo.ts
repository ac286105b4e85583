/** A migrated database with the demo loaded, and handy ids from it. */
import { sql } from 'drizzle-orm';
import { freshDatabase } from './engines.ts';
import { pgliteDump } from './snapshots.ts';
import { openDatabase } from '../../src/platform/db/open.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { loadDemo } from '../../src/demo/load.ts';
import { rowsOf } from '../../src/platform/db/raw.ts';
import type { Engine, Queryable } from '../../src/platform/db/types.ts';

/** A database with the demo loaded: a copy of the run's snapshot, or built here without one. */
export async function demoDatabase(engine: Engine) {
  const database = await freshDatabase(engine, 'demo');
  if (!(await hasDemo(database.db))) await loadDemo(database.db, () => {}, database.bulk);
  return database;
}

/** A PGlite data directory on disk with the demo, for a child process (CLI, server). */
export async function demoDataDirectory(dir: string): Promise<void> {
  const dump = pgliteDump('demo');
  const database = await openDatabase({ dataDir: dir, loadDataDir: dump ?? undefined });
  try {
    if (!dump) {
      await migrate(database.db);
      await loadDemo(database.db, () => {}, database.bulk);
    }
  } finally {
    await database.close();
  }
}

async function hasDemo(db: Queryable): Promise<boolean> {
  const [row] = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from cooperation`);
  return row.n > 0;
}

/** An employee of `cbsCode` working in team `teamSlug` of Heemstede–Bloemendaal. */
export async function employeeOf(db: Queryable, cbsCode: string, teamSlug = 'p-en-o'): Promise<string> {
  const [row] = await rowsOf<{ id: string }>(db, sql`select e.id from employee e
    join municipality m on m.id = e.employer_municipality_id
    join employee_assignment a on a.employee_id = e.id
    join team t on t.id = a.team_id
    where m.cbs_code = ${cbsCode} and t.slug = ${teamSlug} order by e.personnel_number limit 1`);
  if (!row) throw new Error(`no demo employee of ${cbsCode} in ${teamSlug}`);
  return row.id;
}

export async function teamIdOf(db: Queryable, slug: string): Promise<string> {
  const [row] = await rowsOf<{ id: string }>(db, sql`select id from team where slug = ${slug} limit 1`);
  return row.id;
}

export async function auditCount(db: Queryable): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from audit_event`);
  return row.n;
}
