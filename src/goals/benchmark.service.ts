/**
 * Use cases for the benchmark: rows per member municipality, taakveld and year; a CSV
 * import (all or nothing, every bad row reported, idempotent: the same file twice changes
 * nothing); and the view per cooperation computed with benchmark.ts. Reading needs
 * register:read on the cooperation; writing team:manage, as goals.
 */
import { parse } from 'csv-parse/sync';
import { getCooperation } from '../register/cooperation.service.ts';
import { benchmarkRowsOf, insertBenchmarkRows, updateBenchmarkRow, type BenchmarkRowInsert, type BenchmarkRowRow } from './survey-benchmark.queries.ts';
import { BENCHMARK_COLUMNS, benchmarkCsvRow } from './benchmark.schema.ts';
import { REPORT_ROUNDING_2017, compareYears, computeBenchmark, formatScaled, presentBenchmark, roundHalfAwayFromZero, type BenchmarkInput, type BenchmarkPresentation, type BenchmarkRounding, type Ratio } from './benchmark.ts';
import { goalScope, type CooperationView } from './access.service.ts';
import { can } from '../platform/auth/policy.ts';
import { issuesOf } from '../platform/validation.ts';
import { mutate, requireMutationAccess, type Ctx } from '../platform/context.ts';
import { VlechtError, isVlechtError, type FieldIssue } from '../platform/errors.ts';

export type BenchmarkRowInput = BenchmarkInput & { bron: string };

/** One decimal everywhere: fine enough for every printed figure of appendix D. */
export const FINE_ROUNDING: BenchmarkRounding = { fteDecimals: 1, ftePctDecimals: 1, aandeelDecimals: 1, kostenPctDecimals: 1 };

const toInput = (r: BenchmarkRowRow): BenchmarkInput => ({
  taakveld: r.taakveld, jaar: r.year, eigenMilliFte: r.eigenMilliFte, totaleMilliFte: r.totaleMilliFte,
  referentie: r.referentieMilliFte !== null ? { soort: 'fte', milliFte: r.referentieMilliFte } : { soort: 'aandeel', ppm: r.referentiePpm ?? 0 },
  eigenKostenCents: r.eigenKostenCents, referentieKostenCents: r.referentieKostenCents,
});
const ratio = (r: Ratio | null) => (r === null ? null : { num: r.num.toString(), den: r.den.toString() });

export interface BenchmarkRowView {
  id: string; gemeente: string; taakveld: string; jaar: number; bron: string;
  /** Exact fractions (strings): fte, and deviations as a fraction (0,776 = +77,6%). */
  exact: { eigenFte: { num: string; den: string }; referentieFte: { num: string; den: string }; afwijkingFte: { num: string; den: string }; afwijkingFteFractie: { num: string; den: string } | null; afwijkingKostenCents: number | null; afwijkingKostenFractie: { num: string; den: string } | null };
  /** Rounded to one decimal (fte and %). */
  weergave: BenchmarkPresentation;
  /** Rounded as appendix D 2017 prints: whole %, whole euros. */
  heel: BenchmarkPresentation;
}
export interface BenchmarkYearView { gemeente: string; taakveld: string; van: number; tot: number; eigenFteVerschil: string; afwijkingPuntenVerschil: string | null; relatieveOntwikkeling: string | null; eigenKostenVerschil: string | null }
export interface BenchmarkOverview { cooperation: CooperationView['cooperation']; members: { cbsCode: string; name: string }[]; rows: BenchmarkRowView[]; comparisons: BenchmarkYearView[]; mayWrite: boolean }

