/**
 * Use cases of the application portfolio and shared contracts: the portfolio on a date
 * with who uses what, the yearly licence cost under each pricing model, and the
 * harmonisation trend (applications used by every member, per year); recording
 * applications and contracts ('coverage:manage'). Aggregates only: no personal data here.
 */
import { and, eq } from 'drizzle-orm';
import * as q from './queries.ts';
import { application, applicationUse, sharedContract } from './tables.ts';
import { applicationInput, applicationPatch, contractInput } from './schema.ts';
import { harmonisationOn, harmonisationTrend, usersOn, type UseFact } from './harmonisation.ts';
import { basisOf, yearlyCost, type Pricing } from './pricing.ts';
import { cooperationOf, isoToday } from './access.service.ts';
import { parseInput } from '../platform/validation.ts';
import { can } from '../platform/auth/policy.ts';
import { checkVersion, mutate, requireAccess, requireMutationAccess, type Ctx } from '../platform/context.ts';
import { VlechtError } from '../platform/errors.ts';

/** 1 January of every year from the start up to `day`, and `day` itself. */
export function yearStarts(start: string, day: string): string[] {
  const out: string[] = [];
  for (let y = Number(start.slice(0, 4)); `${y}-01-01` <= day; y++) out.push(`${y}-01-01` < start ? start : `${y}-01-01`);
  if (out[out.length - 1] !== day) out.push(day);
  return out;
}

/** Yearly cost for the users of an agreement: inhabitants or users summed over the municipalities that use it. */
export function pooledCost(pricing: Pricing, usedBy: string[], inhabitants: Record<string, number>, users: Record<string, number>) {
  const basis = basisOf(pricing);
  const units = basis === null ? null : usedBy.reduce((s, id) => s + (basis === 'inwoners' ? inhabitants[id] ?? 0 : users[id] ?? 0), 0);
  return { units, basis, yearlyCents: yearlyCost(pricing, units ?? 0) };
}

export async function portfolio(ctx: Ctx, slug: string, day?: string) {
  const { coop, scope } = await cooperationOf(ctx, slug);
  requireAccess(ctx, 'register:read', scope);
  const on = day ?? isoToday(ctx);
  const [members, apps, uses, contracts, teams] = await Promise.all([
    q.membersOn(ctx.db, coop.id, on), q.applicationsOf(ctx.db, coop.id), q.usesOfCooperation(ctx.db, coop.id), q.contractsOf(ctx.db, coop.id), q.teamsOf(ctx.db, coop.id),
  ]);
  const memberIds = members.map((m) => m.id);
  const inhabitants = Object.fromEntries(members.map((m) => [m.id, m.inhabitants ?? 0]));
  const facts: UseFact[] = uses.map((u) => ({ applicationId: u.applicationId, municipalityId: u.municipalityId, validFrom: u.validFrom, validTo: u.validTo }));
  const codeOf = (id: string) => members.find((m) => m.id === id)?.cbsCode ?? '?';
  const applications = apps.map((a) => {
    const usedBy = usersOn(facts, a.id, on).filter((id) => memberIds.includes(id));
    const users = Object.fromEntries(uses.filter((u) => u.applicationId === a.id && usedBy.includes(u.municipalityId) && u.validFrom <= on && (u.validTo === null || u.validTo > on)).map((u) => [u.municipalityId, u.users]));
    const cost = pooledCost(a.pricing, usedBy, inhabitants, users);
    return {
      id: a.id, name: a.name, supplier: a.supplier, category: a.category, team: teams.find((t) => t.id === a.teamId)?.name ?? null, teamId: a.teamId,
      pricing: a.pricing, contractEnd: a.contractEnd, synthetic: a.synthetic, source: a.source, version: a.version,
      usedBy: usedBy.map(codeOf).sort(), harmonised: usedBy.length === memberIds.length && memberIds.length > 0,
      units: cost.units, yearlyCents: usedBy.length ? cost.yearlyCents : 0,
    };
  });
  const contractRows = contracts.map((c) => {
    const usedBy = members.filter((m) => c.memberCodes.includes(m.cbsCode)).map((m) => m.id);
    const users = Object.fromEntries(members.map((m) => [m.id, c.users[m.cbsCode] ?? 0]));
    const cost = pooledCost(c.pricing, usedBy, inhabitants, users);
    return { id: c.id, name: c.name, kind: c.kind, supplier: c.supplier, team: teams.find((t) => t.id === c.teamId)?.name ?? null, pricing: c.pricing, memberCodes: c.memberCodes, contractEnd: c.contractEnd, synthetic: c.synthetic, source: c.source, units: cost.units, yearlyCents: cost.yearlyCents, version: c.version };
  });
  const now = harmonisationOn(facts, memberIds, on);
  const trend = harmonisationTrend(facts, memberIds, yearStarts(coop.startDate, on));
  return {
    cooperation: { id: coop.id, slug: coop.slug, name: coop.name }, day: on,
    members: members.map((m) => ({ id: m.id, cbsCode: m.cbsCode, name: m.name, inhabitants: m.inhabitants })),
    applications: applications.filter((a) => a.usedBy.length > 0),
    retired: applications.filter((a) => a.usedBy.length === 0).length,
    contracts: contractRows,
    harmonisation: { ...now, onlyBy: Object.fromEntries(Object.entries(now.onlyBy).map(([id, n]) => [codeOf(id), n])) },
    trend: trend.map((p) => ({ day: p.day, inUse: p.inUse, harmonised: p.harmonised, pct: p.pct })),
    totals: { yearlyCents: applications.reduce((s, a) => s + a.yearlyCents, 0) + contractRows.reduce((s, c) => s + c.yearlyCents, 0) },
    may: { manage: can(ctx.actor, 'coverage:manage', scope) },
    teams: teams.map((t) => ({ id: t.id, name: t.name })),
  };
}
export type Portfolio = Awaited<ReturnType<typeof portfolio>>;

