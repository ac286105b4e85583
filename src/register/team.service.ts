/** Use cases for teams (task fields): the team, its integration history, its functions and staffing. */
import { and, eq } from 'drizzle-orm';
import { team, teamIntegrationLevel, jobFunction } from './tables.ts';
import * as q from './queries.ts';
import { functionInput, integrationLevelInput, teamInput, teamPatch } from './schema.ts';
import { isoDay, teamScope, cooperationScope } from './scopes.ts';
import { isValidOn, stepOn } from './periods.ts';
import { staffingOn } from './staffing.ts';
import { parseInput } from '../platform/validation.ts';
import { can } from '../platform/auth/policy.ts';
import { checkVersion, mutate, requireAccess, requireMutationAccess, type Ctx } from '../platform/context.ts';
import { VlechtError } from '../platform/errors.ts';
import type { Queryable } from '../platform/db/types.ts';

async function loadTeam(db: Queryable, teamId: string) {
  const found = await q.findTeamById(db, teamId);
  if (!found) throw new VlechtError('NOT_FOUND', { object: 'team', key: teamId });
  return found;
}

/** Finds a team by cooperation slug and team slug (for pages). */
export async function findTeamId(ctx: Ctx, cooperationSlug: string, teamSlug: string): Promise<string> {
  const coop = await q.findCooperationBySlug(ctx.db, cooperationSlug);
  const found = coop && await q.findTeamBySlug(ctx.db, coop.id, teamSlug);
  if (!found) throw new VlechtError('NOT_FOUND', { object: 'team', key: `${cooperationSlug}/${teamSlug}` });
  return found.id;
}

async function leadCode(db: Queryable, code: string | null | undefined) {
  if (!code) return null;
  const m = await q.findMunicipalityByCode(db, code);
  if (!m) throw new VlechtError('VALIDATION', {}, [{ field: 'leadMunicipalityCbsCode', message: 'onbekende gemeente', value: code }]);
  return m.id;
}

/**
 * A team with its integration history, functions and staffing per employer. The list of
 * named people only for roles allowed to see personal data; everyone else gets aggregates.
 */
export async function getTeam(ctx: Ctx, teamId: string) {
  const t = await loadTeam(ctx.db, teamId);
  const scope = await teamScope(ctx.db, t);
  requireAccess(ctx, 'register:read', scope);
  const today = isoDay(ctx.clock());
  const [coop, history, functions, assignments, members] = await Promise.all([
    q.findCooperationById(ctx.db, t.cooperationId), q.integrationHistoryOf(ctx.db, [t.id]),
    q.functionsOf(ctx.db, t.id), q.assignmentsOfTeam(ctx.db, t.id), q.membersOf(ctx.db, t.cooperationId),
  ]);
  const staffing = staffingOn(assignments.map((a) => ({
    employerMunicipalityId: a.employer.id, fteMilli: a.assignment.fteMilli, validFrom: a.assignment.validFrom, validTo: a.assignment.validTo,
  })), today).map((s) => ({ ...s, municipality: members.find((m) => m.municipality.id === s.municipalityId)?.municipality
    ?? assignments.find((a) => a.employer.id === s.municipalityId)!.employer }));
  const mayReadPeople = can(ctx.actor, 'personal:read', scope);
  const people = mayReadPeople
    ? assignments.filter((a) => isValidOn(a.assignment, today)).map((a) => ({
      employeeId: a.employee.id, name: a.employee.name, personnelNumber: a.employee.personnelNumber,
      synthetic: a.employee.synthetic, employer: a.employer, functionName: a.functionName, fteMilli: a.assignment.fteMilli,
      validFrom: a.assignment.validFrom,
    }))
    : null;
  const lead = t.leadMunicipalityId ? members.find((m) => m.municipality.id === t.leadMunicipalityId)?.municipality ?? null : null;
  return {
    team: t, cooperation: coop, leadMunicipality: lead, integrationHistory: history,
    currentLevel: stepOn(history, today)?.level ?? null, functions, staffing, people,
  };
}

