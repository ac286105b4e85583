/**
 * Use cases for employees: personal data, so reading needs `personal:read` (controller of
 * the employer, the team's manager, beheerder) and changing needs `personal:write`
 * (controller of the employer, beheerder). Team moves, FTE and rates keep their history.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { employee, employeeAssignment, employeeRate } from './tables.ts';
import * as q from './queries.ts';
import { assignmentInput, employeeInput, employeePatch, rateInput } from './schema.ts';
import { employeeScope, isoDay } from './scopes.ts';
import { periodToClose } from './periods.ts';
import { parseInput } from '../platform/validation.ts';
import { checkVersion, mutate, requireAccess, requireMutationAccess, type Ctx } from '../platform/context.ts';
import { VlechtError } from '../platform/errors.ts';
import type { Tx } from '../platform/db/types.ts';

async function loadEmployee(ctx: Ctx, id: string) {
  const found = await q.findEmployeeById(ctx.db, id);
  if (!found) throw new VlechtError('NOT_FOUND', { object: 'medewerker', key: id });
  return found;
}

export async function getEmployee(ctx: Ctx, id: string) {
  const found = await loadEmployee(ctx, id);
  requireAccess(ctx, 'personal:read', await employeeScope(ctx.db, id, found.employer.id, isoDay(ctx.clock())));
  const [assignments, rates] = await Promise.all([q.assignmentsOfEmployee(ctx.db, id), q.ratesOfEmployee(ctx.db, id)]);
  return {
    employee: found.employee,
    employer: found.employer,
    assignments: assignments.map((a) => ({ ...a.assignment, team: a.team, functionName: a.functionName })),
    rates,
  };
}

async function checkFunctionInTeam(tx: Tx, teamId: string, functionId: string | null) {
  if (!(await q.findTeamById(tx, teamId))) {
    throw new VlechtError('VALIDATION', {}, [{ field: 'teamId', message: 'onbekend team', value: teamId }]);
  }
  if (functionId) {
    const f = await q.findFunctionById(tx, functionId);
    if (!f || f.teamId !== teamId) throw new VlechtError('VALIDATION', {}, [{ field: 'functionId', message: 'deze functie hoort niet bij het team', value: functionId }]);
  }
}

export async function createEmployee(ctx: Ctx, input: unknown) {
  const data = parseInput(employeeInput, input);
  const employer = await q.findMunicipalityByCode(ctx.db, data.employerCbsCode);
  if (!employer) throw new VlechtError('VALIDATION', {}, [{ field: 'employerCbsCode', message: 'onbekende gemeente', value: data.employerCbsCode }]);
  await requireMutationAccess(ctx, 'personal:write', { municipalityId: employer.id },
    { action: 'medewerker.aanmaken', objectType: 'medewerker', objectId: `${data.employerCbsCode}/${data.personnelNumber}` });
  if (await q.findEmployeeByNumber(ctx.db, employer.id, data.personnelNumber)) {
    throw new VlechtError('DUPLICATE', { field: 'personnelNumber', value: data.personnelNumber });
  }
  return mutate(ctx, async (tx) => {
    const [row] = await tx.insert(employee).values({
      employerMunicipalityId: employer.id, personnelNumber: data.personnelNumber, name: data.name, synthetic: data.synthetic,
    }).returning();
    const extra: Record<string, unknown> = {};
    if (data.assignment) {
      await checkFunctionInTeam(tx, data.assignment.teamId, data.assignment.functionId);
      [extra.assignment] = await tx.insert(employeeAssignment).values({ employeeId: row.id, ...data.assignment }).returning();
    }
    if (data.rate) [extra.rate] = await tx.insert(employeeRate).values({ employeeId: row.id, ...data.rate }).returning();
    return { value: row, audit: { action: 'medewerker.aanmaken', objectType: 'medewerker', objectId: row.id, newValue: { ...row, ...extra } } };
  });
}

export async function updateEmployee(ctx: Ctx, id: string, expectedVersion: number | undefined, input: unknown) {
  const patch = parseInput(employeePatch, input);
  const found = await loadEmployee(ctx, id);
  await requireMutationAccess(ctx, 'personal:write', { municipalityId: found.employer.id }, { action: 'medewerker.wijzigen', objectType: 'medewerker', objectId: id });
  return mutate(ctx, async (tx) => {
    const [current] = await tx.select().from(employee).where(eq(employee.id, id));
    checkVersion(current.version, expectedVersion);
    const [row] = await tx.update(employee).set({ ...patch, version: current.version + 1, updatedAt: ctx.clock() })
      // Conditional on the version read: a concurrent writer that got there first makes this match nothing.
      .where(and(eq(employee.id, id), eq(employee.version, current.version))).returning();
    if (!row) throw new VlechtError('PRECONDITION_FAILED', { current: current.version + 1, expected: expectedVersion });
    return { value: row, audit: { action: 'medewerker.wijzigen', objectType: 'medewerker', objectId: id, oldValue: current, newValue: row } };
  });
}

function periodError(field: string, value: string, reason: string | undefined): never {
  const message = reason === 'STARTS_BEFORE_OPEN_PERIOD'
    ? 'moet na de begindatum van de lopende periode liggen'
    : 'valt binnen een eerdere, afgesloten periode';
  throw new VlechtError('VALIDATION', {}, [{ field, message, value }]);
}

/**
 * A new team membership/function/FTE from a date. The running one ends that day, so
 * a move between teams keeps the old team in the history.
 */
