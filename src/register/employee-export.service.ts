/**
 * Export of an employer's staff in exactly the HR-import format, so an export read back
 * in changes nothing (round trip). Personal data: controller of that employer, beheerder.
 */
import * as q from './queries.ts';
import { requireAccess, type Ctx } from '../platform/context.ts';
import { VlechtError } from '../platform/errors.ts';
import type { Column } from '../platform/export/table.ts';
import { EMPLOYEE_COLUMNS } from './employee-import.ts';

export interface ExportedEmployee { personeelsnummer: string; naam: string; team: string; functie: string; fte: string; uurtarief: string; ingangsdatum: string; einddatum: string }

// The export carries the rate itself, so scale and step (an import-side way to get a rate) are not columns of it.
export const employeeExportColumns: Column<ExportedEmployee>[] = EMPLOYEE_COLUMNS
  .filter((c): c is typeof c & { key: keyof ExportedEmployee } => c.key !== 'schaal' && c.key !== 'trede')
  .map((c) => ({ header: c.key, value: (r: ExportedEmployee) => r[c.key] }));

const decimal = (n: number, digits: number) => n.toFixed(digits).replace('.', ',');
const dutch = (iso: string) => iso.split('-').reverse().join('-');

export async function exportEmployees(ctx: Ctx, cbsCode: string): Promise<{ employer: { cbsCode: string; name: string }; rows: ExportedEmployee[] }> {
  const employer = await q.findMunicipalityByCode(ctx.db, cbsCode.toUpperCase());
  if (!employer) throw new VlechtError('NOT_FOUND', { object: 'gemeente', key: cbsCode });
  requireAccess(ctx, 'personal:write', { municipalityId: employer.id });
  const [roster, teams] = await Promise.all([q.employerRoster(ctx.db, employer.id), q.teamsOfMemberCooperations(ctx.db, employer.id)]);
  const rows = roster.filter((r) => r.assignment).map((r) => {
    const team = teams.find((t) => t.id === r.assignment!.teamId);
    return {
      personeelsnummer: r.employee.personnelNumber, naam: r.employee.name,
      team: team ? `${team.cooperationSlug}/${team.slug}` : '',
      functie: team?.functions.find((f) => f.id === r.assignment!.functionId)?.name ?? '',
      fte: decimal(r.assignment!.fteMilli / 1000, 3), uurtarief: r.rate ? decimal(r.rate.hourlyRateCents / 100, 2) : '',
      ingangsdatum: dutch(r.assignment!.validFrom), einddatum: '',
    };
  }).sort((a, b) => a.personeelsnummer.localeCompare(b.personeelsnummer));
  return { employer: { cbsCode: employer.cbsCode, name: employer.name }, rows };
}
