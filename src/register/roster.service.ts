/**
 * The roster of a cooperation in one call: members, teams, the employees of member
 * municipalities and their team assignments. For importers and ledger figures that must
 * resolve many rows at once; it holds personal data, so only roles that import or may
 * read personal data across the cooperation get it.
 */
import * as q from './queries.ts';
import { cooperationScope } from './scopes.ts';
import { can } from '../platform/auth/policy.ts';
import { VlechtError } from '../platform/errors.ts';
import type { Ctx } from '../platform/context.ts';
import type { Queryable } from '../platform/db/types.ts';

export async function cooperationRoster(ctx: Ctx, cooperationSlug: string, db: Queryable = ctx.db) {
  const coop = await q.findCooperationBySlug(db, cooperationSlug);
  if (!coop) throw new VlechtError('NOT_FOUND', { object: 'samenwerking', key: cooperationSlug });
  const scope = await cooperationScope(db, coop.id);
  if (!can(ctx.actor, 'ledger:import', scope) && !can(ctx.actor, 'personal:read', scope)) throw new VlechtError('FORBIDDEN', { permission: 'ledger:import' });
  const [members, teams] = await Promise.all([q.membersOf(db, coop.id), q.teamsOf(db, coop.id)]);
  const municipalities = [...new Map(members.map((m) => [m.municipality.id, m.municipality])).values()];
  const [employees, assignments] = await Promise.all([
    q.employeesOfEmployers(db, municipalities.map((m) => m.id)),
    q.assignmentsInTeams(db, teams.map((t) => t.id)),
  ]);
  return { cooperation: coop, municipalities, teams, employees, assignments };
}
