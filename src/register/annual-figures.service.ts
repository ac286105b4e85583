/**
 * A municipality's figures per year from its budget or annual accounts (formatie,
 * bezetting, loonsom, externe inhuur, apparaatskosten, overhead, totale lasten), with
 * their source: the inputs of the BBV mandatory indicators, which the goals capability
 * derives together with the inhabitants. Public figures: any signed-in role may read them;
 * only who manages the municipality may record them (audited, If-Match on a correction).
 */
import { and, eq } from 'drizzle-orm';
import * as q from './queries.ts';
import { municipalityAnnualFigures } from './tables.ts';
import { annualFiguresInput } from './schema.ts';
import { cooperationScope } from './scopes.ts';
import { checkVersion, mutate, requireAccess, requireMutationAccess, type Ctx } from '../platform/context.ts';
import { parseInput } from '../platform/validation.ts';
import { VlechtError } from '../platform/errors.ts';

export interface AnnualFiguresView {
  year: number;
  formatieFteMilli: number | null;
  bezettingFteMilli: number | null;
  loonsomCents: number | null;
  inhuurCents: number | null;
  apparaatskostenCents: number | null;
  overheadCents: number | null;
  totaleLastenCents: number | null;
  source: string;
  version: number;
}

const view = (r: typeof municipalityAnnualFigures.$inferSelect): AnnualFiguresView => ({
  year: r.year, formatieFteMilli: r.formatieFteMilli, bezettingFteMilli: r.bezettingFteMilli, loonsomCents: r.loonsomCents,
  inhuurCents: r.inhuurCents, apparaatskostenCents: r.apparaatskostenCents, overheadCents: r.overheadCents,
  totaleLastenCents: r.totaleLastenCents, source: r.source, version: r.version,
});

async function municipalityOf(ctx: Ctx, cbsCode: string) {
  const m = await q.findMunicipalityByCode(ctx.db, cbsCode.toUpperCase());
  if (!m) throw new VlechtError('NOT_FOUND', { object: 'gemeente', key: cbsCode });
  return m;
}

export async function listAnnualFigures(ctx: Ctx, cbsCode: string): Promise<AnnualFiguresView[]> {
  if (!ctx.actor.system && ctx.actor.grants.length === 0) throw new VlechtError('FORBIDDEN');
  const m = await municipalityOf(ctx, cbsCode);
  return (await q.annualFiguresOf(ctx.db, [m.id])).map(view);
}

/** Records a year's figures; correcting an existing year needs the version last seen (If-Match). */
export async function setAnnualFigures(ctx: Ctx, cbsCode: string, expectedVersion: number | undefined, input: unknown): Promise<{ created: boolean; figures: AnnualFiguresView }> {
  const data = parseInput(annualFiguresInput, input);
  const m = await municipalityOf(ctx, cbsCode);
  const attempt = { action: 'gemeente.jaarcijfers', objectType: 'gemeente', objectId: m.id };
  await requireMutationAccess(ctx, 'municipality:manage', { municipalityId: m.id }, attempt);
  const values = {
    formatieFteMilli: data.formatieFte, bezettingFteMilli: data.bezettingFte, loonsomCents: data.loonsom, inhuurCents: data.inhuur,
    apparaatskostenCents: data.apparaatskosten, overheadCents: data.overhead, totaleLastenCents: data.totaleLasten, source: data.source,
  };
  return mutate<{ created: boolean; figures: AnnualFiguresView }>(ctx, async (tx) => {
    const [current] = await tx.select().from(municipalityAnnualFigures)
      .where(and(eq(municipalityAnnualFigures.municipalityId, m.id), eq(municipalityAnnualFigures.year, data.year)));
    if (!current) {
      const [row] = await tx.insert(municipalityAnnualFigures).values({ municipalityId: m.id, year: data.year, ...values }).returning();
      return { value: { created: true, figures: view(row) }, audit: { ...attempt, newValue: view(row) } };
    }
    checkVersion(current.version, expectedVersion);
    const [row] = await tx.update(municipalityAnnualFigures).set({ ...values, version: current.version + 1, updatedAt: ctx.clock() })
      .where(and(eq(municipalityAnnualFigures.id, current.id), eq(municipalityAnnualFigures.version, current.version))).returning();
    if (!row) throw new VlechtError('PRECONDITION_FAILED', { current: current.version + 1, expected: expectedVersion });
    return { value: { created: false, figures: view(row) }, audit: { ...attempt, oldValue: view(current), newValue: view(row) } };
  });
}

export interface MemberYearFigures {
  cbsCode: string;
  name: string;
  /** Per year: inhabitants (CBS, with source) and the annual figures, when recorded. */
  years: Map<number, { inhabitants: { value: number; source: string } | null; figures: AnnualFiguresView | null }>;
}

/** For derived BBV indicators: every member municipality of a cooperation with inhabitants and figures per year. */
export async function memberAnnualFigures(ctx: Ctx, cooperationId: string): Promise<MemberYearFigures[]> {
  requireAccess(ctx, 'register:read', await cooperationScope(ctx.db, cooperationId));
  const members = [...new Map((await q.membersOf(ctx.db, cooperationId)).map((m) => [m.municipality.id, m.municipality])).values()];
  const ids = members.map((m) => m.id);
  const [figures, population] = await Promise.all([q.annualFiguresOf(ctx.db, ids), q.populationOfMany(ctx.db, ids)]);
  return members.map((m) => {
    const years: MemberYearFigures['years'] = new Map();
    const at = (y: number) => years.get(y) ?? years.set(y, { inhabitants: null, figures: null }).get(y)!;
    for (const p of population.filter((p) => p.municipalityId === m.id)) at(p.year).inhabitants = { value: p.inhabitants, source: p.source };
    for (const f of figures.filter((f) => f.municipalityId === m.id)) at(f.year).figures = view(f);
    return { cbsCode: m.cbsCode, name: m.name, years };
  }).sort((a, b) => a.cbsCode.localeCompare(b.cbsCode));
}
