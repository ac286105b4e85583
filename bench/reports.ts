/**
 * Reports against same-run baselines: a published factsheet as the council reads it
 * (session, policy, stored body) vs the raw SQL row of that publication; and gathering a
 * factsheet's figures from the capabilities (ledger overview, goals, coverage, scenario,
 * governance) vs one raw SQL aggregate of the same ledger cells for the team and year.
 * Prints a table; asserts nothing. PDF printing is timed once (Chromium start included).
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
import { renderPdf, CHROMIUM } from '../src/reports/pdf.ts';

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
  } finally {
    await database.close();
  }
}
if (existsSync(CHROMIUM)) {
  const t = performance.now();
  const pdf = await renderPdf('Bench', '<h2>Bench</h2>' + '<p>tekst</p>'.repeat(400));
  rows.push({ engine: '-', benchmark: `PDF print incl. Chromium start (${Math.round(pdf.length / 1024)} kB)`, n: 1, 'median ms': (performance.now() - t).toFixed(0), 'p95 ms': '-', 'baseline median ms': '-', 'x baseline': '-' });
}
console.table(rows);
