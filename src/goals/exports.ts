/** Column definitions of the goals exports (CSV/XLSX), built from the same view models as the pages. */
import type { Column } from '../platform/export/table.ts';
import { csvDecimal } from './decimal.ts';
import { formatDate } from '../platform/i18n/format.ts';
import type { GoalView, GoalsOverview, KpiView } from './view.service.ts';

/** One row per KPI (a goal without KPI gets one row), as the council reads an effect-indicator table. */
export interface DashboardRow {
  goal: GoalView;
  kpi: KpiView | null;
}

export const dashboardRows = (v: GoalsOverview): DashboardRow[] =>
  v.goals.flatMap((goal): DashboardRow[] => (goal.kpis.length ? goal.kpis.map((kpi) => ({ goal, kpi })) : [{ goal, kpi: null }]));

const dec = (v: string | null | undefined) => (v == null ? null : csvDecimal(v));

export const dashboardColumns: Column<DashboardRow>[] = [
  { header: 'doel', value: (r) => r.goal.title },
  { header: 'toetsingscriterium', value: (r) => r.goal.criterionWords },
  { header: 'team', value: (r) => r.goal.team?.name ?? 'hele samenwerking' },
  { header: 'status', value: (r) => r.goal.statusWords },
  { header: 'eigenaar', value: (r) => r.goal.ownerName },
  { header: 'indicator', value: (r) => r.kpi?.name ?? '' },
  { header: 'eenheid', value: (r) => r.kpi?.unit ?? '' },
  { header: 'richting', value: (r) => r.kpi?.directionWords ?? '' },
  { header: 'nulmeting', value: (r) => dec(r.kpi?.baseline?.value) },
  { header: 'datum nulmeting', value: (r) => formatDate(r.kpi?.baseline?.date) },
  { header: 'bron nulmeting', value: (r) => r.kpi?.baseline?.source ?? '' },
  { header: 'realisatie', value: (r) => dec(r.kpi?.latest?.value) },
  { header: 'datum realisatie', value: (r) => formatDate(r.kpi?.latest?.date) },
  { header: 'bron realisatie', value: (r) => r.kpi?.latest?.source ?? '' },
  { header: 'streefwaarde', value: (r) => dec(r.kpi?.target?.value) },
  { header: 'datum streefwaarde', value: (r) => formatDate(r.kpi?.target?.date) },
  { header: 'deadline', value: (r) => formatDate(r.kpi?.deadline) },
  { header: 'stoplicht', value: (r) => r.kpi?.light ?? r.goal.light },
  { header: 'toelichting', value: (r) => r.kpi?.lightWords ?? r.goal.lightWords },
  { header: 'SMART: ontbreekt', value: (r) => r.goal.smart.gaps.filter((g) => !r.kpi || g.kpi === null || g.kpi === r.kpi.name).map((g) => g.message).join('; ') },
];

export interface MeasurementRowView {
  goal: string;
  kpi: KpiView;
  m: KpiView['measurements'][number];
}

export const measurementRows = (goal: GoalView): MeasurementRowView[] =>
  goal.kpis.flatMap((kpi) => kpi.measurements.map((m) => ({ goal: goal.title, kpi, m })));

export const measurementColumns: Column<MeasurementRowView>[] = [
  { header: 'doel', value: (r) => r.goal },
  { header: 'indicator', value: (r) => r.kpi.name },
  { header: 'eenheid', value: (r) => r.kpi.unit },
  { header: 'datum', value: (r) => formatDate(r.m.measuredOn) },
  { header: 'waarde', value: (r) => csvDecimal(r.m.value) },
  { header: 'bron', value: (r) => r.m.source },
  { header: 'afgeleid', value: (r) => (r.m.derived ? 'ja' : 'nee') },
  { header: 'methode', value: (r) => r.m.method },
  { header: 'vastgelegd door', value: (r) => r.m.recordedBy },
];
