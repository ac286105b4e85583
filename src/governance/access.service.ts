/**
 * Who may do what with governance data, and the defaults every cooperation starts with.
 * Reading (decisions, commitments, route plan, catalogue, agenda: no personal data) needs
 * register:read on the cooperation; writing needs governance:manage in its scope (a team
 * manager only for milestones of the own team).
 */
import { getCooperation } from '../register/cooperation.service.ts';
import { can, type Scope } from '../platform/auth/policy.ts';
import type { Actor } from '../platform/auth/actor.ts';
import type { Ctx } from '../platform/context.ts';
import type { Tx } from '../platform/db/types.ts';
import { DEFAULT_DECISION_TYPES, defaultBodies } from './catalogue.ts';
import { bodiesOf, decisionTypesOf, insertBody, insertDecisionType, insertRights, insertSetup, setupOf, updateBodyRow } from './queries.ts';

export type CooperationView = Awaited<ReturnType<typeof getCooperation>>;

export interface GovContext { coop: CooperationView; scope: Scope }

export const scopeOf = (coop: CooperationView, teamId: string | null = null): Scope => ({
  cooperationId: coop.cooperation.id,
  memberMunicipalityIds: [...new Set(coop.members.map((m) => m.municipality.id))],
  ...(teamId ? { teamIds: [teamId] } : {}),
});

/** The cooperation (checks register:read) and its policy scope. */
export async function govContext(ctx: Ctx, slug: string): Promise<GovContext> {
  const coop = await getCooperation(ctx, slug);
  return { coop, scope: scopeOf(coop) };
}

export const mayManage = (actor: Actor, scope: Scope): boolean => can(actor, 'governance:manage', scope);

export const isoToday = (ctx: Ctx): string => ctx.clock().toISOString().slice(0, 10);

/** Current members, one per municipality, in the order of the register. */
export const currentMembers = (coop: CooperationView) =>
  [...new Map(coop.members.filter((m) => m.validTo === null).map((m) => [m.municipality.id, m.municipality])).values()];

/**
 * Creates the default bodies, decision types and rights (catalogue.ts) the first time a
 * cooperation's governance is written to; a no-op afterwards. Runs inside the caller's
 * transaction, so it is audited with the change that needed it.
 */
export async function ensureSetup(tx: Tx, coop: CooperationView): Promise<boolean> {
  const id = coop.cooperation.id;
  if (await setupOf(tx, id)) return false;
  // Two first writes at once: the second waits on the key, then finds it taken and leaves the defaults to the first.
  if (!(await insertSetup(tx, id))) return false;
  if ((await bodiesOf(tx, id)).length === 0) {
    const members = currentMembers(coop);
    const defaults = defaultBodies(members.map((m) => ({ cbsCode: m.cbsCode, name: m.name })));
    const byKey = new Map<string, string>();
    for (const [i, b] of defaults.entries()) {
      const row = await insertBody(tx, {
        cooperationId: id, key: b.key, name: b.name, kind: b.kind, leadDays: b.leadDays, sortOrder: i * 10,
        municipalityId: members.find((m) => m.cbsCode === b.municipalityCbs)?.id ?? null,
      });
      byKey.set(b.key, row.id);
    }
    for (const b of defaults.filter((d) => d.committeeForKey)) {
      await updateBodyRow(tx, byKey.get(b.key)!, 1, { committeeForBodyId: byKey.get(b.committeeForKey!) ?? null });
    }
  }
  if ((await decisionTypesOf(tx, id)).length === 0) {
    const bodies = await bodiesOf(tx, id);
    for (const [i, t] of DEFAULT_DECISION_TYPES.entries()) {
      const type = await insertDecisionType(tx, { cooperationId: id, key: t.key, name: t.name, sortOrder: i * 10 });
      await insertRights(tx, bodies.flatMap((b) => {
        const right = t.rights[b.kind as keyof typeof t.rights];
        return right ? [{ decisionTypeId: type.id, bodyId: b.id, right }] : [];
      }));
    }
  }
  return true;
}
