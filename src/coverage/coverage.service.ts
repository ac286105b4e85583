/**
 * Use cases of functions and coverage: the coverage of a team on a date (per municipality
 * standalone and pooled, with the trend per quarter and the substitution hours from the
 * ledger), the cooperation overview, and maintaining qualifications. Aggregates for
 * everyone who may read the cooperation; names of qualified people only with personal:read.
 */
import { and, eq } from 'drizzle-orm';
import * as q from './queries.ts';
import { qualification } from './tables.ts';
import { coverageByScope, coverageTrend, quarterEnds, type FunctionFact, type QualificationFact } from './coverage.ts';
import { qualificationEnd, qualificationInput } from './schema.ts';
import { cooperationOf, isoToday, teamOf } from './access.service.ts';
import { ledgerOverview } from '../ledger/ledger.service.ts';
import { parseInput } from '../platform/validation.ts';
import { can } from '../platform/auth/policy.ts';
import { checkVersion, mutate, requireAccess, requireMutationAccess, type Ctx } from '../platform/context.ts';
import { VlechtError } from '../platform/errors.ts';

const toFunctionFacts = (rows: { id: string; name: string; critical: boolean; requiredQualified: number }[]): FunctionFact[] =>
  rows.map((f) => ({ id: f.id, name: f.name, critical: f.critical, requiredQualified: f.requiredQualified }));
const toQualificationFacts = (rows: q.QualificationRow[]): QualificationFact[] =>
  rows.map((r) => ({ functionId: r.functionId, employeeId: r.employeeId, employerMunicipalityId: r.employerMunicipalityId, kind: r.kind, validFrom: r.validFrom, validTo: r.validTo }));

/** The trend starts when qualifications were first recorded: before that there is no data, not zero coverage. */
const trendStart = (start: string, quals: { validFrom: string }[]) => quals.reduce((min, r) => (r.validFrom < min ? r.validFrom : min), '9999-12-31') === '9999-12-31' ? start : quals.reduce((min, r) => (r.validFrom < min ? r.validFrom : min), '9999-12-31');

/** The coverage of one team on `day` (default today). */
export async function teamCoverage(ctx: Ctx, teamId: string, day?: string) {
  const { team, coop, scope } = await teamOf(ctx, teamId);
  requireAccess(ctx, 'register:read', scope);
  const on = day ?? isoToday(ctx);
  const [members, functions, quals] = await Promise.all([q.membersOn(ctx.db, coop.id, on), q.functionsOfTeams(ctx.db, [team.id]), q.qualificationsOfTeams(ctx.db, [team.id])]);
  const memberIds = members.map((m) => m.id);
  const fFacts = toFunctionFacts(functions);
  const qFacts = toQualificationFacts(quals);
  const scopes = coverageByScope(fFacts, qFacts, memberIds, on);
  const trend = coverageTrend(fFacts, qFacts, memberIds, quarterEnds(trendStart(coop.startDate, quals), on));
  const mayReadNames = can(ctx.actor, 'personal:read', scope);
  // Substitution hours: the ledger's figure for this team over the ledger's default period (the year of the last hours).
  const ledger = await ledgerOverview(ctx, coop.slug, { team: team.slug, per: 'jaar' });
  const row = ledger.teams[0];
  return {
    cooperation: { id: coop.id, slug: coop.slug, name: coop.name },
    team: { id: team.id, slug: team.slug, name: team.name },
    day: on,
    members: members.map((m) => ({ id: m.id, cbsCode: m.cbsCode, name: m.name })),
    scopes: scopes.map((s) => ({ ...s, label: s.scope === 'samen' ? 'Samen (gepoold)' : members.find((m) => m.id === s.scope)!.name })),
    trend,
    substitution: { from: ledger.period.from, to: ledger.period.to, hours: row ? row.substitution.minutes / 60 : 0, totalHours: row ? row.total.minutes / 60 : 0 },
    qualifications: mayReadNames
      ? quals.filter((r) => r.validFrom <= on && (r.validTo === null || r.validTo > on)).map((r) => ({
        id: r.id, functionId: r.functionId, employeeId: r.employeeId, name: r.employeeName, synthetic: r.synthetic, kind: r.kind, version: r.version,
        employer: members.find((m) => m.id === r.employerMunicipalityId)?.cbsCode ?? '?', validFrom: r.validFrom, validTo: r.validTo,
      }))
      : null,
    may: { manage: can(ctx.actor, 'team:manage', scope), readNames: mayReadNames },
  };
}
export type TeamCoverage = Awaited<ReturnType<typeof teamCoverage>>;

