/**
 * Reports against same-run baselines: a published factsheet as the council reads it
 * (session, policy, stored body) vs the raw SQL row of that publication; and gathering a
 * factsheet's figures from the capabilities (ledger overview, goals, coverage, scenario,
 * governance) vs one raw SQL aggregate of the same ledger cells for the team and year.
 * PDFs (issue 17): a published PDF served from storage vs printing it afresh per download
 * (the old way: a browser per print); a concept PDF in the warm shared browser vs the
 * same print with its own browser; 12 parallel concept PDFs → browser processes and the
 * peak memory of this process tree, vs 4 parallel prints the old way.
 * Prints a table; asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import { baselineRow, time, type Timing } from './timing.ts';
import { existsSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { ENGINES } from '../test/support/engines.ts';
import { demoDatabase } from '../test/support/demo.ts';
import { createApp } from '../src/platform/http/app.tsx';
import { signIn } from '../test/support/http.ts';
import { rowsOf } from '../src/platform/db/raw.ts';
import { SYSTEM_ACTOR } from '../src/platform/auth/actor.ts';
import { gatherContent } from '../src/reports/content.service.ts';
import { CHROMIUM, closePdfBrowser, pdfStats, reportDocument } from '../src/reports/pdf.ts';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';

/** The old print: its own browser for every PDF (what every download did before issue 17). */
async function printWithOwnBrowser(title: string, bodyHtml: string): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    await page.setContent(reportDocument(title, bodyHtml), { waitUntil: 'load' });
    return Buffer.from(await page.pdf({ format: 'A4', printBackground: true }));
  } finally {
    await browser.close();
  }
}

/** Browser main processes started by this process, and the RSS (MB) of this process and all its descendants. */
function processTree(): { browsers: number; rssMb: number } {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,comm='], { encoding: 'utf8' }).trim().split('\n')
    .map((l) => { const [pid, ppid, rss, ...comm] = l.trim().split(/\s+/); return { pid: Number(pid), ppid: Number(ppid), rss: Number(rss), comm: comm.join(' ') }; });
  const tree = new Set([process.pid]);
  for (let grew = true; grew;) { grew = false; for (const r of rows) if (tree.has(r.ppid) && !tree.has(r.pid)) { tree.add(r.pid); grew = true; } }
  return {
    browsers: rows.filter((r) => r.ppid === process.pid && /chrom/i.test(r.comm)).length,
    rssMb: Math.round(rows.filter((r) => tree.has(r.pid)).reduce((s, r) => s + r.rss, 0) / 1024),
  };
}

/** Runs `work` while sampling the process tree every 100 ms; the peaks. */
async function sampled<T>(work: () => Promise<T>): Promise<{ value: T; browsers: number; rssMb: number; ms: number }> {
  let browsers = 0; let rssMb = 0; let on = true;
  const sampler = (async () => { while (on) { const p = processTree(); browsers = Math.max(browsers, p.browsers); rssMb = Math.max(rssMb, p.rssMb); await new Promise((r) => setTimeout(r, 100)); } })();
  const t = performance.now();
  const value = await work();
  const ms = performance.now() - t;
  on = false; await sampler;
  return { value, browsers, rssMb, ms };
}
const hasChromium = existsSync(CHROMIUM);

const rows: Record<string, string | number>[] = [];
const report = (engine: string, name: string, r: Timing, b: Timing) => rows.push(baselineRow(engine, name, r, b));

