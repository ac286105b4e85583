/**
 * Use cases for goals: record and edit a goal, move it along its approval route with a
 * dated decision, and record the audit office's recommendations a goal can answer.
 * Every mutation: policy check first, one transaction, one audit row.
 */
import { getCooperation } from '../register/cooperation.service.ts';
import {
  insertGoal, insertRecommendation, insertStatusChange, kpisOfGoals, recommendationsOf, statusChangesOf, updateGoalRow,
  findGoalById, type GoalRow,
} from './queries.ts';
import { definedOnly, goalInput, goalPatch, recommendationInput, transitionInput } from './schema.ts';
import { needsApprover, transitionIssues } from './workflow.ts';
import type { GoalStatus } from './catalogue.ts';
import { presentGoalRow, presentRecommendation, presentStatusChange, type RecommendationView } from './present.ts';
import { goalContext, goalScope, isoToday, requireApprover, type CooperationView } from './access.service.ts';
import { parseInput } from '../platform/validation.ts';
import { checkVersion, mutate, requireMutationAccess, type Ctx } from '../platform/context.ts';
import { VlechtError, type FieldIssue } from '../platform/errors.ts';
import type { Queryable } from '../platform/db/types.ts';

async function referenceIssues(db: Queryable, coop: CooperationView, teamId: string | null | undefined, recommendationId: string | null | undefined): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  if (teamId && !coop.teams.some((t) => t.id === teamId)) issues.push({ field: 'teamId', message: 'dit team hoort niet bij de samenwerking', value: teamId });
  if (recommendationId && !(await recommendationsOf(db, coop.cooperation.id)).some((r) => r.id === recommendationId)) {
    issues.push({ field: 'recommendationId', message: 'deze aanbeveling is niet vastgelegd bij de samenwerking', value: recommendationId });
  }
  return issues;
}

/** Records a goal of a cooperation (or of one of its teams) as concept. */
export async function createGoal(ctx: Ctx, cooperationSlug: string, input: unknown): Promise<GoalRow> {
  const data = parseInput(goalInput, input);
  const coop = await getCooperation(ctx, cooperationSlug); // checks register:read
  await requireMutationAccess(ctx, 'team:manage', goalScope(coop, data.teamId), { action: 'doel.aanmaken', objectType: 'doel', objectId: data.title });
  const issues = await referenceIssues(ctx.db, coop, data.teamId, data.recommendationId);
  if (issues.length) throw new VlechtError('VALIDATION', {}, issues);
  return mutate(ctx, async (tx) => {
    const row = await insertGoal(tx, { ...data, cooperationId: coop.cooperation.id, status: 'concept' });
    return { value: row, audit: { action: 'doel.aanmaken', objectType: 'doel', objectId: row.id, newValue: presentGoalRow(row) } };
  });
}

/** Changes the fields the patch names; needs the version the client saw. Moving a goal to another team needs rights on both. */
export async function updateGoal(ctx: Ctx, goalId: string, expectedVersion: number | undefined, input: unknown): Promise<GoalRow> {
  const patch = definedOnly(parseInput(goalPatch, input));
  const { goal, coop, scope } = await goalContext(ctx, goalId);
  const attempt = { action: 'doel.wijzigen', objectType: 'doel', objectId: goal.id };
  await requireMutationAccess(ctx, 'team:manage', scope, attempt);
  if (patch.teamId !== undefined && patch.teamId !== goal.teamId) await requireMutationAccess(ctx, 'team:manage', goalScope(coop, patch.teamId), attempt);
  const issues = await referenceIssues(ctx.db, coop, patch.teamId, patch.recommendationId);
  if (issues.length) throw new VlechtError('VALIDATION', {}, issues);
  return mutate(ctx, async (tx) => {
    const current = (await findGoalById(tx, goalId))!.goal; // goals are never deleted
    checkVersion(current.version, expectedVersion);
    const row = await updateGoalRow(tx, goalId, { ...patch, version: current.version + 1, updatedAt: ctx.clock() });
    if (!row) throw new VlechtError('PRECONDITION_FAILED', { current: current.version + 1, expected: expectedVersion }); // a concurrent writer won
    return { value: row, audit: { ...attempt, oldValue: presentGoalRow(current), newValue: presentGoalRow(row) } };
  });
}

