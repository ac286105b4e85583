/**
 * Goals pages through HTTP on every engine: the dashboard explains its traffic lights in
 * words, the goal page has the Nulmeting / Realisatie / Streefwaarde / Bron table and a
 * CSP-safe SVG trend chart with baseline and target lines, and the forms work without
 * JavaScript (POST-redirect-GET, Dutch messages, 403 for a raadslid).
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES } from './support/engines.ts';
import { demoDatabase } from './support/demo.ts';
import { createApp } from '../src/platform/http/app.tsx';
import type { Database } from '../src/platform/db/open.ts';

type App = ReturnType<typeof createApp>;
const HB = '/samenwerkingen/heemstede-bloemendaal';

async function session(app: App, email: string) {
  const res = await app.request('/aanmelden', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email, password: 'vlecht-demo-2026' }).toString() });
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  const page = await (await app.request('/samenwerkingen', { headers: { cookie } })).text();
  return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(page)![1] };
}

const form = (fields: Record<string, string>) => ({ 'content-type': 'application/x-www-form-urlencoded' as const, body: new URLSearchParams(fields).toString() });

for (const engine of ENGINES) {
  describe(`goals pages [${engine}]`, () => {
    let database: Database;
    let app: App;
    before(async () => {
      database = await demoDatabase(engine);
      app = createApp({ db: database.db, bulk: database.bulk, demo: true, clock: () => new Date('2026-03-15T12:00:00Z') });
    });
    after(() => database.close());
    const get = async (path: string, cookie: string) => { const res = await app.request(path, { headers: { cookie } }); return { status: res.status, html: await res.text() }; };
    const post = (path: string, cookie: string, fields: Record<string, string>) => {
      const f = form(fields);
      return app.request(path, { method: 'POST', headers: { cookie, 'content-type': f['content-type'] }, body: f.body });
    };

    test('a raadslid sees the dashboard: how steerable, every criterion, lights in words, recommendations linked; no forms', async () => {
      const { cookie } = await session(app, 'raadslid.heemstede@vlecht.demo');
      const { status, html } = await get(`${HB}/doelen`, cookie);
      assert.equal(status, 200);
      assert.match(html, /Hoe stuurbaar is de samenwerking\?/);
      assert.match(html, /1 van de 5 doelen is volledig SMART\./);
      for (const words of ['Kwaliteit van de dienstverlening', 'Minder kwetsbaarheid', 'Efficiency en kosten', 'Aantrekkelijk werkgeverschap', 'Wat het de inwoners oplevert']) assert.match(html, new RegExp(words));
      assert.match(html, /Voor dit criterium is nog geen doel vastgelegd\./);
      assert.match(html, /utrecht-status-badge--danger[^>]*>.*rood<\/span> <span>Rood: ‘Aandeel uren P&amp;O voor de andere gemeente’ achter of niet gehaald; ‘Vervangingsuren P&amp;O per kwartaal’ op koers\.<\/span>/s);
      assert.match(html, /Maak nog in deze raadsperiode de doelen en toetsingscriteria/);
      assert.match(html, /Doelen: <a class="utrecht-link" href="\/doelen\/[0-9a-f-]+">Salarisadministratie niet meer kwetsbaar<\/a>/);
      assert.doesNotMatch(html, /Nieuw doel|Aanbeveling vastleggen/);
      assert.doesNotMatch(html, /style="/);
      assert.equal((await get(`${HB}/doelen/nieuw`, cookie)).status, 403);
    });

    test('the goal page: indicator table, trend chart with baseline and target lines, decisions; the cooperation links to it', async () => {
      const { cookie } = await session(app, 'raadslid.heemstede@vlecht.demo');
      const coop = await get(HB, cookie);
      assert.match(coop.html, /href="\/samenwerkingen\/heemstede-bloemendaal\/doelen">Doelen, indicatoren en SMART-toets/);
      const dashboard = (await get(`${HB}/doelen`, cookie)).html;
      const id = /href="\/doelen\/([0-9a-f-]+)">Salarisadministratie niet meer kwetsbaar/.exec(dashboard)![1];
      const { status, html } = await get(`/doelen/${id}`, cookie);
      assert.equal(status, 200);
      assert.match(html, /<th scope="col" class="vlecht-num">Nulmeting<\/th><th scope="col" class="vlecht-num">Realisatie<\/th>\s*<th scope="col" class="vlecht-num">Streefwaarde<\/th><th scope="col">Bron<\/th>/);
      assert.match(html, /<svg role="img" aria-label="Verloop van Vervangingsuren P&amp;O per kwartaal: 6 metingen, nulmeting 62 uur, streefwaarde 68,2 uur/);
      assert.match(html, /Nulmeting 62 uur/);
      assert.match(html, /Streefwaarde 68,2 uur/);
      assert.match(html, /Raadsbesluiten Heemstede en Bloemendaal 26-03-2026 \(synthetisch\)/);
      assert.match(html, /Afgeleid uit de urenregistratie van 2024-K3 \(01-07-2024 t\/m 30-09-2024\), team P&amp;O/);
      assert.doesNotMatch(html, /style="/);
      assert.doesNotMatch(html, /Besluit over dit doel vastleggen|Indicator toevoegen/);
    });

    test('a controller creates a goal and a KPI with forms; errors come back in Dutch with what was typed', async () => {
      const { cookie, csrf } = await session(app, 'controller.heemstede@vlecht.demo');
      const empty = await post(`${HB}/doelen/nieuw`, cookie, { _csrf: csrf, title: '', criterion: '' });
      assert.equal(empty.status, 400);
      const emptyHtml = await empty.text();
      assert.match(emptyHtml, /geef het doel een titel/);
      assert.match(emptyHtml, /kies een toetsingscriterium uit de lijst/);
      const created = await post(`${HB}/doelen/nieuw`, cookie, { _csrf: csrf, title: 'Webcare binnen een dag', criterion: 'inwoners', ownerName: 'Teammanager Communicatie' });
      assert.equal(created.status, 303);
      const goalPath = created.headers.get('location')!.replace(/\?.*$/, '');
      assert.match(goalPath, /^\/doelen\/[0-9a-f-]+$/);
      const bad = await post(`${goalPath}/indicatoren`, cookie, { _csrf: csrf, name: 'Reactietijd webcare', unit: 'uur', direction: 'lager-is-beter', baselineValue: 'veel', baselineDate: '31-12-2025', baselineSource: 'Webcarepanel' });
      assert.equal(bad.status, 400);
      const badHtml = await bad.text();
      assert.match(badHtml, /Nulmeting \(waarde\): geen geldig getal/);
      assert.match(badHtml, /value="veel"/);
      const good = await post(`${goalPath}/indicatoren`, cookie, { _csrf: csrf, name: 'Reactietijd webcare', unit: 'uur', direction: 'lager-is-beter', baselineValue: '4,5', baselineDate: '31-12-2025', baselineSource: 'Webcarepanel' });
      assert.equal(good.status, 303);
      const page = (await get(goalPath, cookie)).html;
      assert.match(page, /4,5 uur<\/span><br\s*\/><span class="vlecht-source vlecht-date">31-12-2025/);
      assert.doesNotMatch(page, /Besluit over dit doel vastleggen/, 'a controller does not record decisions');
      const kpiPath = /href="(\/indicatoren\/[0-9a-f-]+)">Metingen en streefwaarden van ‘Reactietijd webcare’ beheren/.exec(page)![1];
      const m = await post(`${kpiPath}/metingen`, cookie, { _csrf: csrf, measuredOn: '28-02-2026', value: '3,25', source: 'Webcarepanel februari' });
      assert.equal(m.status, 303);
      assert.match((await get(kpiPath, cookie)).html, /28-02-2026<\/td><td class="vlecht-num"><span class="vlecht-date">3,25 uur/);
      const file = new FormData();
      file.set('_csrf', csrf);
      file.set('bron', 'Webcarepanel');
      file.set('bestand', new File(['datum;waarde\n31-01-2026;3,5\n31-13-2026;3\n'], 'metingen.csv', { type: 'text/csv' }));
      const imported = await app.request(`${kpiPath}/metingen/import`, { method: 'POST', headers: { cookie }, body: file });
      assert.equal(imported.status, 400);
      assert.match(await imported.text(), /<td class="vlecht-num">3<\/td><td>datum<\/td><td>31-13-2026<\/td>/);
    });

    test('directie records a decision with the form; a KPI without baseline is named on the page', async () => {
      const { cookie, csrf } = await session(app, 'directie@vlecht.demo');
      const created = await post(`${HB}/doelen/nieuw`, cookie, { _csrf: csrf, title: 'Eenpitters opgeheven', criterion: 'kwetsbaarheid', ownerName: 'Directie' });
      const goalPath = created.headers.get('location')!.replace(/\?.*$/, '');
      await post(`${goalPath}/indicatoren`, cookie, { _csrf: csrf, name: 'Aantal eenpitters', unit: 'aantal', direction: 'lager-is-beter' });
      const refused = await post(`${goalPath}/status`, cookie, { _csrf: csrf, version: '1', to: 'voorgelegd-aan-college', decidedOn: '10-03-2026', decisionReference: 'Collegebesluit 10-03-2026' });
      assert.equal(refused.status, 400);
      assert.match(await refused.text(), /indicator ‘Aantal eenpitters’ heeft nog geen nulmeting/);
      const noCsrf = await post(`${goalPath}/status`, cookie, { version: '1', to: 'voorgelegd-aan-college', decidedOn: '10-03-2026', decisionReference: 'x' });
      assert.equal(noCsrf.status, 403);
    });
  });
}
