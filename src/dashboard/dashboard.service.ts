/**
 * The cooperation dashboard: the councils' questions answered on one screen. It composes
 * the read services of the capabilities (ledger overview, goals view, coverage, the risk
 * summary of disentanglement, commitments, the joint agenda, reports), so a figure here
 * can never differ from the figure on its own page. Aggregates only: none of these
 * services names an employee. A tile whose service the actor may not read is left out.
 */
import type { Ctx } from '../platform/context.ts';
import { isVlechtError } from '../platform/errors.ts';
import { getCooperation } from '../register/cooperation.service.ts';
import { ledgerOverview } from '../ledger/ledger.service.ts';
import { cooperationGoals } from '../goals/view.service.ts';
import { cooperationCoverage } from '../coverage/coverage.service.ts';
import { riskSummary } from '../coverage/scenario.service.ts';
import { listCommitments } from '../governance/commitment.service.ts';
import { agendaOf } from '../governance/agenda.service.ts';
import { listReports } from '../reports/report.service.ts';

/** The tile's data, or null when the actor may not read it. */
async function tile<T>(f: () => Promise<T>): Promise<T | null> {
  try {
    return await f();
  } catch (e) {
    if (isVlechtError(e) && (e.code === 'FORBIDDEN' || e.code === 'NOT_FOUND')) return null;
    throw e;
  }
}

export async function cooperationDashboard(ctx: Ctx, slug: string) {
  const coop = await getCooperation(ctx, slug); // checks register:read: 404/403 for another cooperation
  const today = ctx.clock().toISOString().slice(0, 10);
  const [ledger, goals, coverage, risk, commitments, agenda, reports] = await Promise.all([
    tile(() => ledgerOverview(ctx, slug, { per: 'kwartaal' })),
    tile(() => cooperationGoals(ctx, slug)),
    tile(() => cooperationCoverage(ctx, slug)),
    tile(() => riskSummary(ctx, slug)),
    tile(() => listCommitments(ctx, slug)),
    tile(() => agendaOf(ctx, slug)),
    tile(() => listReports(ctx, slug)),
  ]);

  const balance = ledger && {
    period: ledger.period,
    total: ledger.total,
    pairs: ledger.balance,
    /** Net hours of the first pair per period of the view, for the sparkline. */
    trend: ledger.balanceOverTime.map((r) => ({ period: r.period, netMinutes: r.pairs[0]?.netMinutes ?? 0 })),
    teams: ledger.teams.map((t) => ({
      slug: t.slug, name: t.name, minutes: t.total.minutes,
      shares: t.byServed.map((s) => ({ municipality: s.municipality.name, sharePermille: s.sharePermille, agreedPermille: s.agreedPermille, agreed: s.agreedSource === 'afspraak' })),
    })),
  };

  const lights = goals && {
    total: goals.goals.length,
    counts: (['rood', 'oranje', 'groen', 'grijs'] as const).map((light) => ({ light, goals: goals.goals.filter((g) => g.light === light).length })),
    red: goals.goals.filter((g) => g.light === 'rood').map((g) => ({ id: g.id, title: g.title, reason: g.lightWords })),
    smart: goals.summary.sentence,
  };

  const pooled = (scopes: { scope: string; singlePerson: number }[]) => scopes.find((s) => s.scope === 'samen')?.singlePerson ?? 0;
  const vulnerability = coverage && {
    day: coverage.day,
    now: pooled(coverage.total.map((s) => ({ scope: s.scope, singlePerson: s.summary.singlePerson }))),
    criticalNow: coverage.total.find((s) => s.scope === 'samen')?.summary.criticalSinglePerson ?? 0,
    /** Each municipality on its own, added up: the functions with one person without the cooperation. */
    standalone: coverage.total.filter((s) => s.scope !== 'samen').reduce((n, s) => n + s.summary.singlePerson, 0),
    baseline: coverage.trend.length ? { day: coverage.trend[0].day, singlePerson: pooled(coverage.trend[0].byScope) } : null,
    trend: coverage.trend.map((p) => pooled(p.byScope)),
  };

  const disentanglement = risk && {
    day: risk.day, teams: risk.rows.length, hours: risk.hours,
    oneOffCents: risk.totals.oneOffCents, recurringCents: risk.totals.recurringCents, functionsUncovered: risk.totals.functionsUncovered,
    costliest: [...risk.rows].sort((a, b) => b.oneOffCents - a.oneOffCents)[0] ?? null,
  };

  const overdue = commitments && {
    open: commitments.open.length,
    late: commitments.open.filter((c) => c.shownStatus === 'te-laat').map((c) => ({ id: c.id, title: c.title, dueOn: c.dueOn, municipality: c.municipality?.name ?? null })),
  };

  const councils = agenda && agenda.calendars.filter((cal) => cal.kind === 'raad').map((cal) => ({
    name: cal.name, next: cal.meetings.filter((m) => m.meetingOn >= today).sort((a, b) => a.meetingOn.localeCompare(b.meetingOn))[0] ?? null,
  }));

  const published = reports?.reports
    .filter((r) => r.publications.length > 0)
    .map((r) => ({ id: r.id, title: r.title, kindWords: r.kindWords, period: r.period.label, publishedAt: r.publications.at(-1)!.publishedAt, version: r.publications.at(-1)!.number }))
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));

  return {
    cooperation: { slug: coop.cooperation.slug, name: coop.cooperation.name },
    today, balance, lights, vulnerability, disentanglement, overdue, councils,
    latestReport: published?.[0] ?? null, reportsReadable: reports !== null,
  };
}
export type CooperationDashboard = Awaited<ReturnType<typeof cooperationDashboard>>;
