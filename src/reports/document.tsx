/**
 * The body of a report, one component for the page, the stored publication and the PDF, so
 * the three cannot differ. Factsheets follow seed 003 (A–F, C and D filled from data);
 * progress reports follow the same order for the whole cooperation. Text written by people
 * is escaped by JSX; charts are SVG rendered when the figures were gathered.
 */
import { raw } from 'hono/html';
import { formatCents, formatDate, formatFte, formatNumber } from '../platform/i18n/format.ts';
import { formatDecimal } from '../goals/decimal.ts';
import type { ReportContent } from './content.service.ts';
import { TEXT_SECTIONS, type ReportKind } from './schema.ts';

export interface ReportMeta {
  title: string;
  /** "Concept — niet gepubliceerd" or "Versie 2, gepubliceerd op 01-02-2027 door …". */
  statusLine: string;
}

const hours = (h: number) => formatNumber(Math.round(h));
const pct = (permille: number) => `${formatNumber(permille / 10)}%`;
/** A KPI value as stored (exact decimal with a point) in Dutch notation; euros with the sign. */
const kpiValue = (v: string, unit: string) => (unit === 'euro' ? `€ ${formatDecimal(v, 2)}` : formatDecimal(v));
const LIGHT_WORDS: Record<string, string> = { groen: 'groen', oranje: 'oranje', rood: 'rood', grijs: 'grijs' };

function Paragraphs({ text, empty }: { text: string | undefined; empty: string }) {
  const parts = (text ?? '').split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return <p class="utrecht-paragraph vlecht-empty">{empty}</p>;
  return <>{parts.map((p) => <p class="utrecht-paragraph">{p}</p>)}</>;
}

function Written({ kind, k, texts }: { kind: ReportKind; k: string; texts: Record<string, string> }) {
  const section = TEXT_SECTIONS[kind].find((s) => s.key === k)!;
  return <Paragraphs text={texts[k]} empty={`Nog geen tekst bij “${section.label}”.`} />;
}

function Table({ caption, head, rows, numeric = [] }: { caption: string; head: string[]; rows: (string | number)[][]; numeric?: number[] }) {
  return (
    <div class="utrecht-table-container">
      <table class="utrecht-table utrecht-table--html-table">
        <caption class="utrecht-table__caption">{caption}</caption>
        <thead class="utrecht-table__header"><tr class="utrecht-table__row">{head.map((h, i) => <th scope="col" class={`utrecht-table__header-cell${numeric.includes(i) ? ' vlecht-num' : ''}`}>{h}</th>)}</tr></thead>
        <tbody class="utrecht-table__body">
          {rows.map((r) => <tr class="utrecht-table__row">{r.map((c, i) => (i === 0 ? <th scope="row" class="utrecht-table__header-cell">{c}</th> : <td class={`utrecht-table__cell${numeric.includes(i) ? ' vlecht-num' : ''}`}>{c}</td>))}</tr>)}
        </tbody>
      </table>
    </div>
  );
}

function Integration({ c }: { c: ReportContent }) {
  return (
    <>
      {c.integration.map((t) => (
        <>
          <p class="utrecht-paragraph"><strong>{t.team}</strong>: niveau {t.currentLevel ?? '–'} ({t.currentWords}) op {formatDate(c.period.to)}.</p>
          {t.history.length > 0 && c.kind === 'factsheet' && (
            <Table caption={`Mate van vervlechting van ${t.team} door de tijd (register)`} head={['Vanaf', 'Niveau', 'Besluit', 'Toelichting']}
              rows={t.history.map((h) => [formatDate(h.validFrom), `${h.level} – ${h.words}`, h.decisionReference || '–', h.note || '–'])} />
          )}
        </>
      ))}
    </>
  );
}

