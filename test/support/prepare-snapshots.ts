/**
 * Builds the run's snapshots (see snapshots.ts): called once by `scripts/test.mjs` before
 * any test file starts, and again to drop the PostgreSQL templates at the end.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { openDatabase, type Database } from '../../src/platform/db/open.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { loadDemo } from '../../src/demo/load.ts';
import type { Engine } from '../../src/platform/db/types.ts';
import type { SnapshotKind, SnapshotManifest } from './snapshots.ts';

async function dumpTo(database: Database, path: string): Promise<string> {
  const client = (database.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir('none');
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  return path;
}

/** One in-memory PGlite: migrated → dumped as `empty`, demo loaded → dumped as `demo`. */
async function buildPglite(dir: string): Promise<Record<SnapshotKind, string>> {
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    await migrate(database.db);
    const empty = await dumpTo(database, join(dir, 'pglite-empty.tar'));
    await loadDemo(database.db, () => {}, database.bulk);
    const demo = await dumpTo(database, join(dir, 'pglite-demo.tar'));
    return { empty, demo };
  } finally {
    await database.close();
  }
}

async function admin<T>(pgUrl: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(pgUrl: string, name: string): string {
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs `work` on the PostgreSQL database `name`; every connection is closed afterwards, as a template needs. */
async function onDatabase(pgUrl: string, name: string, work: (database: Database) => Promise<void>): Promise<void> {
  const database = await openDatabase({ url: databaseUrl(pgUrl, name), poolSize: 5 });
  try {
    await work(database);
  } finally {
    await database.close();
  }
}

/** Template `empty` (migrated), then `demo` made from it with the demo loaded. */
async function buildPostgres(pgUrl: string, runId: string): Promise<Record<SnapshotKind, string>> {
  const empty = `vlecht_tpl_${runId}_empty`;
  const demo = `vlecht_tpl_${runId}_demo`;
  await admin(pgUrl, (c) => c.query(`create database ${empty}`));
  await onDatabase(pgUrl, empty, async (d) => void (await migrate(d.db)));
  await admin(pgUrl, (c) => c.query(`create database ${demo} template ${empty}`));
  await onDatabase(pgUrl, demo, (d) => loadDemo(d.db, () => {}, d.bulk));
  return { empty, demo };
}

/** Builds every snapshot for `engines` and writes the manifest into `dir`; returns its path. */
export async function prepareSnapshots(dir: string, engines: Engine[], pgUrl: string): Promise<string> {
  const runId = randomBytes(4).toString('hex');
  const result: SnapshotManifest = {};
  // PGlite works in this process, PostgreSQL in the server: building both at once overlaps them.
  await Promise.all([
    engines.includes('pglite') ? buildPglite(dir).then((r) => void (result.pglite = r)) : null,
    engines.includes('postgres') ? buildPostgres(pgUrl, runId).then((r) => void (result.postgres = r)) : null,
  ]);
  const path = join(dir, 'manifest.json');
  writeFileSync(path, JSON.stringify(result, null, 2));
  return path;
}

/** Drops the run's template databases (PGlite dumps go with the run's temporary folder). */
export async function dropSnapshots(path: string, pgUrl: string): Promise<void> {
  const m = JSON.parse(readFileSync(path, 'utf8')) as SnapshotManifest;
  if (!m.postgres) return;
  await admin(pgUrl, async (c) => {
    for (const name of Object.values(m.postgres!)) await c.query(`drop database if exists ${name} with (force)`);
  });
}
