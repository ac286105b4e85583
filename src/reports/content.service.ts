/**
 * The figures of a report, gathered from the capabilities' own read functions — the same
 * ones their pages and exports use, so a figure in a factsheet can never differ from the
 * page it comes from: ledger overview (hours, cost, shares, substitution, cooperation
 * overhead), goals with their KPIs and traffic lights, coverage (eenpitters) and the
 * disentanglement estimate, and the decisions, commitments and milestones of the period.
 * The result is plain JSON: a publication stores it as it was on that day, charts included.
 */
import { getCooperation } from '../register/cooperation.service.ts';
import { LEVEL_WORDS } from '../register/catalogue.ts';
import { ledgerOverview } from '../ledger/ledger.service.ts';
import { balanceOverTimeChart, hoursByServedChart } from '../ledger/charts.ts';
import { cooperationGoals } from '../goals/view.service.ts';
import { teamScenarioSummary, teamVulnerabilitySummary } from '../coverage/report-data.ts';
import { commitmentsInPeriod, decisionsInPeriod, milestonesInPeriod } from '../governance/report-data.ts';
import type { ReportKind } from './schema.ts';
import type { ReportPeriod } from './period.ts';
import type { Ctx } from '../platform/context.ts';

export interface Shown { hours: number; costCents: number; fteMilli: number }
export interface LedgerPart {
  span: { first: string | null; last: string | null };
  total: Shown;
  cooperationOverhead: Shown;
  minutesWithoutRate: number;
  teams: { slug: string; name: string; total: Shown; substitution: Shown; cooperationOverhead: Shown;
    byServed: { municipality: { cbsCode: string; name: string }; hours: number; costCents: number; sharePermille: number | null; agreedPermille: number; agreedSource: string }[] }[];
  balance: { a: { cbsCode: string; name: string }; b: { cbsCode: string; name: string }; aForBHours: number; bForAHours: number; netHours: number; netCostCents: number }[];
}
export interface GoalPart {
  title: string; criterionWords: string; statusWords: string; team: string | null; light: string; lightWords: string;
  kpis: { name: string; unit: string; baseline: { value: string; date: string } | null; latest: { value: string; date: string } | null; target: { value: string; date: string } | null; light: string; lightWords: string }[];
}
export interface ReportContent {
  kind: ReportKind;
  cooperation: { slug: string; name: string };
  team: { slug: string; name: string } | null;
  period: ReportPeriod;
  /** The day the figures were gathered (ISO). */
  dataDate: string;
  integration: { team: string; currentLevel: number | null; currentWords: string; history: { level: number; words: string; validFrom: string; decisionReference: string; note: string }[] }[];
  goals: GoalPart[];
  ledger: LedgerPart;
  coverage: { onDate: string; byScope: { label: string; functions: number; singlePerson: number; uncovered: number; coveragePct: number | null }[] } | null;
  disentanglement: { onDate: string; oneOffCents: number; recurringCents: number; fteGapMilli: number; functionsUncovered: number; assumptions: { label: string; shown: string }[] } | null;
  decisions: { decidedOn: string; body: string; type: string; subject: string; documentStatusWords: string; flags: string[] }[];
  commitments: { kindWords: string; reference: string; title: string; dueOn: string | null; shownStatusWords: string; closedOn: string | null }[];
  milestones: { title: string; team: string | null; dueOn: string; shownStatusWords: string; completedOn: string | null; risks: string }[];
  /** SVG strings rendered when the figures were gathered. */
  charts: { hours: string | null; balance: string | null };
}

const hoursOf = (s: { hours: number; costCents: number; fteMilli: number }): Shown => ({ hours: Math.round(s.hours * 100) / 100, costCents: s.costCents, fteMilli: s.fteMilli });
const isoToday = (ctx: Ctx) => ctx.clock().toISOString().slice(0, 10);
const dutch = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

