/**
 * The cooperation dashboard through HTTP: the balance verdict equals the ledger API and an
 * independent SQL sum for the same period; a raadslid sees it without names; the BEL
 * controller is refused the other cooperation; after hours are imported for a month of
 * the current year, ledger page and dashboard still default to the last complete year and
 * say so. On every engine.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { ENGINES } from './support/engines.ts';
import { demoDatabase } from './support/demo.ts';
import { createApp } from '../src/platform/http/app.tsx';
import { rowsOf } from '../src/platform/db/raw.ts';
import type { Database } from '../src/platform/db/open.ts';

type App = ReturnType<typeof createApp>;
const HB = '/samenwerkingen/heemstede-bloemendaal';

async function session(app: App, email: string) {
  const res = await app.request('/aanmelden', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email, password: 'vlecht-demo-2026' }).toString() });
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  const page = await (await app.request('/samenwerkingen', { headers: { cookie } })).text();
  return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(page)![1] };
}

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&nbsp;|\u00a0/g, ' ').replace(/\s+/g, ' ');
/** "538,5" → 32310 minutes; "95.061,75" → 9506175 cents. */
const minutesOf = (s: string) => Math.round(Number(s.replace(/\./g, '').replace(',', '.')) * 60);
const centsOf = (s: string) => Number(s.replace(/\./g, '').replace(',', ''));

function verdictOf(html: string) {
  const m = /<p class="vlecht-verdict"[^>]*>([^<]+)<\/p>/.exec(html);
  assert.ok(m, 'the page has a balance verdict');
  const v = /^In (.+?) leverde (\S+) ([\d.,]+) uur \(€\s([\d.,]+)\) meer aan (\S+) dan het ontving\.$/.exec(m[1].replace(/&nbsp;|\u00a0/g, ' '));
  assert.ok(v, `verdict in words: ${m[1]}`);
  return { period: v[1], giver: v[2], minutes: minutesOf(v[3]), cents: centsOf(v[4]), taker: v[5] };
}

/** Net minutes Heemstede → Bloemendaal in [from, to], straight from the table. */
async function netMinutesSql(db: Database['db'], from: string, to: string) {
  const [row] = await rowsOf<{ net: string | number | null }>(db, sql`
    select sum(case when e.cbs_code = 'GM0397' and s.cbs_code = 'GM0377' then h.minutes when e.cbs_code = 'GM0377' and s.cbs_code = 'GM0397' then -h.minutes else 0 end) as net
    from hours_entry h join municipality e on e.id = h.employer_municipality_id join municipality s on s.id = h.served_municipality_id
    join cooperation c on c.id = h.cooperation_id
    where c.slug = 'heemstede-bloemendaal' and h.work_date between ${from} and ${to}`);
  return Number(row.net ?? 0);
}

