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

async function build(database: Database, kind: SnapshotKind): Promise<void> {
  await migrate(database.db);
  if (kind === 'demo') await loadDemo(database.db, () => {}, database.bulk);
}

async function buildPglite(dir: string, kind: SnapshotKind): Promise<string> {
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    await build(database, kind);
    const client = (database.db as unknown as { $client: PGlite }).$client;
    const dump = await client.dumpDataDir('none');
    const path = join(dir, `pglite-${kind}.tar`);
    writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
    return path;
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

async function buildPostgres(pgUrl: string, runId: string, kind: SnapshotKind): Promise<string> {
  const name = `vlecht_tpl_${runId}_${kind}`;
  await admin(pgUrl, (c) => c.query(`create database ${name}`));
  // Every connection must be closed before the database can serve as a template.
  const database = await openDatabase({ url: databaseUrl(pgUrl, name), poolSize: 5 });
  try {
    await build(database, kind);
  } finally {
    await database.close();
  }
  return name;
}

/** Builds every snapshot for `engines` and writes the manifest into `dir`; returns its path. */
export async function prepareSnapshots(dir: string, engines: Engine[], pgUrl: string): Promise<string> {
  const runId = randomBytes(4).toString('hex');
  const kinds: SnapshotKind[] = ['empty', 'demo'];
  const result: SnapshotManifest = {};
  // PGlite works in this process, PostgreSQL in the server: building both at once overlaps them.
  await Promise.all([
    engines.includes('pglite')
      ? (async () => {
          const [empty, demo] = [await buildPglite(dir, 'empty'), await buildPglite(dir, 'demo')];
          result.pglite = { empty, demo };
        })()
      : null,
    engines.includes('postgres')
      ? (async () => {
          const [empty, demo] = await Promise.all(kinds.map((k) => buildPostgres(pgUrl, runId, k)));
          result.postgres = { empty, demo };
        })()
      : null,
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
