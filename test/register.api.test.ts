/**
 * The register through the HTTP API on a real database, on every engine: who may see and
 * change what, optimistic concurrency, Dutch validation messages, one audit row per change.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES } from './support/engines.ts';
import { demoDatabase, employeeOf, teamIdOf, auditCount } from './support/demo.ts';
import { api, signIn, testApp, type App } from './support/http.ts';
import type { Database } from '../src/platform/db/open.ts';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../src/platform/db/raw.ts';

for (const engine of ENGINES) {
  describe(`register API [${engine}]`, () => {
    let database: Database;
    let app: App;
    const tokens: Record<string, string> = {};
    let heemstedeEmployee: string;
    let bloemendaalEmployee: string;
    let poTeam: string;

    before(async () => {
      database = await demoDatabase(engine);
      app = testApp(database.db);
      for (const who of ['beheerder', 'controller.heemstede', 'controller.bloemendaal', 'teammanager.po', 'raadslid.heemstede', 'rekenkamer.heemstede', 'or.heemstede', 'directie', 'controller.bel']) {
        tokens[who] = await signIn(app, `${who}@vlecht.demo`);
      }
      heemstedeEmployee = await employeeOf(database.db, 'GM0397');
      bloemendaalEmployee = await employeeOf(database.db, 'GM0377');
      poTeam = await teamIdOf(database.db, 'p-en-o');
    });
    after(() => database.close());

    test('the demo shows both cooperations and the six Heemstede–Bloemendaal teams', async () => {
      const list = await api(app, tokens.beheerder, 'GET', '/samenwerkingen');
      assert.deepEqual(list.body.map((c: { slug: string }) => c.slug).sort(), ['bel-combinatie', 'heemstede-bloemendaal']);
      const hb = await api(app, tokens.beheerder, 'GET', '/samenwerkingen/heemstede-bloemendaal');
      assert.equal(hb.body.teams.length, 6);
      const ict = hb.body.teams.find((t: { slug: string }) => t.slug === 'informatisering');
      assert.deepEqual(ict.integrationHistory.map((h: { validFrom: string }) => h.validFrom), ['2013-06-01', '2015-10-05']);
    });

    test('a raadslid sees only the cooperations of the own municipality', async () => {
      const list = await api(app, tokens['raadslid.heemstede'], 'GET', '/samenwerkingen');
      assert.deepEqual(list.body.map((c: { slug: string }) => c.slug), ['heemstede-bloemendaal']);
      assert.equal((await api(app, tokens['raadslid.heemstede'], 'GET', '/samenwerkingen/bel-combinatie')).status, 403);
    });

    for (const role of ['raadslid.heemstede', 'rekenkamer.heemstede', 'or.heemstede', 'directie']) {
      test(`${role} gets staffing aggregates of a team but no named people`, async () => {
        const team = await api(app, tokens[role], 'GET', `/teams/${poTeam}`);
        assert.equal(team.status, 200);
        assert.ok(team.body.staffing.length > 0);
        assert.equal('people' in team.body, false);
        assert.doesNotMatch(JSON.stringify(team.body), /hourlyRateCents|personnelNumber/);
      });
      test(`${role} cannot read an employee or their cost rate (403)`, async () => {
        const res = await api(app, tokens[role], 'GET', `/medewerkers/${heemstedeEmployee}`);
        assert.equal(res.status, 403);
        assert.equal(res.headers.get('content-type'), 'application/problem+json');
        assert.match(res.body.detail, /geen toegang/);
      });
    }

    test('the team manager of P&O sees the named people of P&O', async () => {
      const team = await api(app, tokens['teammanager.po'], 'GET', `/teams/${poTeam}`);
      // Independently: the assignments to P&O valid today (valid_to is exclusive).
      const expected = await rowsOf<{ name: string }>(database.db, sql`select e.name from employee_assignment a
        join employee e on e.id = a.employee_id
        where a.team_id = ${poTeam} and a.valid_from <= current_date and (a.valid_to is null or current_date < a.valid_to)`);
      assert.ok(expected.length >= 2, 'the demo staffs P&O');
      assert.deepEqual(team.body.people.map((p: { name: string }) => p.name).sort(), expected.map((r) => r.name).sort());
      assert.equal((await api(app, tokens['teammanager.po'], 'GET', `/medewerkers/${bloemendaalEmployee}`)).status, 200);
    });

    test('a Heemstede controller reads and changes Heemstede employees, not Bloemendaal ones', async () => {
      const own = await api(app, tokens['controller.heemstede'], 'GET', `/medewerkers/${heemstedeEmployee}`);
      assert.equal(own.status, 200);
      assert.ok(own.body.rates[0].hourlyRateCents > 0);
      const changed = await api(app, tokens['controller.heemstede'], 'PATCH', `/medewerkers/${heemstedeEmployee}`, { name: 'Gewijzigd (synthetisch)' }, { 'if-match': own.headers.get('etag')! });
      assert.equal(changed.status, 200);
      const other = await api(app, tokens['controller.bloemendaal'], 'GET', `/medewerkers/${bloemendaalEmployee}`);
      const denied = await api(app, tokens['controller.heemstede'], 'PATCH', `/medewerkers/${bloemendaalEmployee}`, { name: 'Niet toegestaan' }, { 'if-match': other.headers.get('etag')! });
      assert.equal(denied.status, 403);
      const rate = await api(app, tokens['controller.heemstede'], 'POST', `/medewerkers/${bloemendaalEmployee}/tarieven`, { hourlyRateCents: 1, validFrom: '2026-01-01' });
      assert.equal(rate.status, 403);
    });

    test('a refused change is itself written to the audit trail as geweigerd', async () => {
      const before = await auditCount(database.db);
      await api(app, tokens['raadslid.heemstede'], 'POST', `/teams/${poTeam}/functies`, { name: 'Poging' });
      const trail = await api(app, tokens.beheerder, 'GET', '/audit?aantal=1');
      assert.equal(await auditCount(database.db), before + 1);
      assert.equal(trail.body[0].result, 'geweigerd');
      assert.equal(trail.body[0].actor, 'raadslid.heemstede@vlecht.demo');
    });

    test('an update without If-Match gets 428, a stale one 412, a current one 200', async () => {
      const team = await api(app, tokens['teammanager.po'], 'GET', `/teams/${poTeam}`);
      const etag = team.headers.get('etag')!;
      assert.match(etag, /^"v\d+"$/);
      const none = await api(app, tokens['teammanager.po'], 'PATCH', `/teams/${poTeam}`, { managerName: 'A' });
      assert.equal(none.status, 428);
      const ok = await api(app, tokens['teammanager.po'], 'PATCH', `/teams/${poTeam}`, { managerName: 'A' }, { 'if-match': etag });
      assert.equal(ok.status, 200);
      assert.notEqual(ok.headers.get('etag'), etag);
      const stale = await api(app, tokens['teammanager.po'], 'PATCH', `/teams/${poTeam}`, { managerName: 'B' }, { 'if-match': etag });
      assert.equal(stale.status, 412);
      assert.match(stale.body.detail, /intussen gewijzigd/);
      const garbage = await api(app, tokens['teammanager.po'], 'PATCH', `/teams/${poTeam}`, { managerName: 'C' }, { 'if-match': 'nonsense' });
      assert.equal(garbage.status, 412);
    });

    test('every successful change writes exactly one audit row with before and after', async () => {
      const before = await auditCount(database.db);
      const created = await api(app, tokens.beheerder, 'POST', '/samenwerkingen/heemstede-bloemendaal/teams', { slug: 'juridische-zaken', name: 'Juridische Zaken' });
      assert.equal(created.status, 201);
      const level = await api(app, tokens.beheerder, 'POST', `/teams/${created.body.id}/vervlechting`, { level: 1, validFrom: '2024-01-01', decisionReference: 'MT-Kzoom 12-12-2023' });
      assert.equal(level.status, 201);
      assert.equal(await auditCount(database.db), before + 2);
      const [last] = (await api(app, tokens.beheerder, 'GET', '/audit?aantal=1')).body;
      assert.equal(last.action, 'team.vervlechting');
      assert.equal(last.newValue.level, 1);
      assert.equal(last.actor, 'beheerder@vlecht.demo');
    });

    test('a team move keeps the old team in the history (18F Tock #980)', async () => {
      const ict = await teamIdOf(database.db, 'informatisering');
      const res = await api(app, tokens['controller.heemstede'], 'POST', `/medewerkers/${heemstedeEmployee}/inzet`, { teamId: ict, fteMilli: 800, validFrom: '2026-02-01' });
      assert.equal(res.status, 201);
      const [first, second] = res.body.assignments;
      assert.equal(first.validTo, '2026-02-01');
      assert.equal(second.teamId, ict);
      assert.equal(second.fte, 0.8);
      const overlap = await api(app, tokens['controller.heemstede'], 'POST', `/medewerkers/${heemstedeEmployee}/inzet`, { teamId: ict, fteMilli: 800, validFrom: '2025-01-01' });
      assert.equal(overlap.status, 400);
      assert.match(overlap.body.detail, /Geldig vanaf/);
    });

    const malformed: [string, string, string, unknown, RegExp][] = [
      ['POST', '/gemeenten', 'a bad CBS code', { cbsCode: 'XX12', name: 'Nergenshuizen' }, /CBS-code.*GM gevolgd door 4 cijfers.*"XX12"/],
      ['POST', '/samenwerkingen', 'an unknown legal form', { slug: 'nieuw', name: 'Nieuw', legalForm: 'fusie-light', startDate: '2026-01-01' }, /Juridische vorm/],
      ['POST', '/samenwerkingen', 'an impossible date', { slug: 'nieuw', name: 'Nieuw', legalForm: 'regeling-zonder-meer', startDate: '2026-02-31' }, /Startdatum/],
      ['POST', '/samenwerkingen', 'a slug with spaces', { slug: 'Heel Nieuw', name: 'Nieuw', legalForm: 'regeling-zonder-meer', startDate: '2026-01-01' }, /Korte naam/],
      ['POST', '/samenwerkingen', 'an array instead of an object', [1, 2, 3], /invoer|verwacht/i],
      ['POST', '/samenwerkingen', 'broken JSON', '{"slug": ', /geen geldige JSON/],
      ['POST', '/samenwerkingen/heemstede-bloemendaal/teams', 'a 10 MB-ish name', { slug: 'x-y', name: 'x'.repeat(5000) }, /Naam/],
      ['POST', '/medewerkers', 'FTE as text', { employerCbsCode: 'GM0397', personnelNumber: 'X1', name: 'Iemand', assignment: { teamId: '00000000-0000-4000-8000-000000000000', fteMilli: 'veel', validFrom: '2026-01-01' } }, /Fte/],
      ['POST', '/gemeenten/GM0397/inwoners', 'negative inhabitants', { year: 2024, inhabitants: -5, source: 'x' }, /Inwoners/],
      ['POST', '/samenwerkingen/heemstede-bloemendaal/leden', 'a code that ended by a merger', { cbsCode: 'GM0614', role: 'deelnemer', validFrom: '2025-01-01' }, /GM0614 \(Westvoorne\) bestaat sinds 01-01-2023 niet meer: opgegaan in GM1992 Voorne aan Zee/],
    ];
    for (const [method, path, what, body, message] of malformed) {
      test(`${method} ${path} with ${what} gets a Dutch 400 naming the field`, async () => {
        const res = await api(app, tokens.beheerder, method, path, body);
        assert.equal(res.status, 400, JSON.stringify(res.body));
        assert.equal(res.headers.get('content-type'), 'application/problem+json');
        assert.match(res.body.detail, message);
        assert.doesNotMatch(JSON.stringify(res.body), /at \w+ \(|node_modules|SELECT|insert into/i);
      });
    }

    test('an unknown id or a non-uuid id is a 404, never a 500', async () => {
      assert.equal((await api(app, tokens.beheerder, 'GET', '/teams/00000000-0000-4000-8000-000000000000')).status, 404);
      assert.equal((await api(app, tokens.beheerder, 'GET', '/teams/niet-een-uuid')).status, 404);
      assert.equal((await api(app, tokens.beheerder, 'GET', '/medewerkers/%27%3B%20drop%20table%20team')).status, 404);
    });

    test('a write that is not JSON is refused (CSRF via cross-site forms)', async () => {
      const res = await app.request('/api/v1/samenwerkingen', { method: 'POST', headers: { authorization: `Bearer ${tokens.beheerder}`, 'content-type': 'application/x-www-form-urlencoded' }, body: 'slug=x' });
      assert.equal(res.status, 400);
    });

    test('without a session the API answers 401 in Dutch', async () => {
      const res = await api(app, null, 'GET', '/samenwerkingen');
      assert.equal(res.status, 401);
      assert.match(res.body.title, /niet aangemeld/);
    });

    test('wrong passwords are throttled after five attempts', async () => {
      for (let i = 0; i < 5; i++) {
        const res = await api(app, null, 'POST', '/sessies', { email: 'or.heemstede@vlecht.demo', password: 'fout-wachtwoord' });
        assert.equal(res.status, 401);
      }
      const locked = await api(app, null, 'POST', '/sessies', { email: 'or.heemstede@vlecht.demo', password: 'vlecht-demo-2026' });
      assert.equal(locked.status, 429);
    });

    test('the OpenAPI document describes the routes with their schemas', async () => {
      const doc = await api(app, null, 'GET', '/openapi.json');
      assert.equal(doc.body.openapi, '3.1.0');
      assert.ok(doc.body.paths['/samenwerkingen'].post.requestBody);
      assert.ok(doc.body.paths['/teams/{id}'].patch.parameters.some((p: { name: string }) => p.name === 'If-Match'));
    });
  });
}

for (const engine of ENGINES) {
  describe(`partial updates [${engine}]`, () => {
    let database: Database;
    let app: App;
    before(async () => { database = await demoDatabase(engine); app = testApp(database.db); });
    after(() => database.close());

    test('a PATCH of one field keeps every other field (regression: defaults reset conditions)', async () => {
      const token = await signIn(app, 'directie@vlecht.demo');
      const before = await api(app, token, 'GET', '/samenwerkingen/heemstede-bloemendaal');
      const res = await api(app, token, 'PATCH', '/samenwerkingen/heemstede-bloemendaal', { name: 'Samenwerking H–B' }, { 'if-match': before.headers.get('etag')! });
      assert.equal(res.status, 200);
      assert.equal(res.body.mustStayDisentanglable, true);
      assert.equal(res.body.thirdMunicipalityMayJoin, true);
      assert.equal(res.body.description, before.body.description);
    });

    test('an agreed share per team must add up to 100%', async () => {
      const token = await signIn(app, 'beheerder@vlecht.demo');
      const po = await teamIdOf(database.db, 'p-en-o');
      const team = await api(app, token, 'GET', `/teams/${po}`);
      const bad = await api(app, token, 'PATCH', `/teams/${po}`, { agreedShares: { GM0397: 6000, GM0377: 3000 } }, { 'if-match': team.headers.get('etag')! });
      assert.equal(bad.status, 400);
      assert.match(bad.body.detail, /10.000 basispunten/);
      const ok = await api(app, token, 'PATCH', `/teams/${po}`, { agreedShares: { GM0397: 6000, GM0377: 4000 } }, { 'if-match': team.headers.get('etag')! });
      assert.equal(ok.status, 200);
      assert.equal(ok.body.managerName, team.body.managerName);
    });
  });
}
