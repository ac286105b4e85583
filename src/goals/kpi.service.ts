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
import { VlechtError } from '../platform/errors.ts';

const PAST_CONCEPT = 'het doel is al voorbij concept: een indicator moet dan een nulmeting (waarde, datum en bron) hebben';

/** Records a KPI under a goal. A derived KPI takes its unit from the derivation when none is given. */
export async function createKpi(ctx: Ctx, goalId: string, input: unknown): Promise<KpiRow> {
  const data = parseInput(kpiInput, input);
  const { goal, scope } = await goalContext(ctx, goalId);
  await requireMutationAccess(ctx, 'team:manage', scope, { action: 'indicator.aanmaken', objectType: 'indicator', objectId: data.name });
  if (goal.status !== 'concept' && data.baselineValue === null) {
    throw new VlechtError('VALIDATION', {}, [{ field: 'baselineValue', message: PAST_CONCEPT }]);
  }
  const unit = data.unit || DERIVATION_INFO[data.derivation as Derivation].unit;
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
  const { kpi, goal, scope } = await kpiContext(ctx, kpiId);
  const attempt = { action: 'indicator.wijzigen', objectType: 'indicator', objectId: kpi.id };
  await requireMutationAccess(ctx, 'team:manage', scope, attempt);
  return mutate(ctx, async (tx) => {
    const current = (await findKpiById(tx, kpiId))!.kpi; // KPIs are never deleted
    checkVersion(current.version, expectedVersion);
    const merged = { ...current, ...patch };
    const issues = baselineIssues({ baselineValue: merged.baselineValue ?? null, baselineDate: merged.baselineDate ?? null, baselineSource: merged.baselineSource ?? '' });
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
