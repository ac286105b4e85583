/**
 * Use cases of the route plan: milestones per team or for the whole cooperation, with
 * dependencies (no cycles: dependencies.ts) and risks. A team manager manages the
 * milestones of the own team only (governance:manage in the team's scope).
 */
import { parseInput } from '../platform/validation.ts';
import { checkVersion, mutate, requireMutationAccess, type Ctx } from '../platform/context.ts';
import { VlechtError, type FieldIssue } from '../platform/errors.ts';
import { milestoneInput, milestonePatch } from './schema.ts';
import { findMilestone, insertMilestone, milestonesOf, updateMilestoneRow, type MilestoneRow } from './queries.ts';
import { presentMilestone, type MilestoneView } from './present.ts';
import { findCycle, scheduleConflicts } from './dependencies.ts';
import { govContext, isoToday, mayManage, scopeOf, type CooperationView } from './access.service.ts';

function views(rows: MilestoneRow[], coop: CooperationView, today: string): MilestoneView[] {
  const conflicts = scheduleConflicts(rows);
  const teams = coop.teams.map((t) => ({ id: t.id, name: t.name }));
  return rows.map((m) => presentMilestone(m, today, rows, teams, conflicts.filter(([a]) => a === m.id).map(([, b]) => b)));
}

export async function listMilestones(ctx: Ctx, slug: string) {
  const { coop, scope } = await govContext(ctx, slug);
  const today = isoToday(ctx);
  const milestones = views(await milestonesOf(ctx.db, coop.cooperation.id), coop, today);
  const c = coop.cooperation;
  return {
    cooperation: { id: c.id, slug: c.slug, name: c.name }, today, milestones,
    teams: coop.teams.map((t) => ({ id: t.id, name: t.name, mayManage: mayManage(ctx.actor, scopeOf(coop, t.id)) })),
    may: { manage: mayManage(ctx.actor, scope) },
  };
}

/** Checks references and the dependency graph with `candidate` in place of (or added to) the stored milestones. */
function checkPlan(candidate: MilestoneRow, others: MilestoneRow[], coop: CooperationView) {
  const issues: FieldIssue[] = [];
  if (candidate.teamId && !coop.teams.some((t) => t.id === candidate.teamId)) issues.push({ field: 'teamId', message: 'dit team hoort niet bij de samenwerking', value: candidate.teamId });
  candidate.dependsOn.forEach((d, i) => {
    if (d !== candidate.id && !others.some((o) => o.id === d)) issues.push({ field: `dependsOn.${i}`, message: 'deze mijlpaal hoort niet bij het routeplan van de samenwerking', value: d });
  });
  if (issues.length) throw new VlechtError('VALIDATION', {}, issues);
  const all = [...others.filter((o) => o.id !== candidate.id), candidate];
  const cycle = findCycle(all);
  if (cycle) {
    const title = (id: string) => all.find((m) => m.id === id)?.title ?? id;
    throw new VlechtError('VALIDATION', {}, [{ field: 'dependsOn', message: `deze afhankelijkheid maakt een kring: ${cycle.map(title).join(' → ')}` }]);
  }
}

export async function createMilestone(ctx: Ctx, slug: string, input: unknown): Promise<MilestoneView> {
  const data = parseInput(milestoneInput, input);
  const { coop } = await govContext(ctx, slug);
  const attempt = { action: 'mijlpaal.aanmaken', objectType: 'mijlpaal', objectId: data.title };
  await requireMutationAccess(ctx, 'governance:manage', scopeOf(coop, data.teamId), attempt);
  return mutate(ctx, async (tx) => {
    const others = await milestonesOf(tx, coop.cooperation.id);
    const id = crypto.randomUUID();
    checkPlan({ ...data, id, cooperationId: coop.cooperation.id, version: 1, createdAt: ctx.clock(), updatedAt: ctx.clock() }, others, coop);
    const row = await insertMilestone(tx, { id, cooperationId: coop.cooperation.id, ...data });
    const view = views([...others, row], coop, isoToday(ctx)).find((m) => m.id === row.id)!;
    return { value: view, audit: { ...attempt, objectId: row.id, newValue: view } };
  });
}

/** Moving a milestone to another team needs rights on both. */
export async function updateMilestone(ctx: Ctx, id: string, expectedVersion: number | undefined, input: unknown): Promise<MilestoneView> {
  const patch = parseInput(milestonePatch, input);
  const found = await findMilestone(ctx.db, id);
  if (!found) throw new VlechtError('NOT_FOUND', { object: 'mijlpaal', key: id });
  const { coop } = await govContext(ctx, found.cooperationSlug);
  const attempt = { action: 'mijlpaal.wijzigen', objectType: 'mijlpaal', objectId: id };
  await requireMutationAccess(ctx, 'governance:manage', scopeOf(coop, found.milestone.teamId), attempt);
  if (patch.teamId !== undefined && patch.teamId !== found.milestone.teamId) await requireMutationAccess(ctx, 'governance:manage', scopeOf(coop, patch.teamId), attempt);
  return mutate(ctx, async (tx) => {
    const current = (await findMilestone(tx, id))!.milestone;
    checkVersion(current.version, expectedVersion);
    const { id: _, cooperationId: __, version: ___, createdAt: ____, updatedAt: _____, ...editable } = current;
    const merged = parseInput(milestoneInput, { ...editable, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) });
    const others = await milestonesOf(tx, coop.cooperation.id);
    checkPlan({ ...current, ...merged }, others, coop);
    const row = await updateMilestoneRow(tx, id, current.version, { ...merged, version: current.version + 1, updatedAt: ctx.clock() });
    if (!row) throw new VlechtError('PRECONDITION_FAILED', { current: current.version + 1, expected: expectedVersion });
    const today = isoToday(ctx);
    const after = views(others.map((o) => (o.id === id ? row : o)), coop, today).find((m) => m.id === id)!;
    const before = views(others, coop, today).find((m) => m.id === id)!;
    return { value: after, audit: { ...attempt, oldValue: before, newValue: after } };
  });
}

/** The slug of the cooperation a milestone belongs to (checks register:read). */
export async function getMilestoneSlug(ctx: Ctx, id: string): Promise<string> {
  const found = await findMilestone(ctx.db, id);
  if (!found) throw new VlechtError('NOT_FOUND', { object: 'mijlpaal', key: id });
  return (await govContext(ctx, found.cooperationSlug)).coop.cooperation.slug;
}
