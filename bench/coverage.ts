/**
 * The per-team risk summary (issue 5): the page the councils open. One call reads the
 * register (members, functions, qualifications, employed FTE), the ledger overview of a
 * year (through the ledger service) and the portfolio, and runs the full-split scenario for
 * six teams. Baseline in the same run: one hand-written SQL that fetches the same inputs
 * (employed FTE, served minutes, qualified people per function and employer, applications
 * in use) without any of the scenario logic; and the ledger overview alone, which the summary
 * reads its hours through. Reported: median of 15 runs each.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { ENGINES } from '../test/support/engines.ts';
import { demoDatabase } from '../test/support/demo.ts';
import { riskSummary } from '../src/coverage/scenario.service.ts';
import { ledgerOverview } from '../src/ledger/ledger.service.ts';
import { rowsOf } from '../src/platform/db/raw.ts';
import { SYSTEM_ACTOR } from '../src/platform/auth/actor.ts';
import type { Ctx } from '../src/platform/context.ts';

const RUNS = 15;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(fn: () => Promise<unknown>) {
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return median(out);
}

const DAY = '2026-03-15';
const baseline = (ctx: Ctx) => Promise.all([
  rowsOf(ctx.db, sql`select a.team_id, e.employer_municipality_id, sum(a.fte_milli) from employee_assignment a join employee e on e.id = a.employee_id
    where a.valid_from <= ${DAY} and (a.valid_to is null or a.valid_to > ${DAY}) group by 1, 2`),
  rowsOf(ctx.db, sql`select h.team_id, h.served_municipality_id, sum(h.minutes) from hours_entry h where h.work_date between '2025-01-01' and '2025-12-31' group by 1, 2`),
  rowsOf(ctx.db, sql`select q.function_id, e.employer_municipality_id, count(distinct e.id) from qualification q join employee e on e.id = q.employee_id
    where q.valid_from <= ${DAY} and (q.valid_to is null or q.valid_to > ${DAY}) group by 1, 2`),
  rowsOf(ctx.db, sql`select a.id, a.team_id, a.pricing, u.municipality_id, u.users from application a join application_use u on u.application_id = a.id
    where u.valid_from <= ${DAY} and (u.valid_to is null or u.valid_to > ${DAY})`),
]);

for (const engine of ENGINES) {
  const database = await demoDatabase(engine);
  const ctx: Ctx = { db: database.db, actor: SYSTEM_ACTOR, clock: () => new Date(`${DAY}T12:00:00Z`), origin: 'bench' };
  await riskSummary(ctx, 'heemstede-bloemendaal'); // warm up
  await baseline(ctx);
  const summary = await time(() => riskSummary(ctx, 'heemstede-bloemendaal'));
  const raw = await time(() => baseline(ctx));
  // The ledger overview the summary reads its hours from (the ledger's own service), for attribution.
  const ledger = await time(() => ledgerOverview(ctx, 'heemstede-bloemendaal', { per: 'jaar' }));
  console.log(`${engine}: risk summary (6 teams) median ${summary.toFixed(1)} ms; raw SQL of the same inputs ${raw.toFixed(1)} ms; ratio ${(summary / raw).toFixed(1)}×; of which the ledger overview alone ${ledger.toFixed(1)} ms`);
  await database.close();
}