function Goals({ c }: { c: ReportContent }) {
  if (c.goals.length === 0) return <p class="utrecht-paragraph vlecht-empty">Geen doelen vastgelegd{c.team ? ` voor ${c.team.name}` : ''}.</p>;
  const rows = c.goals.flatMap((g) => (g.kpis.length === 0
    ? [[g.title, '(geen indicator)', '–', '–', '–', `${LIGHT_WORDS[g.light] ?? g.light}: ${g.lightWords}`]]
    : g.kpis.map((k) => [
      `${g.title} — ${k.name}`,
      k.unit,
      k.baseline ? `${kpiValue(k.baseline.value, k.unit)} (${formatDate(k.baseline.date)})` : 'geen nulmeting',
      k.latest ? `${kpiValue(k.latest.value, k.unit)} (${formatDate(k.latest.date)})` : 'geen meting',
      k.target ? `${kpiValue(k.target.value, k.unit)} (${formatDate(k.target.date)})` : 'geen streefwaarde',
      `${LIGHT_WORDS[k.light] ?? k.light}: ${k.lightWords}`,
    ])));
  return <Table caption="Doelen en indicatoren: nulmeting, laatste meting en streefwaarde (doelenregister)" head={['Doel en indicator', 'Eenheid', 'Nulmeting', 'Realisatie', 'Streefwaarde', 'Oordeel']} rows={rows} />;
}

function HoursByServed({ c }: { c: ReportContent }) {
  const rows = c.ledger.teams.flatMap((t) => t.byServed.map((s) => [
    c.team ? s.municipality.name : `${t.name}: ${s.municipality.name}`,
    hours(s.hours), s.sharePermille === null ? 'geen uren' : pct(s.sharePermille), `${pct(s.agreedPermille)}, ${s.agreedSource}`, formatCents(s.costCents),
  ]));
  return (
    <>
      {c.charts.hours && <figure class="vlecht-figure">{raw(c.charts.hours)}<figcaption class="vlecht-source">Uren per team naar de gemeente waarvoor is gewerkt; de tabel geeft dezelfde cijfers.</figcaption></figure>}
      <Table caption={`Uren en kosten per gemeente waarvoor is gewerkt, ${formatDate(c.period.from)} t/m ${formatDate(c.period.to)} (urenadministratie)`}
        head={['Gemeente', 'Uren', 'Aandeel', 'Afgesproken', 'Kosten']} rows={rows} numeric={[1, 2, 3, 4]} />
    </>
  );
}

function Costs({ c }: { c: ReportContent }) {
  const l = c.ledger;
  const subst = l.teams.reduce((s, t) => ({ hours: s.hours + t.substitution.hours, costCents: s.costCents + t.substitution.costCents }), { hours: 0, costCents: 0 });
  const rows: (string | number)[][] = [
    ['Alle geregistreerde uren', hours(l.total.hours), formatFte(l.total.fteMilli), formatCents(l.total.costCents)],
    ['waarvan vervanging van collega’s', hours(subst.hours), '–', formatCents(subst.costCents)],
    ['waarvan de samenwerking zelf (overleg, afstemming, reistijd)', hours(l.cooperationOverhead.hours), formatFte(l.cooperationOverhead.fteMilli), formatCents(l.cooperationOverhead.costCents)],
  ];
  return (
    <>
      <Table caption={`Inzet en kosten${c.team ? ` van ${c.team.name}` : ''}, ${formatDate(c.period.from)} t/m ${formatDate(c.period.to)} (urenadministratie × kostentarief)`}
        head={['Onderdeel', 'Uren', 'Fte', 'Kosten']} rows={rows} numeric={[1, 2, 3]} />
      {l.minutesWithoutRate > 0 && <p class="utrecht-paragraph">Let op: {hours(l.minutesWithoutRate / 60)} uur zonder bekend kostentarief telt niet mee in de kosten.</p>}
      {c.disentanglement && (
        <>
          <p class="utrecht-paragraph">Kosten van ontvlechting (volledige splitsing, standaardaannames, stand {formatDate(c.disentanglement.onDate)}): eenmalig {formatCents(c.disentanglement.oneOffCents)}, jaarlijks {formatCents(c.disentanglement.recurringCents)}, tekort {formatFte(c.disentanglement.fteGapMilli)} fte, {c.disentanglement.functionsUncovered} functies zonder achtervang.</p>
          {c.disentanglement.assumptions.length > 0 && <p class="utrecht-paragraph vlecht-source">Aannames: {c.disentanglement.assumptions.map((a) => `${a.label}: ${a.shown}`).join('; ')}.</p>}
        </>
      )}
    </>
  );
}

