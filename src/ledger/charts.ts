/** Chart definitions of the ledger (one definition for page and report). */
import { renderChart, formatAxis } from '../platform/ui/chart.ts';
import type { LedgerOverview } from './ledger.service.ts';

/** Hours per team, stacked by municipality served. */
export function hoursByServedChart(v: LedgerOverview): string {
  const teams = v.teams.filter((t) => t.total.minutes > 0);
  return renderChart({
    legend: { top: 0 },
    grid: { left: 180, right: 24, top: 36, bottom: 36 },
    xAxis: { type: 'value', axisLabel: { formatter: formatAxis }, name: 'uren', nameLocation: 'middle', nameGap: 24 },
    yAxis: { type: 'category', data: teams.map((t) => t.name), inverse: true },
    series: v.municipalities.map((m) => ({
      name: `voor ${m.name}`, type: 'bar', stack: 'uren',
      data: teams.map((t) => Math.round((t.byServed.find((s) => s.municipality.cbsCode === m.cbsCode)?.minutes ?? 0) / 60)),
    })),
  }, { height: 60 + teams.length * 40, label: `Uren per team, gestapeld naar de gemeente waarvoor is gewerkt, ${v.period.from} tot en met ${v.period.to}` });
}

/** Net balance in hours per period for each pair of municipalities. */
export function balanceOverTimeChart(v: LedgerOverview): string {
  const pairs = v.balance.map((p) => ({ key: `${p.a.cbsCode}>${p.b.cbsCode}`, name: `${p.a.name} → ${p.b.name} (netto)` }));
  return renderChart({
    legend: { top: 0 },
    grid: { left: 64, right: 24, top: 36, bottom: 36 },
    xAxis: { type: 'category', data: v.balanceOverTime.map((p) => p.period) },
    yAxis: { type: 'value', axisLabel: { formatter: formatAxis }, name: 'uren netto', nameLocation: 'middle', nameGap: 48 },
    series: pairs.map((pair) => ({
      name: pair.name, type: 'line', symbolSize: 8,
      data: v.balanceOverTime.map((p) => Math.round((p.pairs.find((x) => `${x.a}>${x.b}` === pair.key)?.netMinutes ?? 0) / 60)),
      markLine: { silent: true, symbol: 'none', data: [{ yAxis: 0 }], lineStyle: { color: '#555', type: 'dashed' } },
    })),
  }, { label: `Saldo van uitgeleende uren per periode; boven nul leverde de eerste gemeente meer dan zij terugkreeg` });
}
