/**
 * Importer fuzzing (issue 7, item 2) with fast-check.
 * 1. Parse layer, no database: generated malformed files (encodings, delimiters, quotes,
 *    huge fields, formulas, impossible dates and hours, unknown people and municipalities,
 *    empty and header-only files) through openTableFile + the record parsers of hours,
 *    employees and population. Only VlechtError may escape, and every problem names a
 *    row and is Dutch.
 * 2. HTTP layer, per engine: bad files posted to the hours import API as the Heemstede
 *    controller: always 400 with rows in the problems, never a 5xx, nothing written.
 * 3. Exports: cells that a spreadsheet would run as a formula are neutralised in CSV and XLSX.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { openTableFile } from '../src/platform/import/table-file.ts';
import { HOURS_COLUMNS, parseHoursRecord, type Lookups } from '../src/ledger/hours-format.ts';
import { EMPLOYEE_COLUMNS, parseEmployeeRecord } from '../src/register/employee-import.ts';
import { POPULATION_COLUMNS, parsePopulationRecord } from '../src/register/population-import.ts';
import { isVlechtError } from '../src/platform/errors.ts';
import { toCsv, toXlsx } from '../src/platform/export/table.ts';
import { ENGINES } from './support/engines.ts';
import { demoDatabase, auditCount } from './support/demo.ts';
import { signIn, type App } from './support/http.ts';
import { createApp } from '../src/platform/http/app.tsx';
import { rowsOf } from '../src/platform/db/raw.ts';
import type { Database } from '../src/platform/db/open.ts';

const PARSE_RUNS = 12_000;
const HTTP_FILES = 200;

/** Dutch and not a leaked runtime message: no English error words, no `undefined`/`NaN`. */
const DUTCH = /\b(de|het|een|geen|niet|verplicht|moet|kolom|kopregel|bestand|gemeente|medewerker|datum|uren|onbekend|onbekende|langer|tekens|team|kies|werkt|hoogstens|leeg|gebruik|vul|schrijf|getal|jaar|tussen|meer|minder|groter|kleiner|ongeldig|ontbreekt|gemeenten|samenwerking)\b/i;
const LEAK = /undefined|NaN|\[object|TypeError|RangeError|SyntaxError|Unexpected|Invalid|expected|must be|is not|Cannot|stack/;
function assertDutch(message: string, where: string) {
  assert.ok(message && DUTCH.test(message) && !LEAK.test(message), `${where}: geen Nederlandse melding: ${JSON.stringify(message)}`);
}

// Building blocks of bad files.
const NASTY = [
  '', ' ', '=cmd|\' /C calc\'!A0', '+1+1', '-2+3', '@SUM(A1:A9)', '\t=1', '\r=1', '31-02-2026', '00-00-0000', '2026-13-01', '29-02-2025', '1-1-1',
  '-3', '0', '25', '99999', '1e9', 'NaN', 'Infinity', '7,5,5', '7:75', '24:01', '٣', 'S9999', 'GM9999', 'Nergenshuizen', 'x'.repeat(600),
  '"', '""', '"open', 'a"b', '\u0000', '\uFFFD', 'Ã©', 'Heemstede', 'GM0397', 'S1000', 'regulier', 'vervanging', 'p-en-o', '7,5', '01-03-2025', 'null', 'undefined',
];
const cell = fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 12 }), fc.double().map(String), fc.integer().map(String));
const HOURS_HEADER = ['personeelsnummer', 'datum', 'uren', 'gemeente', 'activiteit', 'team', 'omschrijving'];
const header = fc.oneof(
  fc.constant(HOURS_HEADER), fc.subarray(HOURS_HEADER), fc.shuffledSubarray(HOURS_HEADER, { minLength: 3 }),
  fc.constant(['naam', 'fte', 'team', 'personeelsnummer', 'ingangsdatum']), fc.constant(['Regio\'s', 'Perioden', 'Bevolking aan het einde van de periode']),
  fc.array(cell, { maxLength: 8 }),
);
const delimiter = fc.constantFrom(';', ',', '\t', '|', '; ');
const lineEnd = fc.constantFrom('\n', '\r\n', '\r');
const encoding = fc.constantFrom('utf8', 'utf8-bom', 'latin1', 'utf16le', 'utf16le-bom', 'truncated');

