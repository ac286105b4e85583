/**
 * Use cases of disentanglement scenarios: save one (with all its parameters), edit it (a
 * new version; old versions are kept), read a version with its freshly computed result,
 * compare two, and the per-team risk summary of a cooperation (full split with the default
 * assumptions). Reading: 'register:read' (aggregates only, no names). Writing: 'coverage:manage'.
 */
import { and, eq } from 'drizzle-orm';
import * as q from './queries.ts';
import { scenario, scenarioVersion } from './tables.ts';
import { scenarioInput, scenarioPatch } from './schema.ts';
import { computeScenario } from './scenario.ts';
import { DEFAULT_PARAMETERS, type ScenarioParameters } from './parameters.ts';
import { cooperationFacts, inputFor, type CooperationFacts } from './facts.service.ts';
import { presentResult } from './present.ts';
import { cooperationOf, isoToday } from './access.service.ts';
import { parseInput } from '../platform/validation.ts';
import { can } from '../platform/auth/policy.ts';
import { checkVersion, mutate, requireAccess, requireMutationAccess, type Ctx } from '../platform/context.ts';
import { VlechtError } from '../platform/errors.ts';

interface VersionData { name: string; leaving: string; referenceDate: string; hoursFrom: string; hoursTo: string; parameters: ScenarioParameters; note: string }

const withDefaults = (p: Partial<ScenarioParameters> | undefined): ScenarioParameters =>
  ({ ...DEFAULT_PARAMETERS, ...Object.fromEntries(Object.entries(p ?? {}).filter(([, v]) => v !== undefined)) }) as ScenarioParameters;

/** Computes one team's scenario from current data; validates the leaving municipality. */
async function compute(ctx: Ctx, coop: { id: string; slug: string; name: string }, teamId: string, v: Omit<VersionData, 'name' | 'note'>, facts?: CooperationFacts) {
  const f = facts ?? await cooperationFacts(ctx, coop, v.referenceDate, { from: v.hoursFrom, to: v.hoursTo });
  const input = inputFor(f, teamId, v.leaving, v.parameters);
  return presentResult(computeScenario(input), input, f);
}

async function loadScenario(ctx: Ctx, id: string) {
  const s = await q.findScenario(ctx.db, id);
  if (!s) throw new VlechtError('NOT_FOUND', { object: 'scenario', key: id });
  const coop = (await q.findCooperationById(ctx.db, s.cooperationId))!;
  const { scope } = await cooperationOf(ctx, coop.slug);
  return { s, coop, scope: { ...scope, teamIds: [s.teamId] } };
}

export async function createScenario(ctx: Ctx, slug: string, input: unknown) {
  const data = parseInput(scenarioInput, input);
  const { coop, scope } = await cooperationOf(ctx, slug);
  const attempt = { action: 'scenario.aanmaken', objectType: 'scenario', objectId: data.name };
  await requireMutationAccess(ctx, 'coverage:manage', scope, attempt);
  if (!(await q.teamsOf(ctx.db, coop.id)).some((t) => t.id === data.teamId)) throw new VlechtError('VALIDATION', {}, [{ field: 'teamId', message: 'dit team hoort niet bij de samenwerking', value: data.teamId }]);
  const version: VersionData = { ...data, parameters: withDefaults(data.parameters) };
  const result = await compute(ctx, coop, data.teamId, version); // also validates the leaving municipality
  return mutate(ctx, async (tx) => {
    const [row] = await tx.insert(scenario).values({ cooperationId: coop.id, teamId: data.teamId, name: data.name, createdBy: ctx.actor.label }).returning();
    await tx.insert(scenarioVersion).values({ scenarioId: row.id, versionNo: 1, ...version, savedBy: ctx.actor.label });
    return { value: row, audit: { ...attempt, objectId: row.id, newValue: { ...version, versionNo: 1, totals: result.totals } } };
  });
}

/** An edit saves a new version (the latest merged with the patch); earlier versions stay. */
export async function updateScenario(ctx: Ctx, id: string, expectedVersion: number | undefined, input: unknown) {
  const patch = parseInput(scenarioPatch, input);
  const { s, coop, scope } = await loadScenario(ctx, id);
  const attempt = { action: 'scenario.wijzigen', objectType: 'scenario', objectId: id };
  await requireMutationAccess(ctx, 'coverage:manage', scope, attempt);
  const versions = await q.versionsOf(ctx.db, id);
  const latest = versions[versions.length - 1];
  const next: VersionData = {
    name: patch.name ?? latest.name, leaving: patch.leaving ?? latest.leaving, referenceDate: patch.referenceDate ?? latest.referenceDate,
    hoursFrom: patch.hoursFrom ?? latest.hoursFrom, hoursTo: patch.hoursTo ?? latest.hoursTo,
    parameters: withDefaults({ ...latest.parameters, ...Object.fromEntries(Object.entries(patch.parameters ?? {}).filter(([, v]) => v !== undefined)) }),
    note: patch.note ?? latest.note,
  };
  if (next.hoursTo < next.hoursFrom) throw new VlechtError('VALIDATION', {}, [{ field: 'hoursTo', message: 'de uren lopen tot een datum na het begin', value: next.hoursTo }]);
  const result = await compute(ctx, coop, s.teamId, next);
  return mutate(ctx, async (tx) => {
    const [current] = await tx.select().from(scenario).where(eq(scenario.id, id));
    checkVersion(current.version, expectedVersion);
    const [row] = await tx.update(scenario).set({ name: next.name, version: current.version + 1, updatedAt: ctx.clock() })
      .where(and(eq(scenario.id, id), eq(scenario.version, current.version))).returning();
    if (!row) throw new VlechtError('PRECONDITION_FAILED', { current: current.version + 1, expected: expectedVersion });
    await tx.insert(scenarioVersion).values({ scenarioId: id, versionNo: row.version, ...next, savedBy: ctx.actor.label });
    return { value: row, audit: { ...attempt, oldValue: { versionNo: current.version, parameters: latest.parameters }, newValue: { ...next, versionNo: row.version, totals: result.totals } } };
  });
}

