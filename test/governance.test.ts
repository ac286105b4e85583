/**
 * Governance through the HTTP API on every engine: the demo's decisions are checked
 * against the rights matrix (a body without the right and a late OR advice are flagged),
 * the matrix is editable per cooperation under If-Match, role denial (raadslid reads but
 * cannot write; a team manager only milestones of the own team), Dutch validation
 * messages naming field and value, commitments 'te laat', cycle refusal in the route plan,
 * calendar import all-or-nothing and idempotent, the joint planning against the pure
 * planner, and the report-data read functions.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { ENGINES } from './support/engines.ts';
import { demoDatabase, auditCount, teamIdOf } from './support/demo.ts';
import { api, signIn, type App } from './support/http.ts';
import { createApp } from '../src/platform/http/app.tsx';
import { rowsOf } from '../src/platform/db/raw.ts';
import type { Database } from '../src/platform/db/open.ts';
import { planJointDecision } from '../src/governance/planner.ts';
import { commitmentsInPeriod, decisionsInPeriod, milestonesInPeriod } from '../src/governance/report-data.ts';
import type { Ctx } from '../src/platform/context.ts';

const HB = '/samenwerkingen/heemstede-bloemendaal';
const TODAY = new Date('2026-03-15T12:00:00Z');

for (const engine of ENGINES) {
  describe(`governance API [${engine}]`, () => {
    let database: Database;
    let app: App;
    const t: Record<string, string> = {};
    const as = (who: string, method: string, path: string, body?: unknown, headers?: Record<string, string>) => api(app, t[who], method, path, body, headers);
    const meetingCount = async () => (await rowsOf<{ n: number }>(database.db, sql`select count(*)::int as n from gov_meeting`))[0].n;

    before(async () => {
      database = await demoDatabase(engine);
      app = createApp({ db: database.db, bulk: database.bulk, demo: true, clock: () => TODAY });
      for (const who of ['directie', 'controller.heemstede', 'raadslid.heemstede', 'teammanager.po', 'or.heemstede']) t[who] = await signIn(app, `${who}@vlecht.demo`);
    });
    after(() => database.close());

    test('demo decisions: a body without the right and an OR advice after the decision are flagged; the raad decision is in order', async () => {
      const res = await as('raadslid.heemstede', 'GET', `${HB}/besluiten`);
      assert.equal(res.status, 200);
      const bySubject = (s: string) => res.body.decisions.find((d: { subject: string }) => d.subject.startsWith(s));
      const codes = (s: string) => bySubject(s).flags.map((f: { code: string }) => f.code);
      assert.deepEqual(codes('Vervlechting van vijf'), ['geen-besluitrecht', 'or-advies-na-besluit']);
      assert.deepEqual(codes('Algemene kaders voor het teamplan'), ['geen-besluitrecht', 'or-advies-ontbreekt']);
      assert.deepEqual(codes('Kader voor de ambtelijke samenwerking'), []);
      assert.deepEqual(codes('Samenwerkingsovereenkomst uitwisselen'), []);
      assert.equal(bySubject('Kader voor de ambtelijke samenwerking').documentStatus, 'A');
      assert.match(bySubject('Vervlechting van vijf').flags[0].message, /Directieoverleg adviseert bij dit soort besluit.*besluitrecht: College (Heemstede|Bloemendaal), College (Heemstede|Bloemendaal)/);
    });

    test('the matrix is editable per cooperation: giving directieoverleg the right clears that flag; versions are checked', async () => {
      const setup = await as('directie', 'GET', `${HB}/besluitvorming`);
      const etag = setup.headers.get('etag')!;
      const cell = { cells: [{ type: 'vervlechting-team', body: 'directieoverleg', right: 'besluit' }] };
      assert.equal((await as('directie', 'PATCH', `${HB}/besluitvormingsmatrix`, cell)).status, 428);
      assert.equal((await as('directie', 'PATCH', `${HB}/besluitvormingsmatrix`, cell, { 'if-match': '"v999"' })).status, 412);
      const denied = await as('raadslid.heemstede', 'PATCH', `${HB}/besluitvormingsmatrix`, cell, { 'if-match': etag });
      assert.equal(denied.status, 403);
      const audits = await auditCount(database.db);
      const ok = await as('directie', 'PATCH', `${HB}/besluitvormingsmatrix`, cell, { 'if-match': etag });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.cells['vervlechting-team'].directieoverleg, 'besluit');
      assert.equal(await auditCount(database.db), audits + 1);
      const again = await as('directie', 'PATCH', `${HB}/besluitvormingsmatrix`, cell, { 'if-match': etag });
      assert.equal(again.status, 412, 'the old version is stale now');
      const list = await as('directie', 'GET', `${HB}/besluiten`);
      const d = list.body.decisions.find((x: { subject: string }) => x.subject.startsWith('Vervlechting van vijf'));
      assert.deepEqual(d.flags.map((f: { code: string }) => f.code), ['or-advies-na-besluit']);
      const bad = await as('directie', 'PATCH', `${HB}/besluitvormingsmatrix`, { cells: [{ type: 'vervlechting-team', body: 'wethouder', right: 'besluit' }] }, { 'if-match': ok.headers.get('etag')! });
      assert.equal(bad.status, 400);
      assert.deepEqual(bad.body.invalidParams.map((p: { name: string; value: unknown }) => [p.name, p.value]), [['cells.0.body', 'wethouder']]);
    });

    test('record and edit a decision: Dutch validation naming field and value, If-Match 412, role denial, flag on a new decision', async () => {
      const bad = await as('controller.heemstede', 'POST', `${HB}/besluiten`, { decidedOn: '31-02-2026', bodyKey: 'teammanager', decisionTypeKey: 'werkproces', subject: '', documentStatus: 'D' });
      assert.equal(bad.status, 400);
      const params = Object.fromEntries(bad.body.invalidParams.map((p: { name: string; reason: string; value: unknown }) => [p.name, p]));
      assert.match(params.decidedOn.reason, /dd-mm-jjjj/);
      assert.equal(params.decidedOn.value, '31-02-2026');
      assert.match(params.subject.reason, /onderwerp/);
      assert.equal(params.documentStatus.value, 'D');
      assert.match(bad.body.detail, /kies A, B of C/);

      const body = { decidedOn: '12-03-2026', bodyKey: 'teammanager', decisionTypeKey: 'ict-applicaties', subject: 'Nieuwe applicatie voor zaakgericht werken', teamIds: [await teamIdOf(database.db, 'informatisering')] };
      assert.equal((await as('raadslid.heemstede', 'POST', `${HB}/besluiten`, body)).status, 403);
      assert.equal((await as('teammanager.po', 'POST', `${HB}/besluiten`, body)).status, 403);
      const created = await as('controller.heemstede', 'POST', `${HB}/besluiten`, body);
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.deepEqual(created.body.flags.map((f: { code: string }) => f.code), ['geen-besluitrecht']);
      const etag = created.headers.get('etag')!;
      const edited = await as('directie', 'PATCH', `/besluiten/${created.body.id}`, { bodyKey: 'college-gm0397', documentStatus: 'C' }, { 'if-match': etag });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      assert.deepEqual(edited.body.flags, []);
      assert.equal(edited.body.documentStatus, 'C');
      assert.equal((await as('directie', 'PATCH', `/besluiten/${created.body.id}`, { subject: 'x' }, { 'if-match': etag })).status, 412);
      const link = await as('directie', 'PATCH', `/besluiten/${created.body.id}`, { links: [{ label: 'x', url: 'javascript:alert(1)' }] }, { 'if-match': edited.headers.get('etag')! });
      assert.equal(link.status, 400);
      assert.equal(link.body.invalidParams[0].name, 'links.0.url');
    });

    test('commitments: te laat derived from the due date; afgedaan needs a date; recommendations linked, not copied', async () => {
      const res = await as('raadslid.heemstede', 'GET', `${HB}/toezeggingen`);
      assert.equal(res.status, 200);
      const toezegging = res.body.open.find((c: { title: string }) => c.title.startsWith('Voorstel toekomstbestendige'));
      assert.equal(toezegging.shownStatus, 'te-laat');
      assert.equal(toezegging.status, 'in-behandeling');
      const rec3 = res.body.open.find((c: { reference: string }) => c.reference === 'Aanbeveling 3');
      assert.equal(rec3.recommendation.number, '3');
      assert.deepEqual(res.body.recommendationsWithoutFollowUp.map((r: { number: string }) => r.number), ['1', '2', '5']);
      const bad = await as('controller.heemstede', 'POST', `${HB}/toezeggingen`, { kind: 'motie', title: 'Motie vreemd', madeOn: '01-03-2026', status: 'afgedaan' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.invalidParams[0].name, 'closedOn');
      const created = await as('controller.heemstede', 'POST', `${HB}/toezeggingen`, { kind: 'motie', reference: 'M2026-04', title: 'Rapportage per kwartaal', madeOn: '01-03-2026', dueOn: '14-03-2026' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.shownStatus, 'te-laat');
      const done = await as('directie', 'PATCH', `/toezeggingen/${created.body.id}`, { status: 'afgedaan', closedOn: '15-03-2026' }, { 'if-match': created.headers.get('etag')! });
      assert.equal(done.status, 200, JSON.stringify(done.body));
      assert.equal(done.body.shownStatus, 'afgedaan');
      assert.equal((await as('or.heemstede', 'PATCH', `/toezeggingen/${created.body.id}`, { title: 'x' }, { 'if-match': done.headers.get('etag')! })).status, 403);
      const csv = await as('raadslid.heemstede', 'GET', `${HB}/toezeggingen.csv`);
      assert.match(csv.body, /Rapportage per kwartaal/);
    });

    test('route plan: a cycle is refused in Dutch; a team manager manages milestones of the own team only', async () => {
      const po = await teamIdOf(database.db, 'p-en-o');
      const own = await as('teammanager.po', 'POST', `${HB}/routeplan`, { title: 'Salarisadministratie in één systeem geborgd', teamId: po, dueOn: '01-10-2026' });
      assert.equal(own.status, 201, JSON.stringify(own.body));
      assert.equal((await as('teammanager.po', 'POST', `${HB}/routeplan`, { title: 'Voor iedereen', dueOn: '01-10-2026' })).status, 403);
      const next = await as('directie', 'POST', `${HB}/routeplan`, { title: 'Evaluatie P&O', dueOn: '01-12-2026', dependsOn: [own.body.id] });
      assert.equal(next.status, 201);
      const cycle = await as('teammanager.po', 'PATCH', `/mijlpalen/${own.body.id}`, { dependsOn: [next.body.id] }, { 'if-match': own.headers.get('etag')! });
      assert.equal(cycle.status, 400);
      assert.match(cycle.body.detail, /kring: (Salarisadministratie in één systeem geborgd|Evaluatie P&O) → (Salarisadministratie in één systeem geborgd|Evaluatie P&O) → /);
      const list = await as('raadslid.heemstede', 'GET', `${HB}/routeplan`);
      assert.equal(list.status, 200);
      assert.ok(list.body.milestones.some((m: { title: string }) => m.title.startsWith('Voorstel toekomstbestendige')));
      const bel = await as('directie', 'GET', '/samenwerkingen/bel-combinatie/routeplan');
      assert.equal(bel.status, 403, 'directie of H–B has no grant on BEL');
    });

    test('calendar import: every bad row reported and nothing written; the same file twice changes nothing', async () => {
      const before = await meetingCount();
      const badIcs = 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270114\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nDTSTART:20271340\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
      const bad = await as('controller.heemstede', 'POST', `${HB}/agenda/import?formaat=ics&orgaan=raad-gm0397`, badIcs, { 'content-type': 'text/calendar' });
      assert.equal(bad.status, 400);
      assert.deepEqual(bad.body.invalidParams.map((p: { name: string }) => p.name), ['DTSTART', 'DTSTART']);
      assert.match(bad.body.invalidParams[0].reason, /geen geldige datum/);
      assert.equal(await meetingCount(), before);
      const ics = 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=Europe/Amsterdam:20280127T200000\r\nSUMMARY:Raad\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:b\r\nDTSTART:20280224T190000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
      assert.equal((await as('raadslid.heemstede', 'POST', `${HB}/agenda/import?formaat=ics&orgaan=raad-gm0397`, ics, { 'content-type': 'text/calendar' })).status, 403);
      const first = await as('controller.heemstede', 'POST', `${HB}/agenda/import?formaat=ics&orgaan=raad-gm0397`, ics, { 'content-type': 'text/calendar' });
      assert.deepEqual(first.body, { added: 2, unchanged: 0, rows: 2 });
      const audits = await auditCount(database.db);
      const second = await as('controller.heemstede', 'POST', `${HB}/agenda/import?formaat=ics&orgaan=raad-gm0397`, ics, { 'content-type': 'text/calendar' });
      assert.deepEqual(second.body, { added: 0, unchanged: 2, rows: 2 });
      assert.equal(await meetingCount(), before + 2);
      assert.equal(await auditCount(database.db), audits);
      const badCsv = await as('controller.heemstede', 'POST', `${HB}/agenda/import?formaat=csv`, 'orgaan;datum\nraad-gm0377;01-02-2029\nraad-xx;02-02-2029\nraad-gm0377;30-02-2029\n', { 'content-type': 'text/csv' });
      assert.equal(badCsv.status, 400);
      assert.deepEqual(badCsv.body.invalidParams.map((p: { name: string; value: unknown }) => [p.name, p.value]), [['datum', '30-02-2029'], ['orgaan', 'raad-xx']]);
      assert.equal(await meetingCount(), before + 2);
    });

    test('joint planning equals the pure planner on the stored calendars and lead times', async () => {
      const agenda = await as('raadslid.heemstede', 'GET', `${HB}/agenda`);
      const res = await as('raadslid.heemstede', 'GET', `${HB}/agenda/planning?gereed=02-04-2026`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const cal = (key: string) => agenda.body.calendars.find((k: { key: string }) => k.key === key);
      const track = (raad: string, cie: string) => ({
        council: { id: raad, name: raad, meetings: cal(raad).meetings.map((m: { meetingOn: string }) => m.meetingOn), leadDays: cal(raad).leadDays },
        committee: { id: cie, name: cie, meetings: cal(cie).meetings.map((m: { meetingOn: string }) => m.meetingOn), leadDays: cal(cie).leadDays },
      });
      const expected = planJointDecision({ readyOn: '2026-04-02', tracks: [track('raad-gm0397', 'commissie-gm0397'), track('raad-gm0377', 'commissie-gm0377')] });
      assert.equal(res.body.allDecidedOn, expected.allDecidedOn);
      assert.ok(res.body.allDecidedOn > '2026-04-02');
      for (const c of res.body.councils) {
        assert.ok(c.committeeOn < c.councilOn);
        const lead = cal(c.councilId).leadDays;
        assert.ok(Date.parse(c.councilOn) - Date.parse('2026-04-02') >= lead * 86_400_000);
      }
      const bad = await as('raadslid.heemstede', 'GET', `${HB}/agenda/planning?gereed=morgen`);
      assert.equal(bad.status, 400);
      assert.equal(bad.body.invalidParams[0].value, 'morgen');
    });

    test('forms of cooperation: current form highlighted, notes editable with a version, raadslid reads only', async () => {
      const res = await as('raadslid.heemstede', 'GET', `${HB}/samenwerkingsvormen`);
      assert.equal(res.status, 200);
      assert.deepEqual(res.body.forms.filter((f: { current: boolean }) => f.current).map((f: { key: string }) => f.key), ['privaatrechtelijke-samenwerkingsovereenkomst']);
      assert.equal(res.body.forms.length, 7);
      const note = res.body.forms.find((f: { key: string }) => f.key === 'bedrijfsvoeringsorganisatie').note;
      assert.equal(note.version, 0);
      const body = { pros: 'Eigen begroting', cons: '', personnel: 'Overgang van personeel', financial: '' };
      assert.equal((await as('raadslid.heemstede', 'PATCH', `${HB}/samenwerkingsvormen/bedrijfsvoeringsorganisatie`, body, { 'if-match': '"v0"' })).status, 403);
      const saved = await as('directie', 'PATCH', `${HB}/samenwerkingsvormen/bedrijfsvoeringsorganisatie`, body, { 'if-match': '"v0"' });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.equal((await as('directie', 'PATCH', `${HB}/samenwerkingsvormen/bedrijfsvoeringsorganisatie`, body, { 'if-match': '"v0"' })).status, 412);
      const unknown = await as('directie', 'PATCH', `${HB}/samenwerkingsvormen/fusie-light`, body, { 'if-match': '"v0"' });
      assert.equal(unknown.status, 400);
      assert.equal(unknown.body.invalidParams[0].value, 'fusie-light');
    });

    test('report-data: decisions, commitments and milestones of a period as view models', async () => {
      const [coop] = await rowsOf<{ id: string }>(database.db, sql`select id from cooperation where slug = 'heemstede-bloemendaal'`);
      const ctx: Ctx = { db: database.db, actor: { userId: null, label: 'test', grants: [], roleContext: 'test', system: true }, clock: () => TODAY, origin: 'test' };
      const decisions = await decisionsInPeriod(ctx, coop.id, '2016-01-01', '2016-12-31');
      assert.deepEqual(decisions.map((d) => d.decidedOn), ['2016-12-19', '2016-12-19', '2016-03-01']);
      const commitments = await commitmentsInPeriod(ctx, coop.id, '2019-01-01', '2019-12-31');
      assert.ok(commitments.some((c) => c.status === 'afgedaan' && c.closedOn === '2019-09-10'));
      assert.ok(commitments.every((c) => c.madeOn <= '2019-12-31'));
      const milestones = await milestonesInPeriod(ctx, coop.id, '2019-01-01', '2019-12-31');
      assert.equal(milestones.length, 4);
      await assert.rejects(decisionsInPeriod({ ...ctx, actor: { userId: 'x', label: 'x', grants: [], roleContext: '', system: false } }, coop.id, '2016-01-01', '2016-12-31'), /FORBIDDEN/);
    });

    test('pages render for a raadslid without edit forms, and for directie with them', async () => {
      for (const path of ['besluiten', 'besluitvormingsmatrix', 'toezeggingen', 'routeplan', 'samenwerkingsvormen', 'agenda?gereed=02-04-2026']) {
        const res = await app.request(`${HB}/${path}`, { headers: { authorization: `Bearer ${t['raadslid.heemstede']}` } });
        assert.equal(res.status, 200, path);
        const html = await res.text();
        assert.doesNotMatch(html, /<form method="post" action="\/samenwerkingen\/heemstede-bloemendaal\/(besluiten|toezeggingen|routeplan|besluitvormingsmatrix)"/, path);
      }
      const matrix = await (await app.request(`${HB}/besluitvormingsmatrix`, { headers: { authorization: `Bearer ${t.directie}` } })).text();
      assert.match(matrix, /aria-label="Vervlechting of ontvlechting van een team — Directieoverleg"/);
      const plan = await (await app.request(`${HB}/routeplan`, { headers: { authorization: `Bearer ${t.directie}` } })).text();
      assert.match(plan, /<svg[^>]*role="img"/);
    });
  });
}