/**
 * Moves a goal one step along concept → voorgelegd aan college → aangeboden aan de raad
 * (B-stuk) → vastgesteld, or back to concept, with the date and reference of the decision.
 * Forward steps only by directie or beheerder, and only when every KPI has a baseline.
 */
export async function transitionGoal(ctx: Ctx, goalId: string, expectedVersion: number | undefined, input: unknown) {
  const data = parseInput(transitionInput, input);
  const { goal, scope } = await goalContext(ctx, goalId);
  const attempt = { action: 'doel.status', objectType: 'doel', objectId: goal.id };
  if (needsApprover(data.to)) await requireApprover(ctx, scope, attempt);
  else await requireMutationAccess(ctx, 'team:manage', scope, attempt);
  return mutate(ctx, async (tx) => {
    const current = (await findGoalById(tx, goalId))!.goal;
    checkVersion(current.version, expectedVersion);
    const [kpis, history] = await Promise.all([kpisOfGoals(tx, [goalId]), statusChangesOf(tx, [goalId])]);
    const issues = transitionIssues({
      from: current.status as GoalStatus, to: data.to, decidedOn: data.decidedOn, lastDecidedOn: history.at(-1)?.decidedOn ?? null,
      today: isoToday(ctx), kpis: kpis.map((k) => ({ name: k.name, hasBaseline: k.baselineValue !== null && k.baselineSource.trim() !== '' })),
    });
    if (issues.length) throw new VlechtError('VALIDATION', {}, issues);
    const change = await insertStatusChange(tx, {
      goalId, fromStatus: current.status, toStatus: data.to, decidedOn: data.decidedOn, decisionReference: data.decisionReference,
      note: data.note, recordedBy: ctx.actor.label,
    });
    const row = await updateGoalRow(tx, goalId, { status: data.to, version: current.version + 1, updatedAt: ctx.clock() });
    if (!row) throw new VlechtError('PRECONDITION_FAILED', { current: current.version + 1, expected: expectedVersion }); // a concurrent writer won
    return { value: { goal: row, change: presentStatusChange(change) }, audit: { ...attempt, oldValue: presentGoalRow(current), newValue: { ...presentGoalRow(row), besluit: presentStatusChange(change) } } };
  });
}

/** The audit office's recommendations recorded for a cooperation. */
export async function listRecommendations(ctx: Ctx, cooperationSlug: string): Promise<RecommendationView[]> {
  const coop = await getCooperation(ctx, cooperationSlug);
  return (await recommendationsOf(ctx.db, coop.cooperation.id)).map(presentRecommendation);
}

/** Records a recommendation of the audit office (source, number, text) so goals can refer to it. */
export async function createRecommendation(ctx: Ctx, cooperationSlug: string, input: unknown): Promise<RecommendationView> {
  const data = parseInput(recommendationInput, input);
  const coop = await getCooperation(ctx, cooperationSlug);
  await requireMutationAccess(ctx, 'team:manage', goalScope(coop, null), { action: 'aanbeveling.aanmaken', objectType: 'aanbeveling', objectId: `${data.source} ${data.number}` });
  const existing = await recommendationsOf(ctx.db, coop.cooperation.id);
  if (existing.some((r) => r.source === data.source && r.number === data.number)) throw new VlechtError('DUPLICATE', { field: 'number', value: data.number });
  return mutate(ctx, async (tx) => {
    const row = presentRecommendation(await insertRecommendation(tx, { ...data, cooperationId: coop.cooperation.id }));
    return { value: row, audit: { action: 'aanbeveling.aanmaken', objectType: 'aanbeveling', objectId: row.id, newValue: row } };
  });
}
