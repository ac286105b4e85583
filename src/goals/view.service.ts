/**
 * Read models of goals, shared by API, pages and exports (so a figure on a page and in a
 * download can never differ): per goal its KPIs with baseline, targets, measurements,
 * the Nulmeting / Realisatie / Streefwaarde / Bron facts, a traffic light in words and
 * the SMART check on today's date; per cooperation all goals and the SMART summary.
 * Aggregates only: any role that may read the cooperation sees them.
 */
import { getCooperation } from '../register/cooperation.service.ts';
import { goalsOfCooperation, kpisOfGoals, measurementsOfKpis, recommendationsOf, statusChangesOf, targetsOfKpis, type GoalRow, type KpiRow } from './queries.ts';
import { criterionWords, DERIVATION_INFO, directionWords, statusWords, type Derivation, type Direction, type GoalStatus } from './catalogue.ts';
import { normalise } from './decimal.ts';
import { baselineReasonIssue } from './baseline.ts';
import { applicableTarget, currentTargets } from './targets.ts';
import { goalLight, kpiLight } from './traffic-light.ts';
import { smartCheck, smartSummary } from './smart.ts';
import { allowedTargets } from './workflow.ts';
import { presentMeasurement, presentRecommendation, presentStatusChange, presentTarget } from './present.ts';
import { goalContext, goalScope, isoToday, kpiContext, mayApprove, mayManage, type CooperationView } from './access.service.ts';
import type { Ctx } from '../platform/context.ts';

type Loaded = Awaited<ReturnType<typeof load>>;

async function load(ctx: Ctx, coop: CooperationView, goals: GoalRow[]) {
  const goalIds = goals.map((g) => g.id);
  const [kpis, history, recommendations] = await Promise.all([kpisOfGoals(ctx.db, goalIds), statusChangesOf(ctx.db, goalIds), recommendationsOf(ctx.db, coop.cooperation.id)]);
  const kpiIds = kpis.map((k) => k.id);
  const [targets, measurements] = await Promise.all([targetsOfKpis(ctx.db, kpiIds), measurementsOfKpis(ctx.db, kpiIds)]);
  return { kpis, history, recommendations, targets, measurements };
}

function kpiView(k: KpiRow, data: Loaded, today: string) {
  const targets = data.targets.filter((t) => t.kpiId === k.id).map(presentTarget);
  const measurements = data.measurements.filter((m) => m.kpiId === k.id).map(presentMeasurement);
  const latestRow = measurements.filter((m) => m.measuredOn <= today).at(-1) ?? null;
  const applicable = applicableTarget(targets, latestRow?.measuredOn ?? today);
  const baseline = k.baselineValue !== null && k.baselineDate !== null ? { value: normalise(k.baselineValue), date: k.baselineDate, source: k.baselineSource, reason: k.baselineReason } : null;
  const latest = latestRow ? { value: latestRow.value, date: latestRow.measuredOn, source: latestRow.source, derived: latestRow.derived } : null;
  const target = applicable ? { value: applicable.value, date: applicable.targetDate, source: applicable.source } : null;
  const judgement = kpiLight({ direction: k.direction as Direction, unit: k.unit, baseline, target, latest, deadline: k.deadline }, today);
  const current = new Set(currentTargets(targets).map((t) => t.id));
  // A stored baseline that contradicts the KPI's own derived measurements without a reason (entered before the check existed): shown, never changed.
  const baselineWarning = k.derivation && baseline
    ? baselineReasonIssue({ baselineValue: baseline.value, baselineDate: baseline.date, baselineSource: baseline.source, baselineReason: k.baselineReason },
      measurements.filter((m) => m.derived).map((m) => ({ measuredOn: m.measuredOn, value: m.value })), k.unit)?.message ?? null
    : null;
  return {
    id: k.id, version: k.version, name: k.name, unit: k.unit, direction: k.direction, directionWords: directionWords(k.direction),
    derivation: k.derivation, derivationLabel: k.derivation ? DERIVATION_INFO[k.derivation as Derivation].label : null,
    derivationExplanation: k.derivation ? DERIVATION_INFO[k.derivation as Derivation].explanation : null,
    derivationSource: k.derivation ? DERIVATION_INFO[k.derivation as Derivation].source : null,
    source: k.source, deadline: k.deadline, baseline, baselineWarning, latest, target,
    targets: targets.map((t) => ({ ...t, current: current.has(t.id) })),
    measurements, light: judgement.light, lightWords: judgement.words,
  };
}
export type KpiView = ReturnType<typeof kpiView>;

