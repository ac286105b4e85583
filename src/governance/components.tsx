/** Shared pieces of the governance pages: breadcrumbs, the section navigation, flags, row problems of an import. */
import type { Child } from 'hono/jsx';
import { formatDate } from '../platform/i18n/format.ts';
import type { Flag } from './rights.ts';

export const govCrumbs = (coop: { slug: string; name: string }) => [
  { href: '/samenwerkingen', label: 'Samenwerkingen' }, { href: `/samenwerkingen/${coop.slug}`, label: coop.name },
];

const SECTIONS = [
  ['besluiten', 'Besluitenregister'], ['besluitvormingsmatrix', 'Besluitvormingsmatrix'], ['toezeggingen', 'Toezeggingen en bevindingen'],
  ['routeplan', 'Routeplan'], ['samenwerkingsvormen', 'Samenwerkingsvormen'], ['agenda', 'Gezamenlijke agenda'],
] as const;
export type Section = (typeof SECTIONS)[number][0];

/** The governance section navigation; the current page is marked with aria-current. */
export function GovNav({ slug, current }: { slug: string; current: Section }) {
  return (
    <nav aria-label="Besluitvorming en verantwoording">
      <ul class="vlecht-nav-list">
        {SECTIONS.map(([path, label]) => (
          <li><a class="utrecht-link" href={`/samenwerkingen/${slug}/${path}`} aria-current={path === current ? 'page' : undefined}>{label}</a></li>
        ))}
      </ul>
    </nav>
  );
}

export function Flags({ flags }: { flags: Flag[] }) {
  if (flags.length === 0) return <span>in orde</span>;
  return <ul class="utrecht-unordered-list">{flags.map((f) => <li><strong>Afwijking:</strong> {f.message}</li>)}</ul>;
}

export const Day = ({ iso }: { iso: string | null | undefined }) => <span class="vlecht-date">{iso ? formatDate(iso) : '—'}</span>;

export interface RowProblem { row: number; field: string; value: string; message: string }

/** Every bad row of a rejected import, as a table (nothing was written). */
export function RowProblems({ rows, children }: { rows: RowProblem[]; children?: Child }) {
  if (rows.length === 0) return null;
  return (
    <div class="vlecht-error-summary" role="alert" tabindex={-1} id="foutmeldingen">
      <h2 class="utrecht-heading-2">Het bestand is niet ingelezen</h2>
      <p class="utrecht-paragraph">Er is niets opgeslagen. Verbeter deze {rows.length === 1 ? 'regel' : `${rows.length} regels`} en lees het bestand opnieuw in. {children}</p>
      <div class="utrecht-table-container">
        <table class="utrecht-table utrecht-table--html-table">
          <caption class="utrecht-table__caption">Fouten per regel</caption>
          <thead><tr><th scope="col">Regel</th><th scope="col">Veld</th><th scope="col">Waarde</th><th scope="col">Melding</th></tr></thead>
          <tbody>{rows.map((r) => <tr><td class="vlecht-num">{r.row}</td><td>{r.field}</td><td>{r.value}</td><td>{r.message}</td></tr>)}</tbody>
        </table>
      </div>
    </div>
  );
}
