/**
 * Importing hours: all-or-nothing, idempotent, streaming.
 *
 * The file is parsed as a stream; valid rows are COPYed into a temporary staging table
 * inside one transaction while every bad row is collected. Any bad row → the
 * transaction rolls back and all problems are reported. Otherwise rows move from staging
 * into the ledger with `on conflict do nothing` on a content key (content hash plus its
 * occurrence number in the file), so the same file twice adds nothing. A preview runs
 * exactly the same steps and always rolls back.
 */
import type { Readable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { openTableFile } from '../platform/import/table-file.ts';
import { HOURS_COLUMNS, parseHoursRecord, type HoursRow, type Lookups, type Problem } from './hours-format.ts';
import { hoursImport } from './tables.ts';
import { lastImportOfFile } from './ledger.queries.ts';
import { cooperationRoster } from '../register/roster.service.ts';
import { isValidOn } from '../register/periods.ts';
import { can } from '../platform/auth/policy.ts';
import { writeAudit } from '../platform/audit/trail.ts';
import { genericBulk, type CopyRow } from '../platform/db/bulk.ts';
import { rowsOf } from '../platform/db/raw.ts';
import { VlechtError } from '../platform/errors.ts';
import type { Ctx } from '../platform/context.ts';

export interface ImportRequest {
  cooperationSlug: string;
  fileName: string;
  input: Readable;
  /** Replace all hours of the cooperation in [from, to] (inclusive) by this file. */
  replacePeriod?: { from: string; to: string };
  /** Check and count only; nothing is written. */
  preview?: boolean;
  onProgress?: (rowsRead: number) => void;
}

export interface ImportResult {
  status: 'geimporteerd' | 'ongewijzigd' | 'voorbeeld';
  fileName: string;
  fileSha256: string;
  rowsInFile: number;
  rowsAdded: number;
  rowsAlreadyPresent: number;
  rowsReplaced: number;
  minutesAdded: number;
  minutesByServed: { cbsCode: string; name: string; minutes: number }[];
  previousImport: { at: string; by: string; fileName: string } | null;
  importId: string | null;
}

/** Problems reported in full up to this many; beyond it only counted. */
export const MAX_REPORTED_PROBLEMS = 10_000;

const STAGING_COLUMNS = ['file_row', 'employee_id', 'employer_municipality_id', 'team_id', 'served_municipality_id', 'work_date', 'minutes', 'activity', 'description'];

class PreviewRollback extends Error {
  constructor(readonly result: ImportResult) { super('preview'); }
}

async function lookupsFor(ctx: Ctx, slug: string) {
  const roster = await cooperationRoster(ctx, slug);
  const municipalities = new Map<string, { id: string; cbsCode: string; name: string }>();
  for (const m of roster.municipalities) {
    municipalities.set(m.cbsCode.toUpperCase(), m);
    municipalities.set(m.name.toLowerCase(), m);
  }
  const employer = new Map(roster.municipalities.map((m) => [m.id, m]));
  const employeesByNumber: Lookups['employeesByNumber'] = new Map();
  for (const e of roster.employees) {
    const m = employer.get(e.employerId)!;
    employeesByNumber.set(e.personnelNumber, [...(employeesByNumber.get(e.personnelNumber) ?? []), { id: e.id, employerId: e.employerId, employerCode: m.cbsCode, employerName: m.name }]);
  }
  const teams = new Map<string, { id: string; name: string }>();
  for (const t of roster.teams) {
    teams.set(t.slug.toLowerCase(), t);
    teams.set(t.name.toLowerCase(), t);
  }
  const byEmployee = new Map<string, typeof roster.assignments>();
  for (const a of roster.assignments) byEmployee.set(a.employeeId, [...(byEmployee.get(a.employeeId) ?? []), a]);
  const lookups: Lookups = {
    employeesByNumber, municipalities, teams,
    teamOn: (employeeId, day) => byEmployee.get(employeeId)?.find((a) => isValidOn(a, day))?.teamId,
  };
  return { roster, lookups };
}

export async function importHours(ctx: Ctx, request: ImportRequest): Promise<ImportResult> {
  const { roster, lookups } = await lookupsFor(ctx, request.cooperationSlug);
  const scope = { cooperationId: roster.cooperation.id, memberMunicipalityIds: roster.municipalities.map((m) => m.id) };
  if (!can(ctx.actor, 'ledger:import', scope)) {
    await ctx.db.transaction((tx) => writeAudit(tx, ctx.actor, ctx.origin, { action: 'uren.importeren', objectType: 'samenwerking', objectId: roster.cooperation.id, result: 'geweigerd' }, ctx.clock()));
    throw new VlechtError('FORBIDDEN', { permission: 'ledger:import' });
  }
  const replace = request.replacePeriod;
  if (replace && replace.to < replace.from) {
    throw new VlechtError('VALIDATION', {}, [{ field: 'vervangPeriode', message: 'de einddatum ligt voor de begindatum', value: `${replace.from} t/m ${replace.to}` }]);
  }
  const file = await openTableFile(request.input, HOURS_COLUMNS);
  const problems: Problem[] = [];
  let problemCount = 0;
  let rowsInFile = 0;
  const report = (p: Problem) => { problemCount++; if (problems.length < MAX_REPORTED_PROBLEMS) problems.push(p); };

  async function* validRows(): AsyncGenerator<CopyRow> {
    for await (const { row, record, badEncoding } of file.records) {
      rowsInFile++;
      if (rowsInFile % 10_000 === 0) request.onProgress?.(rowsInFile);
      if (badEncoding) report({ row, column: '(bestand)', value: '', reason: 'tekens die geen UTF-8 zijn: sla het bestand op als CSV UTF-8' });
      const parsed = parseHoursRecord(row, record, lookups);
      parsed.problems.forEach(report);
      const r: HoursRow | undefined = parsed.row;
      if (!r) continue;
      if (replace && (r.workDate < replace.from || r.workDate > replace.to)) {
        report({ row, column: 'datum', value: r.workDate.split('-').reverse().join('-'), reason: 'valt buiten de te vervangen periode' });
        continue;
      }
      // Once the file has a problem nothing will be written: keep reading to report all.
      if (problemCount === 0) yield [row, r.employeeId, r.employerMunicipalityId, r.teamId, r.servedMunicipalityId, r.workDate, r.minutes, r.activity, r.description];
    }
    request.onProgress?.(rowsInFile);
  }

  const bulk = ctx.bulk ?? genericBulk(ctx.db);
  try {
    return await bulk(async ({ q, copyInto }) => {
      await q.execute(sql`create temp table hours_staging (file_row integer, employee_id uuid, employer_municipality_id uuid, team_id uuid,
        served_municipality_id uuid, work_date date, minutes integer, activity text, description text) on commit drop`);
      await copyInto('hours_staging', STAGING_COLUMNS, validRows());
      if (problemCount > 0) {
        throw new VlechtError('VALIDATION', { problemCount, rowsInFile }, problems.map((p) => ({ row: p.row, field: p.column, message: p.reason, value: p.value })));
      }
      if (rowsInFile === 0) throw new VlechtError('VALIDATION', {}, [{ row: 2, field: '(bestand)', message: 'het bestand bevat geen urenregels' }]);
      const fileSha256 = file.sha256();
      const coopId = roster.cooperation.id;
      const previous = await lastImportOfFile(q, coopId, fileSha256);
      const importId = randomUUID();
      const now = ctx.clock();
      await q.insert(hoursImport).values({
        id: importId, cooperationId: coopId, fileName: request.fileName.slice(0, 200), fileSha256, rowsInFile, rowsAdded: 0, minutesAdded: 0,
        replaceFrom: replace?.from ?? null, replaceTo: replace?.to ?? null, importedBy: ctx.actor.label, createdAt: now,
      });
      const [{ n: rowsReplaced }] = replace
        ? await rowsOf<{ n: number }>(q, sql`with gone as (delete from hours_entry where cooperation_id = ${coopId}
            and work_date between ${replace.from} and ${replace.to} returning 1) select count(*)::int as n from gone`)
        : [{ n: 0 }];
      const [added] = await rowsOf<{ n: number; minutes: number }>(q, sql`
        with keyed as (
          select s.*, md5(concat_ws('|', s.employee_id, s.work_date, s.minutes, s.served_municipality_id, s.activity, s.team_id, s.description))::uuid as h
          from hours_staging s
        ), numbered as (
          select keyed.*, row_number() over (partition by h order by file_row) as occurrence from keyed
        ), inserted as (
          insert into hours_entry (cooperation_id, import_id, employee_id, employer_municipality_id, team_id, served_municipality_id, work_date, minutes, activity, description, content_hash, occurrence)
          select ${coopId}, ${importId}, employee_id, employer_municipality_id, team_id, served_municipality_id, work_date, minutes, activity, description, h, occurrence
          from numbered on conflict (cooperation_id, content_hash, occurrence) do nothing returning minutes
        ) select count(*)::int as n, coalesce(sum(minutes), 0)::bigint as minutes from inserted`);
      const minutesAdded = Number(added.minutes);
      const served = await rowsOf<{ id: string; minutes: string }>(q, sql`select served_municipality_id as id, sum(minutes)::bigint as minutes from hours_staging group by 1`);
      const result: ImportResult = {
        status: request.preview ? 'voorbeeld' : added.n === 0 && rowsReplaced === 0 ? 'ongewijzigd' : 'geimporteerd',
        fileName: request.fileName, fileSha256, rowsInFile, rowsAdded: added.n, rowsAlreadyPresent: rowsInFile - added.n, rowsReplaced, minutesAdded,
        minutesByServed: served.map((s) => {
          const m = roster.municipalities.find((x) => x.id === s.id)!;
          return { cbsCode: m.cbsCode, name: m.name, minutes: Number(s.minutes) };
        }).sort((a, b) => a.cbsCode.localeCompare(b.cbsCode)),
        previousImport: previous ? { at: previous.createdAt.toISOString(), by: previous.importedBy, fileName: previous.fileName } : null,
        importId: null,
      };
      if (request.preview || result.status === 'ongewijzigd') throw new PreviewRollback(result);
      await q.execute(sql`update hours_import set rows_added = ${added.n}, rows_replaced = ${rowsReplaced}, minutes_added = ${minutesAdded} where id = ${importId}`);
      const summary = { fileName: request.fileName, fileSha256, rowsInFile, rowsAdded: added.n, rowsReplaced, minutesAdded, replacePeriod: replace ?? null };
      await writeAudit(q, ctx.actor, ctx.origin, {
        action: replace ? 'uren.periode-vervangen' : 'uren.importeren', objectType: 'urenimport', objectId: importId, newValue: summary,
      }, now);
      return { ...result, importId };
    });
  } catch (e) {
    if (e instanceof PreviewRollback) return e.result;
    throw e;
  }
}
