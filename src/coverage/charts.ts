/** Chart definitions of the coverage capability (one definition for page and report). */
import { renderChart, formatAxis } from '../platform/ui/chart.ts';
import type { RiskSummary } from './scenario.service.ts';
import type { Portfolio } from './portfolio.service.ts';
import type { TeamCoverage } from './coverage.service.ts';
import { quarterLabel } from './coverage.ts';

/** One-off and recurring cost of a full split per team, in euros. */
export function riskChart(v: RiskSummary): string {
  return renderChart({
    legend: { top: 0 },
    grid: { left: 200, right: 32, top: 36, bottom: 40 },
    xAxis: { type: 'value', axisLabel: { formatter: formatAxis }, name: 'euro', nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'category', data: v.rows.map((r) => r.team.name), inverse: true },
    series: [
      { name: 'Eenmalige kosten', type: 'bar', data: v.rows.map((r) => Math.round(r.oneOffCents / 100)) },
      { name: 'Structurele meerkosten per jaar', type: 'bar', data: v.rows.map((r) => Math.round(r.recurringCents / 100)) },
    ],
  }, { height: 80 + v.rows.length * 56, label: `Kosten van volledige ontvlechting per team: eenmalig en structureel per jaar, met de standaardaannames. De tabel geeft dezelfde bedragen.` });
}

/** Share of applications used by every member, per year. */
export function harmonisationChart(v: Portfolio): string {
  return renderChart({
    grid: { left: 64, right: 32, top: 24, bottom: 40 },
    xAxis: { type: 'category', data: v.trend.map((p) => p.day.slice(0, 4) + (p.day.endsWith('-01-01') ? '' : ` (${p.day.slice(8, 10)}-${p.day.slice(5, 7)})`)) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: (x: number) => `${formatAxis(x)}%` } },
    series: [{ name: 'Geharmoniseerd', type: 'line', symbolSize: 8, data: v.trend.map((p) => p.pct ?? 0) }],
  }, { label: `Aandeel applicaties dat alle deelnemende gemeenten gebruiken, per jaar: van ${v.trend[0]?.pct ?? 0}% tot ${v.trend[v.trend.length - 1]?.pct ?? 0}%. De tabel geeft dezelfde cijfers.` });
}

/** Eenpitters per quarter, per municipality alone and pooled. */
export function singlePersonTrendChart(v: TeamCoverage): string {
  const names = new Map(v.scopes.map((s) => [s.scope, s.label]));
  const scopes = v.scopes.map((s) => s.scope);
  return renderChart({
    legend: { top: 0 },
    grid: { left: 56, right: 32, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: v.trend.map((p) => quarterLabel(p.day)) },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: formatAxis }, name: 'eenpitters', nameLocation: 'end' },
    series: scopes.map((s) => ({ name: names.get(s) ?? s, type: 'line', symbolSize: 6, data: v.trend.map((p) => p.byScope.find((b) => b.scope === s)?.singlePerson ?? 0) })),
  }, { label: `Aantal eenpitters per kwartaal in team ${v.team.name}, per gemeente alleen en samen. De tabel eronder geeft de huidige stand.` });
}