/** A scenario with its versions and the result of one version (default the latest), computed on current data. */
export async function getScenario(ctx: Ctx, id: string, versionNo?: number) {
  const { s, coop, scope } = await loadScenario(ctx, id);
  requireAccess(ctx, 'register:read', scope);
  const versions = await q.versionsOf(ctx.db, id);
  const chosen = versionNo === undefined ? versions[versions.length - 1] : versions.find((v) => v.versionNo === versionNo);
  if (!chosen) throw new VlechtError('NOT_FOUND', { object: 'scenarioversie', key: `${id} v${versionNo}` });
  const team = (await q.findTeam(ctx.db, s.teamId))!;
  const result = await compute(ctx, coop, s.teamId, chosen);
  return {
    scenario: { id: s.id, name: s.name, version: s.version, createdBy: s.createdBy, team: { id: team.id, slug: team.slug, name: team.name } },
    cooperation: { id: coop.id, slug: coop.slug, name: coop.name },
    version: { versionNo: chosen.versionNo, name: chosen.name, leaving: chosen.leaving, referenceDate: chosen.referenceDate, hoursFrom: chosen.hoursFrom, hoursTo: chosen.hoursTo, note: chosen.note, savedBy: chosen.savedBy, savedAt: chosen.savedAt.toISOString() },
    versions: versions.map((v) => ({ versionNo: v.versionNo, name: v.name, leaving: v.leaving, savedBy: v.savedBy, savedAt: v.savedAt.toISOString(), note: v.note })),
    result,
    may: { manage: can(ctx.actor, 'coverage:manage', scope) },
  };
}
export type ScenarioDetail = Awaited<ReturnType<typeof getScenario>>;

export async function listScenarios(ctx: Ctx, slug: string) {
  const { coop, scope } = await cooperationOf(ctx, slug);
  requireAccess(ctx, 'register:read', scope);
  const [rows, teams, members] = await Promise.all([q.scenariosOf(ctx.db, coop.id), q.teamsOf(ctx.db, coop.id), q.membersOn(ctx.db, coop.id, isoToday(ctx))]);
  return {
    cooperation: { id: coop.id, slug: coop.slug, name: coop.name }, today: isoToday(ctx),
    members: members.map((m) => ({ cbsCode: m.cbsCode, name: m.name })),
    scenarios: rows.map((r) => ({ id: r.id, name: r.name, version: r.version, team: teams.find((t) => t.id === r.teamId)?.name ?? '?', teamId: r.teamId, updatedAt: r.updatedAt.toISOString() })),
    teams: teams.map((t) => ({ id: t.id, slug: t.slug, name: t.name })),
    may: { manage: can(ctx.actor, 'coverage:manage', scope) },
  };
}

/** Two scenarios (or two versions of one) side by side. */
export async function compareScenarios(ctx: Ctx, a: { id: string; versionNo?: number }, b: { id: string; versionNo?: number }) {
  const left = await getScenario(ctx, a.id, a.versionNo);
  const right = await getScenario(ctx, b.id, b.versionNo);
  return { left, right };
}

/** The councils' question in one table: per team the full split with the default assumptions. */
export async function riskSummary(ctx: Ctx, slug: string, day?: string) {
  const { coop, scope } = await cooperationOf(ctx, slug);
  requireAccess(ctx, 'register:read', scope);
  const on = day ?? isoToday(ctx);
  const facts = await cooperationFacts(ctx, coop, on);
  const rows = await Promise.all(facts.teams.map(async (t) => {
    const r = await compute(ctx, coop, t.id, { leaving: 'alle', referenceDate: on, hoursFrom: facts.hours.from, hoursTo: facts.hours.to, parameters: DEFAULT_PARAMETERS }, facts);
    return {
      team: { id: t.id, slug: t.slug, name: t.name },
      oneOffCents: r.totals.oneOffCents, recurringCents: r.totals.recurringCents,
      functionsUncovered: r.totals.functionsUncovered, criticalUncovered: r.totals.criticalUncovered,
      reappearingSinglePerson: r.totals.reappearingSinglePerson, fteGapMilli: r.totals.fteShortageMilli,
      pooledSinglePerson: r.pooled.singlePerson, hoursAvailable: r.hoursAvailable,
    };
  }));
  const first = rows.length ? (await compute(ctx, coop, facts.teams[0].id, { leaving: 'alle', referenceDate: on, hoursFrom: facts.hours.from, hoursTo: facts.hours.to, parameters: DEFAULT_PARAMETERS }, facts)) : null;
  return {
    cooperation: { id: coop.id, slug: coop.slug, name: coop.name }, day: on, hours: facts.hours,
    rows,
    totals: { oneOffCents: rows.reduce((s, r) => s + r.oneOffCents, 0), recurringCents: rows.reduce((s, r) => s + r.recurringCents, 0), functionsUncovered: rows.reduce((s, r) => s + r.functionsUncovered, 0), fteGapMilli: rows.reduce((s, r) => s + r.fteGapMilli, 0) },
    assumptions: first?.assumptions ?? [],
    may: { manage: can(ctx.actor, 'coverage:manage', scope) },
  };
}
export type RiskSummary = Awaited<ReturnType<typeof riskSummary>>;
