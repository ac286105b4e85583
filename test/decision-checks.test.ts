/**
 * Issue 16 item 7 — decision checks from the 2019 raadsvoorstel (seed 004) on every engine,
 * through the API and the page form: a decision date after today is refused in Dutch
 * naming field and value (a planned date is its own field and may lie ahead, audited); a
 * kader or raad decision as C-stuk is refused; a progress report as C-stuk is recorded and
 * shown as a signal in the register; a stored decision that breaks a rule stays as it is
 * and shows the finding.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { ENGINES } from './support/engines.ts';
import { demoDatabase } from './support/demo.ts';
import { api, signIn, type App } from './support/http.ts';
import { createApp } from '../src/platform/http/app.tsx';
import { rowsOf } from '../src/platform/db/raw.ts';
import type { Database } from '../src/platform/db/open.ts';

const HB = '/samenwerkingen/heemstede-bloemendaal';
const TODAY = new Date('2026-03-15T12:00:00Z');

for (const engine of ENGINES) {
  describe(`decision checks [${engine}]`, () => {
    let database: Database;
    let app: App;
    let token = '';
    const decisionCount = async () => (await rowsOf<{ n: number }>(database.db, sql`select count(*)::int as n from gov_decision`))[0].n;
    const base = { bodyKey: 'college-gm0397', decisionTypeKey: 'voortgangsrapportage', subject: 'Achtste voortgangsrapportage' };

    before(async () => {
      database = await demoDatabase(engine);
      app = createApp({ db: database.db, bulk: database.bulk, demo: true, clock: () => TODAY });
      token = await signIn(app, 'controller.heemstede@vlecht.demo');
    });
    after(() => database.close());

    test('API: a decision dated tomorrow is refused naming field, value and today; nothing is written', async () => {
      const before = await decisionCount();
      const res = await api(app, token, 'POST', `${HB}/besluiten`, { ...base, decidedOn: '16-03-2026', documentStatus: 'B' });
      assert.equal(res.status, 400, JSON.stringify(res.body));
      const p = res.body.invalidParams.find((x: { name: string }) => x.name === 'decidedOn');
      assert.equal(p.value, '16-03-2026');
      assert.match(p.reason, /16-03-2026.*na vandaag \(15-03-2026\).*geplande datum/);
      assert.equal(await decisionCount(), before);
    });

    test('API: decided today with a planned date ahead is stored; the planned date is audited', async () => {
      const res = await api(app, token, 'POST', `${HB}/besluiten`, { ...base, decidedOn: '15-03-2026', plannedOn: '01-06-2026', documentStatus: 'B' });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.plannedOn, '2026-06-01');
      assert.deepEqual(res.body.flags, []);
      const [row] = await rowsOf<{ planned: string }>(database.db, sql`select to_char(planned_on, 'YYYY-MM-DD') as planned from gov_decision where id = ${res.body.id}`);
      assert.equal(row.planned, '2026-06-01');
      const [audit] = await rowsOf<{ nv: { plannedOn: string } }>(database.db, sql`select new_value as nv from audit_event where object_id = ${res.body.id} and action = 'besluit.aanmaken'`);
      assert.equal(audit.nv.plannedOn, '2026-06-01');
      // Moving the decision date past today on edit is refused as well.
      const edit = await api(app, token, 'PATCH', `/besluiten/${res.body.id}`, { decidedOn: '01-06-2026' }, { 'if-match': res.headers.get('etag')! });
      assert.equal(edit.status, 400);
      assert.equal(edit.body.invalidParams[0].name, 'decidedOn');
    });

    test('API: a kader as C-stuk is refused; a raad decision as C-stuk is refused; both name documentStatus and C', async () => {
      for (const body of [
        { ...base, bodyKey: 'college-gm0397', decisionTypeKey: 'kader-samenwerking', subject: 'Kader', decidedOn: '10-09-2019', documentStatus: 'C' },
        { ...base, bodyKey: 'raad-gm0397', decisionTypeKey: 'ict-applicaties', subject: 'ICT', decidedOn: '10-09-2019', documentStatus: 'C' },
      ]) {
        const res = await api(app, token, 'POST', `${HB}/besluiten`, body);
        assert.equal(res.status, 400, body.subject);
        assert.deepEqual(res.body.invalidParams.map((x: { name: string; value: unknown }) => [x.name, x.value]), [['documentStatus', 'C']]);
        assert.match(res.body.invalidParams[0].reason, /C-stuk is alleen ter kennisname/);
      }
    });

    test('API: a progress report as C-stuk is recorded (history) and carries the signal in the register', async () => {
      const res = await api(app, token, 'POST', `${HB}/besluiten`, { ...base, subject: 'Vierde voortgangsrapportage', decidedOn: '01-11-2016', documentStatus: 'C' });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.deepEqual(res.body.flags.map((f: { code: string }) => f.code), ['voortgangsrapportage-als-c-stuk']);
      const list = await api(app, token, 'GET', `${HB}/besluiten`);
      const found = list.body.decisions.find((d: { id: string }) => d.id === res.body.id);
      assert.deepEqual(found.flags.map((f: { code: string }) => f.code), ['voortgangsrapportage-als-c-stuk']);
    });

    test('a stored decision that breaks a hard rule is not changed and shows the finding in the register page', async () => {
      const created = await api(app, token, 'POST', `${HB}/besluiten`, { ...base, bodyKey: 'raad-gm0397', decisionTypeKey: 'kader-samenwerking', subject: 'Oud kader', decidedOn: '01-01-2014', documentStatus: 'A' });
      assert.equal(created.status, 201);
      // Entered before the rule existed: written straight to the table.
      await database.db.execute(sql`update gov_decision set document_status = 'C' where id = ${created.body.id}`);
      const list = await api(app, token, 'GET', `${HB}/besluiten`);
      const found = list.body.decisions.find((d: { id: string }) => d.id === created.body.id);
      assert.equal(found.documentStatus, 'C');
      assert.deepEqual(found.flags.map((f: { code: string }) => f.code), ['raadsbesluit-als-c-stuk']);
      const html = await (await app.request(`${HB}/besluiten`, { headers: { authorization: `Bearer ${token}` } })).text();
      assert.match(html, /de raad neemt dit besluit, maar een C-stuk is alleen ter kennisname/);
      assert.match(html, /voortgangsrapportage ging als C-stuk/);
    });

    test('page form: a future decision date comes back in Dutch with the field; a valid one with a planned date is shown', async () => {
      const login = await app.request('/aanmelden', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email: 'directie@vlecht.demo', password: 'vlecht-demo-2026' }).toString() });
      const cookie = login.headers.get('set-cookie')!.split(';')[0];
      const page = await (await app.request(`${HB}/besluiten`, { headers: { cookie } })).text();
      assert.match(page, /name="plannedOn"/);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1];
      const post = (fields: Record<string, string>) => app.request(`${HB}/besluiten`, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: csrf, ...fields }).toString() });
      const before = await decisionCount();
      const bad = await post({ ...base, subject: 'Negende voortgangsrapportage', decidedOn: '01-04-2026', documentStatus: 'B' });
      assert.equal(bad.status, 400);
      const badHtml = await bad.text();
      assert.match(badHtml, /01-04-2026\) ligt na vandaag \(15-03-2026\)/);
      assert.match(badHtml, /href="#veld-decidedOn"|id="veld-decidedOn"/);
      assert.equal(await decisionCount(), before);
      const good = await post({ ...base, subject: 'Negende voortgangsrapportage', decidedOn: '10-03-2026', plannedOn: '01-04-2026', documentStatus: 'B' });
      assert.ok(good.status === 303 || good.status === 302, String(good.status));
      const [row] = await rowsOf<{ id: string }>(database.db, sql`select id from gov_decision where subject = 'Negende voortgangsrapportage'`);
      const detail = await (await app.request(`/besluiten/${row.id}`, { headers: { cookie } })).text();
      assert.match(detail, /Geplande datum/);
      assert.match(detail, /01-04-2026/);
    });
  });
}
