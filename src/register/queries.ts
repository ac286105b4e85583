/** Named queries of the register. Private to this folder: other capabilities use the services. */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  municipality, municipalityPopulation, cooperation, cooperationMember, team, teamIntegrationLevel,
  jobFunction, employee, employeeAssignment, employeeRate, importColumnMapping, salaryScaleRate, municipalityAnnualFigures,
} from './tables.ts';
import type { Queryable } from '../platform/db/types.ts';
import { rowsOf } from '../platform/db/raw.ts';
import { isUuid } from '../platform/db/ids.ts';

export const findMunicipalityByCode = async (q: Queryable, code: string) =>
  (await q.select().from(municipality).where(eq(municipality.cbsCode, code)).limit(1))[0];
export const findMunicipalityById = async (q: Queryable, id: string) =>
  !isUuid(id) ? undefined : (await q.select().from(municipality).where(eq(municipality.id, id)).limit(1))[0];
export const listMunicipalities = (q: Queryable) => q.select().from(municipality).orderBy(asc(municipality.name));
export const populationOf = (q: Queryable, municipalityId: string) =>
  q.select().from(municipalityPopulation).where(eq(municipalityPopulation.municipalityId, municipalityId))
    .orderBy(asc(municipalityPopulation.year));

export const listCooperations = (q: Queryable) => q.select().from(cooperation).orderBy(asc(cooperation.name));
export const findCooperationBySlug = async (q: Queryable, slug: string) =>
  (await q.select().from(cooperation).where(eq(cooperation.slug, slug)).limit(1))[0];
export const findCooperationById = async (q: Queryable, id: string) =>
  !isUuid(id) ? undefined : (await q.select().from(cooperation).where(eq(cooperation.id, id)).limit(1))[0];

export const membersOf = (q: Queryable, cooperationId: string) =>
  q.select({ member: cooperationMember, municipality }).from(cooperationMember)
    .innerJoin(municipality, eq(municipality.id, cooperationMember.municipalityId))
    .where(eq(cooperationMember.cooperationId, cooperationId))
    .orderBy(asc(municipality.name), asc(cooperationMember.validFrom));

/** All member municipality ids per cooperation, for policy scopes of many cooperations at once. */
export async function memberIdsByCooperation(q: Queryable): Promise<Map<string, string[]>> {
  const rows = await q.select({ c: cooperationMember.cooperationId, m: cooperationMember.municipalityId }).from(cooperationMember);
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.c, [...(map.get(r.c) ?? []), r.m]);
  return map;
}

export const teamsOf = (q: Queryable, cooperationId: string) =>
  q.select().from(team).where(eq(team.cooperationId, cooperationId)).orderBy(asc(team.name));
export const findTeamById = async (q: Queryable, id: string) =>
  !isUuid(id) ? undefined : (await q.select().from(team).where(eq(team.id, id)).limit(1))[0];
export const findTeamBySlug = async (q: Queryable, cooperationId: string, slug: string) =>
  (await q.select().from(team).where(and(eq(team.cooperationId, cooperationId), eq(team.slug, slug))).limit(1))[0];

export const integrationHistoryOf = (q: Queryable, teamIds: string[]) =>
  teamIds.length === 0 ? Promise.resolve([]) : q.select().from(teamIntegrationLevel)
    .where(inArray(teamIntegrationLevel.teamId, teamIds)).orderBy(asc(teamIntegrationLevel.validFrom));

export const functionsOf = (q: Queryable, teamId: string) =>
  q.select().from(jobFunction).where(eq(jobFunction.teamId, teamId)).orderBy(asc(jobFunction.name));
export const findFunctionById = async (q: Queryable, id: string) =>
  !isUuid(id) ? undefined : (await q.select().from(jobFunction).where(eq(jobFunction.id, id)).limit(1))[0];

/** Assignments of a team with the employee and employer: for staffing and the people list. */
export const assignmentsOfTeam = (q: Queryable, teamId: string) =>
  q.select({ assignment: employeeAssignment, employee, employer: municipality, functionName: jobFunction.name })
    .from(employeeAssignment)
    .innerJoin(employee, eq(employee.id, employeeAssignment.employeeId))
    .innerJoin(municipality, eq(municipality.id, employee.employerMunicipalityId))
    .leftJoin(jobFunction, eq(jobFunction.id, employeeAssignment.functionId))
    .where(eq(employeeAssignment.teamId, teamId))
    .orderBy(asc(employee.name), asc(employeeAssignment.validFrom));

export const findEmployeeById = async (q: Queryable, id: string) =>
  !isUuid(id) ? undefined : (await q.select({ employee, employer: municipality }).from(employee)
    .innerJoin(municipality, eq(municipality.id, employee.employerMunicipalityId))
    .where(eq(employee.id, id)).limit(1))[0];
export const findEmployeeByNumber = async (q: Queryable, employerId: string, personnelNumber: string) =>
  (await q.select().from(employee).where(and(eq(employee.employerMunicipalityId, employerId), eq(employee.personnelNumber, personnelNumber))).limit(1))[0];

