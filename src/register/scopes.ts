/** Builds policy scopes for register objects (reads the members and teams they need). */
import * as q from './queries.ts';
import type { Queryable } from '../platform/db/types.ts';
import type { Scope } from '../platform/auth/policy.ts';
import { isValidOn } from './periods.ts';

export async function cooperationScope(db: Queryable, cooperationId: string): Promise<Scope> {
  const members = await q.membersOf(db, cooperationId);
  return { cooperationId, memberMunicipalityIds: members.map((m) => m.municipality.id) };
}

export async function teamScope(db: Queryable, t: { id: string; cooperationId: string }): Promise<Scope> {
  return { ...(await cooperationScope(db, t.cooperationId)), teamIds: [t.id] };
}

/** An employee is in scope of the employer, of the teams they work in now, and of those teams' cooperation. */
export async function employeeScope(db: Queryable, employeeId: string, employerId: string, today: string): Promise<Scope> {
  const assignments = await q.assignmentsOfEmployee(db, employeeId);
  const current = assignments.filter((a) => isValidOn(a.assignment, today));
  const relevant = current.length ? current : assignments.slice(-1);
  return {
    municipalityId: employerId,
    teamIds: relevant.map((a) => a.team.id),
    cooperationId: relevant[0]?.team.cooperationId ?? null,
  };
}

export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
