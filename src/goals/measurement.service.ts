/**
 * Use cases for measurements entered by people: one at a time, a CSV file at once (all or
 * nothing, every bad row reported), and removing a wrong one. Measurements of a KPI that
 * is derived from the hours ledger come only from the derivation (derive.service.ts).
 */
import { deleteMeasurementRow, findMeasurementById, insertMeasurements, measurementOn, measurementsOfKpis, type MeasurementRow } from './queries.ts';
import { measurementInput } from './schema.ts';
import { parseMeasurementCsv } from './measurement-csv.ts';
import { presentMeasurement, type MeasurementView } from './present.ts';
import { goalContext, isoToday, kpiContext } from './access.service.ts';
import type { KpiRow } from './queries.ts';
import { parseInput } from '../platform/validation.ts';
import { mutate, requireMutationAccess, type Ctx } from '../platform/context.ts';
import { VlechtError } from '../platform/errors.ts';
import { formatDate } from '../platform/i18n/format.ts';

function refuseDerived(kpi: KpiRow): void {
  if (kpi.derivation) {
    throw new VlechtError('VALIDATION', {}, [{ field: 'value', message: 'deze indicator wordt afgeleid uit de urenregistratie; metingen komen alleen uit de afleiding' }]);
  }
}

/** Records one measurement (value, date, source; who from the session). One per KPI per date; not in the future. */
export async function recordMeasurement(ctx: Ctx, kpiId: string, input: unknown): Promise<MeasurementView> {
  const data = parseInput(measurementInput, input);
  const { kpi, scope } = await kpiContext(ctx, kpiId);
  await requireMutationAccess(ctx, 'team:manage', scope, { action: 'meting.vastleggen', objectType: 'indicator', objectId: kpi.id });
  refuseDerived(kpi);
  if (data.measuredOn > isoToday(ctx)) throw new VlechtError('VALIDATION', {}, [{ field: 'measuredOn', message: 'de meetdatum ligt in de toekomst', value: formatDate(data.measuredOn) }]);
  return mutate(ctx, async (tx) => {
    if (await measurementOn(tx, kpiId, data.measuredOn)) throw new VlechtError('DUPLICATE', { field: 'measuredOn', value: formatDate(data.measuredOn) });
    const [row] = await insertMeasurements(tx, [{ kpiId, ...data, recordedBy: ctx.actor.label, derived: false }]);
    const shown = presentMeasurement(row);
    return { value: shown, audit: { action: 'meting.vastleggen', objectType: 'indicator', objectId: kpi.id, newValue: shown } };
  });
}

export interface MeasurementImport {
  kpiId: string;
  rowsInFile: number;
  added: number;
  measurements: MeasurementView[];
}

/**
 * Imports measurements from CSV text (`datum;waarde;bron`): every row is checked first;
 * any problem (also a date that already has a measurement) → nothing is written and all
 * problems are reported with their row. One audit row for the whole file.
 */
export async function importMeasurements(ctx: Ctx, kpiId: string, csvText: string, defaultSource = ''): Promise<MeasurementImport> {
  const { kpi, scope } = await kpiContext(ctx, kpiId);
  await requireMutationAccess(ctx, 'team:manage', scope, { action: 'meting.importeren', objectType: 'indicator', objectId: kpi.id });
  refuseDerived(kpi);
  const { rows, problems } = parseMeasurementCsv(csvText, isoToday(ctx), defaultSource);
  return mutate(ctx, async (tx) => {
    const existing = new Set((await measurementsOfKpis(tx, [kpiId])).map((m) => m.measuredOn));
    for (const r of rows.filter((r) => existing.has(r.measuredOn))) {
      problems.push({ row: r.row, field: 'datum', message: 'op deze datum is al een meting vastgelegd', value: formatDate(r.measuredOn) });
    }
    if (problems.length) {
      throw new VlechtError('VALIDATION', { problemCount: problems.length }, problems.sort((a, b) => a.row - b.row).map((p) => ({ ...p })));
    }
    const inserted: MeasurementRow[] = await insertMeasurements(tx, rows.map((r) => ({
      kpiId, measuredOn: r.measuredOn, value: r.value, source: r.source, recordedBy: ctx.actor.label, derived: false,
    })));
    const measurements = inserted.map(presentMeasurement);
    const value = { kpiId, rowsInFile: rows.length, added: inserted.length, measurements };
    return { value, audit: { action: 'meting.importeren', objectType: 'indicator', objectId: kpi.id, newValue: { rows: inserted.length, measurements } } };
  });
}

/** Removes a wrong measurement; the audit row keeps what it was. */
export async function deleteMeasurement(ctx: Ctx, measurementId: string): Promise<void> {
  const found = await findMeasurementById(ctx.db, measurementId);
  if (!found) throw new VlechtError('NOT_FOUND', { object: 'meting', key: measurementId });
  const { scope } = await goalContext(ctx, found.goalId);
  const attempt = { action: 'meting.verwijderen', objectType: 'meting', objectId: measurementId };
  await requireMutationAccess(ctx, 'team:manage', scope, attempt);
  await mutate(ctx, async (tx) => {
    await deleteMeasurementRow(tx, measurementId);
    return { value: undefined, audit: { ...attempt, oldValue: presentMeasurement(found.measurement) } };
  });
}