function encode(text: string, enc: string): Buffer {
  switch (enc) {
    case 'utf8-bom': return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'latin1': return Buffer.from(text, 'latin1');
    case 'utf16le': return Buffer.from(text, 'utf16le');
    case 'utf16le-bom': return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'truncated': return Buffer.from(text, 'utf8').subarray(0, Math.max(0, Buffer.byteLength(text) - 1));
    default: return Buffer.from(text, 'utf8');
  }
}

/** A bad CSV file: a header (maybe), rows of nasty cells, odd delimiters, line ends and encodings. */
const csvFile = fc.record({
  head: fc.option(header, { nil: undefined }), rows: fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 6 }),
  delimiter, mixed: fc.boolean(), lineEnd, enc: encoding, huge: fc.integer({ min: 0, max: 50 }),
}).map(({ head, rows, delimiter: d, mixed, lineEnd: nl, enc, huge }) => {
  const lines = [...(head ? [head] : []), ...rows].map((r, i) => r.join(mixed && i % 2 ? (d === ';' ? ',' : ';') : d));
  if (huge === 0) lines.push(`S1000${d}${'9'.repeat(100_000)}`); // one huge field now and then
  return { bytes: encode(lines.join(nl), enc), enc };
});

// Lookups of a small cooperation for the pure hours parser.
const LOOKUPS: Lookups = {
  employeesByNumber: new Map([['S1000', [{ id: 'e1', employerId: 'm1', employerCode: 'GM0397', employerName: 'Heemstede' }]]]),
  municipalities: new Map([['GM0397', { id: 'm1', cbsCode: 'GM0397', name: 'Heemstede' }], ['heemstede', { id: 'm1', cbsCode: 'GM0397', name: 'Heemstede' }]]),
  teams: new Map([['p-en-o', { id: 't1', name: 'P&O' }]]),
  teamOn: () => 't1',
};
const TEAMS = [{ id: 't1', slug: 'p-en-o', name: 'P&O', cooperationSlug: 'heemstede-bloemendaal', functions: [{ id: 'f1', name: 'Adviseur' }] }];

type Outcome = { rows: number; problems: number; rejected: boolean };

/** Runs one file through a table reader and a record parser; asserts the contract on the way. */
async function parseFile(bytes: Buffer, importer: 'uren' | 'medewerkers' | 'inwoners'): Promise<Outcome> {
  const out: Outcome = { rows: 0, problems: 0, rejected: false };
  try {
    const input = Readable.from([bytes]);
    const check = (problems: { row: number; reason: string }[], row: number) => {
      for (const p of problems) {
        assert.equal(p.row, row, 'een probleem noemt de rij van het record');
        assertDutch(p.reason, `${importer} rij ${row}`);
      }
      out.problems += problems.length;
    };
    if (importer === 'uren') {
      const file = await openTableFile(input, HOURS_COLUMNS);
      for await (const { row, record } of file.records) { out.rows++; assert.ok(row >= 2); check(parseHoursRecord(row, record, LOOKUPS).problems, row); }
    } else if (importer === 'medewerkers') {
      const file = await openTableFile(input, EMPLOYEE_COLUMNS);
      for await (const { row, record } of file.records) { out.rows++; assert.ok(row >= 2); check(parseEmployeeRecord(row, record, TEAMS).problems, row); }
    } else {
      const file = await openTableFile(input, POPULATION_COLUMNS);
      for await (const { row, record } of file.records) {
        out.rows++;
        const parsed = parsePopulationRecord(row, record, (n) => (n.toLowerCase() === 'heemstede' ? 'GM0397' : undefined));
        check('problems' in parsed ? (parsed as { problems: { row: number; reason: string }[] }).problems : [], row);
      }
    }
  } catch (e) {
    // Only the app's own validation error, and every issue names a row and is Dutch.
    assert.ok(isVlechtError(e), `geen VlechtError maar ${(e as Error)?.stack ?? e}`);
    assert.equal(e.code, 'VALIDATION');
    assert.ok(e.issues.length > 0);
    for (const i of e.issues) { assert.ok(Number.isInteger(i.row) && i.row! >= 1, `rij ontbreekt: ${JSON.stringify(i)}`); assertDutch(i.message, `${importer} bestand`); }
    out.rejected = true;
  }
  return out;
}

