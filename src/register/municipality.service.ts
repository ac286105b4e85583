/** Use cases for municipalities and their population figures. */
import { and, eq } from 'drizzle-orm';
import { municipality, municipalityPopulation } from './tables.ts';
import * as q from './queries.ts';
import { municipalityInput, municipalityPatch, populationInput } from './schema.ts';
import { parseInput } from '../platform/validation.ts';
import { checkVersion, mutate, requireMutationAccess, type Ctx } from '../platform/context.ts';
import { VlechtError } from '../platform/errors.ts';

/** Municipalities are reference data: every signed-in role may read names and codes. */
export async function listMunicipalities(ctx: Ctx) {
  if (!ctx.actor.system && ctx.actor.grants.length === 0) throw new VlechtError('FORBIDDEN');
  return q.listMunicipalities(ctx.db);
}

export async function getMunicipality(ctx: Ctx, cbsCode: string) {
  if (!ctx.actor.system && ctx.actor.grants.length === 0) throw new VlechtError('FORBIDDEN');
  const found = await q.findMunicipalityByCode(ctx.db, cbsCode.toUpperCase());
  if (!found) throw new VlechtError('NOT_FOUND', { object: 'gemeente', key: cbsCode });
  return { ...found, population: await q.populationOf(ctx.db, found.id) };
}

export async function createMunicipality(ctx: Ctx, input: unknown) {
  const data = parseInput(municipalityInput, input);
  await requireMutationAccess(ctx, 'municipality:manage', {}, { action: 'gemeente.aanmaken', objectType: 'gemeente', objectId: data.cbsCode });
  if (await q.findMunicipalityByCode(ctx.db, data.cbsCode)) throw new VlechtError('DUPLICATE', { field: 'cbsCode', value: data.cbsCode });
  return mutate(ctx, async (tx) => {
    const [row] = await tx.insert(municipality).values(data).returning();
    return { value: row, audit: { action: 'gemeente.aanmaken', objectType: 'gemeente', objectId: row.id, newValue: row } };
  });
}

export async function updateMunicipality(ctx: Ctx, cbsCode: string, expectedVersion: number | undefined, input: unknown) {
  const patch = parseInput(municipalityPatch, input);
  const before = await q.findMunicipalityByCode(ctx.db, cbsCode.toUpperCase());
  if (!before) throw new VlechtError('NOT_FOUND', { object: 'gemeente', key: cbsCode });
  await requireMutationAccess(ctx, 'municipality:manage', { municipalityId: before.id }, { action: 'gemeente.wijzigen', objectType: 'gemeente', objectId: before.id });
  return mutate(ctx, async (tx) => {
    const current = (await q.findMunicipalityById(tx, before.id))!; // no deletes: it still exists
    checkVersion(current.version, expectedVersion);
    const [row] = await tx.update(municipality).set({ ...patch, version: current.version + 1, updatedAt: ctx.clock() })
      .where(and(eq(municipality.id, before.id), eq(municipality.version, current.version))).returning();
    if (!row) throw new VlechtError('PRECONDITION_FAILED', { current: current.version + 1, expected: expectedVersion });
    return { value: row, audit: { action: 'gemeente.wijzigen', objectType: 'gemeente', objectId: row.id, oldValue: current, newValue: row } };
  });
}

/** Records (or corrects) the inhabitants of one year, with its source. */
export async function setPopulation(ctx: Ctx, cbsCode: string, input: unknown) {
  const data = parseInput(populationInput, input);
  const m = await q.findMunicipalityByCode(ctx.db, cbsCode.toUpperCase());
  if (!m) throw new VlechtError('NOT_FOUND', { object: 'gemeente', key: cbsCode });
  await requireMutationAccess(ctx, 'municipality:manage', { municipalityId: m.id }, { action: 'gemeente.inwoners', objectType: 'gemeente', objectId: m.id });
  return mutate(ctx, async (tx) => {
    const before = (await q.populationOf(tx, m.id)).find((p) => p.year === data.year) ?? null;
    const [row] = await tx.insert(municipalityPopulation).values({ municipalityId: m.id, ...data })
      .onConflictDoUpdate({
        target: [municipalityPopulation.municipalityId, municipalityPopulation.year],
        set: { inhabitants: data.inhabitants, source: data.source, updatedAt: ctx.clock(), version: (before?.version ?? 0) + 1 },
      }).returning();
    return { value: row, audit: { action: 'gemeente.inwoners', objectType: 'gemeente', objectId: m.id, oldValue: before, newValue: row } };
  });
}

/**
 * Loads a CBS municipality list (code + name, and optionally the code's validity period
 * and successor) in one transaction with one audit row. Existing codes get the new name
 * or period when it changed; nothing is deleted (mergers keep history). Idempotent.
 */
export async function importMunicipalityList(ctx: Ctx, rows: MunicipalityListRow[], source: string) {
  await requireMutationAccess(ctx, 'municipality:manage', {}, { action: 'gemeenten.importeren', objectType: 'gemeente', objectId: source });
  const issues = rows.flatMap((r, i) => {
    const parsed = municipalityInput.safeParse({ cbsCode: r.cbsCode, name: r.name });
    return parsed.success ? [] : parsed.error.issues.map((x) => ({ field: String(x.path[0] ?? ''), message: x.message, value: (r as unknown as Record<string, unknown>)[String(x.path[0])], row: i + 1 }));
  });
  if (issues.length) throw new VlechtError('VALIDATION', {}, issues);
  return mutate(ctx, async (tx) => {
    const existing = new Map((await q.listMunicipalities(tx)).map((m) => [m.cbsCode, m]));
    const periodOf = (r: MunicipalityListRow, m?: { validFrom: string | null; validTo: string | null; successorCbsCode: string | null }) => ({
      validFrom: r.validFrom !== undefined ? r.validFrom : m?.validFrom ?? null,
      validTo: r.validTo !== undefined ? r.validTo : m?.validTo ?? null,
      successorCbsCode: r.successorCbsCode !== undefined ? r.successorCbsCode : m?.successorCbsCode ?? null,
    });
    const added = rows.filter((r) => !existing.has(r.cbsCode.toUpperCase()));
    const changed = rows.filter((r) => {
      const m = existing.get(r.cbsCode.toUpperCase());
      if (!m) return false;
      const p = periodOf(r, m);
      return m.name !== r.name || m.validFrom !== p.validFrom || m.validTo !== p.validTo || m.successorCbsCode !== p.successorCbsCode;
    });
    if (added.length) await tx.insert(municipality).values(added.map((r) => ({ cbsCode: r.cbsCode.toUpperCase(), name: r.name, ...periodOf(r) })));
    for (const r of changed) {
      const m = existing.get(r.cbsCode.toUpperCase())!;
      await tx.update(municipality).set({ name: r.name, ...periodOf(r, m), version: m.version + 1, updatedAt: ctx.clock() }).where(eq(municipality.id, m.id));
    }
    const summary = { source, added: added.length, changed: changed.length, unchanged: rows.length - added.length - changed.length };
    return { value: summary, audit: { action: 'gemeenten.importeren', objectType: 'gemeente', objectId: source, newValue: summary } };
  });
}

export interface MunicipalityListRow {
  cbsCode: string;
  name: string;
  /** Undefined: keep what is stored. */
  validFrom?: string | null;
  validTo?: string | null;
  successorCbsCode?: string | null;
}
