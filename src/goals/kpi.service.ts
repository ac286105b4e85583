/**
 * Use cases for KPIs (indicatoren) and their targets: record a KPI under a goal with its
 * baseline (value, date, source), deadline and, if it comes from the hours ledger, its
 * derivation; change it with the version the client saw; set a target for a date (a
 * later target for the same date replaces the earlier one, history kept).
 */
import { findKpiById, insertKpi, insertTarget, kpisOfGoals, targetsOfKpis, updateKpiRow, type KpiRow, type TargetRow } from './queries.ts';
import { baselineIssues, definedOnly, kpiInput, kpiPatch, targetInput } from './schema.ts';
import { DERIVATION_INFO, type Derivation } from './catalogue.ts';
import { presentKpiRow, presentTarget } from './present.ts';
import { goalContext, isoToday, kpiContext } from './access.service.ts';
import { parseInput } from '../platform/validation.ts';
import { checkVersion, mutate, requireMutationAccess, type Ctx } from '../platform/context.ts';
import { VlechtError, type FieldIssue } from '../platform/errors.ts';
import { derivedSeries } from './derive.service.ts';
import { baselineReasonIssue, prefillBaseline, type Baseline, type SeriesPoint } from './baseline.ts';

const PAST_CONCEPT = 'het doel is al voorbij concept: een indicator moet dan een nulmeting (waarde, datum en bron) hebben';

/** The derivation's own series for the goal's team (or the cooperation), as plain points. */
async function seriesOf(ctx: Ctx, kind: Derivation, coop: Awaited<ReturnType<typeof goalContext>>['coop'], teamId: string | null): Promise<SeriesPoint[]> {
  return (await derivedSeries(ctx, kind, coop, teamId)).computed.map((c) => ({ measuredOn: c.period.to, value: c.value }));
}

/** A derived KPI's baseline, checked against its series: complete, and a difference explained. */
function derivedBaselineIssues(b: Baseline, series: SeriesPoint[], unit: string): FieldIssue[] {
  const issues: FieldIssue[] = baselineIssues(b);
  const reason = baselineReasonIssue(b, series, unit);
  if (reason) issues.push(reason);
  return issues;
}

/**
 * Records a KPI under a goal. A derived KPI takes its unit from the derivation when none is
 * given, and its baseline from its own series when left empty; a baseline that differs from
 * the series needs a reason (issue 16).
 */
export async function createKpi(ctx: Ctx, goalId: string, input: unknown): Promise<KpiRow> {
  const parsed = parseInput(kpiInput, input);
  const { goal, coop, scope } = await goalContext(ctx, goalId);
  await requireMutationAccess(ctx, 'team:manage', scope, { action: 'indicator.aanmaken', objectType: 'indicator', objectId: parsed.name });
  const unit = parsed.unit || DERIVATION_INFO[parsed.derivation as Derivation].unit;
  let data = parsed;
  if (parsed.derivation) {
    const kind = parsed.derivation as Derivation;
    const series = await seriesOf(ctx, kind, coop, goal.teamId);
    const filled = prefillBaseline(parsed, series, DERIVATION_INFO[kind].source);
    const issues = derivedBaselineIssues(filled, series, unit);
    if (issues.length) throw new VlechtError('VALIDATION', {}, issues);
    data = { ...parsed, ...filled };
  }
  if (goal.status !== 'concept' && data.baselineValue === null) {
    throw new VlechtError('VALIDATION', {}, [{ field: 'baselineValue', message: PAST_CONCEPT }]);
  }
  return mutate(ctx, async (tx) => {
    if ((await kpisOfGoals(tx, [goalId])).some((k) => k.name.toLowerCase() === data.name.toLowerCase())) {
      throw new VlechtError('DUPLICATE', { field: 'name', value: data.name });
    }
    const row = await insertKpi(tx, { ...data, unit, goalId });
    return { value: row, audit: { action: 'indicator.aanmaken', objectType: 'indicator', objectId: row.id, newValue: presentKpiRow(row) } };
  });
}

