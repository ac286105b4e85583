/**
 * Goals, KPIs and measurements through the HTTP API on every engine: the approval route
 * refuses a goal without baseline (naming the KPI), the SMART check names exactly what is
 * missing, derived measurements equal an independent SQL computation on the same ledger,
 * a raadslid reads but cannot write, optimistic concurrency, one audit row per change,
 * CSV import all-or-nothing and the exports.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { ENGINES } from './support/engines.ts';
import { demoDatabase, auditCount, teamIdOf } from './support/demo.ts';
import { api, signIn, type App } from './support/http.ts';
import { createApp } from '../src/platform/http/app.tsx';
import { rowsOf } from '../src/platform/db/raw.ts';
import type { Database } from '../src/platform/db/open.ts';

const HB = '/samenwerkingen/heemstede-bloemendaal';
const TODAY = new Date('2026-03-15T12:00:00Z');
/** "62.00" (PostgreSQL round) and "62" (our canonical form) are the same decimal. */
const norm = (s: string) => s.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
const QUARTER_END: Record<string, string> = { 1: '03-31', 2: '06-30', 3: '09-30', 4: '12-31' };

for (const engine of ENGINES) {
  describe(`goals API [${engine}]`, () => {
    let database: Database;
    let app: App;
    const t: Record<string, string> = {};
    const as = (who: string, method: string, path: string, body?: unknown, headers?: Record<string, string>) => api(app, t[who], method, path, body, headers);
    const lastAudit = async () => (await rowsOf<{ action: string; result: string }>(database.db, sql`select action, result from audit_event order by seq desc limit 1`))[0];

    before(async () => {
      database = await demoDatabase(engine);
      app = createApp({ db: database.db, bulk: database.bulk, demo: true, clock: () => TODAY });
      for (const who of ['directie', 'controller.heemstede', 'raadslid.heemstede', 'teammanager.po', 'beheerder']) t[who] = await signIn(app, `${who}@vlecht.demo`);
    });
    after(() => database.close());

    async function newGoal(body: Record<string, unknown> = {}) {
      const res = await as('controller.heemstede', 'POST', `${HB}/doelen`, { title: 'Snellere salarisbetaling', criterion: 'kwaliteit-dienstverlening', ownerName: 'Teammanager P&O', ...body });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res;
    }

    test('a goal without baseline cannot be proposed: the Dutch message names the KPI; with a baseline it can', async () => {
      const goal = await newGoal();
      const kpi = await as('controller.heemstede', 'POST', `/doelen/${goal.body.id}/indicatoren`, { name: 'Doorlooptijd correcties salaris', unit: 'dagen', direction: 'lager-is-beter' });
      assert.equal(kpi.status, 201, JSON.stringify(kpi.body));
      const proposal = { to: 'voorgelegd-aan-college', decidedOn: '10-03-2026', decisionReference: 'Collegebesluit 10-03-2026' };
      const refused = await as('directie', 'POST', `/doelen/${goal.body.id}/status`, proposal, { 'if-match': goal.headers.get('etag')! });
      assert.equal(refused.status, 400);
      assert.match(refused.body.detail, /indicator ‘Doorlooptijd correcties salaris’ heeft nog geen nulmeting/);
      assert.equal((await as('directie', 'GET', `/doelen/${goal.body.id}`)).body.status, 'concept');

      const patched = await as('controller.heemstede', 'PATCH', `/indicatoren/${kpi.body.id}`, { baselineValue: '12.5', baselineDate: '31-12-2025', baselineSource: 'Salarisadministratie 2025' }, { 'if-match': kpi.headers.get('etag')! });
      assert.equal(patched.status, 200, JSON.stringify(patched.body));
      assert.deepEqual(patched.body.baseline, { value: '12.5', date: '2025-12-31', source: 'Salarisadministratie 2025', reason: '' });
      const byController = await as('controller.heemstede', 'POST', `/doelen/${goal.body.id}/status`, proposal, { 'if-match': goal.headers.get('etag')! });
      assert.equal(byController.status, 403, 'only directie or beheerder records a decision');
      const accepted = await as('directie', 'POST', `/doelen/${goal.body.id}/status`, proposal, { 'if-match': goal.headers.get('etag')! });
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      assert.equal(accepted.body.status, 'voorgelegd-aan-college');
      assert.deepEqual(accepted.body.statusHistory.map((h: { decidedOn: string; decisionReference: string }) => [h.decidedOn, h.decisionReference]), [['2026-03-10', 'Collegebesluit 10-03-2026']]);
      const skip = await as('directie', 'POST', `/doelen/${goal.body.id}/status`, { ...proposal, to: 'vastgesteld' }, { 'if-match': accepted.headers.get('etag')! });
      assert.equal(skip.status, 400);
      assert.match(skip.body.detail, /kan een doel alleen naar ‘Aangeboden aan de raad \(B-stuk\)’ of ‘Concept’/);
    });

    test('the SMART check lists exactly what is missing, and nothing once it is complete', async () => {
      const goal = await newGoal({ title: 'Minder inhuur bij Communicatie', criterion: 'efficiency-kosten', ownerName: '' });
      const kpi = await as('controller.heemstede', 'POST', `/doelen/${goal.body.id}/indicatoren`, {
        name: 'Inhuurkosten Communicatie', unit: 'euro', direction: 'lager-is-beter', baselineValue: 52000, baselineDate: '2024-12-31', baselineSource: 'Jaarrekening 2024', deadline: '2027-12-31',
      });
      assert.equal((await as('controller.heemstede', 'POST', `/indicatoren/${kpi.body.id}/metingen`, { measuredOn: '2025-06-30', value: '48000', source: 'Halfjaarrapportage 2025' })).status, 201);
      let view = (await as('raadslid.heemstede', 'GET', `/doelen/${goal.body.id}`)).body;
      assert.deepEqual(view.smart.gaps.map((g: { message: string }) => g.message), [
        'geen streefwaarde voor indicator ‘Inhuurkosten Communicatie’',
        'geen eigenaar',
        'niet vastgesteld door de raad',
        'geen meting in de laatste 6 maanden voor indicator ‘Inhuurkosten Communicatie’',
      ]);
      assert.equal(view.smart.smart, false);

      assert.equal((await as('controller.heemstede', 'POST', `/indicatoren/${kpi.body.id}/streefwaarden`, { targetDate: '2027-12-31', value: 40000, source: 'Begroting 2026' })).status, 201);
      assert.equal((await as('controller.heemstede', 'POST', `/indicatoren/${kpi.body.id}/metingen`, { measuredOn: '28-02-2026', value: '45000.50', source: 'Maandrapportage februari 2026' })).status, 201);
      const owned = await as('controller.heemstede', 'PATCH', `/doelen/${goal.body.id}`, { ownerName: 'Teammanager Communicatie' }, { 'if-match': goal.headers.get('etag')! });
      let etag = owned.headers.get('etag')!;
      for (const [to, decidedOn] of [['voorgelegd-aan-college', '2026-03-02'], ['aangeboden-aan-raad', '2026-03-05'], ['vastgesteld', '2026-03-12']]) {
        const step = await as('directie', 'POST', `/doelen/${goal.body.id}/status`, { to, decidedOn, decisionReference: `Besluit ${decidedOn}` }, { 'if-match': etag });
        assert.equal(step.status, 200, JSON.stringify(step.body));
        etag = step.headers.get('etag')!;
      }
      view = (await as('raadslid.heemstede', 'GET', `/doelen/${goal.body.id}`)).body;
      assert.deepEqual(view.smart, { smart: true, gaps: [] });
      assert.equal(view.kpis[0].light, 'oranje');
      assert.match(view.kpis[0].lightWords, /^Onderweg: de laatste meting \(€ 45\.000,5 op 28-02-2026\) is beter dan de nulmeting \(€ 52\.000\)/);
      const dashboard = (await as('raadslid.heemstede', 'GET', `${HB}/doelen`)).body;
      assert.ok(dashboard.summary.smartGoals >= 1);
      assert.match(dashboard.summary.sentence, /^\d+ van de \d+ doelen (is|zijn) volledig SMART\.$/);
    });

    test('BBV indicators derived per year equal an independent SQL computation on the register’s annual figures and inhabitants', async () => {
      const goals = (await as('raadslid.heemstede', 'GET', `${HB}/doelen`)).body.goals as { kpis: { id: string; derivation: string | null; measurements: { measuredOn: string; value: string; method: string }[] }[] }[];
      const bbv = goals.flatMap((g) => g.kpis).filter((k) => k.derivation?.startsWith('bbv-'));
      assert.deepEqual(bbv.map((k) => k.derivation).sort(), ['bbv-bezetting-per-1000-inwoners', 'bbv-externe-inhuur']);
      const truth = await rowsOf<{ year: number; bezetting: string; inhuur: string }>(database.db, sql`
        select f.year, round(sum(f.bezetting_fte_milli)::numeric / sum(p.inhabitants), 2)::text as bezetting,
          round(100.0 * sum(f.inhuur_cents) / (sum(f.loonsom_cents) + sum(f.inhuur_cents)), 2)::text as inhuur
        from municipality_annual_figures f join municipality m on m.id = f.municipality_id
        join municipality_population p on p.municipality_id = f.municipality_id and p.year = f.year
        where m.cbs_code in ('GM0397', 'GM0377') group by f.year having count(*) = 2 order by f.year`);
      assert.equal(truth.length, 3, '2021–2023: both municipalities have figures and inhabitants');
      for (const k of bbv) {
        const column = k.derivation === 'bbv-externe-inhuur' ? 'inhuur' : 'bezetting';
        assert.deepEqual(k.measurements.map((m) => [m.measuredOn, m.value]), truth.map((r) => [`${r.year}-12-31`, norm(r[column])]), k.derivation!);
        assert.ok(k.measurements.every((m) => /Heemstede .* Bloemendaal/.test(m.method) && /Synthetisch demogegeven/.test(m.method)), 'the method names each municipality’s figures and their source');
      }

      // A corrected figure changes exactly the indicator that uses it, on the next derivation.
      const figures = await as('controller.heemstede', 'GET', '/gemeenten/GM0397/jaarcijfers');
      const y2023 = figures.body.find((f: { year: number }) => f.year === 2023);
      assert.equal((await as('raadslid.heemstede', 'PUT', '/gemeenten/GM0397/jaarcijfers/2023', { ...y2023, source: 'x' })).status, 403);
      assert.equal((await as('controller.heemstede', 'PUT', '/gemeenten/GM0397/jaarcijfers/2023', { source: 'x' })).status, 428);
      const bad = await as('controller.heemstede', 'PUT', '/gemeenten/GM0397/jaarcijfers/2023', { inhuur: 'veel', source: 'x' }, { 'if-match': `"v${y2023.version}"` });
      assert.equal(bad.status, 400);
      assert.match(bad.body.detail, /Externe inhuur/);
      const fixed = await as('controller.heemstede', 'PUT', '/gemeenten/GM0397/jaarcijfers/2023', {
        formatieFte: '209', bezettingFte: '202,3', loonsom: '17.200.000', inhuur: '2.800.000', apparaatskosten: '23.400.000', overhead: '9.500.000', totaleLasten: '99.800.000', source: y2023.source,
      }, { 'if-match': `"v${y2023.version}"` });
      assert.equal(fixed.status, 200, JSON.stringify(fixed.body));
      assert.equal(fixed.body.inhuurCents, 280_000_000);
      assert.equal((await as('controller.heemstede', 'PUT', '/gemeenten/GM0397/jaarcijfers/2023', { source: 'y' }, { 'if-match': `"v${y2023.version}"` })).status, 412);
      for (const k of bbv) {
        const r = await as('controller.heemstede', 'POST', `/indicatoren/${k.id}/afleiden`, {});
        assert.equal(r.status, 200, JSON.stringify(r.body));
        assert.deepEqual([r.body.changed, r.body.unchanged], k.derivation === 'bbv-externe-inhuur' ? [1, 2] : [0, 3], k.derivation!);
      }
    });

    test('eenpitters per quarter, derived for a team goal, equal an independent count of the qualifications', async () => {
      const goal = await newGoal({ title: 'Minder eenpitters bij P&O', criterion: 'kwetsbaarheid', teamId: await teamIdOf(database.db, 'p-en-o') });
      assert.equal(goal.status, 201, JSON.stringify(goal.body));
      const kpi = await as('controller.heemstede', 'POST', `/doelen/${goal.body.id}/indicatoren`, { name: 'Eenpitters P&O', direction: 'lager-is-beter', derivation: 'eenpitters-per-kwartaal' });
      assert.equal(kpi.status, 201, JSON.stringify(kpi.body));
      const first = await as('controller.heemstede', 'POST', `/indicatoren/${kpi.body.id}/afleiden`, {});
      assert.equal(first.status, 200, JSON.stringify(first.body));
      assert.ok(first.body.added >= 2, `several quarter ends (${first.body.added})`);
      for (const m of first.body.measurements as { measuredOn: string; value: string; method: string }[]) {
        // Functions of P&O with exactly one distinct qualified person on that day, counted in SQL.
        const [row] = await rowsOf<{ n: number }>(database.db, sql`select count(*)::int as n from (
          select f.id from job_function f join team t on t.id = f.team_id
            left join qualification q on q.function_id = f.id and q.valid_from <= ${m.measuredOn} and (q.valid_to is null or q.valid_to > ${m.measuredOn})
          where t.slug = 'p-en-o' group by f.id having count(distinct q.employee_id) = 1) x`);
        assert.equal(m.value, String(row.n), m.measuredOn);
        assert.match(m.method, /Afgeleid uit de kwalificaties op \d\d-\d\d-\d{4}, team P&O/);
      }
      const again = await as('controller.heemstede', 'POST', `/indicatoren/${kpi.body.id}/afleiden`, {});
      assert.deepEqual([again.body.added, again.body.changed], [0, 0], 'running it again changes nothing');
    });

    test('cost per FTE per quarter equals cost ÷ hours with a rate × 1.872 from the ledger API of that quarter', async () => {
      const goal = await newGoal({ title: 'Kosten per fte P&O', criterion: 'efficiency-kosten', teamId: await teamIdOf(database.db, 'p-en-o') });
      const kpi = await as('controller.heemstede', 'POST', `/doelen/${goal.body.id}/indicatoren`, { name: 'Kosten per fte P&O', direction: 'lager-is-beter', derivation: 'kosten-per-fte-per-kwartaal' });
      assert.equal(kpi.status, 201, JSON.stringify(kpi.body));
      const derived = await as('controller.heemstede', 'POST', `/indicatoren/${kpi.body.id}/afleiden`, {});
      assert.equal(derived.status, 200, JSON.stringify(derived.body));
      assert.equal(derived.body.added, 6, 'July 2024 – December 2025: six quarters');
      for (const m of derived.body.measurements as { measuredOn: string; value: string }[]) {
        const from = `01-${m.measuredOn.slice(5, 7) === '03' ? '01' : m.measuredOn.slice(5, 7) === '06' ? '04' : m.measuredOn.slice(5, 7) === '09' ? '07' : '10'}-${m.measuredOn.slice(0, 4)}`;
        const to = `${m.measuredOn.slice(8, 10)}-${m.measuredOn.slice(5, 7)}-${m.measuredOn.slice(0, 4)}`;
        const v = (await as('raadslid.heemstede', 'GET', `${HB}/uren?van=${from}&tot=${to}&team=p-en-o`)).body;
        const withRate = v.total.minutes - v.minutesWithoutRate;
        const expected = (v.total.costCents / 100) / (withRate / 60) * 1872;
        assert.ok(Math.abs(Number(m.value) - expected) < 0.006, `${m.measuredOn}: ${m.value} vs ${expected}`);
      }
    });

    test('derived measurements equal an independent SQL computation on the same ledger', async () => {
      const goals = (await as('raadslid.heemstede', 'GET', `${HB}/doelen`)).body.goals as { kpis: { id: string; name: string; derivation: string | null; measurements: { measuredOn: string; value: string; method: string; derived: boolean }[] }[] }[];
      const derived = goals.flatMap((g) => g.kpis).filter((k) => k.derivation && !k.derivation.startsWith('bbv-') && !['eenpitters-per-kwartaal', 'kosten-per-fte-per-kwartaal'].includes(k.derivation));
      assert.deepEqual(derived.map((k) => k.derivation).sort(), ['aandeel-uren-andere-gemeente', 'samenwerkingsuren-per-kwartaal', 'vervangingsuren-per-kwartaal']);
      const truth = async (team: string | null) => rowsOf<{ q: string; share: string; subst: string; overhead: string }>(database.db, sql`
        select to_char(h.work_date, 'YYYY') || '-' || to_char(h.work_date, 'Q') as q,
          round(100.0 * sum(case when h.employer_municipality_id <> h.served_municipality_id then h.minutes else 0 end) / sum(h.minutes), 2)::text as share,
          round(sum(case when h.activity = 'vervanging' then h.minutes else 0 end) / 60.0, 2)::text as subst,
          round(sum(case when h.activity = 'samenwerking' then h.minutes else 0 end) / 60.0, 2)::text as overhead
        from hours_entry h join team t on t.id = h.team_id join cooperation c on c.id = h.cooperation_id
        where c.slug = 'heemstede-bloemendaal' ${team ? sql`and t.slug = ${team}` : sql``}
        group by 1 order by 1`);
      const column = { 'aandeel-uren-andere-gemeente': 'share', 'vervangingsuren-per-kwartaal': 'subst', 'samenwerkingsuren-per-kwartaal': 'overhead' } as const;
      for (const k of derived) {
        const rows = await truth(/P&O/.test(k.name) ? 'p-en-o' : null);
        const expected = rows.map((r) => [`${r.q.slice(0, 4)}-${QUARTER_END[r.q.slice(5)]}`, norm(r[column[k.derivation as keyof typeof column]])]);
        assert.equal(expected.length, 6, 'July 2024 – December 2025: six quarters');
        assert.deepEqual(k.measurements.map((m) => [m.measuredOn, m.value]), expected, k.name);
        assert.ok(k.measurements.every((m) => m.derived && /^Afgeleid uit de urenregistratie van 20\d\d-K\d/.test(m.method)), k.name);
      }

      // A new cooperation-wide KPI, derived on demand; running it again changes nothing.
      const goal = await newGoal({ title: 'Meer onderlinge inzet', criterion: 'kwetsbaarheid' });
      const kpi = await as('controller.heemstede', 'POST', `/doelen/${goal.body.id}/indicatoren`, { name: 'Aandeel uren voor de andere gemeente (alle teams)', direction: 'hoger-is-beter', derivation: 'aandeel-uren-andere-gemeente' });
      assert.equal(kpi.body.unit, '%');
      const first = await as('controller.heemstede', 'POST', `/indicatoren/${kpi.body.id}/afleiden`, {});
      assert.equal(first.status, 200, JSON.stringify(first.body));
      assert.deepEqual([first.body.quarters, first.body.added, first.body.changed], [6, 6, 0]);
      const all = await truth(null);
      assert.deepEqual(first.body.measurements.map((m: { value: string }) => m.value), all.map((r) => norm(r.share)));
      const again = await as('controller.heemstede', 'POST', `/indicatoren/${kpi.body.id}/afleiden`, {});
      assert.deepEqual([again.body.added, again.body.changed, again.body.unchanged], [0, 0, 6]);
      const manual = await as('controller.heemstede', 'POST', `/indicatoren/${kpi.body.id}/metingen`, { measuredOn: '2026-01-31', value: 50, source: 'hand' });
      assert.equal(manual.status, 400, 'a derived KPI takes no hand-made measurements');
    });

    test('a raadslid reads goals but cannot change them (403, refusal audited)', async () => {
      const dashboard = await as('raadslid.heemstede', 'GET', `${HB}/doelen`);
      assert.equal(dashboard.status, 200);
      const goal = dashboard.body.goals.find((g: { title: string }) => g.title === 'Salarisadministratie niet meer kwetsbaar');
      assert.equal(goal.status, 'vastgesteld');
      assert.equal(goal.recommendation.number, '1');
      assert.equal((await as('raadslid.heemstede', 'GET', `/doelen/${goal.id}`)).status, 200);
      assert.equal((await as('raadslid.heemstede', 'POST', `${HB}/doelen`, { title: 'Niet toegestaan', criterion: 'inwoners' })).status, 403);
      assert.equal((await lastAudit()).result, 'geweigerd');
      assert.equal((await as('raadslid.heemstede', 'POST', `/indicatoren/${goal.kpis[0].id}/afleiden`, {})).status, 403);
      assert.equal((await as('raadslid.heemstede', 'POST', `/doelen/${goal.id}/indicatoren`, { name: 'X', unit: '%', direction: 'hoger-is-beter' })).status, 403);
      assert.equal((await as('raadslid.heemstede', 'DELETE', `/metingen/${goal.kpis[0].measurements[0].id}`)).status, 403);
      assert.doesNotMatch(JSON.stringify(dashboard.body), /S10\d\d|hourlyRate|personnelNumber/);
    });

    test('a team manager manages goals of the own team only', async () => {
      const team = (await as('beheerder', 'GET', HB)).body.teams.find((x: { slug: string }) => x.slug === 'p-en-o');
      const own = await as('teammanager.po', 'POST', `${HB}/doelen`, { title: 'P&O-adviseurs werken voor beide', criterion: 'kwetsbaarheid', teamId: team.id });
      assert.equal(own.status, 201);
      assert.equal((await as('teammanager.po', 'POST', `${HB}/doelen`, { title: 'Hele samenwerking', criterion: 'kwetsbaarheid' })).status, 403);
    });

    test('If-Match: 428 without it, 412 with a stale version, 200 with the current one', async () => {
      const goal = await newGoal({ title: 'Versiecontrole' });
      assert.equal((await as('controller.heemstede', 'PATCH', `/doelen/${goal.body.id}`, { title: 'Zonder versie' })).status, 428);
      const ok = await as('controller.heemstede', 'PATCH', `/doelen/${goal.body.id}`, { title: 'Versie 2' }, { 'if-match': goal.headers.get('etag')! });
      assert.equal(ok.status, 200);
      assert.equal(ok.headers.get('etag'), '"v2"');
      const stale = await as('controller.heemstede', 'PATCH', `/doelen/${goal.body.id}`, { title: 'Oud' }, { 'if-match': goal.headers.get('etag')! });
      assert.equal(stale.status, 412);
      assert.match(stale.body.detail, /versie 2, u had versie 1/);
      assert.equal((await as('directie', 'POST', `/doelen/${goal.body.id}/status`, { to: 'voorgelegd-aan-college', decidedOn: '2026-03-01', decisionReference: 'x' })).status, 428);
    });

    test('every change writes exactly one audit row', async () => {
      const step = async (action: string, run: () => Promise<{ status: number }>) => {
        const before = await auditCount(database.db);
        const res = await run();
        assert.ok(res.status < 300, `${action}: ${res.status} ${JSON.stringify(res)}`);
        assert.equal(await auditCount(database.db), before + 1, action);
        if (action !== '-') assert.equal((await lastAudit()).action, action);
        return res as Awaited<ReturnType<typeof as>>;
      };
      const goal = await step('doel.aanmaken', () => as('controller.heemstede', 'POST', `${HB}/doelen`, { title: 'Audit', criterion: 'inwoners' }));
      const kpi = await step('indicator.aanmaken', () => as('controller.heemstede', 'POST', `/doelen/${goal.body.id}/indicatoren`, { name: 'Klanttevredenheid', unit: 'cijfer', direction: 'hoger-is-beter' }));
      await step('indicator.wijzigen', () => as('controller.heemstede', 'PATCH', `/indicatoren/${kpi.body.id}`, { deadline: '2027-12-31', baselineValue: 6.8, baselineDate: '2025-06-30', baselineSource: 'Peiling 2025' }, { 'if-match': kpi.headers.get('etag')! }));
      await step('streefwaarde.vastleggen', () => as('controller.heemstede', 'POST', `/indicatoren/${kpi.body.id}/streefwaarden`, { targetDate: '2027-12-31', value: '7.5' }));
      const m = await step('meting.vastleggen', () => as('controller.heemstede', 'POST', `/indicatoren/${kpi.body.id}/metingen`, { measuredOn: '2026-01-31', value: '7.1', source: 'Peiling' }));
      await step('meting.importeren', () => as('controller.heemstede', 'POST', `/indicatoren/${kpi.body.id}/metingen/import?bron=Peiling`, 'datum;waarde\n31-12-2025;7\n30-11-2025;6,9\n', { 'content-type': 'text/csv' }));
      await step('meting.verwijderen', () => as('controller.heemstede', 'DELETE', `/metingen/${m.body.id}`));
      const changed = await step('doel.wijzigen', () => as('controller.heemstede', 'PATCH', `/doelen/${goal.body.id}`, { ownerName: 'Directie' }, { 'if-match': goal.headers.get('etag')! }));
      await step('doel.status', () => as('directie', 'POST', `/doelen/${goal.body.id}/status`, { to: 'voorgelegd-aan-college', decidedOn: '2026-03-14', decisionReference: 'Collegebesluit 14-03-2026' }, { 'if-match': changed.headers.get('etag')! }));
      const derived = await step('indicator.aanmaken', () => as('controller.heemstede', 'POST', `/doelen/${goal.body.id}/indicatoren`, {
        name: 'Samenwerkingsuren', direction: 'lager-is-beter', derivation: 'samenwerkingsuren-per-kwartaal', baselineValue: 500, baselineDate: '2024-09-30', baselineSource: 'Urenregistratie', baselineReason: 'afgerond op de begroting (issue 16: een afwijkende nulmeting vraagt een reden)',
      }));
      await step('meting.afleiden', () => as('controller.heemstede', 'POST', `/indicatoren/${derived.body.id}/afleiden`, {}));
      await step('aanbeveling.aanmaken', () => as('controller.heemstede', 'POST', `${HB}/aanbevelingen`, { source: 'Rekenkamer 2026', number: '1', text: 'Meet de tevredenheid jaarlijks.' }));
    });

    test('CSV import is all or nothing and names every bad row', async () => {
      const goal = await newGoal({ title: 'Importtest' });
      const kpi = await as('controller.heemstede', 'POST', `/doelen/${goal.body.id}/indicatoren`, { name: 'Ziekteverzuim', unit: '%', direction: 'lager-is-beter' });
      const post = (body: string) => as('controller.heemstede', 'POST', `/indicatoren/${kpi.body.id}/metingen/import`, body, { 'content-type': 'text/csv' });
      const bad = await post('datum;waarde;bron\n31-01-2026;4,2;HR\n31-02-2026;4,1;HR\n28-02-2026;veel;HR\n31-03-2026;4;HR\n');
      assert.equal(bad.status, 400);
      assert.match(bad.body.detail, /de datum ligt in de toekomst/);
      assert.deepEqual(bad.body.invalidParams.map((p: { row: number; name: string }) => [p.row, p.name]), [[3, 'datum'], [4, 'waarde'], [5, 'datum']]);
      assert.equal((await as('controller.heemstede', 'GET', `/indicatoren/${kpi.body.id}`)).body.measurements.length, 0, 'nothing written');
      const good = await post('datum;waarde;bron\n31-01-2026;4,2;HR-systeem\n28-02-2026;3,95;HR-systeem\n');
      assert.equal(good.status, 201);
      assert.deepEqual(good.body.measurements.map((m: { value: string }) => m.value), ['4.2', '3.95']);
      const twice = await post('datum;waarde;bron\n31-01-2026;4,2;HR-systeem\n');
      assert.equal(twice.status, 400);
      assert.match(twice.body.detail, /al een meting vastgelegd/);
    });

    test('XLSX import of measurements: same rules and row messages as CSV', async () => {
      const goal = await newGoal({ title: 'Importtest XLSX' });
      const kpi = await as('controller.heemstede', 'POST', `/doelen/${goal.body.id}/indicatoren`, { name: 'Verzuim XLSX', unit: '%', direction: 'lager-is-beter' });
      const xlsx = async (rows: unknown[][]) => {
        const book = new ExcelJS.Workbook();
        const sheet = book.addWorksheet('Metingen');
        sheet.addRow(['datum', 'waarde', 'bron']);
        for (const r of rows) sheet.addRow(r);
        return Buffer.from(await book.xlsx.writeBuffer());
      };
      const post = async (body: Buffer) => {
        const res = await app.request(`/api/v1/indicatoren/${kpi.body.id}/metingen/import`, { method: 'POST', body: new Uint8Array(body), headers: { authorization: `Bearer ${t['controller.heemstede']}`, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
        return { status: res.status, body: await res.json() as any };
      };
      const bad = await post(await xlsx([[new Date(Date.UTC(2026, 0, 31)), 4.2, 'HR'], ['31-02-2026', 4.1, 'HR'], [new Date(Date.UTC(2026, 1, 28)), 'veel', 'HR']]));
      assert.equal(bad.status, 400, JSON.stringify(bad.body));
      assert.deepEqual(bad.body.invalidParams.map((p: { row: number; name: string }) => [p.row, p.name]), [[3, 'datum'], [4, 'waarde']]);
      assert.equal((await as('controller.heemstede', 'GET', `/indicatoren/${kpi.body.id}`)).body.measurements.length, 0, 'nothing written');
      const good = await post(await xlsx([[new Date(Date.UTC(2026, 0, 31)), 4.2, 'HR-systeem'], ['28-02-2026', '3,95', 'HR-systeem']]));
      assert.equal(good.status, 201, JSON.stringify(good.body));
      assert.deepEqual(good.body.measurements.map((m: { value: string }) => m.value), ['4.2', '3.95']);
      const broken = await post(Buffer.from('geen excel'));
      assert.equal(broken.status, 400);
      assert.match(JSON.stringify(broken.body), /geen leesbaar Excel-bestand/);
    });

    test('exports: the dashboard as CSV (Dutch decimals, sources, what is missing) and XLSX; measurements per goal', async () => {
      const res = await app.request(`/api/v1${HB}/doelen.csv`, { headers: { authorization: `Bearer ${t['raadslid.heemstede']}` } });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="doelen-heemstede-bloemendaal-2026-03-15.csv"/);
      const text = (await res.text()).replace(/^\uFEFF/, '');
      assert.ok(text.startsWith('doel;toetsingscriterium;team;status;eigenaar;indicator;eenheid;richting;nulmeting;datum nulmeting;bron nulmeting;realisatie;'));
      const hr21 = text.split('\n').find((l) => l.includes('Consultancykosten invoering HR21'))!;
      assert.match(hr21, /;euro;lager is beter;40000;01-01-2017;.*;30000;31-12-2017;/);
      assert.match(hr21, /geen streefwaarde voor indicator ‘Consultancykosten invoering HR21 \(beide gemeenten samen\)’/);
      assert.match(text, /Aandeel uren P&O voor de andere gemeente;%;hoger is beter;\d+,\d+;30-09-2024;/);
      const xlsx = await app.request(`/api/v1${HB}/doelen.xlsx`, { headers: { authorization: `Bearer ${t['raadslid.heemstede']}` } });
      assert.equal(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString(), 'PK');
      const goal = (await as('raadslid.heemstede', 'GET', `${HB}/doelen`)).body.goals.find((g: { title: string }) => g.title === 'Salarisadministratie niet meer kwetsbaar');
      const m = await app.request(`/api/v1/doelen/${goal.id}/metingen.csv`, { headers: { authorization: `Bearer ${t['raadslid.heemstede']}` } });
      const lines = (await m.text()).trim().split('\n');
      assert.equal(lines.length, 1 + 12, 'two derived KPIs × six quarters');
      assert.match(lines[1], /^Salarisadministratie niet meer kwetsbaar;Vervangingsuren P&O per kwartaal;uur;30-09-2024;[\d,]+;.*;ja;"?Afgeleid uit de urenregistratie van 2024-K3/);
    });
  });
}
