/** Table exports (CSV/XLSX) of the risk summary, the portfolio and a scenario, from the same view models as the pages. */
import type { Column } from '../platform/export/table.ts';
import { formatFte } from '../platform/i18n/format.ts';
import { PRICING_WORDS } from './pricing.ts';
import type { RiskSummary, ScenarioDetail } from './scenario.service.ts';
import type { Portfolio } from './portfolio.service.ts';

const euros = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

type RiskRow = RiskSummary['rows'][number];
export const riskColumns: Column<RiskRow>[] = [
  { header: 'Team', value: (r) => r.team.name },
  { header: 'Eenmalige kosten (euro)', value: (r) => euros(r.oneOffCents) },
  { header: 'Structurele meerkosten per jaar (euro)', value: (r) => euros(r.recurringCents) },
  { header: 'Functies zonder bezetting na ontvlechting', value: (r) => r.functionsUncovered },
  { header: 'Functies zonder bezetting, waarvan kritiek', value: (r) => r.criticalUncovered },
  { header: 'Terugkerende eenpitters', value: (r) => r.reappearingSinglePerson },
  { header: 'Fte-tekort na ontvlechting', value: (r) => formatFte(r.fteGapMilli) },
];

type AppRow = Portfolio['applications'][number];
export const applicationColumns: Column<AppRow>[] = [
  { header: 'Applicatie', value: (a) => a.name },
  { header: 'Leverancier', value: (a) => a.supplier },
  { header: 'Categorie', value: (a) => a.category },
  { header: 'Team', value: (a) => a.team ?? '' },
  { header: 'Gebruikt door', value: (a) => a.usedBy.join(', ') },
  { header: 'Geharmoniseerd', value: (a) => (a.harmonised ? 'ja' : 'nee') },
  { header: 'Prijsmodel', value: (a) => PRICING_WORDS[a.pricing.model] },
  { header: 'Licentiekosten per jaar (euro)', value: (a) => euros(a.yearlyCents) },
  { header: 'Einde contract', value: (a) => a.contractEnd ?? '' },
  { header: 'Synthetisch', value: (a) => (a.synthetic ? 'ja' : 'nee') },
];

export interface ScenarioLine { part: string; group: string; item: string; value: string; basis: string }

/** Every figure of a scenario on its own line, with the data or assumption it rests on. */
export function scenarioLines(d: ScenarioDetail): ScenarioLine[] {
  const r = d.result;
  const lines: ScenarioLine[] = r.assumptions.map((a) => ({ part: 'Aanname', group: '', item: a.label, value: a.unit === 'euro' ? euros(a.value) : String(a.value), basis: a.unit === 'euro' ? 'euro' : '%' }));
  lines.push(...r.data.map((x) => ({ part: 'Gegevens', group: '', item: x.label, value: x.value, basis: 'register/urenregistratie' })));
  for (const g of r.groups) {
    const add = (part: string, item: string, value: string, basis: string) => lines.push({ part, group: g.label, item, value, basis });
    add('Fte', 'Fte in dienst', formatFte(g.employedFteMilli), 'register');
    add('Fte', 'Fte gebruikt', formatFte(g.usedFteMilli), 'totaal fte × aandeel uren');
    add('Fte', 'Verschil (tekort +, overschot −)', formatFte(g.gapFteMilli), 'gebruikt − in dienst');
    add('Functies', 'Terugkerende eenpitters', g.reappearingSinglePerson.join(', '), 'kwalificaties');
    add('Functies', 'Kritieke functies zonder bezetting', g.criticalUncovered.join(', '), 'kwalificaties');
    add('Eenmalig', 'Werving tekort', euros(g.oneOff.recruitmentCents), 'fte-tekort × wervingskosten per fte');
    add('Eenmalig', 'Werving leidinggevende', euros(g.oneOff.managerRecruitmentCents), 'wervingskosten per fte');
    add('Eenmalig', 'Opleiding achtervang', euros(g.oneOff.qualificationCents), `${g.qualificationsToRestore} × opleidingskosten`);
    add('Eenmalig', 'Migratie applicaties', euros(g.oneOff.migrationCents), 'te splitsen applicaties × migratiekosten');
    add('Eenmalig', 'Splitsen contracten', euros(g.oneOff.contractSplitCents), 'te splitsen contracten × kosten per contract');
    add('Eenmalig', 'Juridisch advies', euros(g.oneOff.legalCents), 'aanname');
    add('Eenmalig', 'Totaal eenmalig', euros(g.oneOff.totalCents), 'som');
    add('Structureel', 'Personeel', euros(g.recurring.staffCents), 'fte-tekort × loonkosten − afgebouwd overschot');
    add('Structureel', 'Leidinggevende', euros(g.recurring.managerCents), 'aanname');
    add('Structureel', 'Licenties en contracten', euros(g.recurring.agreementsCents), 'prijs alleen − aandeel in gedeelde prijs');
    add('Structureel', 'Totaal per jaar', euros(g.recurring.totalCents), 'som');
    for (const a of g.agreements.filter((x) => x.splitNeeded)) add('Licentie/contract', a.name, euros(a.afterCents), `${PRICING_WORDS[a.model]}; vóór ${euros(a.beforeCents)}; volumekorting kwijt ${euros(a.volumeDiscountLostCents)}`);
  }
  return lines;
}

export const scenarioColumns: Column<ScenarioLine>[] = [
  { header: 'Onderdeel', value: (l) => l.part },
  { header: 'Gemeente(n)', value: (l) => l.group },
  { header: 'Post', value: (l) => l.item },
  { header: 'Waarde', value: (l) => l.value },
  { header: 'Grondslag', value: (l) => l.basis },
];