/** Changes the fields the patch names (null clears an optional one); the baseline stays complete. */
export async function updateKpi(ctx: Ctx, kpiId: string, expectedVersion: number | undefined, input: unknown): Promise<KpiRow> {
  const patch = definedOnly(parseInput(kpiPatch, input));
  const { kpi, goal, coop, scope } = await kpiContext(ctx, kpiId);
  const attempt = { action: 'indicator.wijzigen', objectType: 'indicator', objectId: kpi.id };
  await requireMutationAccess(ctx, 'team:manage', scope, attempt);
  const touchesBaseline = patch.baselineValue !== undefined || patch.baselineDate !== undefined || patch.baselineReason !== undefined;
  // Read outside the write transaction: the series comes from other capabilities' services.
  const series = kpi.derivation && touchesBaseline ? await seriesOf(ctx, kpi.derivation as Derivation, coop, goal.teamId) : null;
  return mutate(ctx, async (tx) => {
    const current = (await findKpiById(tx, kpiId))!.kpi; // KPIs are never deleted
    checkVersion(current.version, expectedVersion);
    const merged = { ...current, ...patch };
    const baseline: Baseline = { baselineValue: merged.baselineValue ?? null, baselineDate: merged.baselineDate ?? null, baselineSource: merged.baselineSource ?? '', baselineReason: merged.baselineReason ?? '' };
    const issues: FieldIssue[] = series ? derivedBaselineIssues(baseline, series, current.unit) : baselineIssues(baseline);
    if (goal.status !== 'concept' && (merged.baselineValue ?? null) === null) issues.push({ field: 'baselineValue', message: PAST_CONCEPT });
    if (issues.length) throw new VlechtError('VALIDATION', {}, issues);
    if (patch.name && patch.name.toLowerCase() !== current.name.toLowerCase()
      && (await kpisOfGoals(tx, [current.goalId])).some((k) => k.name.toLowerCase() === patch.name!.toLowerCase())) {
      throw new VlechtError('DUPLICATE', { field: 'name', value: patch.name });
    }
    const row = await updateKpiRow(tx, kpiId, { ...patch, version: current.version + 1, updatedAt: ctx.clock() });
    if (!row) throw new VlechtError('PRECONDITION_FAILED', { current: current.version + 1, expected: expectedVersion }); // a concurrent writer won
    return { value: row, audit: { ...attempt, oldValue: presentKpiRow(current), newValue: presentKpiRow(row) } };
  });
}

/** Sets the target of a KPI for a date; set again later to revise it. */
export async function addTarget(ctx: Ctx, kpiId: string, input: unknown): Promise<TargetRow> {
  const data = parseInput(targetInput, input);
  const { kpi, scope } = await kpiContext(ctx, kpiId);
  await requireMutationAccess(ctx, 'team:manage', scope, { action: 'streefwaarde.vastleggen', objectType: 'indicator', objectId: kpi.id });
  const setOn = data.setOn ?? isoToday(ctx);
  if (setOn > isoToday(ctx)) throw new VlechtError('VALIDATION', {}, [{ field: 'setOn', message: 'de datum van vaststellen ligt in de toekomst', value: setOn }]);
  return mutate(ctx, async (tx) => {
    if ((await targetsOfKpis(tx, [kpiId])).some((t) => t.targetDate === data.targetDate && t.setOn === setOn)) {
      throw new VlechtError('DUPLICATE', { field: 'targetDate', value: data.targetDate });
    }
    const row = await insertTarget(tx, { kpiId, targetDate: data.targetDate, value: data.value, setOn, source: data.source, recordedBy: ctx.actor.label });
    return { value: row, audit: { action: 'streefwaarde.vastleggen', objectType: 'indicator', objectId: kpi.id, newValue: presentTarget(row) } };
  });
}