/** The benchmark of a cooperation: every row computed, and each taakveld compared between consecutive years. */
export async function cooperationBenchmark(ctx: Ctx, slug: string): Promise<BenchmarkOverview> {
  const coop = await getCooperation(ctx, slug);
  const stored = await benchmarkRowsOf(ctx.db, coop.cooperation.id);
  const computed = stored.map(({ row, cbsCode }) => ({ row, cbsCode, result: computeBenchmark(toInput(row)) }));
  const rows = computed.map(({ row, cbsCode, result: r }): BenchmarkRowView => ({
    id: row.id, gemeente: cbsCode, taakveld: row.taakveld, jaar: row.year, bron: row.source,
    exact: {
      eigenFte: ratio(r.eigenFte)!, referentieFte: ratio(r.referentieFte)!, afwijkingFte: ratio(r.afwijkingFte)!, afwijkingFteFractie: ratio(r.afwijkingFteFractie),
      afwijkingKostenCents: r.kosten?.afwijkingCents ?? null, afwijkingKostenFractie: ratio(r.kosten?.afwijkingFractie ?? null),
    },
    weergave: presentBenchmark(r, FINE_ROUNDING),
    heel: presentBenchmark(r, REPORT_ROUNDING_2017),
  }));
  const comparisons: BenchmarkYearView[] = [];
  for (const a of computed) {
    const later = computed.filter((b) => b.cbsCode === a.cbsCode && b.row.taakveld === a.row.taakveld && b.row.year > a.row.year).sort((x, y) => x.row.year - y.row.year)[0];
    if (!later) continue;
    const c = compareYears(a.result, later.result);
    comparisons.push({
      gemeente: a.cbsCode, taakveld: c.taakveld, van: c.van, tot: c.tot,
      eigenFteVerschil: formatScaled(roundHalfAwayFromZero(c.eigenFteVerschil, 2), 2, true),
      afwijkingPuntenVerschil: c.afwijkingPuntenVerschil && formatScaled(roundHalfAwayFromZero(c.afwijkingPuntenVerschil, 1), 1, true),
      relatieveOntwikkeling: c.relatieveOntwikkeling,
      eigenKostenVerschil: c.eigenKostenVerschilCents === null ? null : formatScaled(roundHalfAwayFromZero({ num: BigInt(c.eigenKostenVerschilCents), den: 100n }, 0), 0, true),
    });
  }
  const members = [...new Map(coop.members.map((m) => [m.municipality.cbsCode, { cbsCode: m.municipality.cbsCode, name: m.municipality.name }])).values()];
  return { cooperation: coop.cooperation, members, rows, comparisons, mayWrite: can(ctx.actor, 'team:manage', goalScope(coop, null)) };
}

export interface BenchmarkImport { rowsInFile: number; added: number; changed: number; unchanged: number }

const sameRow = (a: BenchmarkRowRow, b: BenchmarkRowInsert) =>
  a.eigenMilliFte === b.eigenMilliFte && a.totaleMilliFte === (b.totaleMilliFte ?? null) && a.referentieMilliFte === (b.referentieMilliFte ?? null)
  && a.referentiePpm === (b.referentiePpm ?? null) && a.eigenKostenCents === (b.eigenKostenCents ?? null)
  && a.referentieKostenCents === (b.referentieKostenCents ?? null) && a.source === (b.source ?? '');

/**
 * Saves benchmark rows for one member municipality: new rows are added, changed rows
 * updated, identical rows left alone; with no difference nothing is written (no audit
 * row either). Each row is checked with computeBenchmark first.
 */
export async function saveBenchmarkRows(ctx: Ctx, slug: string, cbsCode: string, rows: BenchmarkRowInput[], action = 'benchmark.importeren'): Promise<BenchmarkImport> {
  const coop = await getCooperation(ctx, slug);
  await requireMutationAccess(ctx, 'team:manage', goalScope(coop, null), { action, objectType: 'samenwerking', objectId: coop.cooperation.id });
  const member = coop.members.find((m) => m.municipality.cbsCode === cbsCode);
  if (!member) throw new VlechtError('VALIDATION', {}, [{ field: 'gemeente', message: 'deze gemeente is geen lid van de samenwerking', value: cbsCode }]);
  const issues: FieldIssue[] = [];
  rows.forEach((r, i) => {
    try { computeBenchmark(r); } catch (e) {
      if (!isVlechtError(e)) throw e;
      issues.push(...(e.issues ?? []).map((x) => ({ ...x, row: i + 2 })));
    }
  });
  if (issues.length) throw new VlechtError('VALIDATION', { problemCount: issues.length }, issues);
  const wanted: BenchmarkRowInsert[] = rows.map((r) => ({
    cooperationId: coop.cooperation.id, municipalityId: member.municipality.id, taakveld: r.taakveld, year: r.jaar,
    eigenMilliFte: r.eigenMilliFte, totaleMilliFte: r.totaleMilliFte,
    referentieMilliFte: r.referentie.soort === 'fte' ? r.referentie.milliFte : null, referentiePpm: r.referentie.soort === 'aandeel' ? r.referentie.ppm : null,
    eigenKostenCents: r.eigenKostenCents, referentieKostenCents: r.referentieKostenCents, source: r.bron,
  }));
  const existing = new Map((await benchmarkRowsOf(ctx.db, coop.cooperation.id)).filter((x) => x.cbsCode === cbsCode).map((x) => [`${x.row.taakveld}|${x.row.year}`, x.row]));
  const added = wanted.filter((w) => !existing.has(`${w.taakveld}|${w.year}`));
  const changed = wanted.flatMap((w) => { const e = existing.get(`${w.taakveld}|${w.year}`); return e && !sameRow(e, w) ? [{ e, w }] : []; });
  const result = { rowsInFile: rows.length, added: added.length, changed: changed.length, unchanged: rows.length - added.length - changed.length };
  if (!added.length && !changed.length) return result;
  return mutate(ctx, async (tx) => {
    await insertBenchmarkRows(tx, added);
    for (const { e, w } of changed) await updateBenchmarkRow(tx, e.id, { ...w, version: e.version + 1, updatedAt: new Date() });
    return { value: result, audit: { action, objectType: 'samenwerking', objectId: coop.cooperation.id, newValue: { gemeente: cbsCode, ...result } } };
  });
}

