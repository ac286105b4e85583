/**
 * Reports through the HTTP API on every engine: the factsheet's figures in sections C and
 * D equal the ledger API for the same team and period; council roles see published
 * versions and nothing unpublished; concept → texts (If-Match) → publish (directie only,
 * If-Match, exactly one of two concurrent publishers wins); publications are numbered and
 * the database refuses to change them; Dutch validation messages naming the field; the
 * PDF is A4 with page numbers; the CLI writes a PDF.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { ENGINES } from './support/engines.ts';
import { demoDatabase, auditCount } from './support/demo.ts';
import { api, signIn, type App } from './support/http.ts';
import { createApp } from '../src/platform/http/app.tsx';
import { rowsOf } from '../src/platform/db/raw.ts';
import { formatCents } from '../src/platform/i18n/format.ts';
import { CHROMIUM, closePdfBrowser } from '../src/reports/pdf.ts';
import type { Database } from '../src/platform/db/open.ts';

const HB = '/samenwerkingen/heemstede-bloemendaal';
const TODAY = new Date('2026-03-15T12:00:00Z');
const hasChromium = existsSync(CHROMIUM);

for (const engine of ENGINES) {
  describe(`reports API [${engine}]`, () => {
    let database: Database;
    let app: App;
    const t: Record<string, string> = {};
    const as = (who: string, method: string, path: string, body?: unknown, headers?: Record<string, string>) => api(app, t[who], method, path, body, headers);
    let factsheetId = '';
    let progressId = '';

    before(async () => {
      database = await demoDatabase(engine);
      app = createApp({ db: database.db, bulk: database.bulk, demo: true, clock: () => TODAY });
      for (const who of ['directie', 'controller.heemstede', 'controller.bel', 'raadslid.heemstede', 'rekenkamer.heemstede', 'or.heemstede', 'teammanager.po']) t[who] = await signIn(app, `${who}@vlecht.demo`);
      const list = await as('directie', 'GET', `${HB}/rapporten`);
      factsheetId = list.body.reports.find((r: any) => r.kind === 'factsheet').id;
      progressId = list.body.reports.find((r: any) => r.kind === 'voortgang').id;
    });
    after(async () => { await closePdfBrowser(); await database.close(); });

    test('the factsheet figures in C and D equal the ledger API for the same team and period', async () => {
      const pub = await as('raadslid.heemstede', 'GET', `/rapporten/${factsheetId}/publicaties/1`);
      assert.equal(pub.status, 200);
      const ledger = await as('raadslid.heemstede', 'GET', `${HB}/uren?van=01-01-2025&tot=31-12-2025&team=p-en-o`);
      assert.equal(ledger.status, 200);
      const fromLedger = ledger.body.teams[0];
      const fromReport = pub.body.content.ledger.teams[0];
      assert.equal(fromReport.name, 'P&O');
      assert.ok(fromLedger.total.costCents > 0, 'the demo has cost for P&O in 2025');
      assert.equal(fromReport.total.costCents, fromLedger.total.costCents);
      assert.equal(fromReport.substitution.costCents, fromLedger.substitution.costCents);
      assert.equal(fromReport.cooperationOverhead.costCents, fromLedger.cooperationOverhead.costCents);
      assert.deepEqual(fromReport.byServed.map((s: any) => [s.municipality.cbsCode, s.costCents, s.sharePermille]), fromLedger.byServed.map((s: any) => [s.municipality.cbsCode, s.costCents, s.sharePermille]));
      // …and the published HTML shows them in Dutch money notation.
      const html = await as('raadslid.heemstede', 'GET', `/rapporten/${factsheetId}/publicaties/1.html`);
      assert.equal(html.status, 200);
      assert.match(html.headers.get('content-type') ?? '', /text\/html/);
      assert.ok(String(html.body).includes(formatCents(fromLedger.total.costCents)), `HTML shows ${formatCents(fromLedger.total.costCents)}`);
      for (const heading of ['A. Mate van vervlechting', 'B. Opbrengst kwalitatief', 'C. Opbrengst kwantitatief', 'D. Kosten', 'E. Perspectief verdere ontwikkeling', 'F. Wat levert het de inwoners op?', 'Colofon']) {
        assert.ok(String(html.body).includes(heading), heading);
      }
    });

    test('council, rekenkamer and OR see the published factsheet and nothing unpublished', async () => {
      for (const who of ['raadslid.heemstede', 'rekenkamer.heemstede', 'or.heemstede']) {
        const list = await as(who, 'GET', `${HB}/rapporten`);
        assert.equal(list.status, 200);
        assert.deepEqual(list.body.reports.map((r: any) => r.id), [factsheetId], who);
        assert.deepEqual(list.body.reports[0].texts, {}, 'concept texts are not shown to readers');
        assert.equal((await as(who, 'GET', `/rapporten/${progressId}`)).status, 404, `${who}: concept is not found`);
        assert.equal((await as(who, 'GET', `/rapporten/${progressId}/concept.html`)).status, 404);
        assert.equal((await as(who, 'GET', `/rapporten/${factsheetId}/concept.html`)).status, 404, 'not even the concept of a published report');
        assert.equal((await as(who, 'PUT', `/rapporten/${factsheetId}/teksten`, { b: 'x' }, { 'If-Match': '"v1"' })).status, 403);
      }
      // A controller of another cooperation does not see Heemstede–Bloemendaal's reports at all.
      assert.equal((await as('controller.bel', 'GET', `${HB}/rapporten`)).status, 403);
      assert.equal((await as('controller.bel', 'GET', `/rapporten/${factsheetId}`)).status, 403);
    });

    test('a page for a raadslid lists only published reports', async () => {
      const res = await app.request(`${HB}/rapporten`, { headers: { authorization: `Bearer ${t['raadslid.heemstede']}` } });
      assert.equal(res.status, 200);
      const body = await res.text();
      assert.ok(body.includes('Factsheet P&amp;O 2025') || body.includes('Factsheet P&O 2025'), 'the published factsheet is listed');
      assert.ok(!body.includes('Voortgangsrapportage Heemstede'), 'the concept is not listed');
    });

    test('validation names the field in Dutch', async () => {
      const bad = await as('controller.heemstede', 'POST', `${HB}/rapporten`, { kind: 'factsheet', period: '2019-K5' });
      assert.equal(bad.status, 400);
      const fields = bad.body.invalidParams.map((p: any) => p.name);
      assert.deepEqual(fields, ['period'], JSON.stringify(bad.body.invalidParams));
      const factsheetWithoutTeam = await as('controller.heemstede', 'POST', `${HB}/rapporten`, { kind: 'factsheet', period: '2019' });
      assert.deepEqual(factsheetWithoutTeam.body.invalidParams.map((p: any) => [p.name, p.reason]), [['team', 'kies het team van de factsheet']]);
      assert.match(JSON.stringify(bad.body), /kwartaal \(2019-K3\)/);
      const noTeam = await as('controller.heemstede', 'POST', `${HB}/rapporten`, { kind: 'factsheet', team: 'bestaat-niet', period: '2024' });
      assert.equal(noTeam.status, 400);
      assert.match(JSON.stringify(noTeam.body), /bestaat-niet/);
    });

    test('concept → texts under If-Match → publish by the directie; numbered, immutable publications', async () => {
      const created = await as('controller.heemstede', 'POST', `${HB}/rapporten`, { kind: 'voortgang', period: '2024' });
      assert.equal(created.status, 201);
      assert.match(created.body.title, /^Voortgangsrapportage .*Heemstede–Bloemendaal 2024$/);
      const id = created.body.id;
      assert.equal((await as('controller.heemstede', 'PUT', `/rapporten/${id}/teksten`, { inleiding: 'a' })).status, 428);
      assert.equal((await as('controller.heemstede', 'PUT', `/rapporten/${id}/teksten`, { inleiding: 'a' }, { 'If-Match': '"v9"' })).status, 412);
      const unknownKey = await as('controller.heemstede', 'PUT', `/rapporten/${id}/teksten`, { b: 'factsheet-onderdeel' }, { 'If-Match': '"v1"' });
      assert.equal(unknownKey.status, 400);
      assert.match(JSON.stringify(unknownKey.body), /inleiding, ontwikkelingen, vooruitblik/);
      const saved = await as('controller.heemstede', 'PUT', `/rapporten/${id}/teksten`, { inleiding: 'Stand over 2024 <script>alert(1)</script>' }, { 'If-Match': '"v1"' });
      assert.equal(saved.status, 200);
      assert.equal(saved.headers.get('etag'), '"v2"');

      const audits = await auditCount(database.db);
      const refused = await as('controller.heemstede', 'POST', `/rapporten/${id}/publicaties`, {}, { 'If-Match': '"v2"' });
      assert.equal(refused.status, 403, 'a controller prepares but does not publish');
      assert.equal(await auditCount(database.db), audits + 1, 'the refusal is in the audit trail');

      // Two publishers holding the same version: exactly one wins.
      const both = await Promise.all([1, 2].map(() => as('directie', 'POST', `/rapporten/${id}/publicaties`, { bevestigOntbrekend: true }, { 'If-Match': '"v2"' })));
      assert.deepEqual(both.map((r) => r.status).sort(), [201, 412]);
      const won = both.find((r) => r.status === 201)!;
      assert.equal(won.body.publication.number, 1);
      assert.equal(won.body.report.status, 'gepubliceerd');
      assert.equal(won.body.report.changedSincePublication, false);

      const html = await as('raadslid.heemstede', 'GET', `/rapporten/${id}/publicaties/1.html`);
      assert.ok(String(html.body).includes('Stand over 2024 &lt;script&gt;'), 'text is escaped');
      assert.ok(!String(html.body).includes('<script>alert'), 'no script injection');

      // Edit after publication: readers keep seeing version 1 until version 2 is published.
      const edited = await as('controller.heemstede', 'PUT', `/rapporten/${id}/teksten`, { inleiding: 'Herziene tekst' }, { 'If-Match': won.headers.get('etag')! });
      assert.equal(edited.status, 200);
      assert.equal(edited.body.changedSincePublication, true);
      assert.ok(!String((await as('raadslid.heemstede', 'GET', `/rapporten/${id}/publicaties/1.html`)).body).includes('Herziene tekst'));
      const second = await as('directie', 'POST', `/rapporten/${id}/publicaties`, { bevestigOntbrekend: true }, { 'If-Match': edited.headers.get('etag')! });
      assert.equal(second.status, 201);
      assert.equal(second.body.publication.number, 2);
      assert.ok(String((await as('raadslid.heemstede', 'GET', `/rapporten/${id}/publicaties/2.html`)).body).includes('Herziene tekst'));
      assert.ok(!String((await as('raadslid.heemstede', 'GET', `/rapporten/${id}/publicaties/1.html`)).body).includes('Herziene tekst'), 'version 1 unchanged');

      const refusedByTrigger = (e: any) => /append-only/.test(`${e?.message} ${e?.cause?.message}`);
      await assert.rejects(database.db.execute(sql`update report_publication set html = 'vervalst' where report_id = ${id}`), refusedByTrigger);
      await assert.rejects(database.db.execute(sql`delete from report_publication where report_id = ${id}`), refusedByTrigger);
      const [row] = await rowsOf<{ n: number }>(database.db, sql`select count(*)::int as n from report_publication where report_id = ${id}`);
      assert.equal(row.n, 2);
    });

    test('issue 17: publishing a factsheet with empty sections needs a confirmation that names them; refused, nothing is published', async () => {
      const created = await as('controller.heemstede', 'POST', `${HB}/rapporten`, { kind: 'factsheet', team: 'communicatie', period: '2025' });
      assert.equal(created.status, 201);
      const id = created.body.id;
      const saved = await as('controller.heemstede', 'PUT', `/rapporten/${id}/teksten`, { a: 'Eén leiding sinds 2014.', b: 'Meer continuïteit.', c: '  ' }, { 'If-Match': created.headers.get('etag')! });
      assert.equal(saved.status, 200);
      const [{ n: before }] = await rowsOf<{ n: number }>(database.db, sql`select count(*)::int as n from report_publication where report_id = ${id}`);
      for (const body of [{}, { bevestigOntbrekend: false }, { bevestigOntbrekend: 'ja' }]) {
        const refused = await as('directie', 'POST', `/rapporten/${id}/publicaties`, body, { 'If-Match': saved.headers.get('etag')! });
        assert.equal(refused.status, 400, JSON.stringify(body));
        assert.deepEqual(refused.body.invalidParams.map((p: any) => p.name), ['bevestigOntbrekend']);
        const reason: string = refused.body.invalidParams[0].reason;
        // The empty ones are named (C holds only spaces), the filled ones are not.
        for (const label of ['C. Opbrengst kwantitatief — toelichting', 'D. Kosten — toelichting', 'E. Perspectief verdere ontwikkeling', 'F. Wat levert het de inwoners op?']) assert.ok(reason.includes(`“${label}”`), `${label} in ${reason}`);
        for (const label of ['A. Mate van vervlechting', 'B. Opbrengst kwalitatief']) assert.ok(!reason.includes(label), `${label} is filled: ${reason}`);
        assert.match(reason, /^bevestig dat u publiceert met: lege onderdelen/);
      }
      const [{ n: after }] = await rowsOf<{ n: number }>(database.db, sql`select count(*)::int as n from report_publication where report_id = ${id}`);
      assert.equal(after, before, 'nothing published');
      assert.equal((await as('raadslid.heemstede', 'GET', `/rapporten/${id}`)).status, 404, 'still unpublished for the council');
      const ok = await as('directie', 'POST', `/rapporten/${id}/publicaties`, { bevestigOntbrekend: true }, { 'If-Match': saved.headers.get('etag')! });
      assert.equal(ok.status, 201, JSON.stringify(ok.body));
      assert.equal(ok.body.publication.number, 1);
      const [audit] = await rowsOf<{ v: string }>(database.db, sql`select new_value::text as v from audit_event where action = 'rapport.publiceren' and object_id = ${id} and new_value is not null order by seq desc limit 1`);
      assert.match(audit.v, /Ik publiceer met: lege onderdelen/, 'the confirmation is in the audit trail');
    });

    test('a team manager prepares the factsheet of the own team only', async () => {
      assert.equal((await as('teammanager.po', 'POST', `${HB}/rapporten`, { kind: 'factsheet', team: 'p-en-o', period: '2024-H2' })).status, 201);
      const other = await as('teammanager.po', 'POST', `${HB}/rapporten`, { kind: 'factsheet', team: 'communicatie', period: '2024' });
      assert.equal(other.status, 403, JSON.stringify(other.body));
      assert.equal((await as('teammanager.po', 'POST', `${HB}/rapporten`, { kind: 'voortgang', period: '2024' })).status, 403);
      assert.equal((await as('teammanager.po', 'POST', `/rapporten/${factsheetId}/publicaties`, {}, { 'If-Match': '"v3"' })).status, 403);
    });

    test('the progress report concept covers the whole cooperation with the ledger balance', async () => {
      const res = await as('directie', 'GET', `/rapporten/${progressId}/concept.html`);
      assert.equal(res.status, 200);
      const body = String(res.body);
      for (const part of ['Doelen en resultaten', 'Wie werkt voor wie', 'Saldo tussen de gemeenten', 'Besluiten, toezeggingen en mijlpalen', 'Concept — niet gepubliceerd']) assert.ok(body.includes(part), part);
    });

    test('the PDF is A4 with page numbers', { skip: hasChromium ? false : `no Chromium at ${CHROMIUM}` }, async () => {
      const res = await app.request(`/api/v1/rapporten/${factsheetId}/publicaties/1.pdf`, { headers: { authorization: `Bearer ${t['raadslid.heemstede']}` } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/pdf');
      const pdf = Buffer.from(await res.arrayBuffer());
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
      const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
      assert.ok(boxes.length >= 2, `more than one page (${boxes.length})`);
      // A4 is 595,28 × 841,89 points; Chromium rounds to whole pixels at 96 dpi.
      for (const [w, h] of boxes) assert.ok(Math.abs(w - 595.28) < 2 && Math.abs(h - 841.89) < 2, `A4 in points, not ${w} × ${h}`);
    });
  });
}

describe('CLI: vlecht rapport', () => {
  test('writes the PDF and HTML of a factsheet for a period', { skip: hasChromium ? false : `no Chromium at ${CHROMIUM}` }, async () => {
    const { spawnSync } = await import('node:child_process');
    const dir = mkdtempSync(join(tmpdir(), 'vlecht-rapport-'));
    const env = { ...process.env, VLECHT_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };
    const demo = spawnSync(process.execPath, ['bin/vlecht.mjs', 'demo'], { env, encoding: 'utf8' });
    assert.equal(demo.status, 0, demo.stderr);
    const out = spawnSync(process.execPath, ['bin/vlecht.mjs', 'rapport', 'heemstede-bloemendaal', '--periode', '2025', '--team', 'p-en-o', '--pdf', join(dir, 'uit.pdf'), '--html', join(dir, 'uit.html')], { env, encoding: 'utf8' });
    assert.equal(out.status, 0, out.stderr);
    assert.match(out.stdout, /Factsheet P&O 2025: gepubliceerde versie/);
    assert.equal(readFileSync(join(dir, 'uit.pdf')).subarray(0, 5).toString(), '%PDF-');
    assert.match(readFileSync(join(dir, 'uit.html'), 'utf8'), /C\. Opbrengst kwantitatief/);
    const bad = spawnSync(process.execPath, ['bin/vlecht.mjs', 'rapport', 'heemstede-bloemendaal', '--periode', '2025-K7'], { env, encoding: 'utf8' });
    assert.notEqual(bad.status, 0);
    assert.match(bad.stderr + bad.stdout, /periode/i);
  });
});