function Balance({ c }: { c: ReportContent }) {
  if (c.ledger.balance.length === 0) return null;
  return (
    <>
      {c.charts.balance && <figure class="vlecht-figure">{raw(c.charts.balance)}<figcaption class="vlecht-source">Saldo van uitgeleende uren per maand; de tabel geeft de totalen.</figcaption></figure>}
      <Table caption="Saldo tussen de gemeenten: wie werkte voor wie (urenadministratie)" head={['Gemeenten', 'Uren eerste voor tweede', 'Uren tweede voor eerste', 'Netto uren', 'Netto kosten']}
        rows={c.ledger.balance.map((p) => [`${p.a.name} ↔ ${p.b.name}`, hours(p.aForBHours), hours(p.bForAHours), hours(p.netHours), formatCents(p.netCostCents)])} numeric={[1, 2, 3, 4]} />
    </>
  );
}

function Coverage({ c }: { c: ReportContent }) {
  if (!c.coverage) return null;
  return <Table caption={`Kwetsbaarheid op ${formatDate(c.coverage.onDate)}: functies, eenpitters en dekking per gemeente alleen en samen (dekking)`}
    head={['Situatie', 'Functies', 'Eenpitters', 'Zonder achtervang', 'Dekking']}
    rows={c.coverage.byScope.map((s) => [s.label, s.functions, s.singlePerson, s.uncovered, s.coveragePct === null ? '–' : `${formatNumber(s.coveragePct)}%`])} numeric={[1, 2, 3, 4]} />;
}

function Governance({ c }: { c: ReportContent }) {
  return (
    <>
      {c.decisions.length === 0 ? <p class="utrecht-paragraph vlecht-empty">Geen besluiten in de periode.</p> : (
        <Table caption="Besluiten in de periode (besluitenregister)" head={['Datum', 'Orgaan', 'Onderwerp', 'Stuk', 'Toets besluitvormingsmatrix']}
          rows={c.decisions.map((d) => [formatDate(d.decidedOn), d.body, `${d.subject} (${d.type})`, d.documentStatusWords, d.flags.length ? d.flags.join(' ') : 'in orde'])} />
      )}
      {c.kind === 'voortgang' && (c.commitments.length === 0 ? <p class="utrecht-paragraph vlecht-empty">Geen toezeggingen of bevindingen in de periode.</p> : (
        <Table caption="Toezeggingen, moties en bevindingen die in de periode openstonden" head={['Onderwerp', 'Soort', 'Kenmerk', 'Uiterlijk', 'Status']}
          rows={c.commitments.map((x) => [x.title, x.kindWords, x.reference || '–', x.dueOn ? formatDate(x.dueOn) : '–', x.closedOn ? `${x.shownStatusWords} (${formatDate(x.closedOn)})` : x.shownStatusWords])} />
      ))}
      {c.milestones.length > 0 && (
        <Table caption="Mijlpalen van het routeplan in de periode" head={['Mijlpaal', 'Team', 'Gepland', 'Status', 'Risico’s']}
          rows={c.milestones.map((m) => [m.title, m.team ?? 'hele samenwerking', formatDate(m.dueOn), m.completedOn ? `${m.shownStatusWords} (${formatDate(m.completedOn)})` : m.shownStatusWords, m.risks || '–'])} />
      )}
    </>
  );
}

