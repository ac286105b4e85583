/**
 * Hours ledger at scale (issue 3): 1M synthetic rows (VLECHT_BENCH_ROWS to change).
 * - import through the app's importer (parse, validate, stage, dedupe, insert, audit)
 *   vs a raw COPY of the same file into a table of the same columns (PostgreSQL) and vs a
 *   plain batched insert of the same rows (PGlite);
 * - the ledger overview (balance, per team, per period) vs one hand-written SQL aggregate.
 * Targets: import ≥ 50% of COPY on PostgreSQL, ≥ 100k rows/s on PGlite; overview ≤ 1.5× SQL.
 */
import { createReadStream, createWriteStream, statSync, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { ENGINES } from '../test/support/engines.ts';
import { demoDatabase } from '../test/support/demo.ts';
import { importHours } from '../src/ledger/import.service.ts';
import { ledgerOverview } from '../src/ledger/ledger.service.ts';
import { rowsOf } from '../src/platform/db/raw.ts';
import { SYSTEM_ACTOR } from '../src/platform/auth/actor.ts';
import type { Ctx } from '../src/platform/context.ts';
import type { Database } from '../src/platform/db/open.ts';

const ROWS = Number(process.env.VLECHT_BENCH_ROWS ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'vlecht-bench-'));
const file = join(dir, 'uren-1m.csv');

