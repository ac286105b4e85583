/**
 * Who may do what with goals. Reading goals, KPIs and measurements (aggregates) needs
 * register:read on the cooperation; creating and editing them needs team:manage in the
 * goal's scope (its cooperation, member municipalities and, for a team goal, the team);
 * moving a goal forward on its approval route is a decision only directie or beheerder
 * record (a team:manage grant held in one of those roles).
 */
import { getCooperation } from '../register/cooperation.service.ts';
import { findGoalById, findKpiById, type GoalRow, type KpiRow } from './queries.ts';
import { can, type Scope } from '../platform/auth/policy.ts';
import type { Actor } from '../platform/auth/actor.ts';
import { writeAudit, type AuditEntry } from '../platform/audit/trail.ts';
import { VlechtError } from '../platform/errors.ts';
import type { Ctx } from '../platform/context.ts';

export type CooperationView = Awaited<ReturnType<typeof getCooperation>>;

/** The scope of a goal: its cooperation with the member municipalities, and its team if any. */
export const goalScope = (coop: CooperationView, teamId: string | null): Scope => ({
  cooperationId: coop.cooperation.id,
  memberMunicipalityIds: [...new Set(coop.members.map((m) => m.municipality.id))],
  ...(teamId ? { teamIds: [teamId] } : {}),
});

export const mayManage = (actor: Actor, scope: Scope): boolean => can(actor, 'team:manage', scope);

/** Directie or beheerder with a grant that reaches this goal. */
export function mayApprove(actor: Actor, scope: Scope): boolean {
  if (actor.system) return true;
  return actor.grants.some((g) => (g.role === 'directie' || g.role === 'beheerder') && can({ ...actor, grants: [g] }, 'team:manage', scope));
}

/** As requireMutationAccess, for the approval check: a refusal is written to the audit trail too. */
export async function requireApprover(ctx: Ctx, scope: Scope, attempt: Omit<AuditEntry, 'result'>): Promise<void> {
  if (mayApprove(ctx.actor, scope)) return;
  await ctx.db.transaction((tx) => writeAudit(tx, ctx.actor, ctx.origin, { ...attempt, result: 'geweigerd', reason: 'alleen directie of beheerder legt een besluit over een doel vast' }, ctx.clock()));
  throw new VlechtError('FORBIDDEN', { permission: 'doel:besluit' });
}

export interface GoalContext {
  goal: GoalRow;
  coop: CooperationView;
  scope: Scope;
}

/** A goal, its cooperation (checks register:read) and its scope; NOT_FOUND when there is none. */
export async function goalContext(ctx: Ctx, goalId: string): Promise<GoalContext> {
  const found = await findGoalById(ctx.db, goalId);
  if (!found) throw new VlechtError('NOT_FOUND', { object: 'doel', key: goalId });
  const coop = await getCooperation(ctx, found.cooperationSlug);
  return { goal: found.goal, coop, scope: goalScope(coop, found.goal.teamId) };
}

/** A KPI with its goal context. */
export async function kpiContext(ctx: Ctx, kpiId: string): Promise<GoalContext & { kpi: KpiRow }> {
  const found = await findKpiById(ctx.db, kpiId);
  if (!found) throw new VlechtError('NOT_FOUND', { object: 'indicator', key: kpiId });
  const coop = await getCooperation(ctx, found.cooperationSlug);
  return { kpi: found.kpi, goal: found.goal, coop, scope: goalScope(coop, found.goal.teamId) };
}

export const isoToday = (ctx: Ctx): string => ctx.clock().toISOString().slice(0, 10);
