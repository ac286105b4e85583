/**
 * Gathers the explicit inputs of a disentanglement scenario from the register (members,
 * inhabitants, functions, qualifications, employed FTE, integration level), the ledger
 * (hours per municipality served, via the ledger service) and the portfolio, for all teams
 * of a cooperation at once; `inputFor` then assembles one team's ScenarioInput. Reads only;
 * the caller checks the policy.
 */
import * as q from './queries.ts';
import { stepOn } from '../register/periods.ts';
import { ledgerOverview } from '../ledger/ledger.service.ts';
import { usersOn, type UseFact } from './harmonisation.ts';
import type { ScenarioInput, AgreementFact, MemberFact } from './scenario.ts';
import type { ScenarioParameters } from './parameters.ts';
import { VlechtError } from '../platform/errors.ts';
import type { Ctx } from '../platform/context.ts';

export interface CooperationFacts {
  cooperation: { id: string; slug: string; name: string };
  day: string;
  hours: { from: string; to: string };
  members: (MemberFact & { inhabitantsKnown: boolean })[];
  teams: { id: string; slug: string; name: string; level: number | null; leadMunicipalityId: string | null }[];
  functions: { id: string; teamId: string; name: string; critical: boolean; requiredQualified: number }[];
  qualifications: q.QualificationRow[];
  employed: { teamId: string; municipalityId: string; fteMilli: number; people: number }[];
  servedMinutes: Record<string, Record<string, number>>;
  agreements: (AgreementFact & { teamId: string | null })[];
}

export async function cooperationFacts(ctx: Ctx, coop: { id: string; slug: string; name: string }, day: string, hours: { from?: string; to?: string } = {}): Promise<CooperationFacts> {
  const teams = await q.teamsOf(ctx.db, coop.id);
  const ids = teams.map((t) => t.id);
  const [members, levels, functions, qualifications, employed, apps, uses, contracts] = await Promise.all([
    q.membersOn(ctx.db, coop.id, day), q.levelsOf(ctx.db, ids), q.functionsOfTeams(ctx.db, ids), q.qualificationsOfTeams(ctx.db, ids),
    q.employedFteOn(ctx.db, ids, day), q.applicationsOf(ctx.db, coop.id), q.usesOfCooperation(ctx.db, coop.id), q.contractsOf(ctx.db, coop.id),
  ]);
  const ledger = await ledgerOverview(ctx, coop.slug, { ...(hours.from ? { van: hours.from } : {}), ...(hours.to ? { tot: hours.to } : {}), per: 'jaar' });
  const idByCode = new Map(members.map((m) => [m.cbsCode, m.id]));
  const servedMinutes = Object.fromEntries(ledger.teams.map((t) => [t.id, Object.fromEntries(t.byServed.map((s) => [idByCode.get(s.municipality.cbsCode) ?? s.municipality.cbsCode, s.minutes]))]));
  const facts: UseFact[] = uses.map((u) => ({ applicationId: u.applicationId, municipalityId: u.municipalityId, validFrom: u.validFrom, validTo: u.validTo }));
  const memberIds = members.map((m) => m.id);
  const agreements: CooperationFacts['agreements'] = [
    ...apps.map((a) => {
      const usedBy = usersOn(facts, a.id, day).filter((id) => memberIds.includes(id));
      const users = Object.fromEntries(uses.filter((u) => u.applicationId === a.id && usedBy.includes(u.municipalityId) && u.validFrom <= day && (u.validTo === null || u.validTo > day)).map((u) => [u.municipalityId, u.users]));
      return { id: a.id, name: a.name, kind: 'applicatie' as const, pricing: a.pricing, usedBy, users, teamId: a.teamId };
    }),
    ...contracts.map((c) => ({
      id: c.id, name: c.name, kind: 'contract' as const, pricing: c.pricing, teamId: c.teamId,
      usedBy: members.filter((m) => c.memberCodes.includes(m.cbsCode)).map((m) => m.id),
      users: Object.fromEntries(members.map((m) => [m.id, c.users[m.cbsCode] ?? 0])),
    })),
  ].filter((a) => a.usedBy.length > 0);
  return {
    cooperation: { id: coop.id, slug: coop.slug, name: coop.name }, day, hours: { from: ledger.period.from, to: ledger.period.to },
    members: members.map((m) => ({ id: m.id, cbsCode: m.cbsCode, name: m.name, inhabitants: m.inhabitants ?? 0, inhabitantsKnown: m.inhabitants !== null })),
    teams: teams.map((t) => ({ id: t.id, slug: t.slug, name: t.name, level: stepOn(levels.filter((l) => l.teamId === t.id), day)?.level ?? null, leadMunicipalityId: t.leadMunicipalityId })),
    functions, qualifications, employed, servedMinutes, agreements,
  };
}

/** One team's scenario input; `leavingCode` is `alle` or the CBS code of a member. */
export function inputFor(f: CooperationFacts, teamId: string, leavingCode: string, parameters: ScenarioParameters): ScenarioInput {
  const team = f.teams.find((t) => t.id === teamId)!;
  let leaving = 'alle';
  if (leavingCode !== 'alle') {
    const m = f.members.find((x) => x.cbsCode === leavingCode);
    if (!m) throw new VlechtError('VALIDATION', {}, [{ field: 'leaving', message: 'deze gemeente is op de peildatum geen lid van de samenwerking', value: leavingCode }]);
    leaving = m.id;
  }
  const employedFteMilli = Object.fromEntries(f.employed.filter((e) => e.teamId === teamId).map((e) => [e.municipalityId, e.fteMilli]));
  // The manager stays with the lead municipality, or else with the one employing most FTE in the team.
  const biggest = [...f.members].sort((a, b) => (employedFteMilli[b.id] ?? 0) - (employedFteMilli[a.id] ?? 0))[0]?.id ?? null;
  return {
    team: { id: team.id, name: team.name, sharedManager: (team.level ?? 0) >= 3, managerMunicipalityId: team.leadMunicipalityId ?? biggest },
    members: f.members.map(({ inhabitantsKnown: _, ...m }) => m),
    leaving,
    day: f.day,
    functions: f.functions.filter((x) => x.teamId === teamId).map((x) => ({ id: x.id, name: x.name, critical: x.critical, requiredQualified: x.requiredQualified })),
    qualifications: f.qualifications.filter((x) => x.teamId === teamId).map((x) => ({ functionId: x.functionId, employeeId: x.employeeId, employerMunicipalityId: x.employerMunicipalityId, kind: x.kind, validFrom: x.validFrom, validTo: x.validTo })),
    employedFteMilli,
    servedMinutes: f.servedMinutes[teamId] ?? {},
    agreements: f.agreements.filter((a) => a.teamId === teamId).map(({ teamId: _, ...a }) => a),
    parameters,
  };
}