export async function createTeam(ctx: Ctx, cooperationSlug: string, input: unknown) {
  const data = parseInput(teamInput, input);
  const coop = await q.findCooperationBySlug(ctx.db, cooperationSlug);
  if (!coop) throw new VlechtError('NOT_FOUND', { object: 'samenwerking', key: cooperationSlug });
  await requireMutationAccess(ctx, 'team:manage', await cooperationScope(ctx.db, coop.id),
    { action: 'team.aanmaken', objectType: 'team', objectId: data.slug });
  if (await q.findTeamBySlug(ctx.db, coop.id, data.slug)) throw new VlechtError('DUPLICATE', { field: 'slug', value: data.slug });
  const leadMunicipalityId = await leadCode(ctx.db, data.leadMunicipalityCbsCode);
  const { leadMunicipalityCbsCode: _, ...rest } = data;
  return mutate(ctx, async (tx) => {
    const [row] = await tx.insert(team).values({ ...rest, cooperationId: coop.id, leadMunicipalityId }).returning();
    return { value: row, audit: { action: 'team.aanmaken', objectType: 'team', objectId: row.id, newValue: row } };
  });
}

export async function updateTeam(ctx: Ctx, teamId: string, expectedVersion: number | undefined, input: unknown) {
  const patch = parseInput(teamPatch, input);
  const before = await loadTeam(ctx.db, teamId);
  await requireMutationAccess(ctx, 'team:manage', await teamScope(ctx.db, before), { action: 'team.wijzigen', objectType: 'team', objectId: before.id });
  const { leadMunicipalityCbsCode, ...rest } = patch;
  const set = leadMunicipalityCbsCode === undefined ? rest : { ...rest, leadMunicipalityId: await leadCode(ctx.db, leadMunicipalityCbsCode) };
  return mutate(ctx, async (tx) => {
    const current = await loadTeam(tx, teamId);
    checkVersion(current.version, expectedVersion);
    const [row] = await tx.update(team).set({ ...set, version: current.version + 1, updatedAt: ctx.clock() })
      // Conditional on the version read: a concurrent writer that got there first makes this match nothing.
      .where(and(eq(team.id, teamId), eq(team.version, current.version))).returning();
    if (!row) throw new VlechtError('PRECONDITION_FAILED', { current: current.version + 1, expected: expectedVersion });
    return { value: row, audit: { action: 'team.wijzigen', objectType: 'team', objectId: row.id, oldValue: current, newValue: row } };
  });
}

/** Records the team's integration level from a date, with the decision it rests on. */
export async function recordIntegrationLevel(ctx: Ctx, teamId: string, input: unknown) {
  const data = parseInput(integrationLevelInput, input);
  const t = await loadTeam(ctx.db, teamId);
  await requireMutationAccess(ctx, 'team:manage', await teamScope(ctx.db, t), { action: 'team.vervlechting', objectType: 'team', objectId: t.id });
  const history = await q.integrationHistoryOf(ctx.db, [t.id]);
  if (history.some((h) => h.validFrom === data.validFrom)) {
    throw new VlechtError('VALIDATION', {}, [{ field: 'validFrom', message: 'op deze datum is al een niveau vastgelegd', value: data.validFrom }]);
  }
  return mutate(ctx, async (tx) => {
    const [row] = await tx.insert(teamIntegrationLevel).values({ teamId: t.id, ...data }).returning();
    return { value: row, audit: { action: 'team.vervlechting', objectType: 'team', objectId: t.id, newValue: row } };
  });
}

export async function createFunction(ctx: Ctx, teamId: string, input: unknown) {
  const data = parseInput(functionInput, input);
  const t = await loadTeam(ctx.db, teamId);
  await requireMutationAccess(ctx, 'team:manage', await teamScope(ctx.db, t), { action: 'functie.aanmaken', objectType: 'functie', objectId: data.name });
  if ((await q.functionsOf(ctx.db, t.id)).some((f) => f.name.toLowerCase() === data.name.toLowerCase())) {
    throw new VlechtError('DUPLICATE', { field: 'name', value: data.name });
  }
  return mutate(ctx, async (tx) => {
    const [row] = await tx.insert(jobFunction).values({ teamId: t.id, ...data }).returning();
    return { value: row, audit: { action: 'functie.aanmaken', objectType: 'functie', objectId: row.id, newValue: row } };
  });
}
