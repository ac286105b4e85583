/**
 * Issue 17, item 3 ("render once, serve many"), on every engine: a publication's PDF is
 * printed once and stored with its SHA-256; downloads return the stored bytes (no print,
 * ETag = hash, 304 on If-None-Match, the file name keeps its diacritics); the stored PDF
 * cannot be changed; twelve parallel concept PDFs share one browser with at most two
 * prints at once, the rest wait or get 503 with Retry-After, and the server carries on.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { ENGINES } from './support/engines.ts';
import { demoDatabase } from './support/demo.ts';
import { api, signIn, type App } from './support/http.ts';
import { createApp } from '../src/platform/http/app.tsx';
import { rowsOf } from '../src/platform/db/raw.ts';
import { CHROMIUM, closePdfBrowser, pdfStats, PDF_CONCURRENCY } from '../src/reports/pdf.ts';
import { pdfPrinting, settlePrints } from '../src/reports/publication-pdf.service.ts';
import type { Database } from '../src/platform/db/open.ts';

const HB = '/samenwerkingen/heemstede-bloemendaal';
const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}`;

/** Browser main processes started by this test process (Chromium's own helpers are their children). */
function browserChildren(): number {
  const out = execFileSync('ps', ['-eo', 'ppid=,comm='], { encoding: 'utf8' });
  return out.split('\n').filter((l) => { const [ppid, comm] = l.trim().split(/\s+/); return Number(ppid) === process.pid && /chrom/i.test(comm ?? ''); }).length;
}