describe('importer fuzzing: parse layer (no database)', () => {
  test(`${PARSE_RUNS} malformed files through the readers and record parsers: only VlechtError, every problem with a row, in Dutch`, async () => {
    const started = Date.now();
    const tally = { files: 0, rejected: 0, rows: 0, problems: 0 };
    const importer = fc.constantFrom('uren' as const, 'uren' as const, 'medewerkers' as const, 'inwoners' as const);
    await fc.assert(fc.asyncProperty(csvFile, importer, async ({ bytes }, which) => {
      const o = await parseFile(bytes, which);
      tally.files++; tally.rows += o.rows; tally.problems += o.problems; if (o.rejected) tally.rejected++;
    }), { numRuns: PARSE_RUNS, seed: Number(process.env.FUZZ_SEED ?? 20260315) });
    // The edge cases named in issue 7 once each, deterministically.
    const fixed = ['', 'personeelsnummer;datum;uren;gemeente;activiteit', 'personeelsnummer;datum;uren;gemeente;activiteit\nS1000;31-02-2026;-3;GM9999;regulier',
      'personeelsnummer;datum;uren;gemeente;activiteit\n"S1000;01-03-2025;7,5;GM0397;regulier', 'personeelsnummer,datum;uren,gemeente;activiteit\n=cmd|\' /C calc\'!A0;01-03-2025;NaN;Heemstede;regulier'];
    for (const text of fixed) for (const enc of ['utf8', 'latin1', 'utf16le-bom']) {
      const o = await parseFile(encode(text, enc), 'uren');
      // A header-only file has no rows to blame here; the importer rejects it as a whole (HTTP test below).
      const headerOnly = !text.includes('\n');
      assert.ok(o.rejected || o.problems > 0 || headerOnly, `een slecht bestand zonder meldingen: ${JSON.stringify(text)} (${enc})`);
      tally.files++;
    }
    assert.ok(tally.rejected > PARSE_RUNS / 10 && tally.problems > PARSE_RUNS / 10, `de generator maakt echt foute bestanden: ${JSON.stringify(tally)}`);
    console.log(`# import-fuzz parse: ${tally.files} bestanden, ${tally.rejected} als geheel afgewezen, ${tally.rows} rijen, ${tally.problems} meldingen per rij; ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
});

/** Every generated file has at least one row that can never be valid, so 400 is always right. */
const badHoursFile = fc.tuple(csvFile, fc.boolean()).map(([f, withHeader]) => {
  if (!withHeader) return f.bytes;
  const sure = 'personeelsnummer;datum;uren;gemeente;activiteit\nS9999;31-02-2026;-3;GM9999;niets\n';
  return Buffer.concat([Buffer.from(sure), f.bytes]);
});

for (const engine of ENGINES) {
  describe(`importer fuzzing: hours import API [${engine}]`, () => {
    let database: Database;
    let app: App;
    let token: string;
    before(async () => {
      database = await demoDatabase(engine);
      app = createApp({ db: database.db, bulk: database.bulk, demo: true });
      token = await signIn(app, 'controller.heemstede@vlecht.demo');
    });
    after(() => database.close());

    const counts = async () => ({
      hours: (await rowsOf<{ n: number }>(database.db, sql`select count(*)::int as n from hours_entry`))[0].n,
      imports: (await rowsOf<{ n: number }>(database.db, sql`select count(*)::int as n from hours_import`))[0].n,
      audit: await auditCount(database.db),
    });
    const post = async (bytes: Buffer, type = 'text/csv') => {
      const res = await app.request('/api/v1/samenwerkingen/heemstede-bloemendaal/uren/import?bestandsnaam=fuzz.csv', {
        method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body: new Uint8Array(bytes),
      });
      return { status: res.status, body: await res.json() as { invalidParams?: { row?: number; reason: string }[]; detail: string } };
    };
    const assertRejected = (r: Awaited<ReturnType<typeof post>>, what: string) => {
      assert.equal(r.status, 400, `${what}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
      assert.ok(r.body.invalidParams?.length, `${what}: geen problemen`);
      for (const p of r.body.invalidParams!) assert.ok(Number.isInteger(p.row) && p.row! >= 1, `${what}: probleem zonder rij ${JSON.stringify(p)}`);
      assertDutch(r.body.detail, what);
    };

    test(`${HTTP_FILES} generated bad CSV files: always 400 with rows, never 5xx, nothing written`, async () => {
      const started = Date.now();
      const before = await counts();
      let files = 0;
      await fc.assert(fc.asyncProperty(badHoursFile, async (bytes) => {
        assertRejected(await post(bytes), 'csv');
        files++;
      }), { numRuns: HTTP_FILES, seed: 7 });
      assert.deepEqual(await counts(), before, 'een afgewezen import schrijft niets, ook geen auditregel');
      console.log(`# import-fuzz http [${engine}]: ${files} bestanden, alle ${files} afgewezen met 400; ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });

    test('malformed XLSX files: formula, error, rich-text and date cells, a broken zip: 400 with rows, nothing written', async () => {
      const before = await counts();
      const book = async (rows: ExcelJS.CellValue[][]) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('uren');
        for (const r of rows) ws.addRow(r);
        return Buffer.from(await wb.xlsx.writeBuffer());
      };
      const head = ['personeelsnummer', 'datum', 'uren', 'gemeente', 'activiteit'];
      const variants: [string, Buffer][] = [
        ['formule met fout', await book([head, ['S1000', new Date('2025-03-03'), { formula: '1/0', result: { error: '#DIV/0!' } }, 'GM0397', 'regulier']])],
        ['formule-injectie', await book([head, [{ formula: 'HYPERLINK("http://x","y")', result: 'y' }, '=cmd|\' /C calc\'!A0', -7.5, '@GM0397', '+regulier']])],
        ['rich text en onmogelijke datum', await book([head, [{ richText: [{ text: 'S10' }, { text: '00' }] }, '31-02-2026', Number.MAX_VALUE, 'Nergenshuizen', 'regulier']])],
        ['alleen kopregel', await book([head])],
        ['geen kopregel', await book([['a', 'b'], [1, 2]])],
        ['leeg werkblad', await book([])],
        ['kapotte zip', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('geen zip'.repeat(50))])],
        ['halve werkmap', (await book([head, ['S1000', '01-03-2025', 8, 'GM0397', 'regulier']])).subarray(0, 600)],
      ];
      for (const [what, bytes] of variants) assertRejected(await post(bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'), `xlsx ${what}`);
      assert.deepEqual(await counts(), before);
      console.log(`# import-fuzz xlsx [${engine}]: ${variants.length} varianten afgewezen`);
    });
  });
}

describe('exports neutralise spreadsheet formulas', () => {
  const dangerous = fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r'), fc.string({ maxLength: 30 }))
    .map(([c, rest]) => c + rest)
    .filter((s) => !/^-?\d[\d.]*(,\d+)?$/.test(s)); // a plain negative number is data
  const columns = [{ header: 'waarde', value: (r: { v: string }) => r.v }];

  test('CSV: every cell starting with = + - @ tab or CR is written as text', () => {
    fc.assert(fc.property(dangerous, (v) => {
      const csv = toCsv(columns, [{ v }]);
      const body = csv.slice(csv.indexOf('\n') + 1);
      // After the header: the cell, possibly quoted, must start with the neutralising apostrophe.
      assert.ok(body.startsWith('\'') || body.startsWith('"\''), `niet geneutraliseerd: ${JSON.stringify(body)}`);
    }), { numRuns: 2000 });
  });

  test('XLSX: such cells are stored as text starting with an apostrophe, never as a formula', async () => {
    const values = fc.sample(dangerous, { numRuns: 200, seed: 3 });
    const buf = await toXlsx('blad', columns, values.map((v) => ({ v })));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    values.forEach((v, i) => {
      const c = ws.getRow(i + 2).getCell(1);
      assert.equal(c.type, ExcelJS.ValueType.String, `cel ${i + 2} is geen tekst`);
      // XML turns a lone CR into LF; what matters is the leading apostrophe.
      assert.equal(c.value, `'${v}`.replace(/\r\n?/g, '\n'));
    });
  });
});
