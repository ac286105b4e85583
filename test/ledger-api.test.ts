/**
 * Ledger views through the HTTP API on every engine, checked against an independent
 * computation on the raw entries (each entry × the rate valid on its date, in BigInt).
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

/** Σ minutes × cents per (employer, served) straight from the entries; rounding once, half up. */
async function independent(database: Database) {
  const entries = await rowsOf<{ employer: string; served: string; team: string; work_date: string; minutes: number; employee_id: string }>(database.db, sql`
    select e.cbs_code as employer, s.cbs_code as served, t.name as team, h.work_date::text, h.minutes, h.employee_id
    from hours_entry h join municipality e on e.id = h.employer_municipality_id join municipality s on s.id = h.served_municipality_id join team t on t.id = h.team_id
    where h.work_date between '2025-01-01' and '2025-12-31'`);
  const rates = await rowsOf<{ employee_id: string; cents: number; valid_from: string; valid_to: string | null }>(database.db, sql`
    select employee_id, hourly_rate_cents as cents, valid_from::text, valid_to::text from employee_rate`);
  const rateOn = (id: string, day: string) => rates.find((r) => r.employee_id === id && r.valid_from <= day && (r.valid_to === null || day < r.valid_to))?.cents ?? 0;
  const sums = new Map<string, { minutes: number; exact: bigint }>();
  for (const e of entries) {
    for (const key of [`${e.employer}>${e.served}`, `${e.team}|${e.employer}>${e.served}`]) {
      const s = sums.get(key) ?? { minutes: 0, exact: 0n };
      s.minutes += e.minutes;
      s.exact += BigInt(e.minutes) * BigInt(rateOn(e.employee_id, e.work_date));
      sums.set(key, s);
    }
  }
  // Half away from zero (a net of -x is the mirror of +x).
  const cents = (x: bigint): number => (x < 0n ? -cents(-x) : Number((x * 2n + 60n) / 120n));
  return { get: (key: string) => { const s = sums.get(key) ?? { minutes: 0, exact: 0n }; return { minutes: s.minutes, cents: cents(s.exact), exact: s.exact }; }, cents };
}

