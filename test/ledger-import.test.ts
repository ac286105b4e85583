/**
 * Hours import on every engine: all-or-nothing with every bad row reported, idempotent,
 * CSV and XLSX, replacing a period, preview, access.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { ENGINES } from './support/engines.ts';
import { demoDatabase } from './support/demo.ts';
import { importHours } from '../src/ledger/import.service.ts';
import { sessionActor, login } from '../src/platform/auth/auth.service.ts';
import { rowsOf } from '../src/platform/db/raw.ts';
import { isVlechtError, type VlechtError } from '../src/platform/errors.ts';
import type { Database } from '../src/platform/db/open.ts';
import type { Ctx } from '../src/platform/context.ts';

const HEADER = 'personeelsnummer;datum;uren;gemeente;activiteit;team;omschrijving';
const GOOD = [
  'S1000;05-01-2026;7,5;GM0397;regulier;;Gewone dag',
  'S1000;05-01-2026;1,5;Bloemendaal;samenwerking;;Overleg MT-Kzoom',
  'S1001;06-01-2026;8;GM0377;vervanging;communicatie;Vervanging collega',
  'S1001;06-01-2026;8;GM0377;vervanging;communicatie;Vervanging collega',
];
const csv = (lines: string[], header = HEADER) => Readable.from([`${header}\n${lines.join('\n')}\n`]);

async function ctxFor(database: Database, email: string): Promise<Ctx> {
  const { token } = await login(database.db, { email, password: 'vlecht-demo-2026', origin: 'test' });
  const found = await sessionActor(database.db, token);
  return { db: database.db, actor: found!.actor, clock: () => new Date(), origin: 'test', bulk: database.bulk };
}

async function failure(p: Promise<unknown>): Promise<VlechtError> {
  try { await p; } catch (e) { if (isVlechtError(e)) return e; throw e; }
  throw new Error('expected a VlechtError');
}

for (const engine of ENGINES) {
  describe(`hours import [${engine}]`, () => {
    let database: Database;
    let controller: Ctx;
    let countBefore: number;
    const count = async () => (await rowsOf<{ n: number }>(database.db, sql`select count(*)::int as n from hours_entry where work_date >= '2026-01-01'`))[0].n;
    before(async () => {
      database = await demoDatabase(engine);
      controller = await ctxFor(database, 'controller.heemstede@vlecht.demo');
      countBefore = await count();
    });
    after(() => database.close());

    test('a file with good and bad rows writes nothing and lists every bad row with row, column and reason', async () => {
      const lines = [...GOOD,
        'S9999;05-01-2026;4;GM0397;regulier;;onbekende medewerker',
        'S1000;31-02-2026;4;GM0397;regulier;;datum bestaat niet',
        'S1000;07-01-2026;-3;GM0397;regulier;;negatief',
        'S1000;07-01-2026;30;GM0397;regulier;;te veel',
        'S1000;07-01-2026;4;GM0417;regulier;;Laren hoort er niet bij',
        'S1000;07-01-2026;4;GM0397;vakantie;;onbekende activiteit',
        'S1000;07-01-2026;4;GM0397;regulier;bestaat-niet;onbekend team',
        ';;;;;;',
      ];
      const e = await failure(importHours(controller, { cooperationSlug: 'heemstede-bloemendaal', fileName: 'fout.csv', input: csv(lines) }));
      assert.equal(e.code, 'VALIDATION');
      const rows = [...new Set(e.issues.map((i) => i.row))];
      assert.deepEqual(rows, [6, 7, 8, 9, 10, 11, 12, 13]);
      const byRow = (r: number) => e.issues.filter((i) => i.row === r).map((i) => `${i.field}: ${i.message}`).join(' | ');
      assert.match(byRow(6), /personeelsnummer: onbekende medewerker/);
      assert.match(byRow(7), /datum: geen geldige datum/);
      assert.match(byRow(8), /uren: geen geldig aantal uren/);
      assert.match(byRow(9), /uren: moet meer dan 0 en hoogstens 24 uur/);
      assert.match(byRow(10), /gemeente: geen gemeente van deze samenwerking/);
      assert.match(byRow(11), /activiteit: onbekende activiteit/);
      assert.match(byRow(12), /team: onbekend team/);
      assert.match(byRow(13), /personeelsnummer: verplicht/);
      assert.equal(e.issues.find((i) => i.row === 7)?.value, '31-02-2026');
      assert.equal(await count(), countBefore);
    });

    test('the corrected file imports; identical rows in one file both count; importing it again changes nothing', async () => {
      const first = await importHours(controller, { cooperationSlug: 'heemstede-bloemendaal', fileName: 'goed.csv', input: csv(GOOD) });
      assert.equal(first.status, 'geimporteerd');
      assert.equal(first.rowsAdded, 4);
      assert.equal(first.minutesAdded, (7.5 + 1.5 + 8 + 8) * 60);
      assert.equal(await count(), countBefore + 4);
      const again = await importHours(controller, { cooperationSlug: 'heemstede-bloemendaal', fileName: 'goed.csv', input: csv(GOOD) });
      assert.equal(again.status, 'ongewijzigd');
      assert.equal(again.rowsAdded, 0);
      assert.equal(again.rowsAlreadyPresent, 4);
      assert.equal(again.previousImport?.fileName, 'goed.csv');
      assert.equal(await count(), countBefore + 4);
    });

    test('comma-separated, BOM, decimal point and hh:mm import the same rows (nothing new)', async () => {
      const lines = [
        '\uFEFFpersoneelsnummer,datum,uren,gemeente,activiteit,team,omschrijving',
        'S1000,2026-01-05,7.5,GM0397,regulier,,Gewone dag',
        'S1000,5-1-2026,1:30,bloemendaal,Samenwerking,,Overleg MT-Kzoom',
      ];
      const result = await importHours(controller, { cooperationSlug: 'heemstede-bloemendaal', fileName: 'komma.csv', input: Readable.from([lines.join('\r\n')]) });
      assert.equal(result.status, 'ongewijzigd');
      assert.equal(result.rowsAlreadyPresent, 2);
    });

    test('an XLSX with the same rows is recognised as already imported, and new XLSX rows import', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Uren');
      sheet.addRow(['Personeelsnummer', 'Datum', 'Uren', 'Gemeente', 'Activiteit', 'Team', 'Omschrijving']);
      sheet.addRow(['S1000', new Date(Date.UTC(2026, 0, 5)), 7.5, 'GM0397', 'regulier', '', 'Gewone dag']);
      sheet.addRow(['S1002', '08-01-2026', 6, 'Heemstede', 'project', '', 'Nieuw uit Excel']);
      const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
      const result = await importHours(controller, { cooperationSlug: 'heemstede-bloemendaal', fileName: 'uren.xlsx', input: Readable.from([buffer]) });
      assert.equal(result.status, 'geimporteerd');
      assert.equal(result.rowsAdded, 1);
      assert.equal(result.rowsAlreadyPresent, 1);
    });

    test('a preview reports what would happen and writes nothing', async () => {
      const before = await count();
      const preview = await importHours(controller, { cooperationSlug: 'heemstede-bloemendaal', fileName: 'nieuw.csv', input: csv(['S1003;09-01-2026;4;GM0377;regulier;;x']), preview: true });
      assert.equal(preview.status, 'voorbeeld');
      assert.equal(preview.rowsAdded, 1);
      assert.deepEqual(preview.minutesByServed.map((m) => [m.cbsCode, m.minutes]), [['GM0377', 240]]);
      assert.equal(await count(), before);
    });

    test('replacing a period swaps its hours and is audited; rows outside the period are refused', async () => {
      const outside = await failure(importHours(controller, { cooperationSlug: 'heemstede-bloemendaal', fileName: 'x.csv', input: csv(['S1000;01-02-2026;4;GM0397;regulier;;buiten']), replacePeriod: { from: '2026-01-01', to: '2026-01-31' } }));
      assert.match(outside.issues[0].message, /buiten de te vervangen periode/);
      const result = await importHours(controller, { cooperationSlug: 'heemstede-bloemendaal', fileName: 'januari-correctie.csv', input: csv(['S1000;05-01-2026;6;GM0397;regulier;;gecorrigeerd']), replacePeriod: { from: '2026-01-01', to: '2026-01-31' } });
      assert.equal(result.rowsReplaced, 5); // four from goed.csv, one from uren.xlsx
      assert.equal(result.rowsAdded, 1);
      assert.equal(await count(), countBefore + 1);
      const [audit] = await rowsOf<{ action: string; new_value: { rowsReplaced: number } }>(database.db, sql`select action, new_value from audit_event order by seq desc limit 1`);
      assert.equal(audit.action, 'uren.periode-vervangen');
      assert.equal(audit.new_value.rowsReplaced, 5);
    });

    test('a file that is not UTF-8 is reported per row', async () => {
      const latin1 = Buffer.from(`${HEADER}\nS1000;12-01-2026;4;GM0397;regulier;;Caf\xe9 overleg\n`, 'latin1');
      const e = await failure(importHours(controller, { cooperationSlug: 'heemstede-bloemendaal', fileName: 'latin1.csv', input: Readable.from([latin1]) }));
      assert.match(e.issues[0].message, /UTF-8/);
      assert.equal(e.issues[0].row, 2);
    });

    test('a missing column is reported on the header row', async () => {
      const e = await failure(importHours(controller, { cooperationSlug: 'heemstede-bloemendaal', fileName: 'kop.csv', input: csv(['S1000;05-01-2026;GM0397'], 'personeelsnummer;datum;gemeente') }));
      assert.deepEqual(e.issues.map((i) => [i.row, i.field]), [[1, 'uren'], [1, 'activiteit']]);
    });

    test('a raadslid may not import hours', async () => {
      const raadslid = await ctxFor(database, 'raadslid.heemstede@vlecht.demo');
      const e = await failure(importHours(raadslid, { cooperationSlug: 'heemstede-bloemendaal', fileName: 'r.csv', input: csv(GOOD) }));
      assert.equal(e.code, 'FORBIDDEN');
    });
  });
}
