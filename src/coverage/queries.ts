/**
 * Named queries of the coverage capability (private to this folder). Reading the
 * register's tables (teams, functions, employees, assignments, population) is plain SQL on
 * shared tables; the register's own named queries are not used.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf } from '../platform/db/raw.ts';
import { isUuid } from '../platform/db/ids.ts';
import type { Queryable } from '../platform/db/types.ts';
import { application, applicationUse, qualification, scenario, scenarioVersion, sharedContract } from './tables.ts';
import { cooperation, employee, jobFunction, municipality, team, teamIntegrationLevel } from '../register/tables.ts';

export const findCooperationBySlug = async (q: Queryable, slug: string) =>
  (await q.select().from(cooperation).where(eq(cooperation.slug, slug)).limit(1))[0];
export const findCooperationById = async (q: Queryable, id: string) =>
  (await q.select().from(cooperation).where(eq(cooperation.id, id)).limit(1))[0];

export const findTeam = async (q: Queryable, id: string) =>
  !isUuid(id) ? undefined : (await q.select().from(team).where(eq(team.id, id)).limit(1))[0];
export const findTeamBySlug = async (q: Queryable, cooperationId: string, slug: string) =>
  (await q.select().from(team).where(and(eq(team.cooperationId, cooperationId), eq(team.slug, slug))).limit(1))[0];
export const teamsOf = (q: Queryable, cooperationId: string) =>
  q.select().from(team).where(eq(team.cooperationId, cooperationId)).orderBy(asc(team.name));
export const levelsOf = (q: Queryable, teamIds: string[]) =>
  teamIds.length ? q.select().from(teamIntegrationLevel).where(inArray(teamIntegrationLevel.teamId, teamIds)) : Promise.resolve([]);

export interface MemberRow { id: string; cbsCode: string; name: string; validFrom: string; validTo: string | null; inhabitants: number | null }
/** Members of a cooperation on a day, with the latest inhabitants count of a year up to that day's year. */
export const membersOn = (q: Queryable, cooperationId: string, day: string) => rowsOf<MemberRow>(q, sql`
  select m.id, m.cbs_code as "cbsCode", m.name, cm.valid_from::text as "validFrom", cm.valid_to::text as "validTo",
    (select p.inhabitants from municipality_population p where p.municipality_id = m.id and p.year <= ${Number(day.slice(0, 4))} order by p.year desc limit 1) as inhabitants
  from cooperation_member cm join municipality m on m.id = cm.municipality_id
  where cm.cooperation_id = ${cooperationId} and cm.valid_from <= ${day} and (cm.valid_to is null or cm.valid_to > ${day})
  order by m.name`);

export const functionsOfTeams = (q: Queryable, teamIds: string[]) =>
  teamIds.length ? q.select().from(jobFunction).where(inArray(jobFunction.teamId, teamIds)).orderBy(asc(jobFunction.name)) : Promise.resolve([]);

export interface QualificationRow {
  id: string; functionId: string; teamId: string; employeeId: string; employeeName: string; synthetic: boolean;
  employerMunicipalityId: string; kind: 'primair' | 'achtervang'; validFrom: string; validTo: string | null; version: number;
}
export const qualificationsOfTeams = (q: Queryable, teamIds: string[]) => teamIds.length === 0 ? Promise.resolve([] as QualificationRow[]) : rowsOf<QualificationRow>(q, sql`
  select ql.id, ql.function_id as "functionId", f.team_id as "teamId", e.id as "employeeId", e.name as "employeeName", e.synthetic,
    e.employer_municipality_id as "employerMunicipalityId", ql.kind, ql.valid_from::text as "validFrom", ql.valid_to::text as "validTo", ql.version
  from qualification ql join job_function f on f.id = ql.function_id join employee e on e.id = ql.employee_id
  where f.team_id in (${sql.join(teamIds.map((id) => sql`${id}`), sql`, `)})
  order by ql.valid_from, e.name`);