async function writeFile(numbers: string[]) {
  const out = createWriteStream(file);
  out.write('personeelsnummer;datum;uren;gemeente;activiteit;omschrijving\n');
  const served = ['GM0397', 'GM0377'];
  const activity = ['regulier', 'regulier', 'regulier', 'vervanging', 'samenwerking', 'project'];
  let day = Date.UTC(2020, 0, 1);
  for (let i = 0; i < ROWS; i++) {
    if (i % (numbers.length * 2) === 0) day += 86_400_000;
    const d = new Date(day);
    const date = `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;
    const line = `${numbers[i % numbers.length]};${date};${(1 + (i % 15) / 2).toString().replace('.', ',')};${served[(i >> 3) % 2]};${activity[i % activity.length]};bench ${i % 97}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

const rate = (rows: number, ms: number) => Math.round((rows / ms) * 1000);
const results: Record<string, string | number>[] = [];

async function benchEngine(engine: 'pglite' | 'postgres', database: Database) {
  const ctx: Ctx = { db: database.db, bulk: database.bulk, actor: SYSTEM_ACTOR, clock: () => new Date(), origin: 'bench' };

  let t = performance.now();
  const result = await importHours(ctx, { cooperationSlug: 'heemstede-bloemendaal', fileName: 'uren-1m.csv', input: createReadStream(file) });
  const appMs = performance.now() - t;

  const baselineMs = await baseline(engine, database);
  results.push({
    engine, benchmark: `import ${ROWS.toLocaleString('nl-NL')} rows`, 'app rows/s': rate(result.rowsAdded, appMs), 'app s': (appMs / 1000).toFixed(1),
    baseline: engine === 'postgres' ? 'raw COPY of the same rows into hours_entry' : 'batched INSERT of the same rows into hours_entry', 'baseline rows/s': rate(ROWS, baselineMs),
    'app / baseline': `${Math.round((baselineMs / appMs) * 100)}%`, target: engine === 'postgres' ? '≥ 50% of COPY' : '≥ 100.000 rows/s',
  });

  const query = { van: '2020-01-01', tot: '2030-12-31', per: 'kwartaal' };
  // The equivalent hand-written aggregate: the same figures (period × team × employer × served × activity, cost at the rate valid on the date).
  const handWritten = () => rowsOf(database.db, sql`select to_char(h.work_date, 'YYYY') || '-K' || to_char(h.work_date, 'Q'), h.team_id, h.employer_municipality_id, h.served_municipality_id, h.activity,
      sum(h.minutes), sum(h.minutes::bigint * r.hourly_rate_cents)
    from hours_entry h left join employee_rate r on r.employee_id = h.employee_id and h.work_date >= r.valid_from and (r.valid_to is null or h.work_date < r.valid_to)
    where h.cooperation_id = (select id from cooperation where slug = 'heemstede-bloemendaal') and h.work_date between '2020-01-01' and '2030-12-31'
    group by 1, 2, 3, 4, 5`);
  // Alternate the two, three times each after a warm-up of both, and compare medians (one cold run would favour whichever runs second).
  let overview = await ledgerOverview(ctx, 'heemstede-bloemendaal', query);
  await handWritten();
  const appRuns: number[] = [];
  const sqlRuns: number[] = [];
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    overview = await ledgerOverview(ctx, 'heemstede-bloemendaal', query);
    appRuns.push(performance.now() - t);
    t = performance.now();
    await handWritten();
    sqlRuns.push(performance.now() - t);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1];
  const overviewMs = median(appRuns);
  const sqlMs = median(sqlRuns);
  results.push({
    engine, benchmark: `overview over ${overview.cells.length} cells`, 'app s': (overviewMs / 1000).toFixed(2), baseline: 'hand-written SQL aggregate',
    'baseline s': (sqlMs / 1000).toFixed(2), 'app / baseline': `${(overviewMs / sqlMs).toFixed(2)}×`, target: '≤ 1.5×',
  });
}

/**
 * Baseline on the same rows and engine, into the same table with the same indexes and
 * constraints: the rows the importer just wrote, resolved to ids, loaded again with a
 * plain COPY (PostgreSQL) or batched multi-row INSERT (PGlite), inside a transaction
 * that is rolled back.
 */
async function baseline(engine: 'pglite' | 'postgres', database: Database): Promise<number> {
  const columns = ['cooperation_id', 'import_id', 'employee_id', 'employer_municipality_id', 'team_id', 'served_municipality_id', 'work_date', 'minutes', 'activity', 'description', 'content_hash', 'occurrence'];
  const rows = await rowsOf<Record<string, string | number>>(database.db, sql.raw(`select ${columns.join(', ')} from hours_entry where description like 'bench %'`));
  const values = rows.map((r) => columns.map((c) => (c === 'occurrence' ? Number(r[c]) + 1_000_000 : c === 'work_date' ? String(r[c]).slice(0, 10) : r[c])) as (string | number)[]);
  let ms = 0;
  await database.bulk(async ({ q, copyInto }) => {
    const t = performance.now();
    if (engine === 'postgres') {
      await copyInto('hours_entry', columns, values);
    } else {
      for (let i = 0; i < values.length; i += 5000) {
        const batch = values.slice(i, i + 5000).map((v) => Object.fromEntries(columns.map((c, j) => [c, v[j]])));
        await q.execute(sql`insert into hours_entry (${sql.raw(columns.join(', '))}) select ${sql.raw(columns.join(', '))} from json_populate_recordset(null::hours_entry, ${JSON.stringify(batch)}::json)`);
      }
    }
    ms = performance.now() - t;
    throw new RollbackBaseline();
  }).catch((e) => { if (!(e instanceof RollbackBaseline)) throw e; });
  return ms;
}
class RollbackBaseline extends Error {}

try {
  for (const engine of ENGINES) {
    const database = await demoDatabase(engine);
    try {
      if (!statSync(file, { throwIfNoEntry: false })) {
        const numbers = (await rowsOf<{ n: string }>(database.db, sql`select personnel_number as n from employee where synthetic order by 1`)).map((r) => r.n);
        await writeFile(numbers);
        console.log(`# ${ROWS.toLocaleString('nl-NL')} rows, ${(statSync(file).size / 1e6).toFixed(0)} MB`);
      }
      await benchEngine(engine, database);
    } finally {
      await database.close();
    }
  }
  console.table(results);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
