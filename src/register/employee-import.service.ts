/**
 * Importing an HR-system export of one employer: all-or-nothing, every bad row reported,
 * idempotent (the same export twice changes nothing), and a later export recorded as
 * new validity periods (team, function, FTE, rate; leavers' assignments end).
 * Personal data: only the controller of that employer (or beheerder) may run it.
 */
import type { Readable } from 'node:stream';
import { eq, and, isNull, sql } from 'drizzle-orm';
import { employee, employeeAssignment, employeeRate } from './tables.ts';
import * as q from './queries.ts';
import { diffRoster, EMPLOYEE_COLUMNS, parseEmployeeRecord, type Change, type CurrentEmployee, type EmployeeColumn, type EmployeeRow, type RowProblem } from './employee-import.ts';
import { openTableFile } from '../platform/import/table-file.ts';
import { requireMutationAccess, type Ctx } from '../platform/context.ts';
import { writeAudit } from '../platform/audit/trail.ts';
import { VlechtError } from '../platform/errors.ts';
import { rememberMapping } from './import-mapping.service.ts';
import type { Tx } from '../platform/db/types.ts';

/** The kind under which the column mapping of HR exports is remembered. */
export const MAPPING_KIND = 'medewerkers';

export interface EmployeeImportRequest {
  cbsCode: string;
  fileName: string;
  input: Readable;
  /** Header text per column, when the export uses other names; default: the mapping remembered for this municipality. */
  mapping?: Partial<Record<EmployeeColumn, string>>;
  /** The export's date; default today. */
  peildatum?: string;
  preview?: boolean;
  /** Mark the people as synthetic (demo data). */
  synthetic?: boolean;
}

export interface EmployeeImportResult {
  status: 'geimporteerd' | 'ongewijzigd' | 'voorbeeld';
  fileName: string;
  peildatum: string;
  rowsInFile: number;
  unchanged: number;
  new: { personnelNumber: string; name: string; validFrom: string }[];
  changed: { personnelNumber: string; name: string; what: string[]; validFrom: string }[];
  left: { personnelNumber: string; name: string; validTo: string }[];
}

function describe(c: Change) {
  if (c.kind !== 'gewijzigd') return [];
  return [c.name && 'naam', c.assignment && 'team/functie/fte', c.rate && 'uurtarief', c.leaves && 'vertrek'].filter(Boolean) as string[];
}

async function apply(tx: Tx, employerId: string, changes: Change[], synthetic: boolean, now: Date) {
  for (const c of changes) {
    if (c.kind === 'nieuw') {
      const [e] = await tx.insert(employee).values({ employerMunicipalityId: employerId, personnelNumber: c.row.personnelNumber, name: c.row.name, synthetic }).returning();
      await tx.insert(employeeAssignment).values({ employeeId: e.id, teamId: c.row.teamId, functionId: c.row.functionId, fteMilli: c.row.fteMilli, validFrom: c.validFrom, validTo: c.row.to });
      if (c.row.rateCents !== null) await tx.insert(employeeRate).values({ employeeId: e.id, hourlyRateCents: c.row.rateCents, validFrom: c.validFrom });
    } else if (c.kind === 'vertrokken') {
      await tx.update(employeeAssignment).set({ validTo: c.validTo, updatedAt: now, version: sql`${employeeAssignment.version} + 1` })
        .where(and(eq(employeeAssignment.employeeId, c.current.id), isNull(employeeAssignment.validTo)));
    } else {
      const id = c.current.id;
      if (c.name) await tx.update(employee).set({ name: c.row.name, updatedAt: now, version: sql`${employee.version} + 1` }).where(eq(employee.id, id));
      if (c.assignment) {
        await tx.update(employeeAssignment).set({ validTo: c.validFrom, updatedAt: now, version: sql`${employeeAssignment.version} + 1` }).where(and(eq(employeeAssignment.employeeId, id), isNull(employeeAssignment.validTo)));
        await tx.insert(employeeAssignment).values({ employeeId: id, teamId: c.row.teamId, functionId: c.row.functionId, fteMilli: c.row.fteMilli, validFrom: c.validFrom, validTo: c.row.to });
      } else if (c.leaves) {
        await tx.update(employeeAssignment).set({ validTo: c.row.to, updatedAt: now, version: sql`${employeeAssignment.version} + 1` }).where(and(eq(employeeAssignment.employeeId, id), isNull(employeeAssignment.validTo)));
      }
      if (c.rate) {
        await tx.update(employeeRate).set({ validTo: c.validFrom, updatedAt: now, version: sql`${employeeRate.version} + 1` }).where(and(eq(employeeRate.employeeId, id), isNull(employeeRate.validTo)));
        await tx.insert(employeeRate).values({ employeeId: id, hourlyRateCents: c.row.rateCents!, validFrom: c.validFrom });
      }
    }
  }
}