export const findQualification = async (q: Queryable, id: string) =>
  !isUuid(id) ? undefined : (await q.select().from(qualification).where(eq(qualification.id, id)).limit(1))[0];

/** FTE (thousandths) per team and employer on a day, from the register's assignments. */
export const employedFteOn = (q: Queryable, teamIds: string[], day: string) => teamIds.length === 0 ? Promise.resolve([]) : rowsOf<{ teamId: string; municipalityId: string; fteMilli: number; people: number }>(q, sql`
  select a.team_id as "teamId", e.employer_municipality_id as "municipalityId", sum(a.fte_milli)::int as "fteMilli", count(distinct e.id)::int as people
  from employee_assignment a join employee e on e.id = a.employee_id
  where a.team_id in (${sql.join(teamIds.map((id) => sql`${id}`), sql`, `)}) and a.valid_from <= ${day} and (a.valid_to is null or a.valid_to > ${day})
  group by 1, 2`);

/** Is this employee assigned to the team at some time (so a qualification for its function makes sense)? */
export const employeeInTeam = async (q: Queryable, employeeId: string, teamId: string) =>
  (await rowsOf<{ id: string; employerId: string }>(q, sql`select e.id, e.employer_municipality_id as "employerId" from employee e
    where e.id = ${employeeId} and exists (select 1 from employee_assignment a where a.employee_id = e.id and a.team_id = ${teamId})`))[0];

export const findEmployee = async (q: Queryable, id: string) =>
  !isUuid(id) ? undefined : (await q.select().from(employee).where(eq(employee.id, id)).limit(1))[0];

export const applicationsOf = (q: Queryable, cooperationId: string) =>
  q.select().from(application).where(eq(application.cooperationId, cooperationId)).orderBy(asc(application.category), asc(application.name));
export const findApplication = async (q: Queryable, id: string) =>
  !isUuid(id) ? undefined : (await q.select().from(application).where(eq(application.id, id)).limit(1))[0];
export const usesOfCooperation = (q: Queryable, cooperationId: string) =>
  q.select({ use: applicationUse }).from(applicationUse).innerJoin(application, eq(application.id, applicationUse.applicationId))
    .where(eq(application.cooperationId, cooperationId)).then((rows) => rows.map((r) => r.use));
export const contractsOf = (q: Queryable, cooperationId: string) =>
  q.select().from(sharedContract).where(eq(sharedContract.cooperationId, cooperationId)).orderBy(asc(sharedContract.name));
export const findApplicationByName = async (q: Queryable, cooperationId: string, name: string) =>
  (await q.select().from(application).where(and(eq(application.cooperationId, cooperationId), sql`lower(${application.name}) = lower(${name})`)).limit(1))[0];
export const findContractByName = async (q: Queryable, cooperationId: string, name: string) =>
  (await q.select().from(sharedContract).where(and(eq(sharedContract.cooperationId, cooperationId), sql`lower(${sharedContract.name}) = lower(${name})`)).limit(1))[0];

export const municipalitiesByCode = (q: Queryable, codes: string[]) =>
  codes.length ? q.select().from(municipality).where(inArray(municipality.cbsCode, codes)) : Promise.resolve([]);

export const findScenario = async (q: Queryable, id: string) =>
  !isUuid(id) ? undefined : (await q.select().from(scenario).where(eq(scenario.id, id)).limit(1))[0];
export const scenariosOf = (q: Queryable, cooperationId: string) =>
  q.select().from(scenario).where(eq(scenario.cooperationId, cooperationId)).orderBy(desc(scenario.updatedAt));
export const versionsOf = (q: Queryable, scenarioId: string) =>
  q.select().from(scenarioVersion).where(eq(scenarioVersion.scenarioId, scenarioId)).orderBy(asc(scenarioVersion.versionNo));
export const teamOfFunction = (q: Queryable, functionId: string) =>
  q.select({ teamId: jobFunction.teamId }).from(jobFunction).where(eq(jobFunction.id, functionId)).limit(1);