for (const engine of ENGINES) {
  describe(`ledger API [${engine}]`, () => {
    let database: Database;
    let app: App;
    let raadslid: string;
    let controller: string;
    before(async () => {
      database = await demoDatabase(engine);
      app = createApp({ db: database.db, bulk: database.bulk, demo: true });
      raadslid = await signIn(app, 'raadslid.heemstede@vlecht.demo');
      controller = await signIn(app, 'controller.heemstede@vlecht.demo');
    });
    after(() => database.close());

    test('the balance equals an independent computation to the cent, and a raadslid may see it', async () => {
      const res = await api(app, raadslid, 'GET', '/samenwerkingen/heemstede-bloemendaal/uren?van=01-01-2025&tot=31-12-2025&per=kwartaal');
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const truth = await independent(database);
      const [pair] = res.body.balance;
      const [a, b] = [pair.a.cbsCode, pair.b.cbsCode];
      assert.deepEqual([pair.aForB.minutes, pair.aForB.costCents], [truth.get(`${a}>${b}`).minutes, truth.get(`${a}>${b}`).cents]);
      assert.deepEqual([pair.bForA.minutes, pair.bForA.costCents], [truth.get(`${b}>${a}`).minutes, truth.get(`${b}>${a}`).cents]);
      assert.equal(pair.netCostCents, truth.cents(truth.get(`${a}>${b}`).exact - truth.get(`${b}>${a}`).exact));
      assert.ok(pair.aForB.minutes > 0 && pair.bForA.minutes > 0, 'both municipalities lend staff');
      assert.notEqual(pair.netMinutes, 0, 'close to but not exactly equal');
      assert.deepEqual(res.body.period.periods, ['2025-K1', '2025-K2', '2025-K3', '2025-K4']);
      assert.doesNotMatch(JSON.stringify(res.body), /personeelsnummer|S10\d\d|hourlyRate/);
    });

    test('every exported cell equals the independent computation (CSV and XLSX)', async () => {
      const res = await app.request('/api/v1/samenwerkingen/heemstede-bloemendaal/uren/cellen.csv?van=2025-01-01&tot=2025-12-31&per=jaar', { headers: { authorization: `Bearer ${raadslid}` } });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-disposition') ?? '', /attachment/);
      const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\n').slice(1).map((l) => l.split(';'));
      const truth = await independent(database);
      const perKey = new Map<string, { minutes: number; cents: number }>();
      for (const [, team, employer, served, , hours, euros] of lines) {
        const key = `${team.replace(/^"|"$/g, '')}|${employer}>${served}`;
        const s = perKey.get(key) ?? { minutes: 0, cents: 0 };
        s.minutes += Math.round(Number(hours.replace(',', '.')) * 60);
        s.cents += Math.round(Number(euros.replace(',', '.')) * 100);
        perKey.set(key, s);
      }
      assert.ok(perKey.size >= 12);
      for (const [key, got] of perKey) {
        assert.equal(got.minutes, truth.get(key).minutes, key);
        // Cells are split by activity, each rounded once: the sum may differ by < 1 cent per activity.
        assert.ok(Math.abs(got.cents - truth.get(key).cents) <= 4, `${key}: ${got.cents} vs ${truth.get(key).cents}`);
      }
      const xlsx = await app.request('/api/v1/samenwerkingen/heemstede-bloemendaal/uren/cellen.xlsx', { headers: { authorization: `Bearer ${raadslid}` } });
      assert.equal(xlsx.status, 200);
      assert.equal(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString(), 'PK');
    });

    test('a controller imports a CSV through the API; a preview first writes nothing; the same file again changes nothing', async () => {
      const file = 'personeelsnummer;datum;uren;gemeente;activiteit\nS1000;03-03-2026;4;GM0377;vervanging\n';
      const post = (query: string, token = controller) => app.request(`/api/v1/samenwerkingen/heemstede-bloemendaal/uren/import?${query}`, {
        method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body: file,
      });
      const preview = await post('bestandsnaam=maart.csv&voorbeeld=ja');
      assert.equal(preview.status, 200);
      assert.equal(((await preview.json()) as { status: string }).status, 'voorbeeld');
      const first = await post('bestandsnaam=maart.csv');
      assert.equal(first.status, 201);
      const again = await post('bestandsnaam=maart.csv');
      assert.equal(((await again.json()) as { status: string }).status, 'ongewijzigd');
      assert.equal((await post('bestandsnaam=maart.csv', raadslid)).status, 403);
      const bad = await app.request('/api/v1/samenwerkingen/heemstede-bloemendaal/uren/import', {
        method: 'POST', headers: { authorization: `Bearer ${controller}`, 'content-type': 'text/csv' }, body: 'personeelsnummer;datum;uren;gemeente;activiteit\nS1000;3-3-2026;veel;GM0377;regulier\n',
      });
      assert.equal(bad.status, 400);
      const problem = (await bad.json()) as { invalidParams: { row: number; name: string }[] };
      assert.deepEqual(problem.invalidParams.map((p) => [p.row, p.name]), [[2, 'uren']]);
    });

    test('a form post (simple content type) to the import is refused as possible CSRF', async () => {
      const res = await app.request('/api/v1/samenwerkingen/heemstede-bloemendaal/uren/import', {
        method: 'POST', headers: { authorization: `Bearer ${controller}`, 'content-type': 'text/plain' }, body: 'x',
      });
      assert.equal(res.status, 400);
    });

    test('the templates download as CSV and XLSX and import as they are (their example rows are valid)', async () => {
      const csv = await app.request('/api/v1/uren/sjabloon.csv', { headers: { authorization: `Bearer ${controller}` } });
      const text = await csv.text();
      assert.match(text, /personeelsnummer;werkgever;datum;uren;gemeente;activiteit;team;omschrijving/);
      const res = await app.request('/api/v1/samenwerkingen/heemstede-bloemendaal/uren/import?voorbeeld=ja', {
        method: 'POST', headers: { authorization: `Bearer ${controller}`, 'content-type': 'text/csv' }, body: text,
      });
      assert.equal(res.status, 200, await res.clone().text());
      const xlsx = await app.request('/api/v1/uren/sjabloon.xlsx', { headers: { authorization: `Bearer ${controller}` } });
      const resX = await app.request('/api/v1/samenwerkingen/heemstede-bloemendaal/uren/import?voorbeeld=ja', {
        method: 'POST', headers: { authorization: `Bearer ${controller}`, 'content-type': 'application/octet-stream' }, body: await xlsx.arrayBuffer(),
      });
      assert.equal(resX.status, 200, await resX.clone().text());
    });

    test('a bad period query gets a Dutch 400 naming the field', async () => {
      const res = await api(app, raadslid, 'GET', '/samenwerkingen/heemstede-bloemendaal/uren?van=31-12-2025&tot=01-01-2025');
      assert.equal(res.status, 400);
      assert.match(res.body.detail, /einddatum ligt voor de begindatum/);
      const bad = await api(app, raadslid, 'GET', '/samenwerkingen/heemstede-bloemendaal/uren?per=week');
      assert.equal(bad.status, 400);
    });
  });
}