export async function importEmployees(ctx: Ctx, request: EmployeeImportRequest): Promise<EmployeeImportResult> {
  const employer = await q.findMunicipalityByCode(ctx.db, request.cbsCode.toUpperCase());
  if (!employer) throw new VlechtError('VALIDATION', {}, [{ field: 'gemeente', message: 'onbekende gemeente', value: request.cbsCode }]);
  await requireMutationAccess(ctx, 'personal:write', { municipalityId: employer.id }, { action: 'medewerkers.importeren', objectType: 'gemeente', objectId: employer.id });
  const peildatum = request.peildatum ?? ctx.clock().toISOString().slice(0, 10);
  const teams = await q.teamsOfMemberCooperations(ctx.db, employer.id);

  const given = Object.fromEntries(Object.entries(request.mapping ?? {}).filter(([, v]) => v)) as Record<string, string>;
  const mapping = Object.keys(given).length ? given : (await q.rememberedMapping(ctx.db, employer.id, MAPPING_KIND))?.mapping ?? {};
  const file = await openTableFile(request.input, EMPLOYEE_COLUMNS, mapping);
  const scales = {
    peildatum,
    table: (await q.salaryScaleOf(ctx.db, employer.id)).map((r) => ({ scale: r.scale, step: r.step, hourlyRateCents: r.hourlyRateCents, validFrom: r.validFrom })),
  };
  const rows: EmployeeRow[] = [];
  const problems: RowProblem[] = [];
  const numbers = new Map<string, number>();
  let rowsInFile = 0;
  for await (const { row, record, badEncoding } of file.records) {
    rowsInFile++;
    if (badEncoding) problems.push({ row, column: '(bestand)', value: '', reason: 'tekens die geen UTF-8 zijn: sla het bestand op als CSV UTF-8' });
    const parsed = parseEmployeeRecord(row, record, teams, scales);
    problems.push(...parsed.problems);
    const number = String(record.personeelsnummer ?? '').trim();
    const earlier = numbers.get(number);
    if (number && earlier) problems.push({ row, column: 'personeelsnummer', value: number, reason: `staat ook op regel ${earlier}` });
    if (number && !earlier) numbers.set(number, row);
    if (parsed.row) rows.push(parsed.row);
  }
  if (rowsInFile === 0) problems.push({ row: 2, column: '(bestand)', value: '', reason: 'het bestand bevat geen medewerkers' });

  return ctx.db.transaction(async (tx) => {
    const roster = await q.employerRoster(tx, employer.id);
    const current: CurrentEmployee[] = roster.map((r) => ({
      id: r.employee.id, personnelNumber: r.employee.personnelNumber, name: r.employee.name,
      assignment: r.assignment && { id: r.assignment.id, teamId: r.assignment.teamId, functionId: r.assignment.functionId, fteMilli: r.assignment.fteMilli, validFrom: r.assignment.validFrom },
      rate: r.rate && { id: r.rate.id, hourlyRateCents: r.rate.hourlyRateCents, validFrom: r.rate.validFrom },
    }));
    const { changes, unchanged } = diffRoster(current, rows, peildatum);
    for (const c of changes) {
      const open = c.kind === 'vertrokken' ? c.current.assignment : c.kind === 'gewijzigd' ? c.current.assignment : null;
      const date = c.kind === 'vertrokken' ? c.validTo : c.validFrom;
      if (open && (c.kind === 'vertrokken' || c.kind === 'gewijzigd') && date <= open.validFrom) {
        problems.push({ row: c.kind === 'gewijzigd' ? c.row.row : 0, column: 'ingangsdatum', value: date, reason: `ligt niet na de lopende periode van ${c.current.personnelNumber} (sinds ${open.validFrom.split('-').reverse().join('-')}); kies een latere peildatum of ingangsdatum` });
      }
    }
    if (problems.length) throw new VlechtError('VALIDATION', { problemCount: problems.length, rowsInFile }, problems.map((p) => ({ row: p.row || undefined, field: p.column, message: p.reason, value: p.value })));
    const result: EmployeeImportResult = {
      status: request.preview ? 'voorbeeld' : changes.length === 0 ? 'ongewijzigd' : 'geimporteerd',
      fileName: request.fileName, peildatum, rowsInFile, unchanged,
      new: changes.flatMap((c) => (c.kind === 'nieuw' ? [{ personnelNumber: c.row.personnelNumber, name: c.row.name, validFrom: c.validFrom }] : [])),
      changed: changes.flatMap((c) => (c.kind === 'gewijzigd' ? [{ personnelNumber: c.row.personnelNumber, name: c.row.name, what: describe(c), validFrom: c.validFrom }] : [])),
      left: changes.flatMap((c) => (c.kind === 'vertrokken' ? [{ personnelNumber: c.current.personnelNumber, name: c.current.name, validTo: c.validTo }] : [])),
    };
    if (request.preview) return result;
    if (Object.keys(given).length) await rememberMapping(tx, ctx.actor, ctx.origin, employer.id, MAPPING_KIND, given, ctx.clock());
    if (result.status !== 'geimporteerd') return result;
    await apply(tx, employer.id, changes, request.synthetic ?? false, ctx.clock());
    await writeAudit(tx, ctx.actor, ctx.origin, {
      action: 'medewerkers.importeren', objectType: 'gemeente', objectId: employer.id,
      newValue: { fileName: request.fileName, peildatum, new: result.new, changed: result.changed, left: result.left },
    }, ctx.clock());
    return result;
  });
}
