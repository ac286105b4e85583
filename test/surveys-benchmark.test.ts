/**
 * Surveys and benchmark through the HTTP API on every engine: appendix-D deviations equal
 * the pure function and the report's rounding; the benchmark CSV import is all or nothing,
 * names every bad row and is idempotent; survey results per group and year match the
 * input; a raadslid never receives an unpublished question (page, API, export) and cannot write;
 * the page form for a new survey writes through the same service, all or nothing.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { ENGINES } from './support/engines.ts';
import { demoDatabase, auditCount } from './support/demo.ts';
import { api, signIn, type App } from './support/http.ts';
import { sessionActor } from '../src/platform/auth/auth.service.ts';
import { createApp } from '../src/platform/http/app.tsx';
import type { Database } from '../src/platform/db/open.ts';
import { rowsOf } from '../src/platform/db/raw.ts';
import { BENCHMARK_2012, BENCHMARK_2017 } from '../src/demo/benchmark-facts.ts';
import { SURVEY_TABLE_542 } from '../src/demo/survey-facts.ts';
import { REPORT_ROUNDING_2012, REPORT_ROUNDING_2017, computeBenchmark, presentBenchmark } from '../src/goals/benchmark.ts';

const HB = '/samenwerkingen/heemstede-bloemendaal';
const TODAY = new Date('2026-03-15T12:00:00Z');
const SECRET = 'Geheime vraag over de reorganisatie';

for (const engine of ENGINES) {
  describe(`surveys and benchmark API [${engine}]`, () => {
    let database: Database;
    let app: App;
    const t: Record<string, string> = {};
    const as = (who: string, method: string, path: string, body?: unknown, headers?: Record<string, string>) => api(app, t[who], method, path, body, headers);
    /** The cells of the first sheet of an XLSX download, as text rows. */
    const xlsxRows = async (who: string, path: string) => {
      const res = await app.request(path, { headers: { authorization: `Bearer ${t[who]}` } });
      assert.equal(res.status, 200, path);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await res.arrayBuffer());
      const rows: string[][] = [];
      book.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
      return rows;
    };
    const raw = async (who: string, path: string) => {
      const res = await app.request(path, { headers: { authorization: `Bearer ${t[who]}` } });
      return { status: res.status, text: await res.text() };
    };

    before(async () => {
      database = await demoDatabase(engine);
      app = createApp({ db: database.db, bulk: database.bulk, demo: true, clock: () => TODAY });
      for (const who of ['directie', 'controller.heemstede', 'raadslid.heemstede', 'rekenkamer.heemstede', 'or.heemstede', 'teammanager.po']) t[who] = await signIn(app, `${who}@vlecht.demo`);
    });
    after(() => database.close());

    test('appendix D deviations via the API equal the pure function and the report to its rounding', async () => {
      const res = await as('raadslid.heemstede', 'GET', `${HB}/benchmark`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const row = (taakveld: string, jaar: number) => res.body.rows.find((r: { taakveld: string; jaar: number }) => r.taakveld === taakveld && r.jaar === jaar);
      const ia = row('informatisering-en-automatisering', 2012);
      assert.equal(ia.weergave.eigenFte, '8,75');
      assert.equal(ia.weergave.afwijkingFte, '+3,8');
      assert.equal(ia.weergave.afwijkingFtePct, '+77,6');
      const jz = row('juridische-zaken', 2017);
      assert.equal(jz.heel.eigenKosten, '294.556');
      assert.equal(jz.heel.afwijkingKosten, '+78.988');
      assert.equal(jz.heel.afwijkingKostenPct, '+37');
      for (const [facts, rounding, view] of [[BENCHMARK_2012, REPORT_ROUNDING_2012, 'weergave'], [BENCHMARK_2017, REPORT_ROUNDING_2017, 'heel']] as const) {
        for (const f of facts) {
          const got = row(f.input.taakveld, f.input.jaar);
          const expected = presentBenchmark(computeBenchmark(f.input), rounding);
          assert.equal(got[view].afwijkingFte, expected.afwijkingFte, f.label);
          assert.equal(got[view].afwijkingFte, f.gepubliceerd.afwijkingFte, f.label);
          assert.equal(got[view].afwijkingFtePct, f.gepubliceerd.afwijkingFtePct, f.label);
          assert.equal(got[view].afwijkingKosten, expected.afwijkingKosten, f.label);
          if (f.gepubliceerd.kosten) {
            assert.equal(got.heel.afwijkingKosten, f.gepubliceerd.kosten.afwijking, f.label);
            assert.equal(got.heel.afwijkingKostenPct, f.gepubliceerd.kosten.afwijkingPct, f.label);
          }
          const exact = computeBenchmark(f.input).afwijkingFte;
          assert.deepEqual(got.exact.afwijkingFte, { num: exact.num.toString(), den: exact.den.toString() }, f.label);
        }
      }
      const jzCmp = res.body.comparisons.find((c: { taakveld: string }) => c.taakveld === 'juridische-zaken');
      assert.deepEqual([jzCmp.van, jzCmp.tot, jzCmp.relatieveOntwikkeling], [2012, 2017, 'toename']);
      const csv = await raw('raadslid.heemstede', `/api/v1${HB}/benchmark.csv`);
      assert.equal(csv.status, 200);
      assert.match(csv.text, /GM0397;informatisering-en-automatisering;2012;8,75;[\d,]+;3,8;77,6;/);
      // The XLSX has the same rows as the CSV (header included).
      const sheet = await xlsxRows('raadslid.heemstede', `/api/v1${HB}/benchmark.xlsx`);
      assert.equal(sheet.length, csv.text.trim().split('\n').length);
      assert.ok(sheet.some((r) => r.join(';').includes('informatisering-en-automatisering;2012;8,75')), JSON.stringify(sheet.slice(0, 3)));
      // The upload form on the page: a bad file lists its rows and writes nothing; a good one imports.
      const found = (await sessionActor(database.db, t['controller.heemstede'], TODAY))!;
      const upload = async (csvText: string) => {
        const form = new FormData();
        form.set('_csrf', found.csrfToken);
        form.set('gemeente', 'GM0397');
        form.set('bron', 'Formuliertest');
        form.set('bestand', new Blob([csvText], { type: 'text/csv' }), 'benchmark.csv');
        const res = await app.request(`${HB}/benchmark/import`, { method: 'POST', body: form, headers: { authorization: `Bearer ${t['controller.heemstede']}` } });
        return { status: res.status, location: res.headers.get('location') ?? '', text: await res.text() };
      };
      const rowsBefore = (await as('raadslid.heemstede', 'GET', `${HB}/benchmark`)).body.rows.length;
      const badUpload = await upload('taakveld;jaar;eigen_fte;referentie_fte\nformuliertest;2024;1;1\nformuliertest;twintig;1;1\n');
      assert.equal(badUpload.status, 400);
      assert.match(badUpload.text, /Er is niets geïmporteerd/);
      assert.match(badUpload.text, /regel 3/);
      assert.equal((await as('raadslid.heemstede', 'GET', `${HB}/benchmark`)).body.rows.length, rowsBefore, 'nothing written');
      const goodUpload = await upload('taakveld;jaar;eigen_fte;referentie_fte\nformuliertest;2024;1;1\n');
      assert.equal(goodUpload.status, 303, goodUpload.text.slice(0, 300));
      assert.match(goodUpload.location, /gelukt=import&toegevoegd=1&gewijzigd=0&ongewijzigd=0/);
      assert.equal((await upload('taakveld;jaar;eigen_fte;referentie_fte\nformuliertest;2024;1;1\n')).location.includes('toegevoegd=0&gewijzigd=0&ongewijzigd=1'), true, 'the same file twice changes nothing');
      assert.equal((await as('raadslid.heemstede', 'GET', `${HB}/benchmark`)).body.rows.length, rowsBefore + 1);
      const page = await raw('raadslid.heemstede', `${HB}/benchmark`);
      assert.equal(page.status, 200);
      assert.match(page.text, /\+77,6/);
    });

    test('benchmark CSV: bad rows write nothing and each is listed; the same file twice changes nothing', async () => {
      const post = (body: string) => as('controller.heemstede', 'POST', `${HB}/benchmark/import?gemeente=GM0377&bron=Testbenchmark`, body, { 'content-type': 'text/csv' });
      const before = (await as('controller.heemstede', 'GET', `${HB}/benchmark`)).body.rows.length;
      const audits = await auditCount(database.db);
      const bad = await post('taakveld;jaar;eigen_fte;referentie_fte;eigen_kosten;referentie_kosten\nicts;2024;5,5;4;;\njuridisch;20x4;3;2;;\np-en-o;2024;veel;3;;\nfinancien;2024;4;;100;\n');
      assert.equal(bad.status, 400, JSON.stringify(bad.body));
      const rows = [...new Set(bad.body.invalidParams.map((p: { row: number }) => p.row))];
      assert.deepEqual(rows, [3, 4, 5]);
      assert.equal((await as('controller.heemstede', 'GET', `${HB}/benchmark`)).body.rows.length, before, 'nothing written');
      const file = 'taakveld;jaar;eigen_fte;referentie_fte;eigen_kosten;afwijking_kosten\nicts;2024;5,5;4;400.000;50.000\njuridisch;2024;3;2;;\n';
      const first = await post(file);
      assert.equal(first.status, 200, JSON.stringify(first.body));
      assert.deepEqual([first.body.added, first.body.changed, first.body.unchanged], [2, 0, 0]);
      const afterFirst = await auditCount(database.db);
      assert.ok(afterFirst > audits);
      const snapshot = (await as('controller.heemstede', 'GET', `${HB}/benchmark`)).body.rows;
      const second = await post(file);
      assert.deepEqual([second.body.added, second.body.changed, second.body.unchanged], [0, 0, 2]);
      assert.deepEqual((await as('controller.heemstede', 'GET', `${HB}/benchmark`)).body.rows, snapshot);
      assert.equal(await auditCount(database.db), afterFirst, 'no audit row for a file that changes nothing');
      const icts = snapshot.find((r: { taakveld: string; gemeente: string }) => r.taakveld === 'icts' && r.gemeente === 'GM0377');
      assert.equal(icts.weergave.afwijkingFte, '+1,5');
      assert.equal(icts.weergave.afwijkingFtePct, '+37,5');
      assert.equal(icts.weergave.afwijkingKostenPct, '+14,3');
    });

    test('survey results per group and year match the input (§5.4.2)', async () => {
      const res = await as('raadslid.heemstede', 'GET', `${HB}/peilingen`);
      assert.equal(res.status, 200);
      const s = res.body.surveys.find((x: { name: string }) => x.name.startsWith('Tevredenheid medewerkers'));
      const cells = [['2016', 'heemstede'], ['2017', 'totaal'], ['2017', 'bedrijfsvoering']];
      SURVEY_TABLE_542.forEach((printed, i) => {
        const q = s.questions.find((x: { number: number }) => x.number === i + 1);
        cells.forEach(([moment, group], c) => {
          assert.equal(q.results.find((r: { moment: string; group: string }) => r.moment === moment && r.group === group).value, printed[c], `vraag ${i + 1} ${moment} ${group}`);
        });
      });
      const groups = s.comparisons.find((c: { left: { moment: string }; right: { moment: string } }) => c.left.moment === '2017' && c.right.moment === '2017');
      assert.equal(groups.questions[0].difference, '+0,99');
      const inwoners = res.body.surveys.find((x: { kind: string }) => x.kind === 'inwonerspeiling');
      assert.deepEqual(inwoners.questions[0].results.map((r: { value: string }) => r.value), ['8,1', '7,7']);
    });

    test('the page form for a new survey: labelled fields, a valid survey is written, a bad one names field, row and value and writes nothing, refusals write nothing', async () => {
      const FORM = `${HB}/peilingen/nieuw`;
      const csrfOf = async (who: string) => (await sessionActor(database.db, t[who], TODAY))!.csrfToken;
      const post = async (who: string, fields: Record<string, string>, csrf: string | null) => {
        const body = new URLSearchParams({ ...(csrf === null ? {} : { _csrf: csrf }), ...fields });
        const res = await app.request(FORM, { method: 'POST', body, headers: { authorization: `Bearer ${t[who]}`, 'content-type': 'application/x-www-form-urlencoded' } });
        return { status: res.status, location: res.headers.get('location') ?? '', text: await res.text() };
      };
      const counts = async () => (await rowsOf<{ surveys: number; questions: number; results: number; audit: number; done: number }>(database.db, sql`select
        (select count(*)::int from survey) as surveys, (select count(*)::int from survey_question) as questions, (select count(*)::int from survey_result) as results,
        (select count(*)::int from audit_event) as audit, (select count(*)::int from audit_event where result = 'geslaagd') as done`))[0];
      const valid = {
        name: 'MTO formulier 2026', surveyKind: 'mto', scaleMin: '1', scaleMax: '10', source: 'MTO-rapportage 2026 (formuliertest)',
        vraag1: 'Ik ben tevreden over mijn werk', vraag2: 'Ik weet wat er van mij verwacht wordt', gepubliceerd1: 'ja',
        results: 'vraagnummer; moment; groep; waarde; aantal\n1; 2026; totaal; 7,4; 120\n1; 2026; bedrijfsvoering; 6,9; 40\n\n2; 2026; totaal; 7,1; 118\n2\t2026\tbedrijfsvoering\t7\t\n',
      };

      // Who may create surveys sees the link and the form; a raadslid neither.
      assert.match((await raw('controller.heemstede', `${HB}/peilingen`)).text, /href="\/samenwerkingen\/heemstede-bloemendaal\/peilingen\/nieuw"/);
      assert.doesNotMatch((await raw('raadslid.heemstede', `${HB}/peilingen`)).text, /peilingen\/nieuw/);
      const form = await raw('controller.heemstede', FORM);
      assert.equal(form.status, 200, form.text.slice(0, 300));
      for (const [id, label] of [['name', 'Naam'], ['surveyKind', 'Soort peiling'], ['scaleMin', 'Laagste schaalwaarde'], ['scaleMax', 'Hoogste schaalwaarde'], ['source', 'Bron'], ['vraag1', 'Vraag 1'], ['vraag8', 'Vraag 8'], ['gepubliceerd1', 'Vraag 1 publiceren'], ['results', 'Resultaten']]) {
        assert.match(form.text, new RegExp(`<label[^>]*for="veld-${id}"[^>]*>${label}</label>`), id);
        assert.match(form.text, new RegExp(`id="veld-${id}"`), id);
      }
      assert.match(form.text, /<legend[^>]*>Vragen<\/legend>/);
      assert.match(form.text, /name="_csrf" value="[^"]+"/);
      for (const who of ['raadslid.heemstede', 'teammanager.po']) assert.equal((await raw(who, FORM)).status, 403, who);

      // A bad form: the name missing and "abc" as value on line 3 of the box (row 2 of the results).
      const before = await counts();
      const bad = await post('controller.heemstede', { ...valid, name: '', results: 'vraagnummer; moment; groep; waarde; aantal\n1; 2026; totaal; 7,4; 120\n2; 2026; totaal; abc; 118\n' }, await csrfOf('controller.heemstede'));
      assert.equal(bad.status, 400, bad.text.slice(0, 300));
      assert.match(bad.text, /Er is niets vastgelegd/);
      assert.match(bad.text, /href="#veld-name">Naam: vul dit veld in</);
      assert.match(bad.text, /href="#veld-results">Resultaten: regel 3, waarde: een gemiddelde met hoogstens 2 decimalen, bijv\. 6,66 \(ontvangen: &quot;abc&quot;\)/);
      assert.match(bad.text, /value="Ik ben tevreden over mijn werk"/, 'the entered values stay');
      assert.match(bad.text, /2; 2026; totaal; abc; 118/);
      assert.match(bad.text, /id="veld-gepubliceerd1"[^>]*checked/);
      assert.deepEqual(await counts(), before, 'nothing written, not even an audit row');
      // A result for a question that is not in the form names its line and number.
      const unknown = await post('controller.heemstede', { ...valid, results: '1; 2026; totaal; 7,4\n5; 2026; totaal; 6\n' }, await csrfOf('controller.heemstede'));
      assert.equal(unknown.status, 400);
      assert.match(unknown.text, /Resultaten: regel 2, vraagnummer: deze vraag staat niet in de peiling \(ontvangen: &quot;5&quot;\)/);
      assert.deepEqual(await counts(), before);

      // Refusals: a raadslid, a team manager (only the own team; refused before validation), no CSRF token.
      assert.equal((await post('raadslid.heemstede', valid, await csrfOf('raadslid.heemstede'))).status, 403);
      assert.equal((await post('teammanager.po', { ...valid, name: '' }, await csrfOf('teammanager.po'))).status, 403);
      assert.equal((await post('controller.heemstede', valid, null)).status, 403);
      assert.equal((await post('controller.heemstede', valid, 'vervalst')).status, 403);
      const refused = await counts();
      assert.deepEqual({ ...refused, audit: before.audit }, before, 'refusals write nothing (only refusal rows in the audit trail)');

      // The valid form: 303 to the surveys page, where the survey shows with exactly these results.
      const ok = await post('controller.heemstede', valid, await csrfOf('controller.heemstede'));
      assert.equal(ok.status, 303, ok.text.slice(0, 500));
      assert.equal(ok.location, `${HB}/peilingen?gelukt=aangemaakt`);
      const after = await counts();
      assert.deepEqual([after.surveys, after.questions, after.results, after.done], [before.surveys + 1, before.questions + 2, before.results + 4, before.done + 1]);
      const list = await as('controller.heemstede', 'GET', `${HB}/peilingen`);
      const s = list.body.surveys.find((x: { name: string }) => x.name === valid.name);
      assert.deepEqual([s.kind, s.scale, s.source], ['mto', { min: 1, max: 10 }, valid.source]);
      const byGroup = (rs: { group: string }[]) => [...rs].sort((a, b) => a.group.localeCompare(b.group));
      assert.deepEqual(s.questions.map((q: { number: number; text: string; published: boolean; results: { group: string }[] }) => [q.number, q.text, q.published, byGroup(q.results)]), [
        [1, valid.vraag1, true, [{ moment: '2026', group: 'bedrijfsvoering', value: '6,9', n: 40 }, { moment: '2026', group: 'totaal', value: '7,4', n: 120 }]],
        [2, valid.vraag2, false, [{ moment: '2026', group: 'bedrijfsvoering', value: '7', n: null }, { moment: '2026', group: 'totaal', value: '7,1', n: 118 }]],
      ]);
      const page = await raw('controller.heemstede', ok.location);
      assert.match(page.text, /De peiling is vastgelegd/);
      assert.match(page.text, /MTO formulier 2026/);
      // The same name twice is refused on the form, and nothing is written.
      const twice = await post('controller.heemstede', valid, await csrfOf('controller.heemstede'));
      assert.equal(twice.status, 409);
      assert.match(twice.text, /Naam: bestaat al/);
      assert.deepEqual(await counts(), after);
    });

    test('a raadslid, rekenkamer or or-lid never receives an unpublished question; a raadslid cannot write', async () => {
      const body = {
        kind: 'mto', name: 'MTO 2026 (test)', scaleMin: 1, scaleMax: 10, source: 'Testpeiling',
        questions: [{ number: 1, text: 'Openbare vraag', published: true }, { number: 2, text: SECRET, published: false }],
        results: [{ question: 1, moment: '2026', group: 'totaal', value: '7,1' }, { question: 2, moment: '2026', group: 'totaal', value: '4,2', n: 40 }],
      };
      assert.equal((await as('raadslid.heemstede', 'POST', `${HB}/peilingen`, body)).status, 403);
      const created = await as('controller.heemstede', 'POST', `${HB}/peilingen`, body);
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const internal = await as('directie', 'GET', `${HB}/peilingen`);
      assert.match(JSON.stringify(internal.body), new RegExp(SECRET));
      const secretId = created.body.questions.find((q: { number: number }) => q.number === 2).id;
      for (const who of ['raadslid.heemstede', 'rekenkamer.heemstede', 'or.heemstede']) {
        const json = await as(who, 'GET', `${HB}/peilingen`);
        assert.equal(json.status, 200);
        assert.doesNotMatch(JSON.stringify(json.body), new RegExp(`${SECRET}|${secretId}|4,2`), who);
        assert.equal(json.body.surveys.find((s: { name: string }) => s.name === 'MTO 2026 (test)').withheld, 1);
        const csv = await raw(who, `/api/v1${HB}/peilingen.csv`);
        assert.equal(csv.status, 200);
        assert.match(csv.text, /Openbare vraag/);
        assert.doesNotMatch(csv.text, new RegExp(SECRET), who);
        assert.doesNotMatch(JSON.stringify(await xlsxRows(who, `/api/v1${HB}/peilingen.xlsx`)), new RegExp(SECRET), `${who} XLSX`);
        const page = await raw(who, `${HB}/peilingen`);
        assert.equal(page.status, 200);
        assert.match(page.text, /Openbare vraag/);
        assert.doesNotMatch(page.text, new RegExp(SECRET), who);
      }
      assert.equal((await as('raadslid.heemstede', 'PATCH', `/peilingvragen/${secretId}`, { published: true })).status, 403);
      assert.equal((await as('raadslid.heemstede', 'POST', `${HB}/benchmark/import?gemeente=GM0397`, 'taakveld;jaar;eigen_fte;referentie_fte\nx;2024;1;1\n', { 'content-type': 'text/csv' })).status, 403);
      assert.equal((await as('raadslid.heemstede', 'POST', `${HB}/benchmark`, { gemeente: 'GM0397', taakveld: 'x', jaar: 2024, eigen_fte: '1', referentie_fte: '1' })).status, 403);
      assert.equal((await as('controller.heemstede', 'PATCH', `/peilingvragen/${secretId}`, { published: true })).status, 428, 'If-Match required');
      const version = (await as('directie', 'GET', `${HB}/peilingen`)).body.surveys.flatMap((x: { questions: { id: string; version: number }[] }) => x.questions).find((q: { id: string }) => q.id === secretId).version;
      assert.equal((await as('controller.heemstede', 'PATCH', `/peilingvragen/${secretId}`, { published: true }, { 'If-Match': `"v${version + 5}"` })).status, 412, 'stale version');
      // The page form does the same with the version in a hidden field; a stale one is refused.
      const form = async (v: number, published: string) => {
        const body = new URLSearchParams({ _csrf: (await sessionActor(database.db, t['controller.heemstede'], TODAY))!.csrfToken, version: String(v), published });
        const res = await app.request(`/peilingvragen/${secretId}/publicatie`, { method: 'POST', body, headers: { authorization: `Bearer ${t['controller.heemstede']}`, 'content-type': 'application/x-www-form-urlencoded' } });
        return { status: res.status, location: res.headers.get('location') ?? '' };
      };
      assert.equal((await form(version + 5, 'ja')).status, 412);
      const viaPage = await form(version, 'nee');
      assert.equal(viaPage.status, 303);
      assert.match(viaPage.location, /\/samenwerkingen\/heemstede-bloemendaal\/peilingen\?gelukt=publicatie/);
      const afterPage = version + 1;
      const published = await as('controller.heemstede', 'PATCH', `/peilingvragen/${secretId}`, { published: true }, { 'If-Match': `"v${afterPage}"` });
      assert.equal(published.status, 200);
      assert.equal(published.headers.get('etag'), `"v${afterPage + 1}"`);
      assert.match(JSON.stringify((await as('raadslid.heemstede', 'GET', `${HB}/peilingen`)).body), new RegExp(SECRET));
    });
  });
}