for (const engine of ENGINES) {
  describe(`cooperation dashboard [${engine}]`, () => {
    let database: Database;
    let app: App;
    before(async () => { database = await demoDatabase(engine); app = createApp({ db: database.db, bulk: database.bulk, demo: true }); });
    after(() => database.close());

    test('raadslid: the verdict with its period equals the ledger API and an SQL sum; no employee names', async () => {
      const { cookie } = await session(app, 'raadslid.heemstede@vlecht.demo');
      const res = await app.request(HB, { headers: { cookie } });
      assert.equal(res.status, 200);
      const html = await res.text();
      const v = verdictOf(html);
      const year = /^heel (\d{4})$/.exec(v.period)?.[1];
      assert.ok(year, `a complete year: ${v.period}`);
      assert.ok(Number(year) < new Date().getUTCFullYear(), 'a year that has ended');
      const api = await (await app.request(`/api/v1${HB}/uren?van=01-01-${year}&tot=31-12-${year}`, { headers: { cookie } })).json() as { balance: { a: { name: string }; b: { name: string }; netMinutes: number; netCostCents: number }[] };
      const pair = api.balance[0];
      assert.equal(v.giver, pair.netMinutes > 0 ? pair.a.name : pair.b.name);
      assert.equal(v.minutes, Math.round(Math.abs(pair.netMinutes) / 6) * 6, 'hours as the ledger API gives them (to 0,1 uur)');
      assert.equal(v.cents, Math.abs(pair.netCostCents), 'euros as the ledger API gives them');
      const net = await netMinutesSql(database.db, `${year}-01-01`, `${year}-12-31`);
      assert.equal(v.minutes, Math.round(Math.abs(net) / 6) * 6, 'hours as an independent SQL sum gives them');
      assert.equal(v.giver, net > 0 ? 'Heemstede' : 'Bloemendaal');
      // The ledger page's own default says the same period and the same saldo.
      const ledger = await (await app.request(`${HB}/uren`, { headers: { cookie } })).text();
      assert.match(text(ledger), new RegExp(`Periode: heel ${year} — het laatste volledige jaar met uren`));
      // Each tile links to its page.
      for (const href of ['/uren', '/doelen', '/kwetsbaarheid', '/toezeggingen', '/agenda']) assert.match(html, new RegExp(`href="${HB}${href}"`), href);
      // Aggregates only: no employee name or personnel number.
      const names = (await rowsOf<{ name: string; nr: string }>(database.db, sql`select name, personnel_number as nr from employee`));
      assert.ok(names.length > 0);
      for (const n of names) {
        assert.ok(!html.includes(n.name), `no name ${n.name}`);
        assert.ok(!new RegExp(`\\b${n.nr}\\b`).test(html), `no personnel number ${n.nr}`);
      }
      // The goals tile counts the lights as the goals API does.
      const goals = await (await app.request(`/api/v1${HB}/doelen`, { headers: { cookie } })).json() as { goals: { light: string }[] };
      const red = goals.goals.filter((g) => g.light === 'rood').length;
      assert.match(text(html), new RegExp(`${goals.goals.length} doelen: ${red} rood`));
    });

    test('controller sees the dashboard; the register details are still on the page', async () => {
      const { cookie } = await session(app, 'controller.heemstede@vlecht.demo');
      const html = await (await app.request(HB, { headers: { cookie } })).text();
      verdictOf(html);
      assert.match(html, /Gegevens uit het register/);
      assert.match(html, /Deelnemende gemeenten van/);
    });

    test('BEL controller: own cooperation yes, the other one refused', async () => {
      const { cookie } = await session(app, 'controller.bel@vlecht.demo');
      const own = await app.request('/samenwerkingen/bel-combinatie', { headers: { cookie } });
      assert.equal(own.status, 200);
      assert.match(await own.text(), /id="saldo"/);
      const other = await app.request(HB, { headers: { cookie } });
      assert.ok([403, 404].includes(other.status), `refused: ${other.status}`);
      assert.doesNotMatch(await other.text(), /vlecht-verdict/);
    });

    test('hours for a month of the current year: ledger page and dashboard still show the last complete year', async () => {
      const now = new Date();
      const y = now.getUTCFullYear();
      const month = String(Math.max(1, now.getUTCMonth())).padStart(2, '0'); // last month, or January in January
      const { cookie, csrf } = await session(app, 'controller.heemstede@vlecht.demo');
      const before = verdictOf(await (await app.request(HB, { headers: { cookie } })).text());
      const csv = `personeelsnummer;datum;uren;gemeente;activiteit\nS1000;02-${month}-${y};7,5;GM0377;regulier\nS1000;03-${month}-${y};4;GM0377;regulier\n`;
      const form = new FormData();
      form.set('_csrf', csrf);
      form.set('bestand', new File([csv], 'uren.csv', { type: 'text/csv' }));
      const preview = await (await app.request(`${HB}/uren/import`, { method: 'POST', headers: { cookie }, body: form })).text();
      const uploadId = /name="upload" value="([^"]+)"/.exec(preview)?.[1];
      assert.ok(uploadId, 'preview offers confirmation');
      const done = await app.request(`${HB}/uren/import/bevestigen`, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: csrf, upload: uploadId }).toString() });
      assert.match(await done.text(), /Geïmporteerd: 2 regels/);
      const { cookie: council } = await session(app, 'raadslid.heemstede@vlecht.demo');
      const after = verdictOf(await (await app.request(HB, { headers: { cookie: council } })).text());
      assert.deepEqual(after, before, 'the dashboard still answers for the same complete year');
      assert.match(after.period, /^heel \d{4}$/);
      assert.ok(Number(after.period.slice(5)) < y);
      const ledger = text(await (await app.request(`${HB}/uren`, { headers: { cookie: council } })).text());
      assert.match(ledger, new RegExp(`Periode: ${after.period} — het laatste volledige jaar met uren`));
      // Asked for explicitly, the running year is labelled as partial.
      const running = text(await (await app.request(`${HB}/uren?van=01-01-${y}&tot=31-12-${y}`, { headers: { cookie: council } })).text());
      assert.match(running, new RegExp(`Periode: ${y} tot en met \\d\\d-\\d\\d-${y}, onvolledig — deze periode is nog niet afgelopen`));
    });
  });
}
