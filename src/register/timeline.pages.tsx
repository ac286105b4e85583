/**
 * The integration-level timeline: an inline SVG (one lane per team, a bar per period with
 * the level number printed in it) plus the same data as a table for screen readers and
 * anyone who prefers text. Server-rendered, no script; colours via SVG attributes because
 * the content security policy forbids inline styles.
 */
import { formatDate } from '../platform/i18n/format.ts';
import { LEVEL_WORDS } from './common.pages.tsx';

export interface TimelineTeam {
  name: string;
  history: { level: number; validFrom: string; decisionReference?: string }[];
}

/** Light to dark; text on levels 3–5 is white (contrast ≥ 4.5:1 either way). */
const FILL = ['#eef2f7', '#cfdcec', '#9fbadb', '#3d6ca8', '#24548f', '#0b2e59'];
const INK = (level: number) => (level >= 3 ? '#ffffff' : '#1a1a1a');

const LABEL_W = 230;
const PLOT_W = 650;
const ROW_H = 30;
const TOP = 8;

const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

export function Timeline({ id, teams, today, caption }: { id: string; teams: TimelineTeam[]; today: string; caption: string }) {
  const dated = teams.flatMap((tm) => tm.history.map((h) => h.validFrom));
  if (dated.length === 0) return <p class="utrecht-paragraph">Er is nog geen mate van vervlechting vastgelegd.</p>;
  const firstYear = Math.min(...dated.map((d) => Number(d.slice(0, 4))));
  const lastYear = Math.max(Number(today.slice(0, 4)), ...dated.map((d) => Number(d.slice(0, 4)))) + 1;
  const t0 = dayNumber(`${firstYear}-01-01`);
  const t1 = dayNumber(`${lastYear}-01-01`);
  const x = (iso: string) => LABEL_W + ((dayNumber(iso) - t0) / (t1 - t0)) * PLOT_W;
  const height = TOP + teams.length * ROW_H + 28;
  const step = lastYear - firstYear > 14 ? 2 : 1;
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i).filter((y) => (y - firstYear) % step === 0);
  const end = today > dated.reduce((a, b) => (a > b ? a : b)) ? today : `${lastYear}-01-01`;

  return (
    <figure class="vlecht-timeline-figure">
      <svg viewBox={`0 0 ${LABEL_W + PLOT_W + 20} ${height}`} width="100%" role="img" aria-labelledby={`${id}-titel ${id}-uitleg`} font-family="system-ui, sans-serif" font-size="13">
        <title id={`${id}-titel`}>{caption}</title>
        <desc id={`${id}-uitleg`}>Per team een balk door de tijd; het cijfer in de balk is de mate van vervlechting (0 tot en met 5). Dezelfde gegevens staan in de tabel onder de grafiek.</desc>
        {years.map((y) => (
          <g>
            <line x1={x(`${y}-01-01`)} x2={x(`${y}-01-01`)} y1={TOP - 4} y2={TOP + teams.length * ROW_H} stroke="#c8c8c8" stroke-width="1" />
            <text x={x(`${y}-01-01`)} y={height - 8} text-anchor="middle" fill="#1a1a1a">{String(y)}</text>
          </g>
        ))}
        {teams.map((tm, row) => {
          const y = TOP + row * ROW_H;
          const steps = [...tm.history].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
          return (
            <g>
              <text x={LABEL_W - 8} y={y + ROW_H / 2 + 4} text-anchor="end" fill="#1a1a1a">{tm.name.length > 32 ? `${tm.name.slice(0, 31)}…` : tm.name}</text>
              {steps.map((s, i) => {
                const from = x(s.validFrom);
                const to = x(steps[i + 1]?.validFrom ?? end);
                const w = Math.max(to - from, 1);
                return (
                  <g>
                    <rect x={from} y={y + 3} width={w} height={ROW_H - 6} fill={FILL[s.level] ?? '#888888'} stroke="#14365f" stroke-width="0.5">
                      <title>{`${tm.name}: niveau ${s.level} (${LEVEL_WORDS[s.level] ?? ''}) vanaf ${formatDate(s.validFrom)}`}</title>
                    </rect>
                    {w >= 14 && <text x={from + Math.min(w / 2, 12)} y={y + ROW_H / 2 + 5} text-anchor="middle" font-weight="700" fill={INK(s.level)}>{String(s.level)}</text>}
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <figcaption class="vlecht-source">
        <ul class="vlecht-legend" aria-label="Legenda">
          {Object.entries(LEVEL_WORDS).map(([level, words]) => (
            <li><span class={`vlecht-swatch vlecht-swatch--${level}`} aria-hidden="true"></span>{level} {words}</li>
          ))}
        </ul>
      </figcaption>
      <details class="vlecht-details">
        <summary>Tijdlijn als tabel</summary>
        <div class="utrecht-table-container">
          <table class="utrecht-table utrecht-table--html-table">
            <caption class="utrecht-table__caption">{caption}</caption>
            <thead><tr><th scope="col">Team</th><th scope="col">Vanaf</th><th scope="col">Mate van vervlechting</th><th scope="col">Besluit</th></tr></thead>
            <tbody>
              {teams.flatMap((tm) => [...tm.history].sort((a, b) => a.validFrom.localeCompare(b.validFrom)).map((h) => (
                <tr><th scope="row">{tm.name}</th><td class="vlecht-date">{formatDate(h.validFrom)}</td><td>{h.level} – {LEVEL_WORDS[h.level] ?? ''}</td><td>{h.decisionReference ?? ''}</td></tr>
              )))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
