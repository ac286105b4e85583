/**
 * `npm run bench`: figures for the register's hot paths, each against a baseline measured
 * in the same run on the same data. Runs on PGlite, and on PostgreSQL when one answers at
 * VLECHT_TEST_PG_URL. Prints a table; asserts nothing (speed goals live here, not in tests).
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { ENGINES } from '../test/support/engines.ts';
import { demoDatabase, teamIdOf } from '../test/support/demo.ts';
import { createApp } from '../src/platform/http/app.tsx';
import { signIn } from '../test/support/http.ts';
import { mutate, type Ctx } from '../src/platform/context.ts';
import { rowsOf } from '../src/platform/db/raw.ts';
import { SYSTEM_ACTOR } from '../src/platform/auth/actor.ts';

async function time(n: number, work: (i: number) => Promise<unknown>) {
  for (let i = 0; i < Math.min(20, n); i++) await work(i); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await work(i);
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const p = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return { n, medianMs: p(0.5), p95Ms: p(0.95), perSecond: 1000 / (samples.reduce((a, b) => a + b, 0) / n) };
}

const rows: Record<string, string | number>[] = [];
function report(engine: string, name: string, r: Awaited<ReturnType<typeof time>>, baseline: Awaited<ReturnType<typeof time>>) {
  rows.push({
    engine, benchmark: name, n: r.n, 'median ms': r.medianMs.toFixed(2), 'p95 ms': r.p95Ms.toFixed(2),
    'baseline median ms': baseline.medianMs.toFixed(2), 'x baseline': (r.medianMs / baseline.medianMs).toFixed(1),
  });
}

for (const engine of ENGINES) {
  const database = await demoDatabase(engine);
  const db = database.db;
  try {
    const app = createApp({ db, demo: true });
    const token = await signIn(app, 'controller.heemstede@vlecht.demo');
    const teamId = await teamIdOf(db, 'p-en-o');

    // 1. GET /api/v1/teams/:id (session, policy, five queries, view model) vs one raw SQL join of the same facts.
    const apiRead = await time(300, async () => (await app.request(`/api/v1/teams/${teamId}`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer());
    const rawRead = await time(300, () => rowsOf(db, sql`select e.name, e.personnel_number, a.fte_milli, m.cbs_code, f.name as function_name
      from employee_assignment a join employee e on e.id = a.employee_id join municipality m on m.id = e.employer_municipality_id
      left join job_function f on f.id = a.function_id where a.team_id = ${teamId} and a.valid_to is null`));
    report(engine, 'team read via API', apiRead, rawRead);

    // 2. An audited mutation (transaction + chain lock + hash + audit insert) vs the bare update.
    const ctx: Ctx = { db, actor: SYSTEM_ACTOR, clock: () => new Date(), origin: 'bench' };
    const audited = await time(300, (i) => mutate(ctx, async (tx) => {
      await tx.execute(sql`update team set description = ${`bench ${i}`} where id = ${teamId}`);
      return { value: null, audit: { action: 'team.wijzigen', objectType: 'team', objectId: teamId, oldValue: { i: i - 1 }, newValue: { i } } };
    }));
    const bare = await time(300, (i) => db.execute(sql`update team set description = ${`bare ${i}`} where id = ${teamId}`));
    report(engine, 'audited update (1 audit row)', audited, bare);

    // 3. Audit chain verification throughput vs reading the same rows.
    const [{ n }] = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from audit_event`);
    const { verifyAuditTrail } = await import('../src/platform/audit/trail.ts');
    const verify = await time(5, () => verifyAuditTrail(db));
    const readAll = await time(5, () => rowsOf(db, sql`select * from audit_event order by seq`));
    report(engine, `audit verify (${n} rows)`, verify, readAll);
  } finally {
    await database.close();
  }
}
console.table(rows);
