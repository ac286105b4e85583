/**
 * Pure logic of a disentanglement scenario for one team: what happens when one municipality
 * leaves (or every municipality goes on alone). Everything comes from the explicit input
 * (register, ledger, portfolio figures) and the named parameters; nothing else.
 *
 * Per group after the split (the leaving municipality, and the ones staying together; or
 * each municipality alone):
 * - FTE: the group employs what its municipalities employ in the team, but uses its share
 *   of the team's registered hours. Used FTE = the team's employed FTE × the group's share
 *   of hours (staff time is not invoiced, so this difference is what the split makes visible).
 * - Functions: eenpitters that reappear (one qualified person in the group, more in the
 *   pool), critical functions left without anyone, qualifications to restore.
 * - Manager: a team under one manager needs one more for each group without them.
 * - Licences and contracts used on both sides of the split: the price each side pays alone
 *   under the pricing model, against its share of the shared price; volume discount lost.
 * - One-off and recurring costs, each a figure from the data times one parameter.
 */
import { coverageOn, summarise, type CoverageSummary, type FunctionFact, type QualificationFact } from './coverage.ts';
import { basisOf, unitPriceFor, yearlyCost, type Pricing } from './pricing.ts';
import type { ScenarioParameters } from './parameters.ts';

export interface MemberFact {
  id: string;
  cbsCode: string;
  name: string;
  inhabitants: number;
}

export interface AgreementFact {
  id: string;
  name: string;
  /** A licence of an application, or a shared contract (cleaning, catering, advice). */
  kind: 'applicatie' | 'contract';
  pricing: Pricing;
  /** Municipality ids that use it on the reference date. */
  usedBy: string[];
  /** Users per municipality id (for pricing per user). */
  users: Record<string, number>;
}

export interface ScenarioInput {
  team: { id: string; name: string; sharedManager: boolean; managerMunicipalityId: string | null };
  members: MemberFact[];
  /** A municipality id, or `alle` for a full split (every member alone). */
  leaving: string;
  day: string;
  functions: FunctionFact[];
  qualifications: QualificationFact[];
  /** FTE (thousandths) each municipality employs in the team on the reference date. */
  employedFteMilli: Record<string, number>;
  /** Minutes the team worked for each municipality in the reference period (ledger). */
  servedMinutes: Record<string, number>;
  agreements: AgreementFact[];
  parameters: ScenarioParameters;
}

export interface AgreementOutcome {
  id: string;
  name: string;
  kind: 'applicatie' | 'contract';
  model: Pricing['model'];
  /** Used on both sides of the split: it has to be split. */
  splitNeeded: boolean;
  groupUnits: number | null;
  pooledUnits: number | null;
  /** The group's share of the shared yearly price. */
  beforeCents: number;
  /** What the group pays alone per year. */
  afterCents: number;
  extraCents: number;
  volumeDiscountLostCents: number;
  oneOffCents: number;
}

export interface GroupOutcome {
  key: string;
  label: string;
  municipalityIds: string[];
  employedFteMilli: number;
  usedFteMilli: number;
  /** used − employed: positive is a shortage, negative a surplus. */
  gapFteMilli: number;
  coverage: CoverageSummary;
  reappearingSinglePerson: string[];
  criticalUncovered: string[];
  /** Qualified people to train to get back to the pooled level (capped at the requirement). */
  qualificationsToRestore: number;
  needsManager: boolean;
  agreements: AgreementOutcome[];
  oneOff: { recruitmentCents: number; managerRecruitmentCents: number; qualificationCents: number; migrationCents: number; contractSplitCents: number; legalCents: number; totalCents: number };
  recurring: { staffCents: number; managerCents: number; agreementsCents: number; totalCents: number };
}

