/**
 * Use cases for shared cost items (kostenposten): record one, list them, and split one over
 * the member municipalities with its allocation key, next to what each would pay alone.
 * Cost items and their allocation are aggregates: any role that may read the cooperation
 * sees them; recording one needs team:manage (controller or directie of the cooperation or
 * a member municipality, or beheerder).
 */
import { costItemInput } from './cost.schema.ts';
import { costItemsOfCooperation, findCostItemById, insertCostItem, minutesServedByMunicipality, type CostItemRow } from './cost.queries.ts';
import { allocateLargestRemainder, explainWeight, weightsFor, type AllocationFacts, type MemberFact } from './allocation.ts';
import { counterfactualOf, type Counterfactual } from './counterfactual.ts';
import type { AllocationKey } from './tables.ts';
import { getCooperation } from '../register/cooperation.service.ts';
import { getMunicipality } from '../register/municipality.service.ts';
import { getTeam } from '../register/team.service.ts';
import { parseInput } from '../platform/validation.ts';
import { mutate, requireMutationAccess, type Ctx } from '../platform/context.ts';
import { VlechtError, type FieldIssue } from '../platform/errors.ts';
import { formatDate } from '../platform/i18n/format.ts';

/** A source of per-municipality figures over a period; `teamId` is set when the cost item belongs to one team. */
export type MunicipalityFigures = (cooperationId: string, from: string, to: string, teamId: string | null) => Promise<Map<string, number>>;

/** Where the `uren` and `fte` keys get their figures; both have defaults (see allocateCostItem). */
export interface CostFacts {
  /** Minutes worked for each municipality served, by municipality id. */
  minutesServedByMunicipality?: MunicipalityFigures;
  /** FTE in thousandths per municipality, by municipality id. */
  fteByMunicipality?: MunicipalityFigures;
}

type Cooperation = Awaited<ReturnType<typeof getCooperation>>;

const scopeOf = (coop: Cooperation) => ({ cooperationId: coop.cooperation.id, memberMunicipalityIds: coop.members.map((m) => m.municipality.id) });

/** Members whose membership overlaps the period, each municipality once, in the register's order (by name). */
function membersIn(coop: Cooperation, from: string, to: string): MemberFact[] {
  const found = new Map<string, MemberFact>();
  for (const m of coop.members) {
    if (m.validFrom > to || (m.validTo !== null && m.validTo <= from)) continue;
    found.set(m.municipality.id, { municipalityId: m.municipality.id, cbsCode: m.municipality.cbsCode, name: m.municipality.name });
  }
  return [...found.values()];
}

function present(item: CostItemRow, coop: Cooperation) {
  const team = item.teamId ? coop.teams.find((t) => t.id === item.teamId) : undefined;
  return {
    id: item.id, name: item.name, kind: item.kind, amountCents: item.amountCents,
    periodFrom: item.periodFrom, periodTo: item.periodTo,
    team: team ? { id: team.id, slug: team.slug, name: team.name } : null,
    allocationKey: item.allocationKey as AllocationKey, keyYear: item.keyYear,
    fixedShares: item.fixedShares, standaloneCents: item.standaloneCents,
    source: item.source, version: item.version, createdAt: item.createdAt.toISOString(),
  };
}
export type CostItemView = ReturnType<typeof present>;

/** Records a shared cost item of a cooperation, with one audit row. */
export async function createCostItem(ctx: Ctx, cooperationSlug: string, input: unknown): Promise<CostItemView> {
  const data = parseInput(costItemInput, input);
  const coop = await getCooperation(ctx, cooperationSlug);
  await requireMutationAccess(ctx, 'team:manage', scopeOf(coop), { action: 'kostenpost.aanmaken', objectType: 'kostenpost', objectId: data.name });
  const issues: FieldIssue[] = [];
  if (data.teamId && !coop.teams.some((t) => t.id === data.teamId)) {
    issues.push({ field: 'teamId', message: 'dit team hoort niet bij de samenwerking', value: data.teamId });
  }
  const members = membersIn(coop, data.periodFrom, data.periodTo);
  const codes = new Set(members.map((m) => m.cbsCode));
  for (const code of Object.keys(data.standaloneCents ?? {})) {
    if (!codes.has(code)) issues.push({ field: `standaloneCents.${code}`, message: `${code} is in deze periode geen lid van de samenwerking`, value: code });
  }
  if (issues.length) throw new VlechtError('VALIDATION', {}, issues);
  // The fixed shares must fit the members now, not only when someone allocates later.
  if (data.allocationKey === 'vast') weightsFor('vast', { members, fixedShares: data.fixedShares });
  return mutate(ctx, async (tx) => {
    const row = await insertCostItem(tx, { ...data, cooperationId: coop.cooperation.id });
    const shown = present(row, coop);
    return { value: shown, audit: { action: 'kostenpost.aanmaken', objectType: 'kostenpost', objectId: row.id, newValue: shown } };
  });
}

/** The cost items of a cooperation, oldest period first. */
export async function listCostItems(ctx: Ctx, cooperationSlug: string): Promise<CostItemView[]> {
  const coop = await getCooperation(ctx, cooperationSlug); // checks register:read
  return (await costItemsOfCooperation(ctx.db, coop.cooperation.id)).map((item) => present(item, coop));
}