for (const engine of ENGINES) {
  describe(`shared costs and VAT signal via the API [${engine}]`, () => {
    let database: Database;
    let app: App;
    before(async () => { database = await demoDatabase(engine); app = createApp({ db: database.db, bulk: database.bulk, demo: true }); });
    after(() => database.close());

    test('the HR21 consultant (seed 003): € 30.000 shared equally, € 5.000 saved by each municipality', async () => {
      const token = await signIn(app, 'raadslid.heemstede@vlecht.demo');
      const items = await api(app, token, 'GET', '/samenwerkingen/heemstede-bloemendaal/kosten');
      const hr21 = items.body.find((i: { name: string }) => /HR21/.test(i.name));
      const allocation = await api(app, token, 'GET', `/kosten/${hr21.id}/verdeling`);
      assert.deepEqual(allocation.body.lines.map((l: { cbsCode: string; cents: number }) => [l.cbsCode, l.cents]).sort(), [['GM0377', 1_500_000], ['GM0397', 1_500_000]]);
      assert.equal(allocation.body.counterfactual.savingCents, 1_000_000);
      assert.ok(allocation.body.counterfactual.lines.every((l: { savingCents: number }) => l.savingCents === 500_000));
    });

    test('the VAT signal: pairs for everyone; a Heemstede controller sees only Heemstede staff by number; a raadslid sees none', async () => {
      const raadslid = await api(app, await signIn(app, 'raadslid.heemstede@vlecht.demo'), 'GET', '/samenwerkingen/heemstede-bloemendaal/btw-signaal');
      assert.equal(raadslid.status, 200);
      assert.equal(raadslid.body.employees, null);
      assert.ok(raadslid.body.employeesFlagged > 0, '18 months of demo lending flag people for review');
      assert.match(raadslid.body.disclaimer, /geen juridisch of fiscaal advies/);
      const controller = await api(app, await signIn(app, 'controller.heemstede@vlecht.demo'), 'GET', '/samenwerkingen/heemstede-bloemendaal/btw-signaal');
      assert.ok(controller.body.employees.length > 0);
      assert.ok(controller.body.employees.every((e: { employer: { cbsCode: string } }) => e.employer.cbsCode === 'GM0397'));
      assert.equal(controller.headers.get('cache-control'), 'no-store');
    });
  });
}

for (const engine of ENGINES) {
  describe(`ledger exports [${engine}]`, () => {
    let database: Database;
    let app: App;
    before(async () => { database = await demoDatabase(engine); app = createApp({ db: database.db, bulk: database.bulk, demo: true }); });
    after(() => database.close());

    test('the balance and cost-allocation exports repeat the API figures to the cent', async () => {
      const token = await signIn(app, 'rekenkamer.heemstede@vlecht.demo');
      const headers = { authorization: `Bearer ${token}` };
      const overview = await api(app, token, 'GET', '/samenwerkingen/heemstede-bloemendaal/uren?van=2025-01-01&tot=2025-12-31&per=kwartaal');
      const csv = await (await app.request('/api/v1/samenwerkingen/heemstede-bloemendaal/uren/saldo.csv?van=2025-01-01&tot=2025-12-31&per=kwartaal', { headers })).text();
      const rows = csv.replace(/^\uFEFF/, '').trim().split('\n').slice(1).map((l) => l.split(';'));
      assert.equal(rows.length, 4);
      for (const [period, , , , euros] of rows) {
        const api = overview.body.balanceOverTime.find((p: { period: string }) => p.period === period).pairs[0];
        assert.equal(Math.round(Number(euros.replace(',', '.')) * 100), api.netCostCents, period);
      }
      const allocation = await (await app.request('/api/v1/samenwerkingen/heemstede-bloemendaal/kosten/verdeling.csv', { headers })).text();
      assert.match(allocation, /Consultant invoering HR21;.*;GM0397;Heemstede;.*;15000,00;20000,00;5000,00/);
      const xlsx = await app.request('/api/v1/samenwerkingen/heemstede-bloemendaal/kosten/verdeling.xlsx', { headers });
      assert.equal(xlsx.status, 200);
    });
  });
}