export async function addAssignment(ctx: Ctx, employeeId: string, input: unknown) {
  const data = parseInput(assignmentInput, input);
  const found = await loadEmployee(ctx, employeeId);
  await requireMutationAccess(ctx, 'personal:write', { municipalityId: found.employer.id }, { action: 'medewerker.inzet', objectType: 'medewerker', objectId: employeeId });
  return mutate(ctx, async (tx) => {
    await checkFunctionInTeam(tx, data.teamId, data.functionId);
    const existing = await tx.select().from(employeeAssignment).where(eq(employeeAssignment.employeeId, employeeId));
    const { close, error } = periodToClose(existing, data.validFrom);
    if (error) periodError('validFrom', data.validFrom, error);
    if (close) await tx.update(employeeAssignment).set({ validTo: data.validFrom, version: close.version + 1, updatedAt: ctx.clock() }).where(eq(employeeAssignment.id, close.id));
    const [row] = await tx.insert(employeeAssignment).values({ employeeId, ...data }).returning();
    return { value: row, audit: { action: 'medewerker.inzet', objectType: 'medewerker', objectId: employeeId, oldValue: close ?? null, newValue: row } };
  });
}

/** A new hourly cost rate from a date; the running rate ends that day. */
export async function addRate(ctx: Ctx, employeeId: string, input: unknown) {
  const data = parseInput(rateInput, input);
  const found = await loadEmployee(ctx, employeeId);
  await requireMutationAccess(ctx, 'personal:write', { municipalityId: found.employer.id }, { action: 'medewerker.tarief', objectType: 'medewerker', objectId: employeeId });
  return mutate(ctx, async (tx) => {
    const existing = await tx.select().from(employeeRate).where(eq(employeeRate.employeeId, employeeId));
    const { close, error } = periodToClose(existing, data.validFrom);
    if (error) periodError('validFrom', data.validFrom, error);
    if (close) await tx.update(employeeRate).set({ validTo: data.validFrom, version: close.version + 1, updatedAt: ctx.clock() })
      .where(and(eq(employeeRate.id, close.id), isNull(employeeRate.validTo)));
    const [row] = await tx.insert(employeeRate).values({ employeeId, ...data }).returning();
    return { value: row, audit: { action: 'medewerker.tarief', objectType: 'medewerker', objectId: employeeId, oldValue: close ?? null, newValue: row } };
  });
}
