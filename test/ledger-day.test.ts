/**
 * ledger_day, the per-day ledger kept by triggers at commit, on every engine: it equals a
 * fresh aggregation of the entries and rates after the demo load, an import, a period
 * replacement, a rate change, a removed rate, concurrent imports and a backup restore —
 * and the ledger overview built on it equals the computation from the entries.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { demoDatabase, employeeOf } from './support/demo.ts';
import { importHours } from '../src/ledger/import.service.ts';
import { ledgerOverview } from '../src/ledger/ledger.service.ts';
import { ledgerCellsFromEntries, ledgerDayDifferences } from '../src/ledger/ledger.queries.ts';
import { costCentsOf } from '../src/ledger/balance.ts';
import { addRate } from '../src/register/employee.service.ts';
import { backupTo, restoreFrom } from '../src/platform/db/backup.ts';
import { sessionActor, login } from '../src/platform/auth/auth.service.ts';
import { rowsOf } from '../src/platform/db/raw.ts';
import type { Database } from '../src/platform/db/open.ts';
import type { Ctx } from '../src/platform/context.ts';

const HB = 'heemstede-bloemendaal';
const HEADER = 'personeelsnummer;datum;uren;gemeente;activiteit;team;omschrijving';
const csv = (lines: string[]) => Readable.from([`${HEADER}\n${lines.join('\n')}\n`]);

async function ctxFor(database: Database, email: string): Promise<Ctx> {
  const { token } = await login(database.db, { email, password: 'vlecht-demo-2026', origin: 'test' });
  const found = await sessionActor(database.db, token);
  return { db: database.db, actor: found!.actor, clock: () => new Date('2026-03-01T10:00:00Z'), origin: 'test', bulk: database.bulk };
}

const dayTotal = async (database: Database, date: string) => (await rowsOf<{ minutes: number; cents: string; entries: number }>(database.db, sql`
  select coalesce(sum(minutes), 0)::int as minutes, coalesce(sum(minute_cents), 0)::text as cents, coalesce(sum(entries), 0)::int as entries
  from ledger_day where work_date = ${date}`))[0];

for (const engine of ENGINES) {
  describe(`ledger_day kept by triggers [${engine}]`, () => {
    let database: Database;
    let controller: Ctx;
    before(async () => {
      database = await demoDatabase(engine);
      controller = await ctxFor(database, 'controller.heemstede@vlecht.demo');
    });
    after(() => database.close());

    test('after the demo load every day equals the aggregation of its entries', async () => {
      const [{ n }] = await rowsOf<{ n: number }>(database.db, sql`select count(*)::int as n from ledger_day`);
      assert.ok(n > 1000, `ledger_day has ${n} rows`);
      assert.equal(await ledgerDayDifferences(database.db), 0);
      const [{ dirty }] = await rowsOf<{ dirty: number }>(database.db, sql`select ((select count(*) from ledger_day_dirty_day) + (select count(*) from ledger_day_dirty_employee))::int as dirty`);
      assert.equal(dirty, 0, 'nothing left dirty after commit');
    });

    test('an import adds its hours to the day; importing it again changes nothing', async () => {
      const before = await dayTotal(database, '2026-01-05');
      await importHours(controller, { cooperationSlug: HB, fileName: 'dag.csv', input: csv(['S1000;05-01-2026;7,5;GM0397;regulier;;Gewone dag', 'S1001;05-01-2026;2;GM0377;vervanging;;Vervanging']) });
      const after1 = await dayTotal(database, '2026-01-05');
      assert.equal(after1.minutes - before.minutes, 570);
      assert.equal(after1.entries - before.entries, 2);
      assert.ok(BigInt(after1.cents) > BigInt(before.cents), 'cost follows the rates');
      await importHours(controller, { cooperationSlug: HB, fileName: 'dag.csv', input: csv(['S1000;05-01-2026;7,5;GM0397;regulier;;Gewone dag', 'S1001;05-01-2026;2;GM0377;vervanging;;Vervanging']) });
      assert.deepEqual(await dayTotal(database, '2026-01-05'), after1);
      assert.equal(await ledgerDayDifferences(database.db), 0);
    });

    test('replacing a period removes the old days and adds the new', async () => {
      await importHours(controller, { cooperationSlug: HB, fileName: 'correctie.csv', input: csv(['S1000;06-01-2026;3;GM0397;regulier;;gecorrigeerd']), replacePeriod: { from: '2026-01-01', to: '2026-01-31' } });
      assert.equal((await dayTotal(database, '2026-01-05')).minutes, 0);
      assert.equal((await dayTotal(database, '2026-01-06')).minutes, 180);
      assert.equal(await ledgerDayDifferences(database.db), 0);
    });

    test('a new rate recomputes the cost of every later day of that employee', async () => {
      const employee = await employeeOf(database.db, 'GM0397');
      const [{ day }] = await rowsOf<{ day: string }>(database.db, sql`select max(work_date)::text as day from hours_entry where employee_id = ${employee}`);
      const before = await dayTotal(database, day);
      const beheerder = await ctxFor(database, 'controller.heemstede@vlecht.demo');
      await addRate(beheerder, employee, { hourlyRateCents: 99_999, validFrom: day });
      const after1 = await dayTotal(database, day);
      assert.equal(after1.minutes, before.minutes);
      assert.notEqual(after1.cents, before.cents);
      assert.equal(await ledgerDayDifferences(database.db), 0);
    });

    test('a removed rate shows up as hours without a rate', async () => {
      const employee = await employeeOf(database.db, 'GM0377');
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`delete from employee_rate where employee_id = ${employee}`);
      });
      const [{ without }] = await rowsOf<{ without: number }>(database.db, sql`select coalesce(sum(minutes_without_rate), 0)::int as without from ledger_day`);
      const [{ expected }] = await rowsOf<{ expected: number }>(database.db, sql`select coalesce(sum(minutes), 0)::int as expected from hours_entry h
        where not exists (select 1 from employee_rate r where r.employee_id = h.employee_id and h.work_date >= r.valid_from and (r.valid_to is null or h.work_date < r.valid_to))`);
      assert.ok(expected > 0);
      assert.equal(without, expected);
      assert.equal(await ledgerDayDifferences(database.db), 0);
    });

    test('concurrent imports of different files into the same days both count', async () => {
      const before = await dayTotal(database, '2026-02-02');
      await Promise.all([1, 2, 3].map((i) => importHours(controller, {
        cooperationSlug: HB, fileName: `gelijktijdig-${i}.csv`, input: csv([`S1000;02-02-2026;${i};GM0397;regulier;;gelijktijdig ${i}`, `S1001;03-02-2026;${i};GM0377;regulier;;gelijktijdig ${i}`]),
      })));
      assert.equal((await dayTotal(database, '2026-02-02')).minutes - before.minutes, (1 + 2 + 3) * 60);
      assert.equal(await ledgerDayDifferences(database.db), 0);
    });

    test('the ledger overview equals the computation from the entries, also for one team', async () => {
      const overview = await ledgerOverview(controller, HB, { van: '01-01-2025', tot: '31-12-2025', team: 'p-en-o' });
      const [coop] = await rowsOf<{ id: string }>(database.db, sql`select id from cooperation where slug = ${HB}`);
      const [team] = await rowsOf<{ id: string }>(database.db, sql`select id from team where slug = 'p-en-o' and cooperation_id = ${coop.id}`);
      const cells = (await ledgerCellsFromEntries(database.db, coop.id, '2025-01-01', '2025-12-31', 'maand')).filter((c) => c.teamId === team.id);
      const minutes = cells.reduce((s, c) => s + c.minutes, 0);
      const cents = cells.reduce((s, c) => s + c.minuteCents, 0n);
      assert.ok(minutes > 0);
      const shown = overview as unknown as { total: { minutes: number; costCents: number } };
      assert.equal(shown.total.minutes, minutes);
      assert.equal(shown.total.costCents, costCentsOf(cents));
    });

    test('a changed day total is found in both directions, and marking the day recomputes it', async () => {
      const [day] = await rowsOf<{ c: string; d: string; t: string }>(database.db, sql`select cooperation_id as c, work_date::text as d, team_id as t from ledger_day order by work_date limit 1`);
      await database.db.execute(sql`update ledger_day set minutes = minutes + 1 where cooperation_id = ${day.c} and work_date = ${day.d} and team_id = ${day.t}`);
      assert.ok(await ledgerDayDifferences(database.db) >= 2, 'the altered row is missing from the fresh sum and extra in the kept one');
      await database.db.transaction(async (tx) => { await tx.execute(sql`insert into ledger_day_dirty_day (cooperation_id, work_date) values (${day.c}, ${day.d})`); });
      assert.equal(await ledgerDayDifferences(database.db), 0);
    });

    test('a restore rebuilds ledger_day from the restored entries (it is not in the backup)', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'vlecht-ledger-day-'));
      const target = await freshDatabase(engine);
      try {
        const file = join(dir, 'b.vlecht.gz');
        const tables: string[] = [];
        await backupTo(database.db, file, (t) => tables.push(t));
        assert.ok(!tables.includes('ledger_day'), 'derived table not backed up');
        await restoreFrom(target.db, file);
        const count = async (d: Database) => (await rowsOf<{ n: number }>(d.db, sql`select count(*)::int as n from ledger_day`))[0].n;
        assert.equal(await count(target), await count(database));
        assert.equal(await ledgerDayDifferences(target.db), 0);
      } finally {
        await target.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