export interface ScenarioResult {
  teamId: string;
  leaving: string;
  day: string;
  /** False when the ledger has no hours for the team: used FTE then equals employed FTE. */
  hoursAvailable: boolean;
  totalMinutes: number;
  pooled: CoverageSummary;
  groups: GroupOutcome[];
  totals: { oneOffCents: number; recurringCents: number; fteShortageMilli: number; functionsUncovered: number; criticalUncovered: number; reappearingSinglePerson: number; volumeDiscountLostCents: number };
  parameters: ScenarioParameters;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
/** cents × thousandths / 1000, rounded once. */
const perMilli = (milli: number, cents: number) => Math.round((milli * cents) / 1000);

/** The groups after the split: the leaving municipality and the rest, or everyone alone. */
export function groupsOf(members: readonly MemberFact[], leaving: string): MemberFact[][] {
  if (leaving === 'alle') return members.map((m) => [m]);
  const out = members.filter((m) => m.id === leaving);
  const rest = members.filter((m) => m.id !== leaving);
  return [out, rest].filter((g) => g.length > 0);
}

function unitsOf(a: AgreementFact, members: readonly MemberFact[], ids: readonly string[]): number | null {
  const basis = basisOf(a.pricing);
  if (basis === null) return null;
  const using = ids.filter((id) => a.usedBy.includes(id));
  return sum(using.map((id) => (basis === 'inwoners' ? members.find((m) => m.id === id)?.inhabitants ?? 0 : a.users[id] ?? 0)));
}

function agreementOutcome(a: AgreementFact, input: ScenarioInput, group: readonly string[]): AgreementOutcome | null {
  const { members, parameters: p } = input;
  const using = group.filter((id) => a.usedBy.includes(id));
  if (using.length === 0) return null;
  const splitNeeded = a.usedBy.some((id) => !group.includes(id));
  const allUsers = members.map((m) => m.id).filter((id) => a.usedBy.includes(id));
  const pooledUnits = unitsOf(a, members, allUsers);
  const groupUnits = unitsOf(a, members, group);
  const pooledCost = yearlyCost(a.pricing, pooledUnits ?? 0);
  let beforeCents: number;
  if (pooledUnits === null) {
    // Fixed price: a share by inhabitants (fixedCostSharePct) and the rest equally.
    const inh = (ids: readonly string[]) => sum(ids.map((id) => members.find((m) => m.id === id)?.inhabitants ?? 0));
    const byInhabitants = inh(allUsers) === 0 ? 0 : (pooledCost * p.fixedCostSharePct * inh(using)) / (100 * inh(allUsers));
    const equally = (pooledCost * (100 - p.fixedCostSharePct) * using.length) / (100 * allUsers.length);
    beforeCents = Math.round(byInhabitants + equally);
  } else {
    beforeCents = pooledUnits === 0 ? 0 : Math.round((pooledCost * groupUnits!) / pooledUnits);
  }
  let afterCents = beforeCents;
  let volumeDiscountLostCents = 0;
  if (splitNeeded) {
    if (a.pricing.model === 'vast') afterCents = Math.round((a.pricing.yearlyCents * p.fixedPriceAfterSplitPct) / 100);
    else {
      afterCents = yearlyCost(a.pricing, groupUnits!);
      if (a.pricing.model === 'staffel') {
        volumeDiscountLostCents = Math.round(groupUnits! * (unitPriceFor(a.pricing, groupUnits!)! - unitPriceFor(a.pricing, pooledUnits!)!));
      }
    }
  }
  const oneOffCents = splitNeeded ? (a.kind === 'applicatie' ? p.migrationPerApplicationCents : p.contractSplitCents) : 0;
  return {
    id: a.id, name: a.name, kind: a.kind, model: a.pricing.model, splitNeeded, groupUnits, pooledUnits,
    beforeCents, afterCents, extraCents: afterCents - beforeCents, volumeDiscountLostCents, oneOffCents,
  };
}

export function computeScenario(input: ScenarioInput): ScenarioResult {
  const { members, parameters: p } = input;
  const allIds = members.map((m) => m.id);
  const pooledRows = coverageOn(input.functions, input.qualifications, allIds, input.day);
  const totalEmployed = sum(allIds.map((id) => input.employedFteMilli[id] ?? 0));
  const totalMinutes = sum(allIds.map((id) => input.servedMinutes[id] ?? 0));
  const managerKeeper = input.team.managerMunicipalityId && allIds.includes(input.team.managerMunicipalityId) ? input.team.managerMunicipalityId : allIds[0];

  const groups = groupsOf(members, input.leaving).map((g): GroupOutcome => {
    const ids = g.map((m) => m.id);
    const employed = sum(ids.map((id) => input.employedFteMilli[id] ?? 0));
    const minutes = sum(ids.map((id) => input.servedMinutes[id] ?? 0));
    const used = totalMinutes === 0 ? employed : Math.round((totalEmployed * minutes) / totalMinutes);
    const gap = used - employed;
    const rows = coverageOn(input.functions, input.qualifications, ids, input.day);
    const reappearing = rows.filter((r, i) => r.singlePerson && pooledRows[i].qualified > 1).map((r) => r.name);
    const criticalUncovered = rows.filter((r) => r.critical && r.uncovered).map((r) => r.name);
    const toRestore = sum(rows.map((r, i) => Math.max(0, Math.min(r.requiredQualified, pooledRows[i].qualified) - r.qualified)));
    const needsManager = input.team.sharedManager && !ids.includes(managerKeeper);
    const agreements = input.agreements.map((a) => agreementOutcome(a, input, ids)).filter((a): a is AgreementOutcome => a !== null);
    const shortage = Math.max(0, gap);
    const surplus = Math.max(0, -gap);
    const oneOff = {
      recruitmentCents: perMilli(shortage, p.recruitmentPerFteCents),
      managerRecruitmentCents: needsManager ? p.recruitmentPerFteCents : 0,
      qualificationCents: toRestore * p.qualificationCostCents,
      migrationCents: sum(agreements.filter((a) => a.kind === 'applicatie').map((a) => a.oneOffCents)),
      contractSplitCents: sum(agreements.filter((a) => a.kind === 'contract').map((a) => a.oneOffCents)),
      legalCents: p.legalAdviceCents,
      totalCents: 0,
    };
    oneOff.totalCents = oneOff.recruitmentCents + oneOff.managerRecruitmentCents + oneOff.qualificationCents + oneOff.migrationCents + oneOff.contractSplitCents + oneOff.legalCents;
    const recurring = {
      staffCents: perMilli(shortage, p.yearlyCostPerFteCents) - Math.round((perMilli(surplus, p.yearlyCostPerFteCents) * p.surplusReductionPct) / 100),
      managerCents: needsManager ? p.managerYearlyCostCents : 0,
      agreementsCents: sum(agreements.map((a) => a.extraCents)),
      totalCents: 0,
    };
    recurring.totalCents = recurring.staffCents + recurring.managerCents + recurring.agreementsCents;
    return {
      key: ids.join('+'), label: g.map((m) => m.name).join(' en '), municipalityIds: ids,
      employedFteMilli: employed, usedFteMilli: used, gapFteMilli: gap,
      coverage: summarise(rows), reappearingSinglePerson: reappearing, criticalUncovered, qualificationsToRestore: toRestore,
      needsManager, agreements, oneOff, recurring,
    };
  });

  return {
    teamId: input.team.id, leaving: input.leaving, day: input.day, hoursAvailable: totalMinutes > 0, totalMinutes,
    pooled: summarise(pooledRows), groups,
    totals: {
      oneOffCents: sum(groups.map((g) => g.oneOff.totalCents)),
      recurringCents: sum(groups.map((g) => g.recurring.totalCents)),
      fteShortageMilli: sum(groups.map((g) => Math.max(0, g.gapFteMilli))),
      functionsUncovered: sum(groups.map((g) => g.coverage.uncovered)),
      criticalUncovered: sum(groups.map((g) => g.criticalUncovered.length)),
      reappearingSinglePerson: sum(groups.map((g) => g.reappearingSinglePerson.length)),
      volumeDiscountLostCents: sum(groups.flatMap((g) => g.agreements.map((a) => a.volumeDiscountLostCents))),
    },
    parameters: { ...p },
  };
}
