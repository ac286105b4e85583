/**
 * Backup and restore of every table, engine-neutral: each row as the JSON PostgreSQL
 * itself produces (row_to_json, in UTC), gzip-compressed JSON lines, with a trailer that
 * holds the row count and a SHA-256 of all lines so a damaged file is refused.
 * Tables are found in the catalogue and ordered by their foreign keys, so tables added
 * by later migrations are included without changing this file.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { createGunzip, createGzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import type { Db, Queryable } from './types.ts';
import { rowsOf } from './raw.ts';
import { VlechtError } from '../errors.ts';

const FORMAT = 'vlecht-backup';
/**
 * Working state, not data: sessions, login throttling, the one-time setup code and
 * unconfirmed uploads are neither backed up nor count against an "empty" target (a
 * freshly started server has already issued a setup code).
 */
export const TRANSIENT_TABLES = ['session', 'login_throttle', 'setup_token', 'pending_upload'];
/**
 * Derived data, kept by triggers from other tables: not backed up; a restore rebuilds it
 * when the rows it derives from are inserted (ledger_day from hours_entry and rates).
 */
export const DERIVED_TABLES = ['ledger_day', 'ledger_day_dirty_day', 'ledger_day_dirty_employee'];
const PAGE = 2000;

/** User tables in an order where every referenced table comes first. */
export async function tablesInDependencyOrder(q: Queryable): Promise<string[]> {
  const tables = (await rowsOf<{ name: string }>(q, sql`select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'vlecht_migration' order by table_name`)).map((r) => r.name)
    .filter((t) => !TRANSIENT_TABLES.includes(t) && !DERIVED_TABLES.includes(t));
  const edges = await rowsOf<{ child: string; parent: string }>(q, sql`select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace where c.contype = 'f' and n.nspname = 'public'`);
  const ordered: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (ordered.includes(t) || path.has(t)) return;
    path.add(t);
    for (const e of edges) if (e.child === t && e.parent !== t) visit(e.parent, path);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

export async function backupTo(db: Db, file: string, progress: (table: string, rows: number) => void = () => {}) {
  const gzip = createGzip();
  const out = gzip.pipe(createWriteStream(file));
  const hash = createHash('sha256');
  const write = async (obj: unknown) => {
    const line = `${JSON.stringify(obj)}\n`;
    hash.update(line);
    if (!gzip.write(line)) await once(gzip, 'drain');
  };
  let total = 0;
  let tableCount = 0;
  await db.transaction(async (tx) => {
    // One snapshot for the whole backup, timestamps rendered in UTC on both engines.
    await tx.execute(sql`set transaction isolation level repeatable read`);
    await tx.execute(sql`set local timezone = 'UTC'`);
    const migrations = await rowsOf<{ hash: string }>(tx, sql`select hash from vlecht_migration order by created_at, hash`);
    await write({ format: FORMAT, version: 1, migrations: migrations.map((m) => m.hash) });
    for (const table of await tablesInDependencyOrder(tx)) {
      tableCount++;
      await write({ table });
      let offset = 0;
      for (;;) {
        const rows = await rowsOf<{ j: string }>(tx, sql`select row_to_json(t)::text as j from ${ident(table)} t order by 1 limit ${PAGE} offset ${offset}`);
        for (const r of rows) await write({ row: JSON.parse(r.j) });
        offset += rows.length;
        if (rows.length < PAGE) break;
      }
      total += offset;
      progress(table, offset);
    }
  });
  gzip.end(`${JSON.stringify({ end: true, rows: total, sha256: hash.digest('hex') })}\n`);
  await once(out, 'finish');
  return { rows: total, tables: tableCount };
}

export async function restoreFrom(db: Db, file: string, progress: (table: string, rows: number) => void = () => {}) {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const hash = createHash('sha256');
  let header: { format?: string; migrations?: string[] } | null = null;
  let trailer: { end?: boolean; rows?: number; sha256?: string } | null = null;
  const batches = new Map<string, unknown[]>();
  let current: string | null = null;
  let total = 0;
  try {
    for await (const line of lines) {
      if (!line) continue;
      if (trailer) throw new Error('gegevens na het einde van het bestand');
      const obj = JSON.parse(line) as Record<string, unknown>;
      if (obj.end) { trailer = obj; continue; }
      hash.update(`${line}\n`);
      if (!header) { header = obj; continue; }
      if (typeof obj.table === 'string') { current = obj.table; batches.set(current, []); continue; }
      if (!current || !('row' in obj)) throw new Error('onverwachte regel');
      batches.get(current)!.push(obj.row);
      total++;
    }
  } catch (e) {
    throw new VlechtError('BACKUP_INVALID', { reason: e instanceof Error && !('code' in e) ? e.message : 'het bestand is beschadigd of geen gzip' });
  }
  if (header?.format !== FORMAT) throw new VlechtError('BACKUP_INVALID', { reason: 'onbekend formaat' });
  if (!trailer || trailer.rows !== total || trailer.sha256 !== hash.digest('hex')) {
    throw new VlechtError('BACKUP_INVALID', { reason: 'het bestand is onvolledig of gewijzigd (controlesom klopt niet)' });
  }
  await db.transaction(async (tx) => {
    const migrations = (await rowsOf<{ hash: string }>(tx, sql`select hash from vlecht_migration order by created_at, hash`)).map((m) => m.hash);
    if (JSON.stringify(migrations) !== JSON.stringify(header!.migrations)) {
      throw new VlechtError('BACKUP_INVALID', { reason: 'de back-up hoort bij een andere databaseversie' });
    }
    const tables = await tablesInDependencyOrder(tx);
    for (const table of tables) {
      const [{ n }] = await rowsOf<{ n: number }>(tx, sql`select count(*)::int as n from ${ident(table)}`);
      if (n > 0) throw new VlechtError('RESTORE_TARGET_NOT_EMPTY');
    }
    await tx.execute(sql`set local timezone = 'UTC'`);
    // The setup code of the empty target is moot once its accounts come back.
    await tx.execute(sql`delete from setup_token`);
    for (const table of tables) {
      const rows = batches.get(table) ?? [];
      for (let i = 0; i < rows.length; i += PAGE) {
        const chunk = JSON.stringify(rows.slice(i, i + PAGE));
        // Identity columns keep their backed-up values (OVERRIDING SYSTEM VALUE), sequences follow below.
        await tx.execute(sql`insert into ${ident(table)} overriding system value select * from json_populate_recordset(null::${ident(table)}, ${chunk}::json)`);
      }
      progress(table, rows.length);
    }
    const identities = await rowsOf<{ t: string; c: string }>(tx, sql`select table_name as t, column_name as c from information_schema.columns
      where table_schema = 'public' and is_identity = 'YES'`);
    for (const { t, c } of identities) {
      await tx.execute(sql`select setval(pg_get_serial_sequence(${`"${t}"`}, ${c}), coalesce((select max(${ident(c)}) from ${ident(t)}), 0) + 1, false)`);
    }
  });
  return { rows: total, tables: batches.size };
}
