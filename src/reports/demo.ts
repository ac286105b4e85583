/**
 * Demo reports through the services: the P&O factsheet over 2025 with the texts of seed
 * 003 (sections A, B, E, F as the team wrote them; C and D come from the data), published
 * once; and the progress report over 2025 as a concept with its introduction.
 */
import type { Ctx } from '../platform/context.ts';
import { createReport, publishReport, saveTexts } from './report.service.ts';

const SEED_003 = 'Bron: factsheets opbrengsten vervlochten teams, team P&O';

const PO_TEXTS: Record<string, string> = {
  a: `Organisatorisch volledig vervlochten: onder 1 leiding, alle medewerkers werken voor beide organisaties, flexibele inzet over beide locaties. Salarissysteem geïntegreerd.\n\n${SEED_003}.`,
  b: [
    'Meer ruimte voor verdieping op inhoudelijke thema’s, kunnen veel zelf doen zonder of met beperkte inhuur (invoering HR21, wervingssites, toolkit ‘goede gesprek’).',
    'Continuïteit in bezetting salarisadministratie gewaarborgd, niet meer kwetsbaar.',
    'Deskundigheid geborgd in eigen team, bijv. bij uitrol Youforce (e-HRM), geen sterke afhankelijkheid van commerciële partijen.',
    'Gezamenlijk strategisch HRM-beleid: werking HRM-instrumenten wordt versterkt, bijv. generatiepact (doel: verjonging en vitaliteit) — meer mogelijkheden voor herbezetting.',
    'P&O-adviseurs werken voor beide organisaties: kunnen meer variëteit aanbieden in dienstverlening aan leidinggevenden. Medewerkers ervaren het als verrijking van hun functie.',
  ].join('\n\n'),
  c: 'Van 2 naar 1 leidinggevende. Minder inhuurkosten: de consultant bij de invoering van HR21 kostte € 30.000 voor beide gemeenten samen; apart ingevoerd was dat € 20.000 per gemeente geweest (factsheets vervlochten teams). De uren en kosten hierboven komen uit de urenadministratie (synthetische demogegevens).',
  d: 'Investering in teambuilding (externe begeleiding); in het begin relatief veel overlegtijd van medewerkers. Inzet van medewerkers P&O om werkprocessen opnieuw in te richten en regelgeving te harmoniseren (factsheets vervlochten teams).',
  e: 'Binnen bestaande formatie capaciteit vrijspelen om ons zo goed mogelijk staande te houden op de toenemende krapte op de arbeidsmarkt. Verdere digitalisering van werkprocessen, waardoor de administratieve last (bij P&O en in de organisatie) kan worden teruggebracht.',
  f: 'Een personeelsbestand dat kwantitatief en kwalitatief op orde is ondanks de krappe arbeidsmarkt. Minder (meer)kosten.',
};

export async function loadDemoReports(ctx: Ctx, onStep: (label: string) => void = () => {}): Promise<void> {
  onStep('Rapportages');
  const factsheet = await createReport(ctx, 'heemstede-bloemendaal', { kind: 'factsheet', team: 'p-en-o', period: '2025' });
  const written = await saveTexts(ctx, factsheet.id, factsheet.version, PO_TEXTS);
  // The demo KPIs of P&O are not all measured in 2025: published with that confirmed, as a directie would.
  await publishReport(ctx, factsheet.id, written.version, { confirmMissing: true });

  const progress = await createReport(ctx, 'heemstede-bloemendaal', { kind: 'voortgang', period: '2025' });
  await saveTexts(ctx, progress.id, progress.version, {
    inleiding: 'Concept van de voortgangsrapportage over 2025 aan de raden van Heemstede en Bloemendaal, opgesteld uit de gegevens in Vlecht. De rekenkamercommissie vroeg om verantwoording met cijfers in plaats van alleen kwalitatieve voortgangsrapportages (rekenkamercommissie Heemstede, 2017, aanbevelingen).',
  });
}
