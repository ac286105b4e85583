/**
 * Issue 16 item 6 on every engine, each figure against a count straight on the tables:
 * the coverage summary's "waarvan kritiek" stands beside the eenpitters it belongs to
 * (critical single-person functions per municipality), and a team without hours in the
 * ledger shows "geen uren" instead of a deviation of −50 procentpunt; a derived KPI's
 * baseline is filled from its own series and a different one needs a reason (stored,
 * shown, audited), and its page names the true source of the derivation.
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
const DAY = '2026-03-15';
const cellsOf = (row: string) => [...row.matchAll(/<td class="vlecht-num">([^<]*)</g)].map((m) => m[1]);

for (const engine of ENGINES) {
  describe(`KPI and coverage figures [${engine}]`, () => {
    let database: Database;
    let app: App;
    let token = '';
    const page = async (path: string) => (await app.request(path, { headers: { authorization: `Bearer ${token}` } })).text();

    before(async () => {
      database = await demoDatabase(engine);
      app = createApp({ db: database.db, bulk: database.bulk, demo: true, clock: () => TODAY });
      token = await signIn(app, 'controller.heemstede@vlecht.demo');
    });
    after(() => database.close());

    test('coverage summary: eenpitters and "waarvan kritiek" per municipality equal a count on the qualifications', async () => {
      const counts = await rowsOf<{ slug: string; municipality_id: string; single: number; critical_single: number }>(database.db, sql`
        select t.slug, m.id as municipality_id,
          count(*) filter (where q.n = 1)::int as single,
          count(*) filter (where q.n = 1 and f.critical)::int as critical_single
        from job_function f join team t on t.id = f.team_id
        join cooperation c on c.id = t.cooperation_id and c.slug = 'heemstede-bloemendaal'
        join cooperation_member cm on cm.cooperation_id = c.id
        join municipality m on m.id = cm.municipality_id
        cross join lateral (select count(distinct q.employee_id) as n from qualification q join employee e on e.id = q.employee_id
          where q.function_id = f.id and e.employer_municipality_id = m.id and q.valid_from <= ${DAY} and (q.valid_to is null or q.valid_to > ${DAY})) q
        group by t.slug, m.id order by t.slug`);
      assert.ok(counts.length >= 12, 'six teams × two municipalities');
      assert.ok(counts.some((c) => c.critical_single > 0), 'the demo has critical eenpitters in some municipality');
      for (const c of counts) {
        const html = await page(`${HB}/teams/${c.slug}/dekking`);
        const row = new RegExp(`<tr data-scope="${c.municipality_id}">(.*?)</tr>`).exec(html);
        assert.ok(row, `${c.slug}: summary row for ${c.municipality_id}`);
        const [single, criticalSingle] = cellsOf(row[1]);
        assert.deepEqual([Number(single), Number(criticalSingle)], [c.single, c.critical_single], c.slug);
      }
    });

    test('ledger: a team without hours shows "geen uren", never a deviation; teams with hours keep theirs', async () => {
      const created = await api(app, await signIn(app, 'beheerder@vlecht.demo'), 'POST', `${HB}/teams`, { slug: 'juridische-zaken', name: 'Juridische Zaken' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const minutes = await rowsOf<{ name: string; minutes: number }>(database.db, sql`
        select t.name, coalesce(sum(h.minutes), 0)::int as minutes from team t join cooperation c on c.id = t.cooperation_id and c.slug = 'heemstede-bloemendaal'
        left join hours_entry h on h.team_id = t.id and h.work_date between '2025-01-01' and '2025-12-31' group by t.name`);
      const html = await page(`${HB}/uren?van=01-01-2025&tot=31-12-2025`);
      const esc = (s: string) => s.replace(/[&]/g, '&amp;').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      assert.ok(minutes.some((m) => m.minutes === 0) && minutes.some((m) => m.minutes > 0));
      for (const m of minutes) {
        const row = new RegExp(`<th scope="row">${esc(m.name)}</th>(.*?)</tr>`).exec(html);
        assert.ok(row, m.name);
        if (m.minutes === 0) {
          assert.match(row[1], /geen uren/, m.name);
          assert.doesNotMatch(row[1], /procentpunt/, m.name);
        } else {
          assert.doesNotMatch(row[1], /geen uren/, m.name);
          assert.match(row[1], /procentpunt/, m.name);
        }
      }
    });

    test('derived KPI: baseline filled from its own series (= a count on the qualifications); a different one needs a reason, shown and audited', async () => {
      const [team] = await rowsOf<{ id: string }>(database.db, sql`select t.id from team t join cooperation c on c.id = t.cooperation_id where c.slug = 'heemstede-bloemendaal' and t.slug = 'communicatie'`);
      const [expected] = await rowsOf<{ n: number }>(database.db, sql`
        select count(*)::int as n from job_function f
        cross join lateral (select count(distinct q.employee_id) as k from qualification q join employee e on e.id = q.employee_id
          join cooperation_member cm on cm.municipality_id = e.employer_municipality_id
          join cooperation c on c.id = cm.cooperation_id and c.slug = 'heemstede-bloemendaal'
          where q.function_id = f.id and q.valid_from <= '2025-12-31' and (q.valid_to is null or q.valid_to > '2025-12-31')) q
        where f.team_id = ${team.id} and q.k = 1`);
      const goal = await api(app, token, 'POST', `${HB}/doelen`, { title: 'Minder eenpitters bij Communicatie', criterion: 'kwetsbaarheid', teamId: team.id, ownerName: 'Teammanager Communicatie' });
      assert.equal(goal.status, 201, JSON.stringify(goal.body));
      const kpi = { name: 'Eenpitters Communicatie', direction: 'lager-is-beter', derivation: 'eenpitters-per-kwartaal', baselineDate: '31-12-2025' };

      const filled = await api(app, token, 'POST', `/doelen/${goal.body.id}/indicatoren`, kpi);
      assert.equal(filled.status, 201, JSON.stringify(filled.body));
      assert.equal(Number(filled.body.baseline.value), expected.n);
      assert.equal(filled.body.baseline.date, '2025-12-31');
      assert.match(filled.body.baseline.source, /kwalificaties/);

      const wrong = String(expected.n + 2);
      const refused = await api(app, token, 'POST', `/doelen/${goal.body.id}/indicatoren`, { ...kpi, name: 'Eenpitters (2)', baselineValue: wrong, baselineSource: 'telling' });
      assert.equal(refused.status, 400);
      const p = refused.body.invalidParams.find((x: { name: string }) => x.name === 'baselineReason');
      assert.ok(p, JSON.stringify(refused.body));
      assert.match(p.reason, new RegExp(`nulmeting \\(${wrong} op 31-12-2025\\) wijkt af van de eigen afgeleide reeks \\(${expected.n} op 31-12-2025\\)`));

      const reason = 'Telling van de teammanager in 2025, vóór de kwalificaties waren vastgelegd';
      const accepted = await api(app, token, 'POST', `/doelen/${goal.body.id}/indicatoren`, { ...kpi, name: 'Eenpitters (2)', baselineValue: wrong, baselineSource: 'telling', baselineReason: reason });
      assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
      const [audit] = await rowsOf<{ nv: { baselineReason: string } }>(database.db, sql`select new_value as nv from audit_event where object_id = ${accepted.body.id} and action = 'indicator.aanmaken'`);
      assert.equal(audit.nv.baselineReason, reason);
      const html = await page(`/indicatoren/${accepted.body.id}`);
      assert.match(html, /Waarom de nulmeting afwijkt van de afgeleide reeks/);
      assert.match(html, /Telling van de teammanager in 2025/);
      assert.match(html, /Afgeleid uit de kwalificaties per functie/);
      assert.doesNotMatch(html, /Afgeleid uit de urenregistratie/);

      // Changing the baseline later is checked the same way (If-Match).
      const patch = await api(app, token, 'PATCH', `/indicatoren/${filled.body.id}`, { baselineValue: wrong }, { 'if-match': filled.headers.get('etag')! });
      assert.equal(patch.status, 400);
      assert.equal(patch.body.invalidParams[0].name, 'baselineReason');

      // A baseline stored before the check existed is not changed, but the page says it contradicts the series.
      assert.equal((await api(app, token, 'POST', `/indicatoren/${filled.body.id}/afleiden`, {})).status, 200);
      assert.doesNotMatch(await page(`/indicatoren/${filled.body.id}`), /Let op/);
      await database.db.execute(sql`update kpi set baseline_value = ${wrong} where id = ${filled.body.id}`);
      const warned = await page(`/indicatoren/${filled.body.id}`);
      assert.match(warned, new RegExp(`nulmeting \\(${wrong} op 31-12-2025\\) wijkt af van de eigen afgeleide reeks \\(${expected.n} op 31-12-2025\\), en er is geen reden vastgelegd`));
    });
  });
}