/** Parses a benchmark CSV (columns of benchmark.schema.ts); every bad row is reported, the header is row 1. */
export function parseBenchmarkCsv(text: string, defaultSource: string): { rows: BenchmarkRowInput[]; issues: FieldIssue[] } {
  const content = text.replace(/^\uFEFF/, '');
  const first = content.split(/\r?\n/)[0] ?? '';
  let records: string[][];
  try {
    records = parse(content, { delimiter: first.includes(';') ? ';' : first.includes('\t') ? '\t' : ',', relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch {
    return { rows: [], issues: [{ field: 'bestand', message: 'dit is geen leesbaar CSV-bestand (controleer aanhalingstekens en scheidingsteken)', row: 1 }] };
  }
  const header = (records[0] ?? []).map((h) => h.toLowerCase());
  const missing = BENCHMARK_COLUMNS.filter((c) => c.verplicht && !header.includes(c.key));
  if (missing.length) return { rows: [], issues: missing.map((c) => ({ field: c.key, message: `de kolom ${c.key} ontbreekt in de kopregel`, row: 1 })) };
  if (records.length < 2) return { rows: [], issues: [{ field: 'bestand', message: 'het bestand bevat geen regels onder de kopregel', row: 1 }] };
  const rows: BenchmarkRowInput[] = [];
  const issues: FieldIssue[] = [];
  const seen = new Map<string, number>();
  records.slice(1).forEach((r, i) => {
    const row = i + 2;
    const record = Object.fromEntries(BENCHMARK_COLUMNS.map((c) => [c.key, header.indexOf(c.key) < 0 ? undefined : r[header.indexOf(c.key)]]));
    const parsed = benchmarkCsvRow.safeParse(record);
    if (!parsed.success) { issues.push(...issuesOf(parsed.error, record, row)); return; }
    const value = { ...parsed.data, bron: parsed.data.bron || defaultSource.trim() };
    const key = `${value.taakveld}|${value.jaar}`;
    if (seen.has(key)) { issues.push({ field: 'taakveld', message: `dit taakveld en jaar staan ook op regel ${seen.get(key)}`, value: key, row }); return; }
    seen.set(key, row);
    try { computeBenchmark(value); rows.push(value); } catch (e) {
      if (!isVlechtError(e)) throw e;
      issues.push(...(e.issues ?? []).map((x) => ({ ...x, row })));
    }
  });
  return { rows, issues };
}

/** Imports a benchmark CSV for one member municipality: all or nothing; the same file twice changes nothing. */
export async function importBenchmarkCsv(ctx: Ctx, slug: string, cbsCode: string, text: string, defaultSource = ''): Promise<BenchmarkImport> {
  const coop = await getCooperation(ctx, slug);
  await requireMutationAccess(ctx, 'team:manage', goalScope(coop, null), { action: 'benchmark.importeren', objectType: 'samenwerking', objectId: coop.cooperation.id });
  const { rows, issues } = parseBenchmarkCsv(text, defaultSource);
  if (issues.length) throw new VlechtError('VALIDATION', { problemCount: issues.length }, issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)));
  return saveBenchmarkRows(ctx, slug, cbsCode, rows);
}
