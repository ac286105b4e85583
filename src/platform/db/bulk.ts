/**
 * Bulk loading inside one transaction, per engine: PostgreSQL gets `COPY … FROM STDIN`
 * (pg-copy-streams) on the transaction's own connection; PGlite gets `COPY … FROM
 * '/dev/blob'` in chunks. Everything else in the transaction goes through Drizzle on the
 * same connection, so a crash or error leaves nothing behind.
 */
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import * as schema from './schema.ts';
import type { Queryable } from './types.ts';

export interface BulkTx {
  /** Drizzle on the transaction's connection. */
  q: Queryable;
  /** Loads rows into `table`; values are strings, numbers or null. Returns the row count. */
  copyInto(table: string, columns: string[], rows: AsyncIterable<CopyRow> | Iterable<CopyRow>): Promise<number>;
}
export type CopyRow = (string | number | null)[];
export type BulkRunner = <T>(work: (tx: BulkTx) => Promise<T>) => Promise<T>;

const PGLITE_CHUNK_ROWS = 20_000;

/** One CSV line in PostgreSQL's COPY csv format: NULL unquoted-empty, strings always quoted. */
export function csvLine(row: CopyRow): string {
  return `${row.map((v) => (v === null ? '' : typeof v === 'number' ? String(v) : `"${v.replace(/"/g, '""')}"`)).join(',')}\n`;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const copySql = (table: string, columns: string[], source: string) =>
  `COPY ${ident(table)} (${columns.map(ident).join(', ')}) FROM ${source} WITH (FORMAT csv)`;

export function postgresBulk(pool: pg.Pool): BulkRunner {
  return async (work) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const q = drizzlePg(client, { schema }) as unknown as Queryable;
      const result = await work({
        q,
        async copyInto(table, columns, rows) {
          let count = 0;
          // Yield ~64 KB chunks: one stream write per row costs more than the COPY itself.
          async function* lines() {
            let buffer = '';
            for await (const row of rows) {
              count++;
              buffer += csvLine(row);
              if (buffer.length >= 65_536) {
                yield buffer;
                buffer = '';
              }
            }
            if (buffer) yield buffer;
          }
          await pipeline(Readable.from(lines()), client.query(copyFrom(copySql(table, columns, 'STDIN'))));
          return count;
        },
      });
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  };
}

export function pgliteBulk(client: PGlite): BulkRunner {
  return (work) => client.transaction(async (ptx: Transaction) => {
    const q = drizzlePglite(ptx as unknown as PGlite, { schema }) as unknown as Queryable;
    return work({
      q,
      async copyInto(table, columns, rows) {
        let count = 0;
        let chunk: string[] = [];
        const flush = async () => {
          if (chunk.length === 0) return;
          await ptx.query(copySql(table, columns, "'/dev/blob'"), [], { blob: new Blob([chunk.join('')]) });
          chunk = [];
        };
        for await (const row of rows) {
          chunk.push(csvLine(row));
          count++;
          if (chunk.length >= PGLITE_CHUNK_ROWS) await flush();
        }
        await flush();
        return count;
      },
    });
  });
}

/**
 * Fallback when no engine-specific runner is at hand (e.g. a bare Drizzle handle): one
 * Drizzle transaction, rows inserted in batches as one JSON parameter each.
 */
export function genericBulk(db: import('./types.ts').Db): BulkRunner {
  return (work) => db.transaction(async (tx) => work({
    q: tx,
    async copyInto(table, columns, rows) {
      const { sql } = await import('drizzle-orm');
      let count = 0;
      let batch: Record<string, string | number | null>[] = [];
      const cols = sql.raw(columns.map(ident).join(', '));
      const flush = async () => {
        if (!batch.length) return;
        await tx.execute(sql`insert into ${sql.raw(ident(table))} (${cols}) select ${cols} from json_populate_recordset(null::${sql.raw(ident(table))}, ${JSON.stringify(batch)}::json)`);
        batch = [];
      };
      for await (const row of rows) {
        batch.push(Object.fromEntries(columns.map((c, i) => [c, row[i]])));
        count++;
        if (batch.length >= 5000) await flush();
      }
      await flush();
      return count;
    },
  }));
}
