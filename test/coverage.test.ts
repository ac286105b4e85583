/**
 * Coverage, portfolio and disentanglement scenarios through the HTTP API on every engine:
 * eenpitters, coverage, harmonisation and a scenario's FTE gap and licence costs equal an
 * independent SQL computation on the same data; names of qualified people only for roles
 * with personal:read; writing refused to council roles (and audited); Dutch validation
 * messages; versions with If-Match (412 on a stale one); exports.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { ENGINES } from './support/engines.ts';
import { demoDatabase, teamIdOf } from './support/demo.ts';
import { api, signIn, type App } from './support/http.ts';
import { createApp } from '../src/platform/http/app.tsx';
import { rowsOf } from '../src/platform/db/raw.ts';
import type { Database } from '../src/platform/db/open.ts';
import { teamScenarioSummary, teamVulnerabilitySummary } from '../src/coverage/report-data.ts';
import type { Ctx } from '../src/platform/context.ts';
import type { Actor } from '../src/platform/auth/actor.ts';

const HB = '/samenwerkingen/heemstede-bloemendaal';
const TODAY = new Date('2026-03-15T12:00:00Z');
const DAY = '2026-03-15';

for (const engine of ENGINES) {
  describe(`coverage API [${engine}]`, () => {
    let database: Database;
    let app: App;
    const t: Record<string, string> = {};
    const as = (who: string, method: string, path: string, body?: unknown, headers?: Record<string, string>) => api(app, t[who], method, path, body, headers);
    const lastAudit = async () => (await rowsOf<{ action: string; result: string }>(database.db, sql`select action, result from audit_event order by seq desc limit 1`))[0];

    before(async () => {
      database = await demoDatabase(engine);
      app = createApp({ db: database.db, bulk: database.bulk, demo: true, clock: () => TODAY });
      for (const who of ['directie', 'controller.heemstede', 'raadslid.heemstede', 'teammanager.po', 'or.heemstede']) t[who] = await signIn(app, `${who}@vlecht.demo`);
    });
    after(() => database.close());

    /** Distinct qualified people per function and scope, counted in SQL. */
    const truth = () => rowsOf<{ team: string; fn: string; required: number; h: number; b: number; pooled: number }>(database.db, sql`
      select t.slug as team, f.name as fn, f.required_qualified as required,
        count(distinct e.id) filter (where m.cbs_code = 'GM0397')::int as h,
        count(distinct e.id) filter (where m.cbs_code = 'GM0377')::int as b,
        count(distinct e.id)::int as pooled
      from job_function f join team t on t.id = f.team_id join cooperation c on c.id = t.cooperation_id
        left join qualification q on q.function_id = f.id and q.valid_from <= ${DAY} and (q.valid_to is null or q.valid_to > ${DAY})
        left join employee e on e.id = q.employee_id left join municipality m on m.id = e.employer_municipality_id
      where c.slug = 'heemstede-bloemendaal' group by t.slug, f.name, f.required_qualified`);

    test('eenpitters and coverage per team, per municipality alone and pooled, equal an independent count', async () => {
      const res = await as('raadslid.heemstede', 'GET', `${HB}/dekking?peildatum=15-03-2026`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const rows = await truth();
      const codes = new Map((res.body.members as { id: string; cbsCode: string }[]).map((m) => [m.id, m.cbsCode]));
      for (const team of res.body.teams as { team: { slug: string }; scopes: { scope: string; summary: { singlePerson: number; uncovered: number; covered: number; functions: number; coveragePct: number | null } }[] }[]) {
        const own = rows.filter((r) => r.team === team.team.slug);
        for (const s of team.scopes) {
          const col = s.scope === 'samen' ? 'pooled' : codes.get(s.scope) === 'GM0397' ? 'h' : 'b';
          assert.equal(s.summary.functions, own.length);
          assert.equal(s.summary.singlePerson, own.filter((r) => r[col] === 1).length, `${team.team.slug} ${col} eenpitters`);
          assert.equal(s.summary.uncovered, own.filter((r) => r[col] === 0).length, `${team.team.slug} ${col} uncovered`);
          const covered = own.filter((r) => r[col] >= r.required).length;
          assert.equal(s.summary.covered, covered);
          assert.equal(s.summary.coveragePct, Math.round((covered * 1000) / own.length) / 10);
        }
      }
      // One point per quarter, from the quarter of the first qualification to the peildatum's.
      const [span] = await rowsOf<{ n: number }>(database.db, sql`
        select ((2026 * 4 + 1) - (extract(year from min(q.valid_from)) * 4 + extract(quarter from min(q.valid_from))) + 1)::int as n
        from qualification q join job_function f on f.id = q.function_id join team t on t.id = f.team_id
        join cooperation c on c.id = t.cooperation_id where c.slug = 'heemstede-bloemendaal'`);
      assert.ok(span.n > 4, 'the demo has qualifications over more than a year');
      assert.equal(res.body.trend.length, span.n, 'a trend point per quarter');
    });

    test('names of qualified people only with personal:read; council roles get aggregates', async () => {
      const po = await teamIdOf(database.db, 'p-en-o');
      const manager = await as('teammanager.po', 'GET', `/teams/${po}/dekking`);
      assert.equal(manager.status, 200);
      assert.ok(manager.body.qualifications.length > 0 && manager.body.qualifications.every((q: { name: string }) => q.name.length > 0));
      for (const who of ['raadslid.heemstede', 'or.heemstede', 'directie']) {
        const res = await as(who, 'GET', `/teams/${po}/dekking`);
        assert.equal(res.status, 200, who);
        assert.equal(res.body.qualifications, null, `${who} sees no names`);
        assert.doesNotMatch(JSON.stringify(res.body), /employeeId|"name":"[A-Z][a-z]+ (de |van )?[A-Z]/, `${who}: no personal data`);
      }
      // Substitution hours equal the ledger's entries for P&O in the stated period, summed here in SQL.
      const { from, to, hours } = manager.body.substitution;
      const [sub] = await rowsOf<{ minutes: number }>(database.db, sql`select coalesce(sum(minutes), 0)::int as minutes from hours_entry
        where team_id = ${po} and activity = 'vervanging' and work_date between ${from} and ${to}`);
      assert.ok(sub.minutes > 0, 'the demo records substitution in P&O');
      assert.equal(hours, sub.minutes / 60, `substitution hours ${from}..${to}`);
    });

    test('qualifications: team manager adds one; council is refused and audited; Dutch messages; 412 on a stale version', async () => {
      const po = await teamIdOf(database.db, 'p-en-o');
      const cov = (await as('teammanager.po', 'GET', `/teams/${po}/dekking`)).body;
      const fn = cov.scopes[0].rows[0].functionId;
      const [person] = await rowsOf<{ id: string }>(database.db, sql`select e.id from employee e join employee_assignment a on a.employee_id = e.id
        where a.team_id = ${po} and not exists (select 1 from qualification q where q.employee_id = e.id and q.function_id = ${fn}) limit 1`);
      const body = { functionId: fn, employeeId: person.id, kind: 'achtervang', validFrom: '01-02-2026' };
      const refused = await as('raadslid.heemstede', 'POST', `/teams/${po}/kwalificaties`, body);
      assert.equal(refused.status, 403);
      // A read-only role is refused before the body is read (src/platform/http/read-only.ts).
      assert.deepEqual(await lastAudit(), { action: 'wijziging.geweigerd', result: 'geweigerd' });
      const bad = await as('teammanager.po', 'POST', `/teams/${po}/kwalificaties`, { ...body, kind: 'soms', validFrom: '31-02-2026' });
      assert.equal(bad.status, 400);
      const reasons = bad.body.invalidParams.map((p: { name: string; reason: string }) => `${p.name}: ${p.reason}`);
      assert.ok(reasons.includes('kind: kies primair of achtervang'), reasons.join(' | '));
      assert.ok(reasons.some((r: string) => /^validFrom: schrijf de datum als dd-mm-jjjj/.test(r)), reasons.join(' | '));
      const added = await as('teammanager.po', 'POST', `/teams/${po}/kwalificaties`, body);
      assert.equal(added.status, 201, JSON.stringify(added.body));
      assert.deepEqual(await lastAudit(), { action: 'kwalificatie.toevoegen', result: 'geslaagd' });
      const twice = await as('teammanager.po', 'POST', `/teams/${po}/kwalificaties`, body);
      assert.equal(twice.status, 400);
      assert.match(twice.body.invalidParams[0].reason, /al gekwalificeerd/);
      const ended = await as('teammanager.po', 'PATCH', `/kwalificaties/${added.body.id}`, { validTo: '01-03-2026' }, { 'if-match': added.headers.get('etag')! });
      assert.equal(ended.status, 200, JSON.stringify(ended.body));
      const stale = await as('teammanager.po', 'PATCH', `/kwalificaties/${added.body.id}`, { validTo: '02-03-2026' }, { 'if-match': added.headers.get('etag')! });
      assert.equal(stale.status, 412);
      assert.equal((await as('teammanager.po', 'PATCH', `/kwalificaties/${added.body.id}`, { validTo: '02-03-2026' })).status, 428);
    });

    test('harmonisation equals an independent count of application use on the date', async () => {
      const res = await as('raadslid.heemstede', 'GET', `${HB}/applicaties?peildatum=${DAY}`);
      assert.equal(res.status, 200);
      const [row] = await rowsOf<{ in_use: number; both: number }>(database.db, sql`
        select count(*)::int as in_use, count(*) filter (where n = 2)::int as both from (
          select u.application_id, count(distinct u.municipality_id) as n from application_use u
          where u.valid_from <= ${DAY} and (u.valid_to is null or u.valid_to > ${DAY}) group by 1) x`);
      assert.equal(res.body.harmonisation.inUse, row.in_use);
      assert.equal(res.body.harmonisation.harmonised, row.both);
      assert.equal(res.body.trend[0].pct, 20, '80% different at the start (seed 000 §6.2)');
      assert.equal(res.body.trend[0].inUse, 170);
    });

    test('applications: controller adds one, team manager is refused, Dutch messages, 412 on a stale version', async () => {
      const app1 = { name: 'Raadsinformatiesysteem (test)', supplier: 'Test', category: 'Communicatie', pricing: { model: 'per-inwoner', unitCents: 12 }, uses: [{ cbsCode: 'GM0397', validFrom: '2024-01-01' }, { cbsCode: 'GM0377', validFrom: '2024-01-01' }] };
      assert.equal((await as('teammanager.po', 'POST', `${HB}/applicaties`, app1)).status, 403);
      const bad = await as('controller.heemstede', 'POST', `${HB}/applicaties`, { ...app1, pricing: { model: 'gratis' }, uses: [{ cbsCode: 'XX12', validFrom: '2024-01-01' }] });
      assert.equal(bad.status, 400);
      const reasons = bad.body.invalidParams.map((p: { reason: string }) => p.reason).join(' | ');
      assert.match(reasons, /kies een prijsmodel/);
      assert.match(reasons, /een CBS-gemeentecode is GM gevolgd door 4 cijfers/);
      const created = await as('controller.heemstede', 'POST', `${HB}/applicaties`, app1);
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const patched = await as('directie', 'PATCH', `/applicaties/${created.body.id}`, { supplier: 'Andere leverancier' }, { 'if-match': created.headers.get('etag')! });
      assert.equal(patched.status, 200);
      assert.equal((await as('directie', 'PATCH', `/applicaties/${created.body.id}`, { supplier: 'Nog een' }, { 'if-match': created.headers.get('etag')! })).status, 412);
    });

    test('a scenario: FTE gap and licence costs equal an independent computation; versions, compare, export', async () => {
      const po = await teamIdOf(database.db, 'p-en-o');
      const input = { name: 'P&O: volledige ontvlechting (test)', teamId: po, leaving: 'alle', referenceDate: DAY, hoursFrom: '01-01-2025', hoursTo: '31-12-2025' };
      assert.equal((await as('raadslid.heemstede', 'POST', `${HB}/scenarios`, input)).status, 403);
      assert.deepEqual(await lastAudit(), { action: 'wijziging.geweigerd', result: 'geweigerd' });
      const bad = await as('controller.heemstede', 'POST', `${HB}/scenarios`, { ...input, leaving: 'Bloemendaal', parameters: { kostenVanKoffie: 5, recruitmentPerFteCents: -1 } });
      assert.equal(bad.status, 400);
      const reasons = bad.body.invalidParams.map((p: { reason: string }) => p.reason).join(' | ');
      assert.match(reasons, /kies ‘alle’ \(volledige ontvlechting\) of de CBS-code/);
      assert.match(reasons, /onbekende aanname: kostenVanKoffie/);
      assert.match(reasons, /‘Wervings- en inwerkkosten per fte’ is minstens 0/);

      const created = await as('controller.heemstede', 'POST', `${HB}/scenarios`, input);
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const r = created.body.result;
      const employed = await rowsOf<{ code: string; fte: number }>(database.db, sql`select m.cbs_code as code, sum(a.fte_milli)::int as fte from employee_assignment a
        join employee e on e.id = a.employee_id join municipality m on m.id = e.employer_municipality_id
        where a.team_id = ${po} and a.valid_from <= ${DAY} and (a.valid_to is null or a.valid_to > ${DAY}) group by 1`);
      const served = await rowsOf<{ code: string; minutes: number }>(database.db, sql`select m.cbs_code as code, sum(h.minutes)::int as minutes from hours_entry h
        join municipality m on m.id = h.served_municipality_id where h.team_id = ${po} and h.work_date between '2025-01-01' and '2025-12-31' group by 1`);
      const totalFte = employed.reduce((s, x) => s + x.fte, 0);
      const totalMinutes = served.reduce((s, x) => s + x.minutes, 0);
      const [inh] = await rowsOf<{ h: number; b: number }>(database.db, sql`select
        (select p.inhabitants from municipality_population p join municipality m on m.id = p.municipality_id where m.cbs_code = 'GM0397' order by year desc limit 1) as h,
        (select p.inhabitants from municipality_population p join municipality m on m.id = p.municipality_id where m.cbs_code = 'GM0377' order by year desc limit 1) as b`);
      for (const g of r.groups as { label: string; employedFteMilli: number; usedFteMilli: number; gapFteMilli: number; agreements: { name: string; afterCents: number; model: string }[] }[]) {
        const code = g.label === 'Heemstede' ? 'GM0397' : 'GM0377';
        const own = employed.find((x) => x.code === code)?.fte ?? 0;
        const used = Math.round((totalFte * (served.find((x) => x.code === code)?.minutes ?? 0)) / totalMinutes);
        assert.deepEqual([g.employedFteMilli, g.usedFteMilli, g.gapFteMilli], [own, used, used - own], g.label);
        // Licence after the split, from the stored pricing and the register's inhabitants/users.
        const apps = await rowsOf<{ name: string; pricing: { model: string; unitCents?: number; yearlyCents?: number; tiers?: { fromUnits: number; unitCents: number }[] }; users: number }>(database.db, sql`
          select a.name, a.pricing, u.users from application a join application_use u on u.application_id = a.id join municipality m on m.id = u.municipality_id
          where a.team_id = ${po} and m.cbs_code = ${code} and u.valid_from <= ${DAY} and (u.valid_to is null or u.valid_to > ${DAY})
            and exists (select 1 from application_use o join municipality om on om.id = o.municipality_id where o.application_id = a.id and om.cbs_code <> ${code} and o.valid_from <= ${DAY} and (o.valid_to is null or o.valid_to > ${DAY}))`);
        assert.ok(apps.length > 0);
        for (const a of apps) {
          const inhabitants = code === 'GM0397' ? inh.h : inh.b;
          const p = a.pricing;
          const expected = p.model === 'vast' ? p.yearlyCents! : p.model === 'per-inwoner' ? Math.round(inhabitants * p.unitCents!) : p.model === 'per-gebruiker' ? Math.round(a.users * p.unitCents!)
            : Math.round(inhabitants * [...p.tiers!].sort((x, y) => x.fromUnits - y.fromUnits).filter((x) => x.fromUnits <= inhabitants).pop()!.unitCents);
          assert.equal(g.agreements.find((x) => x.name === a.name)!.afterCents, expected, `${g.label} ${a.name}`);
        }
      }
      assert.ok(r.assumptions.length === 10 && r.assumptions.every((a: { label: string; shown: string }) => a.label && a.shown));

      const etag = created.headers.get('etag')!;
      assert.equal(etag, '"v1"');
      const edited = await as('controller.heemstede', 'PATCH', `/scenarios/${created.body.scenario.id}`, { parameters: { legalAdviceCents: 4_000_000 } }, { 'if-match': etag });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      assert.equal(edited.body.versions.length, 2);
      assert.equal(edited.body.result.totals.oneOffCents - r.totals.oneOffCents, 2 * (4_000_000 - 2_500_000), 'only the legal advice changed, for two municipalities');
      assert.equal(edited.body.result.totals.recurringCents, r.totals.recurringCents);
      assert.equal((await as('directie', 'PATCH', `/scenarios/${created.body.scenario.id}`, { note: 'x' }, { 'if-match': etag })).status, 412);
      const v1 = await as('raadslid.heemstede', 'GET', `/scenarios/${created.body.scenario.id}?versie=1`);
      assert.equal(v1.body.result.parameters.legalAdviceCents, 2_500_000, 'the old version is kept');
      const compared = await as('raadslid.heemstede', 'GET', `/scenarios/vergelijking?a=${created.body.scenario.id}&versieA=1&b=${created.body.scenario.id}&versieB=2`);
      assert.equal(compared.status, 200);
      assert.deepEqual([compared.body.left.version.versionNo, compared.body.right.version.versionNo], [1, 2]);
      const csv = await app.request(`/api/v1/scenarios/${created.body.scenario.id}/export.csv?versie=2`, { headers: { authorization: `Bearer ${t['raadslid.heemstede']}` } });
      const text = await csv.text();
      assert.match(text, /Aanname;;Juridisch advies en begeleiding per gemeente;40000,00;euro/);
      assert.match(text, /Fte;Heemstede;Fte in dienst;/);
    });

    test('the risk summary per team: six teams, exports as CSV and XLSX', async () => {
      const res = await as('raadslid.heemstede', 'GET', `${HB}/kwetsbaarheid`);
      assert.equal(res.status, 200);
      assert.equal(res.body.rows.length, 6);
      assert.ok(res.body.rows.every((r: { oneOffCents: number; hoursAvailable: boolean }) => r.oneOffCents > 0 && r.hoursAvailable));
      const csv = await app.request(`/api/v1${HB}/kwetsbaarheid.csv`, { headers: { authorization: `Bearer ${t['raadslid.heemstede']}` } });
      const text = await csv.text();
      assert.match(text, /^\uFEFF?Team;Eenmalige kosten \(euro\);Structurele meerkosten per jaar \(euro\)/);
      assert.equal(text.trim().split('\n').length, 7);
      const xlsx = await app.request(`/api/v1${HB}/kwetsbaarheid.xlsx`, { headers: { authorization: `Bearer ${t['raadslid.heemstede']}` } });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await xlsx.arrayBuffer());
      assert.equal(book.worksheets[0].rowCount, 7);
      const outsider = await as('raadslid.heemstede', 'GET', '/samenwerkingen/bel-combinatie/kwetsbaarheid');
      assert.equal(outsider.status, 403);
    });

    test('pages: council roles see aggregates without names or forms; the team manager sees names and the qualification form', async () => {
      const page = async (who: string, path: string) => { const res = await app.request(path, { headers: { authorization: `Bearer ${t[who]}` } }); return { status: res.status, html: await res.text() }; };
      for (const path of [`${HB}/kwetsbaarheid`, `${HB}/applicaties`, `${HB}/scenarios`, `${HB}/teams/p-en-o/dekking`]) {
        const r = await page('raadslid.heemstede', path);
        assert.equal(r.status, 200, path);
        assert.doesNotMatch(r.html, /Wie is gekwalificeerd|Kwalificatie vastleggen|Nieuw scenario/, path);
      }
      const m = await page('teammanager.po', `${HB}/teams/p-en-o/dekking`);
      assert.match(m.html, /Wie is gekwalificeerd/);
      assert.match(m.html, /Kwalificatie vastleggen/);
      assert.match((await page('controller.heemstede', `${HB}/scenarios`)).html, /Nieuw scenario/);
    });

    test('read functions for the team factsheet (sections D and E) give the same figures as the API', async () => {
      const po = await teamIdOf(database.db, 'p-en-o');
      // As a raadslid of Heemstede: the reports capability calls these for council roles too.
      const [row] = await rowsOf<{ id: string }>(database.db, sql`select id from municipality where cbs_code = 'GM0397'`);
      const actor: Actor = { userId: 'u', label: 'raadslid', roleContext: 'raadslid', system: false, grants: [{ role: 'raadslid', municipalityId: row.id, cooperationId: null, teamId: null, teamCooperationId: null }] };
      const ctx: Ctx = { db: database.db, actor, clock: () => TODAY, origin: 'test' };
      const e = await teamVulnerabilitySummary(ctx, po, DAY);
      const api1 = (await as('raadslid.heemstede', 'GET', `/teams/${po}/dekking?peildatum=${DAY}`)).body;
      assert.deepEqual(e.byScope.map((s) => [s.scope, s.singlePerson, s.coveragePct]), api1.scopes.map((s: { scope: string; summary: { singlePerson: number; coveragePct: number } }) => [s.scope, s.summary.singlePerson, s.summary.coveragePct]));
      const d = await teamScenarioSummary(ctx, po);
      const risk = (await as('raadslid.heemstede', 'GET', `${HB}/kwetsbaarheid`)).body.rows.find((r: { team: { id: string } }) => r.team.id === po);
      assert.deepEqual([d.fullSplit.oneOffCents, d.fullSplit.recurringCents, d.fullSplit.fteGapMilli], [risk.oneOffCents, risk.recurringCents, risk.fteGapMilli]);
      assert.ok(d.saved.length >= 1 && d.saved.every((s) => s.leavingWords.length > 0));
      assert.equal(d.fullSplit.assumptions.length, 10);
    });
  });
}