for (const engine of ENGINES) {
  describe(`published PDFs are stored and served [${engine}]`, { skip }, () => {
    let database: Database;
    let app: App;
    const t: Record<string, string> = {};
    const as = (who: string, method: string, path: string, body?: unknown, headers?: Record<string, string>) => api(app, t[who], method, path, body, headers);
    const raw = (who: string, path: string, headers: Record<string, string> = {}) => app.request(`/api/v1${path}`, { headers: { authorization: `Bearer ${t[who]}`, ...headers } });

    before(async () => {
      database = await demoDatabase(engine);
      app = createApp({ db: database.db, bulk: database.bulk, demo: true });
      for (const who of ['directie', 'controller.heemstede', 'raadslid.heemstede']) t[who] = await signIn(app, `${who}@vlecht.demo`);
    });
    after(async () => {
      pdfPrinting.onPublish = false;
      await settlePrints();
      await closePdfBrowser();
      await database.close();
    });

    test('publishing prints the PDF once; two downloads give the stored bytes without printing', async () => {
      const created = await as('controller.heemstede', 'POST', `${HB}/rapporten`, { kind: 'factsheet', team: 'financiele-administratie', period: '2025' });
      assert.equal(created.status, 201);
      const id = created.body.id;
      pdfPrinting.onPublish = true;
      const rendersBefore = pdfStats.renders;
      const published = await as('directie', 'POST', `/rapporten/${id}/publicaties`, { bevestigOntbrekend: true }, { 'If-Match': created.headers.get('etag')! });
      assert.equal(published.status, 201);
      await settlePrints();
      assert.equal(pdfStats.renders, rendersBefore + 1, 'printed once, at publication');

      const [row] = await rowsOf<{ sha256: string; pdf_hex: string; byte_size: number }>(database.db, sql`select d.sha256, encode(d.pdf, 'hex') as pdf_hex, d.byte_size
        from report_publication_pdf d join report_publication p on p.id = d.publication_id where p.report_id = ${id} and p.number = 1`);
      assert.ok(row, 'the PDF is stored beside the publication');
      const storedBytes = Buffer.from(row.pdf_hex, 'hex');
      assert.equal(row.sha256, createHash('sha256').update(storedBytes).digest('hex'), 'the stored hash is the SHA-256 of the stored bytes');
      assert.equal(row.byte_size, storedBytes.length);

      const first = await raw('raadslid.heemstede', `/rapporten/${id}/publicaties/1.pdf`);
      const second = await raw('raadslid.heemstede', `/rapporten/${id}/publicaties/1.pdf`);
      assert.equal(first.status, 200);
      assert.equal(second.status, 200);
      const a = Buffer.from(await first.arrayBuffer());
      const b = Buffer.from(await second.arrayBuffer());
      assert.ok(a.equals(b), 'identical bytes on every download');
      assert.ok(a.equals(storedBytes), 'the bytes are the stored ones');
      assert.equal(pdfStats.renders, rendersBefore + 1, 'downloads print nothing');
      assert.equal(first.headers.get('etag'), `"${row.sha256}"`);
      assert.match(first.headers.get('cache-control') ?? '', /immutable/);
      const disposition = first.headers.get('content-disposition') ?? '';
      assert.ok(disposition.includes(`filename*=UTF-8''Factsheet%20Financi%C3%ABle%20Administratie%202025%20v1.pdf`), disposition);
      assert.ok(disposition.includes('filename="Factsheet Financiele Administratie 2025 v1.pdf"'), disposition);

      const notModified = await raw('raadslid.heemstede', `/rapporten/${id}/publicaties/1.pdf`, { 'If-None-Match': `"${row.sha256}"` });
      assert.equal(notModified.status, 304);

      const refused = (e: any) => /append-only/.test(`${e?.message} ${e?.cause?.message}`);
      await assert.rejects(database.db.execute(sql`update report_publication_pdf set sha256 = repeat('0', 64)`), refused);
      await assert.rejects(database.db.execute(sql`delete from report_publication_pdf`), refused);
    });

    test('a publication without a stored PDF is printed on its first download and stored, once for parallel first downloads', async () => {
      const [pub] = await rowsOf<{ report_id: string; number: number }>(database.db, sql`select p.report_id, p.number from report_publication p
        where not exists (select 1 from report_publication_pdf d where d.publication_id = p.id) order by p.published_at limit 1`);
      assert.ok(pub, 'the demo publication has no PDF yet (printing at publication is off in tests)');
      const rendersBefore = pdfStats.renders;
      const responses = await Promise.all([1, 2, 3].map(() => raw('raadslid.heemstede', `/rapporten/${pub.report_id}/publicaties/${pub.number}.pdf`)));
      assert.deepEqual(responses.map((r) => r.status), [200, 200, 200]);
      const bodies = await Promise.all(responses.map(async (r) => Buffer.from(await r.arrayBuffer())));
      assert.ok(bodies.every((x) => x.equals(bodies[0])));
      assert.equal(pdfStats.renders, rendersBefore + 1, 'three parallel first downloads share one print');
      const [{ n }] = await rowsOf<{ n: number }>(database.db, sql`select count(*)::int as n from report_publication_pdf d join report_publication p on p.id = d.publication_id where p.report_id = ${pub.report_id}`);
      assert.equal(n, 1);
    });

    test('12 parallel concept PDFs: one browser, at most two prints at once, the rest wait or get 503 with Retry-After', async () => {
      const [{ id }] = await rowsOf<{ id: string }>(database.db, sql`select r.id from report r where not exists (select 1 from report_publication p where p.report_id = r.id) limit 1`);
      pdfStats.peakActive = 0;
      let maxBrowsers = 0;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) { maxBrowsers = Math.max(maxBrowsers, browserChildren()); await new Promise((r) => setTimeout(r, 100)); }
      })();
      const responses = await Promise.all(Array.from({ length: 12 }, () => raw('directie', `/rapporten/${id}/concept.pdf`)));
      sampling = false;
      await sampler;
      const statuses = responses.map((r) => r.status);
      assert.ok(statuses.every((s) => s === 200 || s === 503), statuses.join(','));
      assert.ok(statuses.filter((s) => s === 200).length >= PDF_CONCURRENCY, statuses.join(','));
      assert.ok(pdfStats.peakActive <= PDF_CONCURRENCY && pdfStats.peakActive >= 1, `peak ${pdfStats.peakActive} prints at once`);
      assert.ok(maxBrowsers <= 1, `${maxBrowsers} browser processes`);
      for (const r of responses.filter((x) => x.status === 503)) {
        assert.equal(r.headers.get('retry-after'), '5');
        const body = await r.json() as { detail: string };
        assert.match(body.detail, /PDF's gemaakt; probeer het over 5 seconden opnieuw/);
      }
      for (const r of responses.filter((x) => x.status === 200)) assert.equal(Buffer.from(await r.arrayBuffer()).subarray(0, 5).toString(), '%PDF-');
      // The server carries on: a page and another PDF still work.
      assert.equal((await as('raadslid.heemstede', 'GET', `${HB}/rapporten`)).status, 200);
      assert.equal((await raw('directie', `/rapporten/${id}/concept.pdf`)).status, 200);
    });
  });
}