async function memberIdsOf(ctx: Ctx, codes: string[]) {
  const found = await q.municipalitiesByCode(ctx.db, codes);
  return (code: string, row: number) => {
    const m = found.find((x) => x.cbsCode === code);
    if (!m) throw new VlechtError('VALIDATION', {}, [{ field: `uses.${row}.cbsCode`, message: 'onbekende gemeente', value: code }]);
    return m.id;
  };
}

async function checkTeam(ctx: Ctx, cooperationId: string, teamId: string | null) {
  if (teamId && !(await q.teamsOf(ctx.db, cooperationId)).some((t) => t.id === teamId)) {
    throw new VlechtError('VALIDATION', {}, [{ field: 'teamId', message: 'dit team hoort niet bij de samenwerking', value: teamId }]);
  }
}

export async function createApplication(ctx: Ctx, slug: string, input: unknown) {
  const data = parseInput(applicationInput, input);
  const { coop, scope } = await cooperationOf(ctx, slug);
  const attempt = { action: 'applicatie.aanmaken', objectType: 'applicatie', objectId: data.name };
  await requireMutationAccess(ctx, 'coverage:manage', scope, attempt);
  await checkTeam(ctx, coop.id, data.teamId);
  if (await q.findApplicationByName(ctx.db, coop.id, data.name)) throw new VlechtError('DUPLICATE', { field: 'name', value: data.name });
  const idOf = await memberIdsOf(ctx, data.uses.map((u) => u.cbsCode));
  const useRows = data.uses.map((u, i) => ({ municipalityId: idOf(u.cbsCode, i), users: u.users, validFrom: u.validFrom, validTo: u.validTo }));
  const { uses: _, ...rest } = data;
  return mutate(ctx, async (tx) => {
    const [row] = await tx.insert(application).values({ ...rest, cooperationId: coop.id }).returning();
    if (useRows.length) await tx.insert(applicationUse).values(useRows.map((u) => ({ ...u, applicationId: row.id })));
    return { value: row, audit: { ...attempt, objectId: row.id, newValue: { ...row, uses: data.uses } } };
  });
}

/** Many applications in one transaction with one audit row (the demo's synthetic portfolio). */
export async function createApplications(ctx: Ctx, slug: string, inputs: unknown[]) {
  const rows = inputs.map((i) => parseInput(applicationInput, i));
  const { coop, scope } = await cooperationOf(ctx, slug);
  const attempt = { action: 'applicaties.aanmaken', objectType: 'samenwerking', objectId: coop.id };
  await requireMutationAccess(ctx, 'coverage:manage', scope, attempt);
  const idOf = await memberIdsOf(ctx, [...new Set(rows.flatMap((r) => r.uses.map((u) => u.cbsCode)))]);
  return mutate(ctx, async (tx) => {
    const inserted = await tx.insert(application).values(rows.map(({ uses: _, ...rest }) => ({ ...rest, cooperationId: coop.id }))).returning();
    const useRows = rows.flatMap((r, i) => r.uses.map((u, j) => ({ applicationId: inserted[i].id, municipalityId: idOf(u.cbsCode, j), users: u.users, validFrom: u.validFrom, validTo: u.validTo })));
    for (let i = 0; i < useRows.length; i += 500) await tx.insert(applicationUse).values(useRows.slice(i, i + 500));
    return { value: inserted.length, audit: { ...attempt, newValue: { applications: inserted.length, uses: useRows.length } } };
  });
}

export async function updateApplication(ctx: Ctx, id: string, expectedVersion: number | undefined, input: unknown) {
  const patch = parseInput(applicationPatch, input);
  const before = await q.findApplication(ctx.db, id);
  if (!before) throw new VlechtError('NOT_FOUND', { object: 'applicatie', key: id });
  const coop = (await q.findCooperationById(ctx.db, before.cooperationId))!;
  const { scope } = await cooperationOf(ctx, coop.slug);
  const attempt = { action: 'applicatie.wijzigen', objectType: 'applicatie', objectId: id };
  await requireMutationAccess(ctx, 'coverage:manage', scope, attempt);
  return mutate(ctx, async (tx) => {
    const current = (await q.findApplication(tx, id))!;
    checkVersion(current.version, expectedVersion);
    const [row] = await tx.update(application).set({ ...patch, version: current.version + 1, updatedAt: ctx.clock() })
      .where(and(eq(application.id, id), eq(application.version, current.version))).returning();
    if (!row) throw new VlechtError('PRECONDITION_FAILED', { current: current.version + 1, expected: expectedVersion });
    return { value: row, audit: { ...attempt, oldValue: current, newValue: row } };
  });
}

export async function createContract(ctx: Ctx, slug: string, input: unknown) {
  const data = parseInput(contractInput, input);
  const { coop, scope } = await cooperationOf(ctx, slug);
  const attempt = { action: 'contract.aanmaken', objectType: 'contract', objectId: data.name };
  await requireMutationAccess(ctx, 'coverage:manage', scope, attempt);
  await checkTeam(ctx, coop.id, data.teamId);
  if (await q.findContractByName(ctx.db, coop.id, data.name)) throw new VlechtError('DUPLICATE', { field: 'name', value: data.name });
  return mutate(ctx, async (tx) => {
    const [row] = await tx.insert(sharedContract).values({ ...data, cooperationId: coop.id }).returning();
    return { value: row, audit: { ...attempt, objectId: row.id, newValue: row } };
  });
}