/** The report's body (headings from h2 down; the page or document supplies the h1). */
export function ReportBody({ content: c, texts, meta }: { content: ReportContent; texts: Record<string, string>; meta: ReportMeta }) {
  const f = c.kind === 'factsheet';
  return (
    <article class="vlecht-report">
      <p class="utrecht-paragraph vlecht-report-status"><strong>{meta.statusLine}</strong></p>
      <p class="utrecht-paragraph">{c.cooperation.name}{c.team ? ` — team ${c.team.name}` : ''} · periode {c.period.label} ({formatDate(c.period.from)} t/m {formatDate(c.period.to)})</p>
      {f ? (
        <>
          <h2 class="utrecht-heading-2">A. Mate van vervlechting</h2>
          <Integration c={c} />
          <Written kind="factsheet" k="a" texts={texts} />
          <h2 class="utrecht-heading-2">B. Opbrengst kwalitatief</h2>
          <Written kind="factsheet" k="b" texts={texts} />
          <h2 class="utrecht-heading-2">C. Opbrengst kwantitatief</h2>
          <Goals c={c} />
          <HoursByServed c={c} />
          <Coverage c={c} />
          <Written kind="factsheet" k="c" texts={texts} />
          <h2 class="utrecht-heading-2">D. Kosten</h2>
          <Costs c={c} />
          <Written kind="factsheet" k="d" texts={texts} />
          <h2 class="utrecht-heading-2">E. Perspectief verdere ontwikkeling</h2>
          <Written kind="factsheet" k="e" texts={texts} />
          <h2 class="utrecht-heading-2">F. Wat levert het de inwoners op?</h2>
          <Written kind="factsheet" k="f" texts={texts} />
          <h2 class="utrecht-heading-2">Besluiten en mijlpalen in de periode</h2>
          <Governance c={c} />
        </>
      ) : (
        <>
          <h2 class="utrecht-heading-2">Inleiding</h2>
          <Written kind="voortgang" k="inleiding" texts={texts} />
          <h2 class="utrecht-heading-2">Doelen en resultaten</h2>
          <Goals c={c} />
          <h2 class="utrecht-heading-2">Mate van vervlechting per team</h2>
          <Integration c={c} />
          <h2 class="utrecht-heading-2">Wie werkt voor wie</h2>
          <HoursByServed c={c} />
          <Balance c={c} />
          <h2 class="utrecht-heading-2">Kosten van de samenwerking</h2>
          <Costs c={c} />
          <h2 class="utrecht-heading-2">Ontwikkelingen in de periode</h2>
          <Written kind="voortgang" k="ontwikkelingen" texts={texts} />
          <h2 class="utrecht-heading-2">Besluiten, toezeggingen en mijlpalen</h2>
          <Governance c={c} />
          <h2 class="utrecht-heading-2">Vooruitblik</h2>
          <Written kind="voortgang" k="vooruitblik" texts={texts} />
        </>
      )}
      <h2 class="utrecht-heading-2">Colofon</h2>
      <p class="utrecht-paragraph vlecht-source">
        {meta.title}. Stand van de gegevens: {formatDate(c.dataDate)}; urenadministratie {c.ledger.span.first ? `van ${formatDate(c.ledger.span.first)} t/m ${formatDate(c.ledger.span.last)}` : 'leeg'}.
        Cijfers uit Vlecht: register, urenadministratie, doelen en metingen, dekking en ontvlechting, besluitenregister — dezelfde berekeningen als de pagina’s en exports van Vlecht.
        Gegevens met de markering ‘synthetisch’ in Vlecht zijn voor de demonstratie gegenereerd.
      </p>
    </article>
  );
}

export const renderBodyHtml = (content: ReportContent, texts: Record<string, string>, meta: ReportMeta): string =>
  String(<ReportBody content={content} texts={texts} meta={meta} />);
