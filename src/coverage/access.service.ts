/** Loading a cooperation or team for this capability, with the policy scope it lives in. */
import * as q from './queries.ts';
import { cooperationScope, teamScope } from '../register/scopes.ts';
import { VlechtError } from '../platform/errors.ts';
import type { Ctx } from '../platform/context.ts';
import type { Scope } from '../platform/auth/policy.ts';

export const isoToday = (ctx: Ctx) => ctx.clock().toISOString().slice(0, 10);

export async function cooperationOf(ctx: Ctx, slug: string) {
  const coop = await q.findCooperationBySlug(ctx.db, slug);
  if (!coop) throw new VlechtError('NOT_FOUND', { object: 'samenwerking', key: slug });
  return { coop, scope: await cooperationScope(ctx.db, coop.id) };
}

export async function teamOf(ctx: Ctx, teamId: string) {
  const t = await q.findTeam(ctx.db, teamId);
  if (!t) throw new VlechtError('NOT_FOUND', { object: 'team', key: teamId });
  const coop = (await q.findCooperationById(ctx.db, t.cooperationId))!;
  return { team: t, coop, scope: await teamScope(ctx.db, t) as Scope };
}

/** A team by cooperation slug and team slug (for pages). */
export async function teamBySlugs(ctx: Ctx, slug: string, teamSlug: string) {
  const { coop } = await cooperationOf(ctx, slug);
  const t = await q.findTeamBySlug(ctx.db, coop.id, teamSlug);
  if (!t) throw new VlechtError('NOT_FOUND', { object: 'team', key: `${slug}/${teamSlug}` });
  return teamOf(ctx, t.id);
}
