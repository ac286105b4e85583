/**
 * Opens the database: a PostgreSQL server when `DATABASE_URL` is given, otherwise PGlite
 * embedded in a data directory (or in memory for tests). Both behind one Drizzle type.
 */
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema.ts';
import { lockDataDir } from './lock.ts';
import type { Db, Engine } from './types.ts';
import { pgliteBulk, postgresBulk, type BulkRunner } from './bulk.ts';

export interface Database {
  db: Db;
  engine: Engine;
  /** Where the data lives, for messages: a directory, `memory` or the server (no password). */
  location: string;
  /** Bulk loading (COPY) inside one transaction, for importers. */
  bulk: BulkRunner;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL connection string; wins over dataDir. */
  url?: string;
  /** PGlite data directory; `memory://` for an in-memory database. */
  dataDir?: string;
  poolSize?: number;
  /** PGlite only: start from this data-directory dump (`dumpDataDir()`), e.g. a test snapshot. */
  loadDataDir?: Blob;
}

/** Opens from the environment: DATABASE_URL, else VLECHT_DATA_DIR (default ./data). */
export function optionsFromEnv(env = process.env): OpenOptions {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  return { dataDir: env.VLECHT_DATA_DIR ?? './data' };
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.poolSize ?? 10);
  return openPglite(options.dataDir ?? './data', options.loadDataDir);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', () => {});
  await pool.query('select 1');
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const u = new URL(url);
  return {
    db,
    engine: 'postgres',
    location: `${u.hostname}:${u.port || 5432}${u.pathname}`,
    bulk: postgresBulk(pool),
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  const dir = inMemory ? dataDir : resolve(dataDir);
  const release = inMemory ? () => {} : lockDataDir(dir);
  try {
    const client = await PGlite.create({ dataDir: inMemory ? undefined : dir, loadDataDir });
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      engine: 'pglite',
      location: inMemory ? 'memory' : dir,
      bulk: pgliteBulk(client),
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}