function goalView(ctx: Ctx, g: GoalRow, coop: CooperationView, data: Loaded, today: string) {
  const kpis = data.kpis.filter((k) => k.goalId === g.id).map((k) => kpiView(k, data, today));
  const smart = smartCheck({
    ownerName: g.ownerName, status: g.status as GoalStatus,
    kpis: kpis.map((k) => ({ name: k.name, hasBaseline: k.baseline !== null, targetCount: k.targets.length, deadline: k.deadline, lastMeasuredOn: k.latest?.date ?? null })),
  }, today);
  const light = goalLight(kpis.map((k) => ({ name: k.name, light: k.light })));
  const team = g.teamId ? coop.teams.find((t) => t.id === g.teamId) ?? null : null;
  const recommendation = g.recommendationId ? data.recommendations.find((r) => r.id === g.recommendationId) ?? null : null;
  const scope = goalScope(coop, g.teamId);
  const approver = mayApprove(ctx.actor, scope);
  const manager = mayManage(ctx.actor, scope);
  return {
    id: g.id, version: g.version, title: g.title, description: g.description, criterion: g.criterion, criterionWords: criterionWords(g.criterion),
    ownerName: g.ownerName, status: g.status, statusWords: statusWords(g.status), source: g.source,
    team: team ? { id: team.id, slug: team.slug, name: team.name } : null,
    recommendation: recommendation ? presentRecommendation(recommendation) : null,
    statusHistory: data.history.filter((h) => h.goalId === g.id).map((h) => ({ ...presentStatusChange(h), fromWords: statusWords(h.fromStatus), toWords: statusWords(h.toStatus) })),
    kpis, smart, light: light.light, lightWords: light.words,
    /** What the signed-in user may do, for the pages (the services check again). */
    may: {
      edit: manager,
      transitionTo: allowedTargets(g.status as GoalStatus).filter((s) => (s === 'concept' ? manager : approver)).map((s) => ({ status: s, words: statusWords(s) })),
    },
  };
}
export type GoalView = ReturnType<typeof goalView>;

/** One goal with everything about it. */
export async function goalDetail(ctx: Ctx, goalId: string) {
  const { goal, coop } = await goalContext(ctx, goalId); // checks register:read
  const today = isoToday(ctx);
  const data = await load(ctx, coop, [goal]);
  return {
    cooperation: { slug: coop.cooperation.slug, name: coop.cooperation.name },
    today, goal: goalView(ctx, goal, coop, data, today),
    recommendations: data.recommendations.map(presentRecommendation),
    teams: coop.teams.map((t) => ({ id: t.id, slug: t.slug, name: t.name })),
  };
}
export type GoalDetail = Awaited<ReturnType<typeof goalDetail>>;

/** All goals of a cooperation with their lights and SMART check, the summary, and the recommendations with the goals answering them. */
export async function cooperationGoals(ctx: Ctx, cooperationSlug: string) {
  const coop = await getCooperation(ctx, cooperationSlug); // checks register:read
  const today = isoToday(ctx);
  const goals = await goalsOfCooperation(ctx.db, coop.cooperation.id);
  const data = await load(ctx, coop, goals);
  const views = goals.map((g) => goalView(ctx, g, coop, data, today));
  const scope = goalScope(coop, null);
  return {
    cooperation: { slug: coop.cooperation.slug, name: coop.cooperation.name },
    today,
    summary: smartSummary(views.map((v) => v.smart)),
    goals: views,
    recommendations: data.recommendations.map((r) => ({ ...presentRecommendation(r), goals: views.filter((v) => v.recommendation?.id === r.id).map((v) => ({ id: v.id, title: v.title })) })),
    teams: coop.teams.map((t) => ({ id: t.id, slug: t.slug, name: t.name })),
    may: { create: mayManage(ctx.actor, scope) || coop.teams.some((t) => mayManage(ctx.actor, { ...scope, teamIds: [t.id] })) },
  };
}
export type GoalsOverview = Awaited<ReturnType<typeof cooperationGoals>>;

/** One KPI as the goal page shows it, with its goal and cooperation. */
export async function kpiDetail(ctx: Ctx, kpiId: string) {
  const { kpi } = await kpiContext(ctx, kpiId); // checks register:read
  const d = await goalDetail(ctx, kpi.goalId);
  return { cooperation: d.cooperation, goal: { id: d.goal.id, title: d.goal.title, status: d.goal.status, team: d.goal.team, may: d.goal.may }, kpi: d.goal.kpis.find((k) => k.id === kpiId)! };
}
export type KpiDetail = Awaited<ReturnType<typeof kpiDetail>>;
