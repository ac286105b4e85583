/**
 * Governance hot paths against same-run baselines: the decisions register through the API
 * (session, policy, matrix, rights check per decision, view models) with 500 decisions vs
 * one raw SQL join of decisions with their body's right; and the pure joint-agenda planner
 * vs a day-by-day brute force on two years of calendars. Prints a table; asserts nothing.
 */
import { baselineRow, time, type Timing } from './timing.ts';
import { sql } from 'drizzle-orm';
import { ENGINES } from '../test/support/engines.ts';
import { demoDatabase } from '../test/support/demo.ts';
import { createApp } from '../src/platform/http/app.tsx';
import { signIn } from '../test/support/http.ts';
import { rowsOf } from '../src/platform/db/raw.ts';
import { SYSTEM_ACTOR } from '../src/platform/auth/actor.ts';
import { createDecision } from '../src/governance/decision.service.ts';
import { dayNumber, isoOfDay, planJointDecision, type CouncilTrack } from '../src/governance/planner.ts';

const rows: Record<string, string | number>[] = [];
const report = (engine: string, name: string, r: Timing, b: Timing) => rows.push(baselineRow(engine, name, r, b, 3));

for (const engine of ENGINES) {
  const database = await demoDatabase(engine);
  const db = database.db;
  try {
    const ctx = { db, actor: SYSTEM_ACTOR, clock: () => new Date(), origin: 'bench' };
    const bodies = ['directieoverleg', 'mt-kzoom', 'teammanager', 'college-gm0397', 'college-gm0377'];
    for (let i = 0; i < 500; i++) {
      await createDecision(ctx, 'heemstede-bloemendaal', { decidedOn: isoOfDay(dayNumber('2020-01-01') + i), bodyKey: bodies[i % bodies.length], decisionTypeKey: 'werkproces', subject: `Bench-besluit ${i} (synthetisch)`, synthetic: true });
    }
    const app = createApp({ db, demo: true });
    const token = await signIn(app, 'raadslid.heemstede@vlecht.demo');
    const viaApi = await time(50, async () => (await app.request('/api/v1/samenwerkingen/heemstede-bloemendaal/besluiten', { headers: { authorization: `Bearer ${token}` } })).arrayBuffer());
    const raw = await time(50, () => rowsOf(db, sql`select d.*, r.right from gov_decision d
      join cooperation c on c.id = d.cooperation_id left join gov_right r on r.decision_type_id = d.decision_type_id and r.body_id = d.body_id
      where c.slug = 'heemstede-bloemendaal' order by d.decided_on desc`));
    report(engine, 'decisions register + rights check via API (506 decisions)', viaApi, raw);
  } finally {
    await database.close();
  }
}

// The planner on two councils with committees, two years of monthly meetings.
const meetings = (offset: number) => Array.from({ length: 24 }, (_, i) => isoOfDay(dayNumber('2026-01-01') + offset + i * 30));
const tracks: CouncilTrack[] = [
  { council: { id: 'r1', name: 'r1', meetings: meetings(20), leadDays: 21 }, committee: { id: 'c1', name: 'c1', meetings: meetings(5), leadDays: 28 } },
  { council: { id: 'r2', name: 'r2', meetings: meetings(3), leadDays: 14 }, committee: { id: 'c2', name: 'c2', meetings: meetings(12), leadDays: 21 } },
];
function bruteForce(readyOn: string): string | null {
  const r = dayNumber(readyOn);
  let joint = -Infinity;
  for (const t of tracks) {
    let found: number | null = null;
    for (let d = r; d <= r + 800 && found === null; d++) {
      if (!t.council.meetings.includes(isoOfDay(d)) || d - r < t.council.leadDays) continue;
      if (t.committee!.meetings.some((c) => dayNumber(c) - r >= t.committee!.leadDays && d - dayNumber(c) >= 1)) found = d;
    }
    if (found === null) return null;
    joint = Math.max(joint, found);
  }
  return isoOfDay(joint);
}
const planner = await time(2000, (i) => planJointDecision({ readyOn: isoOfDay(dayNumber('2026-01-01') + (i % 300)), tracks }));
const brute = await time(200, (i) => bruteForce(isoOfDay(dayNumber('2026-01-01') + (i % 300))));
report('-', 'joint-agenda planner vs brute force', planner, brute);
console.table(rows);
