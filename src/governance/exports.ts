/** Columns of the governance exports (CSV and XLSX), from the same view models as the pages. */
import type { Column } from '../platform/export/table.ts';
import { formatDate } from '../platform/i18n/format.ts';
import type { CommitmentView, DecisionView } from './present.ts';

const linkText = (d: DecisionView) => d.links.map((l) => [l.label, l.url ?? (l.oriId ? `ORI ${l.oriId}` : '')].filter(Boolean).join(': ')).join(' | ');

export const decisionColumns: Column<DecisionView>[] = [
  { header: 'Datum', value: (d) => formatDate(d.decidedOn) },
  { header: 'Orgaan', value: (d) => d.body.name },
  { header: 'Soort besluit', value: (d) => d.decisionType.name },
  { header: 'Onderwerp', value: (d) => d.subject },
  { header: 'Teams', value: (d) => d.teams.map((t) => t.name).join(', ') },
  { header: 'Stuk voor de raad', value: (d) => (d.documentStatus ? `${d.documentStatus}-stuk` : '') },
  { header: 'Besluit', value: (d) => d.text },
  { header: 'OR-advies', value: (d) => (d.orAdvice ? `${formatDate(d.orAdvice.on)} ${d.orAdvice.reference}`.trim() : '') },
  { header: 'Toets besluitvormingsmatrix', value: (d) => (d.flags.length ? d.flags.map((f) => f.message).join('; ') : 'in orde') },
  { header: 'Vervolg', value: (d) => d.followUp },
  { header: 'Links', value: linkText },
  { header: 'Bron', value: (d) => d.source },
  { header: 'Synthetisch', value: (d) => (d.synthetic ? 'ja' : 'nee') },
];

export const commitmentColumns: Column<CommitmentView>[] = [
  { header: 'Soort', value: (c) => c.kindWords },
  { header: 'Kenmerk', value: (c) => c.reference },
  { header: 'Titel', value: (c) => c.title },
  { header: 'Gemeente', value: (c) => c.municipality?.name ?? '' },
  { header: 'Eigenaar', value: (c) => c.ownerName },
  { header: 'Gedaan op', value: (c) => formatDate(c.madeOn) },
  { header: 'Termijn', value: (c) => formatDate(c.dueOn) },
  { header: 'Status', value: (c) => c.shownStatusWords },
  { header: 'Afgedaan op', value: (c) => formatDate(c.closedOn) },
  { header: 'Aanbeveling', value: (c) => (c.recommendation ? `${c.recommendation.number}. ${c.recommendation.text}` : '') },
  { header: 'Vervolg', value: (c) => c.followUp },
  { header: 'Bron', value: (c) => c.source },
  { header: 'Synthetisch', value: (c) => (c.synthetic ? 'ja' : 'nee') },
];