export const assignmentsOfEmployee = (q: Queryable, employeeId: string) =>
  q.select({ assignment: employeeAssignment, team, functionName: jobFunction.name }).from(employeeAssignment)
    .innerJoin(team, eq(team.id, employeeAssignment.teamId))
    .leftJoin(jobFunction, eq(jobFunction.id, employeeAssignment.functionId))
    .where(eq(employeeAssignment.employeeId, employeeId)).orderBy(asc(employeeAssignment.validFrom));
export const ratesOfEmployee = (q: Queryable, employeeId: string) =>
  q.select().from(employeeRate).where(eq(employeeRate.employeeId, employeeId)).orderBy(asc(employeeRate.validFrom));

export const openAssignmentsOf = (q: Queryable, employeeId: string) =>
  q.select().from(employeeAssignment).where(and(eq(employeeAssignment.employeeId, employeeId), isNull(employeeAssignment.validTo)));

export const counts = async (q: Queryable) =>
  (await rowsOf<{ cooperations: number; teams: number; employees: number }>(q, sql`select
    (select count(*)::int from cooperation) as cooperations,
    (select count(*)::int from team) as teams,
    (select count(*)::int from employee) as employees`))[0];

/** Employees of the given employers, for importers' lookups. */
export const employeesOfEmployers = (q: Queryable, employerIds: string[]) =>
  employerIds.length === 0 ? Promise.resolve([]) : q.select({ id: employee.id, personnelNumber: employee.personnelNumber, employerId: employee.employerMunicipalityId })
    .from(employee).where(inArray(employee.employerMunicipalityId, employerIds));

/** All assignments in the given teams, for "which team on that date". */
export const assignmentsInTeams = (q: Queryable, teamIds: string[]) =>
  teamIds.length === 0 ? Promise.resolve([]) : q.select({ employeeId: employeeAssignment.employeeId, teamId: employeeAssignment.teamId, validFrom: employeeAssignment.validFrom, validTo: employeeAssignment.validTo, fteMilli: employeeAssignment.fteMilli })
    .from(employeeAssignment).where(inArray(employeeAssignment.teamId, teamIds));

/** Everyone employed by a municipality with their open assignment and open rate, for the HR import. */
export async function employerRoster(q: Queryable, employerId: string) {
  const people = await q.select().from(employee).where(eq(employee.employerMunicipalityId, employerId));
  const ids = people.map((p) => p.id);
  if (ids.length === 0) return [];
  const [assignments, rates] = await Promise.all([
    q.select().from(employeeAssignment).where(and(inArray(employeeAssignment.employeeId, ids), isNull(employeeAssignment.validTo))),
    q.select().from(employeeRate).where(and(inArray(employeeRate.employeeId, ids), isNull(employeeRate.validTo))),
  ]);
  return people.map((p) => ({ employee: p, assignment: assignments.find((a) => a.employeeId === p.id) ?? null, rate: rates.find((r) => r.employeeId === p.id) ?? null }));
}

/** Teams of every cooperation the municipality is a member of, with their functions. */
export async function teamsOfMemberCooperations(q: Queryable, municipalityId: string) {
  const rows = await q.select({ team, cooperationSlug: cooperation.slug }).from(team)
    .innerJoin(cooperation, eq(cooperation.id, team.cooperationId))
    .innerJoin(cooperationMember, and(eq(cooperationMember.cooperationId, cooperation.id), eq(cooperationMember.municipalityId, municipalityId)));
  const functions = rows.length ? await q.select().from(jobFunction).where(inArray(jobFunction.teamId, rows.map((r) => r.team.id))) : [];
  return rows.map((r) => ({ ...r.team, cooperationSlug: r.cooperationSlug, functions: functions.filter((f) => f.teamId === r.team.id) }));
}

export const rememberedMapping = async (q: Queryable, municipalityId: string, kind: string) =>
  (await q.select().from(importColumnMapping).where(and(eq(importColumnMapping.municipalityId, municipalityId), eq(importColumnMapping.kind, kind))).limit(1))[0];

export const salaryScaleOf = (q: Queryable, municipalityId: string) =>
  q.select().from(salaryScaleRate).where(eq(salaryScaleRate.municipalityId, municipalityId))
    .orderBy(asc(salaryScaleRate.scale), asc(salaryScaleRate.step), asc(salaryScaleRate.validFrom));

export const annualFiguresOf = (q: Queryable, municipalityIds: string[]) => municipalityIds.length === 0 ? Promise.resolve([]) :
  q.select().from(municipalityAnnualFigures).where(inArray(municipalityAnnualFigures.municipalityId, municipalityIds)).orderBy(asc(municipalityAnnualFigures.year));
export const populationOfMany = (q: Queryable, municipalityIds: string[]) => municipalityIds.length === 0 ? Promise.resolve([]) :
  q.select().from(municipalityPopulation).where(inArray(municipalityPopulation.municipalityId, municipalityIds)).orderBy(asc(municipalityPopulation.year));
