/**
 * Every database test runs on every engine: PGlite (in memory) and PostgreSQL (a fresh
 * database per suite on the server in VLECHT_TEST_PG_URL). VLECHT_TEST_ENGINES filters
 * (e.g. `pglite`); VLECHT_TEST_REQUIRE_PG=1 (set in CI) makes a missing server an error.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/platform/db/open.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import type { Engine } from '../../src/platform/db/types.ts';
import { pgliteDump, postgresTemplate, type SnapshotKind } from './snapshots.ts';

export const PG_URL = process.env.VLECHT_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A loaded machine can be slow to accept a connection: try a few times before giving up on PostgreSQL. */
async function postgresReachable(): Promise<boolean> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 10_000 });
    try {
      await client.connect();
      return true;
    } catch {
      if (attempt < 3) await new Promise((r) => setTimeout(r, 1000));
    } finally {
      await client.end().catch(() => {});
    }
  }
  return false;
}

async function detectEngines(): Promise<Engine[]> {
  const wanted = (process.env.VLECHT_TEST_ENGINES ?? 'pglite,postgres').split(',').map((s) => s.trim());
  const engines: Engine[] = [];
  if (wanted.includes('pglite')) engines.push('pglite');
  if (wanted.includes('postgres')) {
    if (await postgresReachable()) engines.push('postgres');
    else if (process.env.VLECHT_TEST_REQUIRE_PG === '1') throw new Error(`PostgreSQL required but not reachable at ${PG_URL}`);
    else console.warn(`# PostgreSQL not reachable at ${PG_URL}: database tests run on PGlite only`);
  }
  return engines;
}

export const ENGINES: Engine[] = await detectEngines();

/**
 * A new, migrated, empty database on the engine; `close()` removes it. With the run's
 * snapshots (see snapshots.ts) it is a copy of a prepared one; `kind: 'demo'` has the demo.
 */
export async function freshDatabase(engine: Engine, kind: SnapshotKind = 'empty'): Promise<Database> {
  if (engine === 'pglite') {
    const dump = pgliteDump(kind);
    const database = await openDatabase({ dataDir: 'memory://', loadDataDir: dump ?? undefined });
    if (!dump) await migrate(database.db);
    return database;
  }
  const template = postgresTemplate(kind);
  const scratch = await scratchPostgres(template ? { kind } : {});
  const database = await openDatabase({ url: scratch.url, poolSize: 5 });
  if (!template) await migrate(database.db);
  return {
    ...database,
    close: async () => {
      await database.close();
      await scratch.drop();
    },
  };
}

/**
 * A PostgreSQL database for a suite or a child process (CLI, server); `drop()` removes it.
 * Empty by default; with `kind`, a copy of the run's prepared template (migrated, and with
 * the demo for `demo`) — falls back to empty when no snapshots were prepared.
 */
export async function scratchPostgres(options: { kind?: SnapshotKind } = {}): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `vlecht_t_${randomBytes(6).toString('hex')}`;
  const template = options.kind ? postgresTemplate(options.kind) : null;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
