/** Use cases for cooperations and their members. */
import { and, eq } from 'drizzle-orm';
import { cooperation, cooperationMember } from './tables.ts';
import * as q from './queries.ts';
import { codeProblemOn } from './municipality-codes.ts';
import { cooperationInput, cooperationPatch, memberInput } from './schema.ts';
import { cooperationScope, isoDay } from './scopes.ts';
import { stepOn } from './periods.ts';
import { parseInput } from '../platform/validation.ts';
import { can } from '../platform/auth/policy.ts';
import { checkVersion, mutate, requireAccess, requireMutationAccess, type Ctx } from '../platform/context.ts';
import { VlechtError } from '../platform/errors.ts';

/** The cooperations the actor may read. */
export async function listCooperations(ctx: Ctx) {
  const [all, members] = await Promise.all([q.listCooperations(ctx.db), q.memberIdsByCooperation(ctx.db)]);
  return all.filter((c) => can(ctx.actor, 'register:read', { cooperationId: c.id, memberMunicipalityIds: members.get(c.id) ?? [] }));
}

async function loadBySlug(ctx: Ctx, slug: string) {
  const found = await q.findCooperationBySlug(ctx.db, slug);
  if (!found) throw new VlechtError('NOT_FOUND', { object: 'samenwerking', key: slug });
  return found;
}

/** A cooperation with its members and teams, each team with its integration history. */
export async function getCooperation(ctx: Ctx, slug: string) {
  const coop = await loadBySlug(ctx, slug);
  requireAccess(ctx, 'register:read', await cooperationScope(ctx.db, coop.id));
  const [members, teams] = await Promise.all([q.membersOf(ctx.db, coop.id), q.teamsOf(ctx.db, coop.id)]);
  const history = await q.integrationHistoryOf(ctx.db, teams.map((t) => t.id));
  const today = isoDay(ctx.clock());
  return {
    cooperation: coop,
    members: members.map((m) => ({ ...m.member, municipality: m.municipality })),
    teams: teams.map((t) => {
      const levels = history.filter((h) => h.teamId === t.id);
      return { ...t, integrationHistory: levels, currentLevel: stepOn(levels, today)?.level ?? null };
    }),
  };
}

export async function createCooperation(ctx: Ctx, input: unknown) {
  const data = parseInput(cooperationInput, input);
  await requireMutationAccess(ctx, 'cooperation:create', {}, { action: 'samenwerking.aanmaken', objectType: 'samenwerking', objectId: data.slug });
  if (await q.findCooperationBySlug(ctx.db, data.slug)) throw new VlechtError('DUPLICATE', { field: 'slug', value: data.slug });
  return mutate(ctx, async (tx) => {
    const [row] = await tx.insert(cooperation).values(data).returning();
    return { value: row, audit: { action: 'samenwerking.aanmaken', objectType: 'samenwerking', objectId: row.id, newValue: row } };
  });
}

export async function updateCooperation(ctx: Ctx, slug: string, expectedVersion: number | undefined, input: unknown) {
  const patch = parseInput(cooperationPatch, input);
  const before = await loadBySlug(ctx, slug);
  await requireMutationAccess(ctx, 'cooperation:update', await cooperationScope(ctx.db, before.id),
    { action: 'samenwerking.wijzigen', objectType: 'samenwerking', objectId: before.id });
  return mutate(ctx, async (tx) => {
    const current = (await q.findCooperationById(tx, before.id))!; // no deletes: it still exists
    checkVersion(current.version, expectedVersion);
    const [row] = await tx.update(cooperation).set({ ...patch, version: current.version + 1, updatedAt: ctx.clock() })
      .where(and(eq(cooperation.id, current.id), eq(cooperation.version, current.version))).returning();
    if (!row) throw new VlechtError('PRECONDITION_FAILED', { current: current.version + 1, expected: expectedVersion });
    return { value: row, audit: { action: 'samenwerking.wijzigen', objectType: 'samenwerking', objectId: row.id, oldValue: current, newValue: row } };
  });
}

export async function addMember(ctx: Ctx, slug: string, input: unknown) {
  const data = parseInput(memberInput, input);
  const coop = await loadBySlug(ctx, slug);
  await requireMutationAccess(ctx, 'cooperation:update', await cooperationScope(ctx.db, coop.id),
    { action: 'samenwerking.lid-toevoegen', objectType: 'samenwerking', objectId: coop.id });
  const m = await q.findMunicipalityByCode(ctx.db, data.cbsCode);
  if (!m) throw new VlechtError('VALIDATION', {}, [{ field: 'cbsCode', message: 'onbekende gemeente', value: data.cbsCode }]);
  const expired = codeProblemOn(m, data.validFrom, m.successorCbsCode ? (await q.findMunicipalityByCode(ctx.db, m.successorCbsCode))?.name : undefined);
  if (expired) throw new VlechtError('VALIDATION', {}, [{ field: 'cbsCode', message: `${expired} op de ingangsdatum`, value: data.cbsCode }]);
  const existing = await q.membersOf(ctx.db, coop.id);
  if (existing.some((e) => e.municipality.id === m.id && e.member.validTo === null)) {
    throw new VlechtError('DUPLICATE', { field: 'cbsCode', value: data.cbsCode });
  }
  return mutate(ctx, async (tx) => {
    const [row] = await tx.insert(cooperationMember).values({
      cooperationId: coop.id, municipalityId: m.id, role: data.role, validFrom: data.validFrom, validTo: data.validTo,
    }).returning();
    return { value: row, audit: { action: 'samenwerking.lid-toevoegen', objectType: 'samenwerking', objectId: coop.id, newValue: row } };
  });
}