for (const engine of ENGINES) {
  const database = await demoDatabase(engine);
  const db = database.db;
  try {
    const ctx = { db, actor: SYSTEM_ACTOR, clock: () => new Date(), origin: 'bench' };
    const [pub] = await rowsOf<{ report_id: string; team_id: string }>(db, sql`select p.report_id, r.team_id from report_publication p join report r on r.id = p.report_id limit 1`);
    const app = createApp({ db, demo: true });
    const token = await signIn(app, 'raadslid.heemstede@vlecht.demo');
    const read = await time(100, async () => (await app.request(`/api/v1/rapporten/${pub.report_id}/publicaties/1.html`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer());
    const readRaw = await time(100, () => rowsOf(db, sql`select html from report_publication where report_id = ${pub.report_id} and number = 1`));
    report(engine, 'published factsheet as HTML via API vs raw row', read, readRaw);

    const period = { from: '2025-01-01', to: '2025-12-31', label: '2025' };
    const gather = await time(20, () => gatherContent(ctx, 'heemstede-bloemendaal', 'factsheet', pub.team_id, period));
    const gatherRaw = await time(20, () => rowsOf(db, sql`select h.served_municipality_id, h.activity, sum(h.minutes)::bigint as minutes
      from hours_entry h where h.team_id = ${pub.team_id} and h.work_date between '2025-01-01' and '2025-12-31' group by 1, 2`));
    report(engine, 'factsheet figures gathered (all capabilities) vs one ledger SQL aggregate', gather, gatherRaw);

    if (hasChromium) {
      const get = (who: string, path: string) => app.request(`/api/v1${path}`, { headers: { authorization: `Bearer ${who}` } });
      const pdfPath = `/rapporten/${pub.report_id}/publicaties/1.pdf`;
      // Warm-up 1 prints and stores it (first download); every later download is served from storage.
      const rendersBefore = pdfStats.renders;
      const served = await time(30, async () => (await get(token, pdfPath)).arrayBuffer(), 1);
      const [stored] = await rowsOf<{ html: string; title: string }>(db, sql`select p.html, r.title from report_publication p join report r on r.id = p.report_id where p.report_id = ${pub.report_id} and p.number = 1`);
      const fresh = await time(3, () => printWithOwnBrowser(stored.title, stored.html), 0);
      report(engine, `published PDF served (${pdfStats.renders - rendersBefore} print for 31 downloads) vs printed afresh per download`, served, fresh);

      if (engine === ENGINES[0]) {
        const directie = await signIn(app, 'directie@vlecht.demo');
        const [concept] = await rowsOf<{ id: string }>(db, sql`select r.id from report r where not exists (select 1 from report_publication p where p.report_id = r.id) limit 1`);
        const conceptPath = `/rapporten/${concept.id}/concept.pdf`;
        const warm = await time(5, async () => (await get(directie, conceptPath)).arrayBuffer(), 1);
        const rendered = await (await import('../src/reports/report.service.ts')).renderConcept(ctx, concept.id).catch(() => null);
        const cold = rendered ? await time(3, () => printWithOwnBrowser(rendered.title, rendered.html), 0) : warm;
        report(engine, 'concept PDF, warm shared browser (via API, figures gathered too) vs own browser per print', warm, cold);

        pdfStats.peakActive = 0;
        const burst = await sampled(() => Promise.all(Array.from({ length: 12 }, async () => { const r = await get(directie, conceptPath); await r.arrayBuffer(); return r.status; })));
        const ok = burst.value.filter((s) => s === 200).length;
        rows.push({ engine, benchmark: `12 parallel concept PDFs: ${ok}×200, ${12 - ok}×503; peak ${pdfStats.peakActive} prints at once; browser processes (max) ${burst.browsers}; peak RSS of process tree ${burst.rssMb} MB`, n: 12, 'median ms': burst.ms.toFixed(0), 'p95 ms': '-', 'baseline median ms': '-', 'x baseline': '-' });
        await closePdfBrowser();
        if (rendered) {
          const old = await sampled(() => Promise.all(Array.from({ length: 4 }, () => printWithOwnBrowser(rendered.title, rendered.html))));
          rows.push({ engine, benchmark: `baseline: 4 parallel prints the old way (own browser each): browser processes (max) ${old.browsers}; peak RSS of process tree ${old.rssMb} MB`, n: 4, 'median ms': old.ms.toFixed(0), 'p95 ms': '-', 'baseline median ms': '-', 'x baseline': '-' });
        }
      }
      await closePdfBrowser();
    }
  } finally {
    await database.close();
  }
}
console.table(rows);