/** Gathers the figures of a report; every read checks register:read on the cooperation. */
export async function gatherContent(ctx: Ctx, cooperationSlug: string, kind: ReportKind, teamId: string | null, period: ReportPeriod): Promise<ReportContent> {
  const coop = await getCooperation(ctx, cooperationSlug);
  const team = teamId ? coop.teams.find((t) => t.id === teamId) ?? null : null;
  const teams = team ? [team] : coop.teams;
  const cooperationId = coop.cooperation.id;
  const today = isoToday(ctx);
  // The figures hold on the end of the period, or today when the period is still running.
  const onDate = period.to < today ? period.to : today;

  const [ledger, goals, decisions, commitments, milestones] = await Promise.all([
    ledgerOverview(ctx, cooperationSlug, { van: dutch(period.from), tot: dutch(period.to), per: kind === 'factsheet' ? 'kwartaal' : 'maand', ...(team ? { team: team.slug } : {}) }),
    cooperationGoals(ctx, cooperationSlug),
    decisionsInPeriod(ctx, cooperationId, period.from, period.to),
    commitmentsInPeriod(ctx, cooperationId, period.from, period.to),
    milestonesInPeriod(ctx, cooperationId, period.from, period.to),
  ]);
  const [coverage, scenario] = team
    ? await Promise.all([teamVulnerabilitySummary(ctx, team.id, onDate), teamScenarioSummary(ctx, team.id)])
    : [null, null];

  const ofTeam = <T>(items: T[], teamsOf: (x: T) => string[]) => (team ? items.filter((x) => teamsOf(x).includes(team.id)) : items);
  return {
    kind,
    cooperation: { slug: coop.cooperation.slug, name: coop.cooperation.name },
    team: team ? { slug: team.slug, name: team.name } : null,
    period,
    dataDate: today,
    integration: teams.map((t) => ({
      team: t.name, currentLevel: t.currentLevel, currentWords: t.currentLevel === null ? 'niet vastgelegd' : LEVEL_WORDS[t.currentLevel] ?? '',
      history: t.integrationHistory.filter((h) => h.validFrom <= period.to).map((h) => ({ level: h.level, words: LEVEL_WORDS[h.level] ?? '', validFrom: h.validFrom, decisionReference: h.decisionReference, note: h.note })),
    })),
    goals: ofTeam(goals.goals, (g) => (g.team ? [g.team.id] : [])).map((g) => ({
      title: g.title, criterionWords: g.criterionWords, statusWords: g.statusWords, team: g.team?.name ?? null, light: g.light, lightWords: g.lightWords,
      kpis: g.kpis.map((k) => ({
        name: k.name, unit: k.unit,
        baseline: k.baseline ? { value: k.baseline.value, date: k.baseline.date } : null,
        latest: k.latest ? { value: k.latest.value, date: k.latest.date } : null,
        target: k.target ? { value: k.target.value, date: k.target.date } : null,
        light: k.light, lightWords: k.lightWords,
      })),
    })),
    ledger: {
      span: ledger.span,
      total: hoursOf(ledger.total),
      cooperationOverhead: hoursOf(ledger.cooperationOverhead),
      minutesWithoutRate: ledger.minutesWithoutRate,
      teams: ledger.teams.map((t) => ({
        slug: t.slug, name: t.name, total: hoursOf(t.total), substitution: hoursOf(t.substitution), cooperationOverhead: hoursOf(t.cooperationOverhead),
        byServed: t.byServed.map((s) => ({ municipality: s.municipality, hours: Math.round(s.hours * 100) / 100, costCents: s.costCents, sharePermille: s.sharePermille, agreedPermille: s.agreedPermille, agreedSource: s.agreedSource })),
      })),
      balance: ledger.balance.map((p) => ({ a: p.a, b: p.b, aForBHours: p.aForB.minutes / 60, bForAHours: p.bForA.minutes / 60, netHours: p.netMinutes / 60, netCostCents: p.netCostCents })),
    },
    coverage: coverage ? { onDate: coverage.onDate, byScope: coverage.byScope.map((s) => ({ label: s.label, functions: s.functions, singlePerson: s.singlePerson, uncovered: s.uncovered, coveragePct: s.coveragePct })) } : null,
    disentanglement: scenario ? { onDate: scenario.fullSplit.onDate, oneOffCents: scenario.fullSplit.oneOffCents, recurringCents: scenario.fullSplit.recurringCents, fteGapMilli: scenario.fullSplit.fteGapMilli, functionsUncovered: scenario.fullSplit.functionsUncovered, assumptions: scenario.fullSplit.assumptions } : null,
    decisions: ofTeam(decisions, (d) => d.teams.map((x) => x.id)).map((d) => ({ decidedOn: d.decidedOn, body: d.body.name, type: d.decisionType.name, subject: d.subject, documentStatusWords: d.documentStatusWords, flags: d.flags.map((f) => f.message) })),
    commitments: team ? [] : commitments.map((c) => ({ kindWords: c.kindWords, reference: c.reference, title: c.title, dueOn: c.dueOn, shownStatusWords: c.shownStatusWords, closedOn: c.closedOn })),
    milestones: ofTeam(milestones, (m) => (m.team ? [m.team.id] : [])).map((m) => ({ title: m.title, team: m.team?.name ?? null, dueOn: m.dueOn, shownStatusWords: m.shownStatusWords, completedOn: m.completedOn, risks: m.risks })),
    charts: {
      hours: ledger.total.minutes > 0 ? hoursByServedChart(ledger) : null,
      balance: !team && ledger.balanceOverTime.length > 1 ? balanceOverTimeChart(ledger) : null,
    },
  };
}
