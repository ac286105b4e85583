/**
 * An employer's salary scale table: imported from CSV/XLSX (all-or-nothing, every bad row
 * reported, idempotent; a changed rate for the same scale, step and date is updated),
 * read for the HR import and exported in the same format. Cost rates are personal-data
 * adjacent: reading needs personal:read, changing personal:write of that municipality.
 */
import type { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import * as q from './queries.ts';
import { salaryScaleRate } from './tables.ts';
import { parseSalaryRecord, SALARY_COLUMNS, type SalaryProblem, type SalaryRate } from './salary-scale.ts';
import { openTableFile } from '../platform/import/table-file.ts';
import { requireAccess, requireMutationAccess, type Ctx } from '../platform/context.ts';
import { writeAudit } from '../platform/audit/trail.ts';
import { VlechtError } from '../platform/errors.ts';

export interface SalaryScaleImportResult {
  status: 'geimporteerd' | 'ongewijzigd';
  rowsInFile: number;
  added: number;
  changed: number;
  unchanged: number;
}

async function employerOf(ctx: Ctx, cbsCode: string) {
  const m = await q.findMunicipalityByCode(ctx.db, cbsCode.toUpperCase());
  if (!m) throw new VlechtError('NOT_FOUND', { object: 'gemeente', key: cbsCode });
  return m;
}

export async function salaryScale(ctx: Ctx, cbsCode: string): Promise<{ cbsCode: string; name: string; rates: (SalaryRate & { source: string })[] }> {
  const m = await employerOf(ctx, cbsCode);
  requireAccess(ctx, 'personal:read', { municipalityId: m.id });
  const rows = await q.salaryScaleOf(ctx.db, m.id);
  return { cbsCode: m.cbsCode, name: m.name, rates: rows.map((r) => ({ scale: r.scale, step: r.step, hourlyRateCents: r.hourlyRateCents, validFrom: r.validFrom, source: r.source })) };
}

export async function importSalaryScale(ctx: Ctx, cbsCode: string, input: Readable, source: string): Promise<SalaryScaleImportResult> {
  const m = await employerOf(ctx, cbsCode);
  await requireMutationAccess(ctx, 'personal:write', { municipalityId: m.id }, { action: 'salaristabel.importeren', objectType: 'gemeente', objectId: m.id });
  const file = await openTableFile(input, SALARY_COLUMNS);
  const rates: SalaryRate[] = [];
  const problems: SalaryProblem[] = [];
  const seen = new Map<string, number>();
  let rowsInFile = 0;
  for await (const { row, record, badEncoding } of file.records) {
    rowsInFile++;
    if (badEncoding) problems.push({ row, column: '(bestand)', value: '', reason: 'tekens die geen UTF-8 zijn: sla het bestand op als CSV UTF-8' });
    const parsed = parseSalaryRecord(row, record);
    problems.push(...parsed.problems);
    if (!parsed.rate) continue;
    const key = `${parsed.rate.scale}|${parsed.rate.step}|${parsed.rate.validFrom}`;
    const earlier = seen.get(key);
    if (earlier) problems.push({ row, column: 'schaal', value: `${parsed.rate.scale} trede ${parsed.rate.step}`, reason: `staat met dezelfde ingangsdatum ook op regel ${earlier}` });
    else seen.set(key, row);
    rates.push(parsed.rate);
  }
  if (rowsInFile === 0) problems.push({ row: 2, column: '(bestand)', value: '', reason: 'het bestand bevat geen tarieven' });
  if (problems.length) throw new VlechtError('VALIDATION', { problemCount: problems.length, rowsInFile }, problems.map((p) => ({ row: p.row, field: p.column, message: p.reason, value: p.value })));
  const trimmedSource = source.trim().slice(0, 300) || 'salaristabel';
  return ctx.db.transaction(async (tx) => {
    const current = new Map((await q.salaryScaleOf(tx, m.id)).map((r) => [`${r.scale}|${r.step}|${r.validFrom}`, r]));
    let added = 0;
    let changed = 0;
    const now = ctx.clock();
    for (const r of rates) {
      const existing = current.get(`${r.scale}|${r.step}|${r.validFrom}`);
      if (!existing) {
        await tx.insert(salaryScaleRate).values({ municipalityId: m.id, ...r, source: trimmedSource, createdAt: now, updatedAt: now });
        added++;
      } else if (existing.hourlyRateCents !== r.hourlyRateCents) {
        await tx.update(salaryScaleRate).set({ hourlyRateCents: r.hourlyRateCents, source: trimmedSource, version: existing.version + 1, updatedAt: now })
          .where(and(eq(salaryScaleRate.id, existing.id), eq(salaryScaleRate.version, existing.version)));
        changed++;
      }
    }
    const result: SalaryScaleImportResult = { status: added + changed ? 'geimporteerd' : 'ongewijzigd', rowsInFile, added, changed, unchanged: rates.length - added - changed };
    if (result.status === 'geimporteerd') {
      await writeAudit(tx, ctx.actor, ctx.origin, { action: 'salaristabel.importeren', objectType: 'gemeente', objectId: m.id, newValue: { source: trimmedSource, ...result } }, now);
    }
    return result;
  });
}