/** Per team of a cooperation: eenpitters and coverage per municipality standalone and pooled on `day`. */
export async function cooperationCoverage(ctx: Ctx, slug: string, day?: string) {
  const { coop, scope } = await cooperationOf(ctx, slug);
  requireAccess(ctx, 'register:read', scope);
  const on = day ?? isoToday(ctx);
  const teams = await q.teamsOf(ctx.db, coop.id);
  const ids = teams.map((t) => t.id);
  const [members, functions, quals] = await Promise.all([q.membersOn(ctx.db, coop.id, on), q.functionsOfTeams(ctx.db, ids), q.qualificationsOfTeams(ctx.db, ids)]);
  const memberIds = members.map((m) => m.id);
  const allFunctions = toFunctionFacts(functions);
  const allQuals = toQualificationFacts(quals);
  const rows = teams.map((t) => {
    const fs = allFunctions.filter((f) => functions.find((x) => x.id === f.id)!.teamId === t.id);
    return { team: { id: t.id, slug: t.slug, name: t.name }, scopes: coverageByScope(fs, allQuals, memberIds, on).map((s) => ({ scope: s.scope, summary: s.summary })) };
  });
  const total = coverageByScope(allFunctions, allQuals, memberIds, on).map((s) => ({ scope: s.scope, summary: s.summary }));
  const trend = coverageTrend(allFunctions, allQuals, memberIds, quarterEnds(trendStart(coop.startDate, quals), on));
  return { cooperation: { id: coop.id, slug: coop.slug, name: coop.name }, day: on, members: members.map((m) => ({ id: m.id, cbsCode: m.cbsCode, name: m.name })), teams: rows, total, trend };
}
export type CooperationCoverage = Awaited<ReturnType<typeof cooperationCoverage>>;

/** Records that an employee is qualified (primary or backup) for a function of the team from a date. */
export async function addQualification(ctx: Ctx, teamId: string, input: unknown) {
  const data = parseInput(qualificationInput, input);
  const { team, scope } = await teamOf(ctx, teamId);
  const attempt = { action: 'kwalificatie.toevoegen', objectType: 'functie', objectId: data.functionId };
  await requireMutationAccess(ctx, 'team:manage', scope, attempt);
  const functions = await q.functionsOfTeams(ctx.db, [team.id]);
  if (!functions.some((f) => f.id === data.functionId)) throw new VlechtError('VALIDATION', {}, [{ field: 'functionId', message: 'deze functie hoort niet bij het team', value: data.functionId }]);
  if (!(await q.employeeInTeam(ctx.db, data.employeeId, team.id))) throw new VlechtError('VALIDATION', {}, [{ field: 'employeeId', message: 'deze medewerker werkt (of werkte) niet in dit team', value: data.employeeId }]);
  const existing = (await q.qualificationsOfTeams(ctx.db, [team.id])).filter((r) => r.functionId === data.functionId && r.employeeId === data.employeeId);
  const overlaps = existing.some((r) => r.validFrom < (data.validTo ?? '9999-12-31') && (r.validTo === null || r.validTo > data.validFrom));
  if (overlaps) throw new VlechtError('VALIDATION', {}, [{ field: 'validFrom', message: 'deze medewerker is in (een deel van) deze periode al gekwalificeerd voor deze functie; beëindig eerst de lopende kwalificatie', value: data.validFrom }]);
  return mutate(ctx, async (tx) => {
    const [row] = await tx.insert(qualification).values(data).returning();
    return { value: row, audit: { ...attempt, objectType: 'kwalificatie', objectId: row.id, newValue: row } };
  });
}

/** Ends a qualification on a date (history is kept); needs the version the client saw. */
export async function endQualification(ctx: Ctx, id: string, expectedVersion: number | undefined, input: unknown) {
  const data = parseInput(qualificationEnd, input);
  const found = await q.findQualification(ctx.db, id);
  if (!found) throw new VlechtError('NOT_FOUND', { object: 'kwalificatie', key: id });
  const { scope } = await teamOf(ctx, await functionTeam(ctx, found.functionId));
  const attempt = { action: 'kwalificatie.beeindigen', objectType: 'kwalificatie', objectId: id };
  await requireMutationAccess(ctx, 'team:manage', scope, attempt);
  if (data.validTo <= found.validFrom) throw new VlechtError('VALIDATION', {}, [{ field: 'validTo', message: 'de einddatum ligt na de begindatum', value: data.validTo }]);
  return mutate(ctx, async (tx) => {
    const current = (await q.findQualification(tx, id))!;
    checkVersion(current.version, expectedVersion);
    const [row] = await tx.update(qualification).set({ validTo: data.validTo, version: current.version + 1, updatedAt: ctx.clock() })
      .where(and(eq(qualification.id, id), eq(qualification.version, current.version))).returning();
    if (!row) throw new VlechtError('PRECONDITION_FAILED', { current: current.version + 1, expected: expectedVersion });
    return { value: row, audit: { ...attempt, oldValue: current, newValue: row } };
  });
}

async function functionTeam(ctx: Ctx, functionId: string): Promise<string> {
  const [row] = await q.teamOfFunction(ctx.db, functionId);
  return row.teamId;
}
