/**
 * View pieces of the goal pages: the traffic light (colour decorates, words carry the
 * meaning), the Nulmeting / Realisatie / Streefwaarde / Bron table, the status history,
 * the SMART gaps and a KPI's measurements.
 */
import { raw } from 'hono/html';
import { formatDate } from '../platform/i18n/format.ts';
import { formatWithUnit } from './targets.ts';
import { trendChart } from './charts.ts';
import type { Light } from './traffic-light.ts';
import type { GoalView, KpiView } from './view.service.ts';

const BADGE: Record<Light, string> = { groen: 'success', oranje: 'warning', rood: 'danger', grijs: 'neutral' };
const FILL: Record<Light, string> = { groen: '#1e6b2f', oranje: '#b34700', rood: '#b00020', grijs: '#6b6b6b' };

export function LightBadge({ light }: { light: Light }) {
  return (
    <span class={`utrecht-status-badge utrecht-status-badge--${BADGE[light]}`}>
      <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false"><circle cx="6" cy="6" r="5" fill={FILL[light]} /></svg>
      {' '}{light}
    </span>
  );
}

/** The light with its explanation, for lists and tables. */
export const Judged = ({ light, words }: { light: Light; words: string }) => <><LightBadge light={light} /> <span>{words}</span></>;

const valueAndDate = (v: { value: string; date: string } | null, unit: string, prefix = '') =>
  v ? <><span class="vlecht-date">{formatWithUnit(v.value, unit)}</span><br /><span class="vlecht-source vlecht-date">{prefix}{formatDate(v.date)}</span></> : <span>—</span>;

/** The effect-indicator table as budget portals show it, one row per KPI. */
export function IndicatorTable({ goal }: { goal: GoalView }) {
  return (
    <div class="utrecht-table-container">
      <table class="utrecht-table utrecht-table--html-table">
        <caption class="utrecht-table__caption">Indicatoren van dit doel: nulmeting, realisatie (laatste meting), streefwaarde en bron</caption>
        <thead><tr>
          <th scope="col">Indicator</th><th scope="col" class="vlecht-num">Nulmeting</th><th scope="col" class="vlecht-num">Realisatie</th>
          <th scope="col" class="vlecht-num">Streefwaarde</th><th scope="col">Bron</th><th scope="col">Oordeel</th>
        </tr></thead>
        <tbody>{goal.kpis.map((k) => (
          <tr>
            <th scope="row"><a class="utrecht-link" href={`#indicator-${k.id}`}>{k.name}</a><br /><span class="vlecht-source">{k.directionWords}</span></th>
            <td class="vlecht-num">{valueAndDate(k.baseline, k.unit)}</td>
            <td class="vlecht-num">{valueAndDate(k.latest, k.unit)}</td>
            <td class="vlecht-num">{valueAndDate(k.target, k.unit, 'op ')}</td>
            <td>{k.source || k.baseline?.source || '—'}</td>
            <td><LightBadge light={k.light} /></td>
          </tr>
        ))}</tbody>
      </table>
    </div>
  );
}

export function StatusHistory({ goal }: { goal: GoalView }) {
  if (goal.statusHistory.length === 0) return <p class="utrecht-paragraph">Nog geen besluiten: het doel is een concept.</p>;
  return (
    <div class="utrecht-table-container">
      <table class="utrecht-table utrecht-table--html-table">
        <caption class="utrecht-table__caption">Besluitvorming over dit doel</caption>
        <thead><tr><th scope="col">Datum</th><th scope="col">Van</th><th scope="col">Naar</th><th scope="col">Besluit of stuk</th><th scope="col">Vastgelegd door</th></tr></thead>
        <tbody>{goal.statusHistory.map((h) => (
          <tr>
            <td class="vlecht-date">{formatDate(h.decidedOn)}</td><td>{h.fromWords}</td><td>{h.toWords}</td>
            <td>{h.decisionReference}{h.note && <><br /><span class="vlecht-source">{h.note}</span></>}</td><td>{h.recordedBy}</td>
          </tr>
        ))}</tbody>
      </table>
    </div>
  );
}

export function SmartGaps({ goal }: { goal: GoalView }) {
  if (goal.smart.smart) return <p class="utrecht-paragraph"><strong>Volledig SMART:</strong> eigenaar, nulmeting, streefwaarde, deadline, vastgesteld door de raad en een meting in de laatste 6 maanden.</p>;
  return (
    <>
      <p class="utrecht-paragraph">Dit doel is nog niet SMART. Wat ontbreekt:</p>
      <ul class="utrecht-unordered-list">{goal.smart.gaps.map((g) => <li>{g.message}</li>)}</ul>
    </>
  );
}

/** One KPI: its light in words, the trend chart with baseline and target lines, targets and measurements. */
export function KpiFigures({ kpi }: { kpi: KpiView }) {
  const chart = trendChart(kpi);
  return (
    <>
      <p class="utrecht-paragraph"><Judged light={kpi.light} words={kpi.lightWords} /></p>
      {kpi.derivation && <p class="utrecht-paragraph vlecht-source">Afgeleid uit {kpi.derivationSource}: {kpi.derivationExplanation}. Elke meting zegt hieronder hoe zij is berekend.</p>}
      {chart && <figure class="vlecht-figure">{raw(chart)}<figcaption class="vlecht-source">Metingen door de tijd; gestippeld de nulmeting, doorgetrokken de streefwaarde.</figcaption></figure>}
      {kpi.targets.length > 0 && (
        <div class="utrecht-table-container">
          <table class="utrecht-table utrecht-table--html-table">
            <caption class="utrecht-table__caption">Streefwaarden van {kpi.name}</caption>
            <thead><tr><th scope="col">Te halen op</th><th scope="col" class="vlecht-num">Streefwaarde</th><th scope="col">Vastgesteld op</th><th scope="col">Bron</th></tr></thead>
            <tbody>{kpi.targets.map((t) => (
              <tr><td class="vlecht-date">{formatDate(t.targetDate)}</td><td class="vlecht-num"><span class="vlecht-date">{formatWithUnit(t.value, kpi.unit)}</span></td>
                <td class="vlecht-date">{formatDate(t.setOn)}{t.current ? '' : ' (vervangen)'}</td><td>{t.source}</td></tr>
            ))}</tbody>
          </table>
        </div>
      )}
      {kpi.measurements.length === 0 ? <p class="utrecht-paragraph">Nog geen metingen.</p> : (
        <div class="utrecht-table-container">
          <table class="utrecht-table utrecht-table--html-table">
            <caption class="utrecht-table__caption">Metingen van {kpi.name}</caption>
            <thead><tr><th scope="col">Datum</th><th scope="col" class="vlecht-num">Waarde</th><th scope="col">Bron en berekening</th><th scope="col">Vastgelegd door</th></tr></thead>
            <tbody>{kpi.measurements.map((m) => (
              <tr>
                <td class="vlecht-date">{formatDate(m.measuredOn)}</td><td class="vlecht-num"><span class="vlecht-date">{formatWithUnit(m.value, kpi.unit)}</span></td>
                <td>{m.source}{m.method && <><br /><span class="vlecht-source">{m.method}</span></>}</td><td>{m.recordedBy}</td>
              </tr>
            ))}</tbody>
          </table>
        </div>
      )}
    </>
  );
}
