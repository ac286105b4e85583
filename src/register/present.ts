/**
 * View models of the register for API and pages: explicit fields, never raw rows.
 * Figures from the seeds keep their `source`; synthetic people are marked.
 */
import type { getCooperation } from './cooperation.service.ts';
import { bbvLabel } from './bbv.ts';
import type { getTeam } from './team.service.ts';
import type { getEmployee } from './employee.service.ts';

type Row<T> = T extends Promise<infer U> ? U : never;

export const presentMunicipality = (m: { id: string; cbsCode: string; name: string; version: number }) =>
  ({ id: m.id, cbsCode: m.cbsCode, name: m.name, version: m.version });

export function presentCooperationSummary(c: { id: string; slug: string; name: string; legalForm: string; startDate: string; endDate: string | null; mustStayDisentanglable: boolean; thirdMunicipalityMayJoin: boolean; description: string; source: string; version: number }) {
  return {
    id: c.id, slug: c.slug, name: c.name, legalForm: c.legalForm, startDate: c.startDate, endDate: c.endDate,
    mustStayDisentanglable: c.mustStayDisentanglable, thirdMunicipalityMayJoin: c.thirdMunicipalityMayJoin,
    description: c.description, source: c.source, version: c.version,
  };
}

export function presentCooperation(v: Row<ReturnType<typeof getCooperation>>) {
  return {
    ...presentCooperationSummary(v.cooperation),
    members: v.members.map((m) => ({ municipality: presentMunicipality(m.municipality), role: m.role, validFrom: m.validFrom, validTo: m.validTo })),
    teams: v.teams.map((t) => ({
      id: t.id, slug: t.slug, name: t.name, currentLevel: t.currentLevel,
      integrationHistory: t.integrationHistory.map((h) => ({ level: h.level, validFrom: h.validFrom, decisionReference: h.decisionReference, source: h.source })),
    })),
  };
}

export function presentTeam(v: Row<ReturnType<typeof getTeam>>) {
  return {
    id: v.team.id, slug: v.team.slug, name: v.team.name, version: v.team.version,
    cooperation: v.cooperation ? { slug: v.cooperation.slug, name: v.cooperation.name } : null,
    leadMunicipality: v.leadMunicipality ? presentMunicipality(v.leadMunicipality) : null,
    managerName: v.team.managerName, bbvTaakveld: v.team.bbvTaakveld, bbvTaakveldNaam: bbvLabel(v.team.bbvTaakveld), description: v.team.description, agreedShares: v.team.agreedShares,
    currentLevel: v.currentLevel,
    integrationHistory: v.integrationHistory.map((h) => ({ id: h.id, level: h.level, validFrom: h.validFrom, decisionReference: h.decisionReference, note: h.note, source: h.source })),
    functions: v.functions.map((f) => ({ id: f.id, name: f.name, critical: f.critical, requiredQualified: f.requiredQualified })),
    staffing: v.staffing.map((s) => ({ municipality: presentMunicipality(s.municipality), people: s.people, fte: s.fteMilli / 1000 })),
    // Named people only when the service allowed it; otherwise absent, not empty.
    ...(v.people ? { people: v.people.map((p) => ({ employeeId: p.employeeId, name: p.name, synthetic: p.synthetic, employerCbsCode: p.employer.cbsCode, functionName: p.functionName, fte: p.fteMilli / 1000 })) } : {}),
  };
}

export function presentEmployee(v: Row<ReturnType<typeof getEmployee>>) {
  return {
    id: v.employee.id, personnelNumber: v.employee.personnelNumber, name: v.employee.name, synthetic: v.employee.synthetic,
    version: v.employee.version, employer: presentMunicipality(v.employer),
    assignments: v.assignments.map((a) => ({ teamId: a.teamId, teamName: a.team.name, functionName: a.functionName, fte: a.fteMilli / 1000, validFrom: a.validFrom, validTo: a.validTo })),
    rates: v.rates.map((r) => ({ hourlyRateCents: r.hourlyRateCents, validFrom: r.validFrom, validTo: r.validTo })),
  };
}
