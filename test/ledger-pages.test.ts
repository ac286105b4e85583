/** Ledger pages through HTTP: overview for a raadslid, upload → preview with all problems → confirm. */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES } from './support/engines.ts';
import { demoDatabase } from './support/demo.ts';
import { createApp } from '../src/platform/http/app.tsx';
import type { Database } from '../src/platform/db/open.ts';

type App = ReturnType<typeof createApp>;

async function session(app: App, email: string) {
  const res = await app.request('/aanmelden', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email, password: 'vlecht-demo-2026' }).toString() });
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  const page = await (await app.request('/samenwerkingen', { headers: { cookie } })).text();
  return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(page)![1] };
}

function upload(csv: string, csrf: string, extra: Record<string, string> = {}) {
  const form = new FormData();
  form.set('_csrf', csrf);
  form.set('bestand', new File([csv], 'uren.csv', { type: 'text/csv' }));
  for (const [k, v] of Object.entries(extra)) form.set(k, v);
  return form;
}

for (const engine of ENGINES) {
  describe(`ledger pages [${engine}]`, () => {
    let database: Database;
    let app: App;
    before(async () => { database = await demoDatabase(engine); app = createApp({ db: database.db, bulk: database.bulk, demo: true }); });
    after(() => database.close());

    test('a raadslid sees the balance in words, a chart with a text alternative, and no names', async () => {
      const { cookie } = await session(app, 'raadslid.heemstede@vlecht.demo');
      const res = await app.request('/samenwerkingen/heemstede-bloemendaal/uren?van=01-01-2025&tot=31-12-2025', { headers: { cookie } });
      const html = await res.text();
      assert.equal(res.status, 200);
      assert.match(html, /Medewerkers van Bloemendaal werkten <strong>[\d.,]+ uur<\/strong> \(€/);
      assert.match(html, /<svg role="img" aria-label="Uren per team/);
      assert.doesNotMatch(html, /style="/);
      assert.doesNotMatch(html, /S10\d\d/);
    });

    test('a bad period shows the form again with a Dutch message', async () => {
      const { cookie } = await session(app, 'raadslid.heemstede@vlecht.demo');
      const res = await app.request('/samenwerkingen/heemstede-bloemendaal/uren?van=31-02-2025', { headers: { cookie } });
      assert.equal(res.status, 400);
      assert.match(await res.text(), /Er is een probleem/);
    });

    test('upload with bad rows lists every problem and writes nothing; a good file previews and imports on confirmation', async () => {
      const { cookie, csrf } = await session(app, 'controller.heemstede@vlecht.demo');
      const bad = 'personeelsnummer;datum;uren;gemeente;activiteit\nS1000;02-02-2026;4;GM0397;regulier\nS1000;30-02-2026;4;GM0397;regulier\nX;02-02-2026;4;GM0397;regulier\n';
      const r1 = await app.request('/samenwerkingen/heemstede-bloemendaal/uren/import', { method: 'POST', headers: { cookie }, body: upload(bad, csrf) });
      const h1 = await r1.text();
      assert.equal(r1.status, 400);
      assert.match(h1, /Er is niets geïmporteerd/);
      assert.match(h1, /<td class="vlecht-num">3<\/td><td>datum<\/td><td>30-02-2026<\/td>/);
      assert.match(h1, /<td class="vlecht-num">4<\/td><td>personeelsnummer<\/td>/);
      const good = 'personeelsnummer;datum;uren;gemeente;activiteit\nS1000;02-02-2026;4;GM0397;regulier\n';
      const r2 = await app.request('/samenwerkingen/heemstede-bloemendaal/uren/import', { method: 'POST', headers: { cookie }, body: upload(good, csrf) });
      const h2 = await r2.text();
      assert.equal(r2.status, 200);
      const uploadId = /name="upload" value="([^"]+)"/.exec(h2)?.[1];
      assert.ok(uploadId, 'preview offers confirmation');
      const r3 = await app.request('/samenwerkingen/heemstede-bloemendaal/uren/import/bevestigen', {
        method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: csrf, upload: uploadId }).toString(),
      });
      assert.match(await r3.text(), /Geïmporteerd: 1 regels/);
      const again = await app.request('/samenwerkingen/heemstede-bloemendaal/uren/import/bevestigen', {
        method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: csrf, upload: uploadId }).toString(),
      });
      assert.equal(again.status, 404, 'an upload is confirmed once');
    });

    test('a raadslid cannot upload hours', async () => {
      const { cookie, csrf } = await session(app, 'raadslid.heemstede@vlecht.demo');
      const res = await app.request('/samenwerkingen/heemstede-bloemendaal/uren/import', { method: 'POST', headers: { cookie }, body: upload('personeelsnummer;datum;uren;gemeente;activiteit\nS1000;02-02-2026;4;GM0397;regulier\n', csrf) });
      assert.equal(res.status, 403);
    });
  });
}
