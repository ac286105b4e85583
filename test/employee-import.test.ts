/**
 * HR-system export import on every engine: an unfamiliar column order imports after
 * mapping; a later export with changed FTE and a leaver gives new validity periods; bad
 * rows write nothing; the same file twice changes nothing; only the employer's controller.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { ENGINES } from './support/engines.ts';
import { demoDatabase } from './support/demo.ts';
import { importEmployees } from '../src/register/employee-import.service.ts';
import { login, sessionActor } from '../src/platform/auth/auth.service.ts';
import { rowsOf } from '../src/platform/db/raw.ts';
import { isVlechtError, type VlechtError } from '../src/platform/errors.ts';
import type { Database } from '../src/platform/db/open.ts';
import type { Ctx } from '../src/platform/context.ts';

async function ctxFor(database: Database, email: string): Promise<Ctx> {
  const { token } = await login(database.db, { email, password: 'vlecht-demo-2026', origin: 'test' });
  return { db: database.db, actor: (await sessionActor(database.db, token))!.actor, clock: () => new Date('2026-11-23T10:00:00Z'), origin: 'test' };
}
const file = (text: string) => Readable.from([text]);
async function failure(p: Promise<unknown>): Promise<VlechtError> {
  try { await p; } catch (e) { if (isVlechtError(e)) return e; throw e; }
  throw new Error('expected a VlechtError');
}

// An HR export as it comes: its own column names and order.
const MAPPING = { personeelsnummer: 'Medewerker ID', naam: 'Volledige naam', team: 'Org. eenheid', fte: 'Deeltijdfactor', uurtarief: 'Kostprijs', ingangsdatum: 'In dienst' };
const HEADER = 'Deeltijdfactor;Org. eenheid;Volledige naam;Medewerker ID;Kostprijs;In dienst';
const FIRST = `${HEADER}\n0,8;p-en-o;Ada Lovelace (synthetisch);H9001;70,00;01-09-2026\n1;communicatie;Alan Turing (synthetisch);H9002;66,50;01-09-2026\n`;

for (const engine of ENGINES) {
  describe(`employee import [${engine}]`, () => {
    let database: Database;
    let controller: Ctx;
    before(async () => { database = await demoDatabase(engine); controller = await ctxFor(database, 'controller.heemstede@vlecht.demo'); });
    after(() => database.close());

    const history = (number: string) => rowsOf<{ team: string; fte_milli: number; valid_from: string; valid_to: string | null }>(database.db, sql`
      select t.slug as team, a.fte_milli, a.valid_from::text, a.valid_to::text from employee_assignment a join employee e on e.id = a.employee_id join team t on t.id = a.team_id
      where e.personnel_number = ${number} order by a.valid_from`);

    test('an export with an unfamiliar column order imports after mapping; a preview first writes nothing', async () => {
      const preview = await importEmployees(controller, { cbsCode: 'GM0397', fileName: 'hr.csv', input: file(FIRST), mapping: MAPPING, peildatum: '2026-09-01', preview: true });
      assert.equal(preview.status, 'voorbeeld');
      assert.deepEqual(preview.new.map((n) => n.personnelNumber), ['H9001', 'H9002']);
      assert.ok(preview.left.length > 0, 'the demo staff of Heemstede are missing from this export, so they would leave');
      assert.equal((await history('H9001')).length, 0);
    });

    test('bad rows write nothing and each is listed', async () => {
      const bad = `${HEADER}\nveel;p-en-o;Ada;H9001;70,00;01-09-2026\n0,8;bestaat-niet;Alan;H9002;x;31-02-2026\n0,5;p-en-o;Dubbel;H9001;;\n`;
      const e = await failure(importEmployees(controller, { cbsCode: 'GM0397', fileName: 'fout.csv', input: file(bad), mapping: MAPPING, peildatum: '2026-09-01' }));
      assert.deepEqual(e.issues.map((i) => [i.row, i.field]), [[2, 'fte'], [3, 'team'], [3, 'uurtarief'], [3, 'ingangsdatum'], [4, 'personeelsnummer']]);
      assert.equal((await history('H9001')).length, 0);
    });

    test('the import, then the same file again changes nothing', async () => {
      const keep = (await rowsOf<{ line: string }>(database.db, sql`select concat_ws(';', replace((a.fte_milli / 1000.0)::text, '.', ','), t.slug, e.name, e.personnel_number, '', a.valid_from::text) as line
        from employee e join municipality m on m.id = e.employer_municipality_id join employee_assignment a on a.employee_id = e.id and a.valid_to is null join team t on t.id = a.team_id
        where m.cbs_code = 'GM0397'`)).map((r) => r.line);
      const full = `${FIRST}${keep.join('\n')}\n`;
      const first = await importEmployees(controller, { cbsCode: 'GM0397', fileName: 'hr-sep.csv', input: file(full), mapping: MAPPING, peildatum: '2026-09-01' });
      assert.equal(first.status, 'geimporteerd');
      assert.equal(first.new.length, 2);
      assert.equal(first.left.length, 0);
      const again = await importEmployees(controller, { cbsCode: 'GM0397', fileName: 'hr-sep.csv', input: file(full), mapping: MAPPING, peildatum: '2026-09-01' });
      assert.equal(again.status, 'ongewijzigd');
      assert.equal(again.unchanged, again.rowsInFile);
    });

    test('a later export with changed FTE and a leaver gives new validity periods, not overwritten history', async () => {
      const later = `${HEADER}\n0,6;p-en-o;Ada Lovelace (synthetisch);H9001;70,00;01-09-2026\n`;
      const result = await importEmployees(controller, { cbsCode: 'GM0397', fileName: 'hr-nov.csv', input: file(later), mapping: MAPPING, peildatum: '2026-11-01' });
      assert.deepEqual(result.changed.map((c) => [c.personnelNumber, c.what.join(','), c.validFrom]), [['H9001', 'team/functie/fte', '2026-11-01']]);
      assert.ok(result.left.some((l) => l.personnelNumber === 'H9002'));
      assert.deepEqual(await history('H9001'), [
        { team: 'p-en-o', fte_milli: 800, valid_from: '2026-09-01', valid_to: '2026-11-01' },
        { team: 'p-en-o', fte_milli: 600, valid_from: '2026-11-01', valid_to: null },
      ]);
      assert.deepEqual(await history('H9002'), [{ team: 'communicatie', fte_milli: 1000, valid_from: '2026-09-01', valid_to: '2026-11-01' }]);
      const [audit] = await rowsOf<{ action: string }>(database.db, sql`select action from audit_event order by seq desc limit 1`);
      assert.equal(audit.action, 'medewerkers.importeren');
    });

    test('a Heemstede controller cannot import Bloemendaal staff; a raadslid cannot import at all', async () => {
      assert.equal((await failure(importEmployees(controller, { cbsCode: 'GM0377', fileName: 'b.csv', input: file(FIRST), mapping: MAPPING }))).code, 'FORBIDDEN');
      const raadslid = await ctxFor(database, 'raadslid.heemstede@vlecht.demo');
      assert.equal((await failure(importEmployees(raadslid, { cbsCode: 'GM0397', fileName: 'r.csv', input: file(FIRST), mapping: MAPPING }))).code, 'FORBIDDEN');
    });
  });
}

for (const engine of ENGINES) {
  describe(`employee export round trip [${engine}]`, () => {
    let database: Database;
    before(async () => { database = await demoDatabase(engine); });
    after(() => database.close());

    test('the export of an employer imports back unchanged (CSV and XLSX); others may not export', async () => {
      const { createApp } = await import('../src/platform/http/app.tsx');
      const { signIn } = await import('./support/http.ts');
      const app = createApp({ db: database.db, demo: true });
      const token = await signIn(app, 'controller.bloemendaal@vlecht.demo');
      const csv = await app.request('/api/v1/gemeenten/GM0377/medewerkers.csv', { headers: { authorization: `Bearer ${token}` } });
      assert.equal(csv.status, 200);
      const text = await csv.text();
      assert.match(text, /^\uFEFF?personeelsnummer;naam;team;functie;fte;uurtarief;ingangsdatum;einddatum/); // fetch text() drops the BOM
      const ctx = await ctxFor(database, 'controller.bloemendaal@vlecht.demo');
      const back = await importEmployees(ctx, { cbsCode: 'GM0377', fileName: 'export.csv', input: file(text), peildatum: '2026-11-23' });
      assert.equal(back.status, 'ongewijzigd');
      assert.ok(back.unchanged > 10);
      const xlsx = await app.request('/api/v1/gemeenten/GM0377/medewerkers.xlsx', { headers: { authorization: `Bearer ${token}` } });
      const backX = await importEmployees(ctx, { cbsCode: 'GM0377', fileName: 'export.xlsx', input: Readable.from([Buffer.from(await xlsx.arrayBuffer())]), peildatum: '2026-11-23' });
      assert.equal(backX.status, 'ongewijzigd');
      const other = await signIn(app, 'controller.heemstede@vlecht.demo');
      assert.equal((await app.request('/api/v1/gemeenten/GM0377/medewerkers.csv', { headers: { authorization: `Bearer ${other}` } })).status, 403);
    });
  });
}

for (const engine of ENGINES) {
  describe(`employee import in the browser flow [${engine}]`, () => {
    let database: Database;
    before(async () => { database = await demoDatabase(engine); });
    after(() => database.close());

    test('upload → columns mapped from their usual names → preview → confirm; the mapping is remembered', async () => {
      const { createApp } = await import('../src/platform/http/app.tsx');
      const app = createApp({ db: database.db, demo: true });
      const login = await app.request('/aanmelden', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=controller.heemstede%40vlecht.demo&password=vlecht-demo-2026' });
      const cookie = login.headers.get('set-cookie')!.split(';')[0];
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await (await app.request('/gemeenten/GM0397/medewerkers/import', { headers: { cookie } })).text())![1];
      const form = new FormData();
      form.set('_csrf', csrf);
      form.set('bestand', new File(['Persnr;Naam;Afdeling;Werktijdfactor\nH8001;Grace Hopper (synthetisch);p-en-o;0,9\n'], 'hr.csv'));
      const step2 = await (await app.request('/gemeenten/GM0397/medewerkers/import', { method: 'POST', headers: { cookie }, body: form })).text();
      assert.match(step2, /<option value="Persnr" selected="">/);
      assert.match(step2, /<option value="Werktijdfactor" selected="">/);
      const fields = new URLSearchParams({ _csrf: csrf, bestandsnaam: 'hr.csv', inhoud: /name="inhoud" value="([^"]+)"/.exec(step2)![1], peildatum: '01-12-2026',
        'kolom.personeelsnummer': 'Persnr', 'kolom.naam': 'Naam', 'kolom.team': 'Afdeling', 'kolom.fte': 'Werktijdfactor' });
      const preview = await app.request('/gemeenten/GM0397/medewerkers/import/voorbeeld', { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: fields.toString() });
      const html = await preview.text();
      assert.equal(preview.status, 200);
      assert.match(html, /1 nieuw/);
      const done = await app.request('/gemeenten/GM0397/medewerkers/import/bevestigen', { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: fields.toString() });
      assert.match(await done.text(), /Geïmporteerd/);
      // Remembered for the municipality, not the browser: a new session (no cookies of the
      // old one) gets the same mapping proposed for an export whose names are not the usual ones.
      const login2 = await app.request('/aanmelden', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=controller.heemstede%40vlecht.demo&password=vlecht-demo-2026' });
      const cookie2 = login2.headers.get('set-cookie')!.split(';')[0];
      const api = await app.request('/api/v1/gemeenten/GM0397/medewerkers/import/koppeling', { headers: { cookie: cookie2 } });
      assert.deepEqual((await api.json()).mapping, { personeelsnummer: 'Persnr', naam: 'Naam', team: 'Afdeling', fte: 'Werktijdfactor' });
      const csrf2 = /name="_csrf" value="([^"]+)"/.exec(await (await app.request('/gemeenten/GM0397/medewerkers/import', { headers: { cookie: cookie2 } })).text())![1];
      const form2 = new FormData();
      form2.set('_csrf', csrf2);
      form2.set('bestand', new File(['Afdeling;Naam;Persnr;Werktijdfactor\np-en-o;Grace Hopper (synthetisch);H8001;0,9\n'], 'hr-dec.csv'));
      const again = await (await app.request('/gemeenten/GM0397/medewerkers/import', { method: 'POST', headers: { cookie: cookie2 }, body: form2 })).text();
      assert.match(again, /<option value="Afdeling" selected="">/);
      // …and the API and CLI use it when the call names no mapping.
      const noMapping = await app.request('/api/v1/gemeenten/GM0397/medewerkers/import?voorbeeld=ja&peildatum=01-12-2026', {
        method: 'POST', headers: { cookie: cookie2, 'content-type': 'text/csv' }, body: 'Afdeling;Naam;Persnr;Werktijdfactor\np-en-o;Grace Hopper (synthetisch);H8001;0,9\n' });
      assert.equal(noMapping.status, 200, await noMapping.clone().text());
      assert.equal((await noMapping.json()).unchanged, 1);
    });
  });
}

for (const engine of ENGINES) {
  describe(`salary scale table and HR exports with scale and step [${engine}]`, () => {
    let database: Database;
    before(async () => { database = await demoDatabase(engine); });
    after(() => database.close());

    test('the table imports all-or-nothing and idempotently; an export with scale and step gets the rate valid on its date', async () => {
      const { createApp } = await import('../src/platform/http/app.tsx');
      const { signIn, api } = await import('./support/http.ts');
      const app = createApp({ db: database.db, demo: true });
      const token = await signIn(app, 'controller.heemstede@vlecht.demo');
      const post = (body: string) => api(app, token, 'POST', '/gemeenten/GM0397/salaristabel?bron=cao%202025', body, { 'content-type': 'text/csv' });
      const bad = await post('schaal;trede;uurtarief;ingangsdatum\n10;5;61,25;01-01-2025\n10;x;61,25;01-01-2025\n10;5;61,25;01-01-2025\n');
      assert.equal(bad.status, 400);
      assert.deepEqual(bad.body.invalidParams.map((p: { row: number; name: string }) => [p.row, p.name]), [[3, 'trede'], [4, 'schaal']]);
      assert.deepEqual((await api(app, token, 'GET', '/gemeenten/GM0397/salaristabel')).body.rates, []);
      const table = 'schaal;trede;uurtarief;ingangsdatum\n10;5;61,25;01-01-2025\n10;5;64,00;01-01-2026\n11;3;70,10;01-01-2025\n';
      assert.deepEqual((await post(table)).body, { status: 'geimporteerd', rowsInFile: 3, added: 3, changed: 0, unchanged: 0 });
      assert.equal((await post(table)).body.status, 'ongewijzigd');
      const csv = await app.request('/api/v1/gemeenten/GM0397/salaristabel.csv', { headers: { authorization: `Bearer ${token}` } });
      assert.match(await csv.text(), /10;5;64,00;01-01-2026/);

      const ctx = await ctxFor(database, 'controller.heemstede@vlecht.demo');
      const header = 'Persnr;Naam;Afdeling;Werktijdfactor;Schaal;Trede;In dienst';
      const mapping = { personeelsnummer: 'Persnr', naam: 'Naam', team: 'Afdeling', fte: 'Werktijdfactor', ingangsdatum: 'In dienst' };
      const missing = await failure(importEmployees(ctx, { cbsCode: 'GM0397', fileName: 's.csv', input: file(`${header}\nS1;Schaal Tien (synthetisch);p-en-o;1;10;5;01-06-2025\nS2;Schaal Twaalf (synthetisch);p-en-o;1;12;1;01-06-2025\n`), peildatum: '2026-09-01', mapping, preview: true }));
      assert.deepEqual(missing.issues.map((i) => [i.row, i.field, i.message]), [[3, 'schaal', 'geen uurtarief voor schaal 12 trede 1 op 01-06-2025 in de salaristabel van de werkgever']]);
      const result = await importEmployees(ctx, { cbsCode: 'GM0397', fileName: 's.csv', input: file(`${header}\nS1;Schaal Tien (synthetisch);p-en-o;1;10;5;01-06-2025\nS3;Schaal Tien later (synthetisch);p-en-o;1;10;5;01-02-2026\n`), peildatum: '2026-09-01', mapping, preview: true });
      assert.deepEqual(result.new.map((n) => n.personnelNumber), ['S1', 'S3']);
      await importEmployees(ctx, { cbsCode: 'GM0397', fileName: 's.csv', input: file(`${header}\nS1;Schaal Tien (synthetisch);p-en-o;1;10;5;01-06-2025\nS3;Schaal Tien later (synthetisch);p-en-o;1;10;5;01-02-2026\n`), peildatum: '2026-09-01', mapping });
      const stored = await rowsOf<{ n: string; cents: number }>(database.db, sql`select e.personnel_number as n, r.hourly_rate_cents as cents from employee e join employee_rate r on r.employee_id = e.id where e.personnel_number in ('S1', 'S3') order by 1`);
      assert.deepEqual(stored.map((r) => [r.n, Number(r.cents)]), [['S1', 6125], ['S3', 6400]]);

      const raadslid = await signIn(app, 'raadslid.heemstede@vlecht.demo');
      assert.equal((await api(app, raadslid, 'GET', '/gemeenten/GM0397/salaristabel')).status, 403);
      assert.equal((await api(app, await signIn(app, 'controller.bloemendaal@vlecht.demo'), 'POST', '/gemeenten/GM0397/salaristabel', table, { 'content-type': 'text/csv' })).status, 403);
    });
  });
}
