/** The trend chart of a KPI (one definition for page and report): measurements over time with the baseline and target as lines. */
import { renderChart, formatAxis } from '../platform/ui/chart.ts';
import { toNumber } from './decimal.ts';
import { formatWithUnit } from './targets.ts';
import type { KpiView } from './view.service.ts';

const two = (n: number) => String(n).padStart(2, '0');
/** ECharts reads `jjjj-mm-dd` as local midnight and places its ticks in local time; label them the same way. */
const dayLabel = (v: number) => { const d = new Date(v); return `${two(d.getDate())}-${two(d.getMonth() + 1)}-${d.getFullYear()}`; };

/** Null when there is no measurement yet: a trend needs at least one point. */
export function trendChart(kpi: KpiView): string | null {
  if (kpi.measurements.length === 0) return null;
  const show = (v: string) => formatWithUnit(v, kpi.unit);
  const lines = [
    ...(kpi.baseline ? [{ yAxis: toNumber(kpi.baseline.value), label: { formatter: `Nulmeting ${show(kpi.baseline.value)}`, position: 'insideStartTop' }, lineStyle: { type: 'dashed', color: '#555555', width: 2 } }] : []),
    ...(kpi.target ? [{ yAxis: toNumber(kpi.target.value), label: { formatter: `Streefwaarde ${show(kpi.target.value)}`, position: 'insideEndTop' }, lineStyle: { type: 'solid', color: '#2e7d32', width: 2 } }] : []),
  ];
  const targets = kpi.targets.filter((t) => t.current);
  const label = `Verloop van ${kpi.name}: ${kpi.measurements.length} metingen`
    + `${kpi.baseline ? `, nulmeting ${show(kpi.baseline.value)}` : ''}${kpi.target ? `, streefwaarde ${show(kpi.target.value)}` : ''}. De tabel met metingen geeft dezelfde cijfers.`;
  return renderChart({
    legend: { top: 0 },
    grid: { left: 72, right: 32, top: 48, bottom: 40 },
    xAxis: { type: 'time', splitNumber: 5, axisLabel: { formatter: dayLabel, hideOverlap: true } },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: formatAxis }, name: kpi.unit, nameLocation: 'end' },
    series: [
      {
        name: 'Realisatie', type: 'line', symbolSize: 8,
        data: kpi.measurements.map((m) => [m.measuredOn, toNumber(m.value)]),
        markLine: { silent: true, symbol: 'none', data: lines },
      },
      ...(kpi.baseline ? [{ name: 'Nulmeting', type: 'scatter', symbol: 'rect', symbolSize: 10, itemStyle: { color: '#555555' }, data: [[kpi.baseline.date, toNumber(kpi.baseline.value)]] }] : []),
      ...(targets.length ? [{ name: 'Streefwaarde', type: 'scatter', symbol: 'diamond', symbolSize: 12, itemStyle: { color: '#2e7d32' }, data: targets.map((t) => [t.targetDate, toNumber(t.value)]) }] : []),
    ],
  }, { label });
}