async function populationOf(ctx: Ctx, members: readonly MemberFact[]): Promise<Map<string, Map<number, number>>> {
  const found = await Promise.all(members.map((m) => getMunicipality(ctx, m.cbsCode)));
  return new Map(found.map((m) => [m.id, new Map(m.population.map((p) => [p.year, p.inhabitants]))]));
}

/**
 * FTE per employer municipality from the register's staffing on the last day of the
 * period: of the item's team, or summed over all teams of the cooperation.
 */
async function staffingFte(ctx: Ctx, coop: Cooperation, to: string, teamId: string | null): Promise<Map<string, number>> {
  // getTeam reports staffing on ctx.clock()'s day; ask it for the period's last day.
  const onDay: Ctx = { ...ctx, clock: () => new Date(`${to}T12:00:00Z`) };
  const teams = await Promise.all((teamId ? [teamId] : coop.teams.map((t) => t.id)).map((id) => getTeam(onDay, id)));
  const fte = new Map<string, number>();
  for (const s of teams.flatMap((t) => t.staffing)) fte.set(s.municipalityId, (fte.get(s.municipalityId) ?? 0) + s.fteMilli);
  return fte;
}

async function factsFor(ctx: Ctx, coop: Cooperation, item: CostItemRow, members: MemberFact[], facts: CostFacts): Promise<AllocationFacts> {
  const key = item.allocationKey as AllocationKey;
  const coopId = coop.cooperation.id;
  const base: AllocationFacts = { members, keyYear: item.keyYear, fixedShares: item.fixedShares };
  if (key === 'inwoners') return { ...base, populationByMunicipality: await populationOf(ctx, members) };
  if (key === 'uren') {
    const source: MunicipalityFigures = facts.minutesServedByMunicipality
      ?? ((id, from, to, team) => minutesServedByMunicipality(ctx.db, id, from, to, team));
    return { ...base, minutesServedByMunicipality: await source(coopId, item.periodFrom, item.periodTo, item.teamId) };
  }
  if (key === 'fte') {
    const fte = facts.fteByMunicipality
      ? await facts.fteByMunicipality(coopId, item.periodFrom, item.periodTo, item.teamId)
      : await staffingFte(ctx, coop, item.periodTo, item.teamId);
    return { ...base, fteMilliByMunicipality: fte };
  }
  return base;
}

function keyLabel(item: CostItemRow, defaultFte: boolean): string {
  const period = `${formatDate(item.periodFrom)} t/m ${formatDate(item.periodTo)}`;
  switch (item.allocationKey as AllocationKey) {
    case 'gelijk': return 'gelijke delen';
    case 'inwoners': return `inwoners ${item.keyYear}`;
    case 'uren': return `uren afgenomen ${period}`;
    case 'fte': return defaultFte ? `fte in dienst per gemeente op ${formatDate(item.periodTo)}` : `fte per gemeente ${period}`;
    case 'vast': return 'vaste percentages';
  }
}

export interface AllocationLine {
  cbsCode: string;
  name: string;
  weight: number;
  cents: number;
  /** Dutch, e.g. `inwoners 2023: 27.000 van 50.000 (54,0%)`. */
  explanation: string;
}

export interface CostAllocation {
  costItem: CostItemView;
  cooperation: { slug: string; name: string };
  key: { allocationKey: AllocationKey; keyYear: number | null; label: string };
  totalWeight: number;
  totalCents: number;
  lines: AllocationLine[];
  counterfactual: Counterfactual;
}

/**
 * Splits a cost item over the municipalities that were member during its period, exact to
 * the cent (largest remainder), and compares each share with what it would pay alone.
 * Figures for the `uren` key come from `facts.minutesServedByMunicipality`, by default the
 * hours ledger of the period (of the item's team when it has one); for the `fte` key from
 * `facts.fteByMunicipality`, by default the register's staffing on the period's last day.
 */
export async function allocateCostItem(ctx: Ctx, costItemId: string, facts: CostFacts = {}): Promise<CostAllocation> {
  const found = await findCostItemById(ctx.db, costItemId);
  if (!found) throw new VlechtError('NOT_FOUND', { object: 'kostenpost', key: costItemId });
  const coop = await getCooperation(ctx, found.cooperationSlug); // checks register:read
  const { item } = found;
  const key = item.allocationKey as AllocationKey;
  const members = membersIn(coop, item.periodFrom, item.periodTo);
  const weights = weightsFor(key, await factsFor(ctx, coop, item, members, facts));
  const shares = allocateLargestRemainder(item.amountCents, weights);
  const totalWeight = weights.reduce((acc, w) => acc + w.weight, 0);
  const lines = members.map((m, i): AllocationLine => ({
    cbsCode: m.cbsCode, name: m.name, weight: weights[i].weight, cents: shares[i].cents,
    explanation: explainWeight(key, weights[i].weight, totalWeight, item.keyYear),
  }));
  return {
    costItem: present(item, coop),
    cooperation: { slug: coop.cooperation.slug, name: coop.cooperation.name },
    key: { allocationKey: key, keyYear: item.keyYear, label: keyLabel(item, !facts.fteByMunicipality) },
    totalWeight, totalCents: item.amountCents, lines,
    counterfactual: counterfactualOf(lines, item.standaloneCents),
  };
}
