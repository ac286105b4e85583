/**
 * Importing inhabitants per municipality per year from a CBS StatLine CSV: one
 * transaction, every bad row reported, idempotent (unchanged figures are not touched),
 * the source stored next to every figure.
 */
import type { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { municipalityPopulation } from './tables.ts';
import * as q from './queries.ts';
import { codeProblemInYear } from './municipality-codes.ts';
import { parsePopulationRecord, POPULATION_COLUMNS, type PopulationProblem, type PopulationRow } from './population-import.ts';
import { openTableFile } from '../platform/import/table-file.ts';
import { can } from '../platform/auth/policy.ts';
import type { Ctx } from '../platform/context.ts';
import { writeAudit } from '../platform/audit/trail.ts';
import { VlechtError } from '../platform/errors.ts';

export interface PopulationImportResult {
  status: 'geimporteerd' | 'ongewijzigd';
  rowsInFile: number;
  skippedRegions: number;
  added: number;
  changed: number;
  unchanged: number;
  source: string;
}

export async function importPopulation(ctx: Ctx, input: Readable, source: string): Promise<PopulationImportResult> {
  const municipalities = await q.listMunicipalities(ctx.db);
  const byName = new Map(municipalities.map((m) => [m.name.toLowerCase(), m.cbsCode]));
  const byCode = new Map(municipalities.map((m) => [m.cbsCode, m]));
  const file = await openTableFile(input, POPULATION_COLUMNS);
  const rows: PopulationRow[] = [];
  const problems: PopulationProblem[] = [];
  let rowsInFile = 0;
  let skippedRegions = 0;
  for await (const { row, record } of file.records) {
    rowsInFile++;
    const parsed = parsePopulationRecord(row, record, (name) => byName.get(name.toLowerCase()));
    problems.push(...parsed.problems);
    if (parsed.skipped) skippedRegions++;
    if (parsed.row) {
      const m = byCode.get(parsed.row.cbsCode);
      const expired = m && codeProblemInYear(m, parsed.row.year, m.successorCbsCode ? byCode.get(m.successorCbsCode)?.name : undefined);
      if (!m) problems.push({ row, column: 'regio', value: parsed.row.cbsCode, reason: 'onbekende CBS-code' });
      else if (expired) problems.push({ row, column: 'regio', value: parsed.row.cbsCode, reason: `${expired} (jaar ${parsed.row.year})` });
      else if (!can(ctx.actor, 'municipality:manage', { municipalityId: byCode.get(parsed.row.cbsCode)!.id })) problems.push({ row, column: 'regio', value: parsed.row.cbsCode, reason: 'u mag de inwonertallen van deze gemeente niet wijzigen' });
      else rows.push(parsed.row);
    }
  }
  if (problems.some((p) => /niet wijzigen/.test(p.reason)) && rows.length === 0) throw new VlechtError('FORBIDDEN', { permission: 'municipality:manage' });
  if (problems.length) throw new VlechtError('VALIDATION', { problemCount: problems.length }, problems.map((p) => ({ row: p.row, field: p.column, message: p.reason, value: p.value })));
  const trimmedSource = source.trim().slice(0, 300) || 'CBS StatLine';
  return ctx.db.transaction(async (tx) => {
    let added = 0;
    let changed = 0;
    for (const r of rows) {
      const m = byCode.get(r.cbsCode)!;
      const [existing] = await tx.select().from(municipalityPopulation).where(and(eq(municipalityPopulation.municipalityId, m.id), eq(municipalityPopulation.year, r.year)));
      if (!existing) {
        await tx.insert(municipalityPopulation).values({ municipalityId: m.id, year: r.year, inhabitants: r.inhabitants, source: trimmedSource });
        added++;
      } else if (existing.inhabitants !== r.inhabitants) {
        await tx.update(municipalityPopulation).set({ inhabitants: r.inhabitants, source: trimmedSource, version: existing.version + 1, updatedAt: ctx.clock() }).where(eq(municipalityPopulation.id, existing.id));
        changed++;
      }
    }
    const result: PopulationImportResult = { status: added + changed ? 'geimporteerd' : 'ongewijzigd', rowsInFile, skippedRegions, added, changed, unchanged: rows.length - added - changed, source: trimmedSource };
    // Nothing changed, nothing to audit: the same file twice leaves no trace but the answer.
    if (result.status === 'geimporteerd') await writeAudit(tx, ctx.actor, ctx.origin, { action: 'gemeenten.inwoners-importeren', objectType: 'gemeente', objectId: trimmedSource, newValue: result }, ctx.clock());
    return result;
  });
}
