/**
 * Demo governance, loaded through the services (validated and audited). Facts from the
 * seeds carry their source; dates the seeds give only by month or year say "bij
 * benadering"; whatever is invented (meeting calendars, lead times, an accountant finding)
 * says "synthetisch".
 */
import { SRC, HB, BEL } from '../demo/facts.ts';
import type { Ctx } from '../platform/context.ts';
import { listRecommendations } from '../goals/goal.service.ts';
import { findTeamId } from '../register/team.service.ts';
import { createDecision, governanceSetup, setUpGovernance, updateBody } from './decision.service.ts';
import { createCommitment } from './commitment.service.ts';
import { createMilestone } from './milestone.service.ts';
import { importCalendar } from './agenda.service.ts';
import { saveFormNote } from './form-note.service.ts';
import { dayNumber, isoOfDay } from './planner.ts';

const SYNTHETIC = 'synthetisch demogegeven (niet uit de bronnen)';

async function hbDecisions(ctx: Ctx) {
  const slug = HB.slug;
  const ict = await findTeamId(ctx, slug, 'informatisering');
  const teams = await Promise.all(['communicatie', 'p-en-o', 'facilitaire-zaken', 'financiele-administratie', 'informatisering'].map((t) => findTeamId(ctx, slug, t)));
  const fin = await findTeamId(ctx, slug, 'financiele-administratie');
  for (const [cbs, name] of [['gm0397', 'Heemstede'], ['gm0377', 'Bloemendaal']]) {
    await createDecision(ctx, slug, {
      decidedOn: '2013-06-01', bodyKey: `college-${cbs}`, decisionTypeKey: 'ict-applicaties', teamIds: [ict],
      subject: `ICT geleidelijk over de hele linie synchroniseren (college ${name})`,
      text: 'De colleges van Heemstede en Bloemendaal besluiten om ICT geleidelijk over de hele linie te synchroniseren.',
      source: `${SRC.rkc}, §4.5 (ICT): "In juni 2013 hebben de colleges van Heemstede en Bloemendaal besloten"; dag bij benadering`,
    });
  }
  // Seed 000 §4.4: the OR advice was asked (14-04-2016) after vervlechting had started; advice 27-10-2016. Flagged twice by the check.
  await createDecision(ctx, slug, {
    decidedOn: '2016-03-01', bodyKey: 'directieoverleg', decisionTypeKey: 'vervlechting-team', teamIds: teams,
    subject: 'Vervlechting van vijf bedrijfsvoeringsteams in gang gezet',
    text: 'Het proces om de teams Financiën, P&O, Communicatie, Informatisering en Facilitaire Zaken organisatorisch te vervlechten en onder eenhoofdige leiding te brengen is in gang gezet.',
    orAdviceOn: '2016-10-27', orAdviceReference: 'Advies ondernemingsraden Heemstede en Bloemendaal, 27-10-2016 (adviesaanvraag 14-04-2016; eerst negatief, daarna positief)',
    followUp: 'Samenwerkingsovereenkomst door beide colleges vastgesteld op 19-12-2016.',
    source: `${SRC.rkc}, §4.3–4.4: "De hierboven genoemde adviesaanvraag aan de ondernemingsraad volgde nadat het proces van vervlechting reeds in gang was gezet"; besluitdatum bij benadering (maart 2016, vóór de adviesaanvraag van 14-04-2016)`,
  });
  for (const [cbs, name] of [['gm0397', 'Heemstede'], ['gm0377', 'Bloemendaal']]) {
    await createDecision(ctx, slug, {
      decidedOn: '2016-12-19', bodyKey: `college-${cbs}`, decisionTypeKey: 'samenwerkingsovereenkomst', teamIds: teams,
      subject: `Samenwerkingsovereenkomst uitwisselen van kennis, kunde en capaciteit (college ${name})`,
      text: 'Op grond van deze samenwerkingsovereenkomst zijn medewerkers bevoegd binnen hun functie werkzaamheden te verrichten voor de andere gemeente.',
      orAdviceOn: '2016-10-27', orAdviceReference: 'Positief advies ondernemingsraden, 27-10-2016',
      source: `${SRC.rkc}, §4.3: "Deze samenwerkingsovereenkomst is 19 december 2016 door beide colleges vastgesteld"`,
    });
  }
  // Seed 000 §5.3.1 and §6: the general frame of the Financiën team plan came from MT-Kzoom, a body without formal status.
  await createDecision(ctx, slug, {
    decidedOn: '2017-01-01', bodyKey: 'mt-kzoom', decisionTypeKey: 'teamplan', teamIds: [fin],
    subject: 'Algemene kaders voor het teamplan Financiën',
    text: 'De algemene kaders van de samenwerking op het gebied van financiën komen van het MT-Kzoom; de teams Financiën vullen ze gezamenlijk in.',
    source: `${SRC.rkc}, §5.3.1 en §6 (Financiën): "De algemene kaders voor dit teamplan komen van het MT-Kzoom"; MT-Kzoom "heeft geen formele status"; jaartal bij benadering (agenda's uit 2017)`,
  });
  await createDecision(ctx, slug, {
    decidedOn: '2019-10-31', bodyKey: 'raad-gm0397', decisionTypeKey: 'kader-samenwerking', teamIds: [], documentStatus: 'A',
    subject: 'Kader voor de ambtelijke samenwerking Heemstede – Bloemendaal',
    text: 'De raad van de gemeente Heemstede, gelezen het voorstel van burgemeester en wethouders van 10 september 2019, besluit: het kader voor de ambtelijke samenwerking Heemstede - Bloemendaal vast te stellen.',
    links: [{ label: 'Raadsbesluit (kenmerk 717795)', oriId: 'heemstede:717795' }, { label: 'Bijlage: kader (kenmerk 717813)', oriId: 'heemstede:717813' }],
    followUp: 'Colleges stellen de gewijzigde samenwerkingsovereenkomst vast na zienswijzen van raad en OR; uiterlijk in het eerste half jaar van 2020 een voorstel voor een toekomstbestendige bedrijfsvoering voor zienswijze aan de raad.',
    source: `${SRC.raad}; de datum van de raadsvergadering staat niet in de bron (bij benadering: najaar 2019, na de commissie Middelen); Open Raadsinformatie-id's afgeleid van de kenmerken (synthetisch)`,
  });
}

async function hbCommitments(ctx: Ctx) {
  const slug = HB.slug;
  const recs = await listRecommendations(ctx, slug);
  const rec = (n: string) => recs.find((r) => r.number === n)?.id ?? null;
  await createCommitment(ctx, slug, {
    kind: 'aanbeveling-rekenkamer', reference: 'Aanbeveling 3', title: 'Samenwerkingsvormen met voor- en nadelen in kaart brengen', recommendationId: rec('3'),
    municipalityCbs: 'GM0397', ownerName: 'College Heemstede', madeOn: '2017-11-30', dueOn: '2022-03-16', status: 'in-behandeling',
    followUp: 'Catalogus van samenwerkingsvormen in Vlecht met de eigen afweging per vorm.',
    source: `${SRC.rkc}, §2.2 (rapport eind november 2017); termijn "voor het eind van deze raadstermijn" = raadsverkiezingen 2022 (dag bij benadering)`,
  });
  await createCommitment(ctx, slug, {
    kind: 'aanbeveling-rekenkamer', reference: 'Aanbeveling 4', title: 'Routeplan met kaders, samenwerkingsvorm, tempo, afhankelijkheden en risico’s', recommendationId: rec('4'),
    municipalityCbs: 'GM0397', ownerName: 'College Heemstede', madeOn: '2017-11-30', status: 'nieuw',
    source: `${SRC.rkc}, §2.2; geen termijn: "na de hierboven aanbevolen besluitvorming in de raad"`,
  });
  await createCommitment(ctx, slug, {
    kind: 'toezegging', title: 'Voorstel toekomstbestendige bedrijfsvoering voor zienswijze aan de raad', municipalityCbs: 'GM0397', ownerName: 'College Heemstede',
    madeOn: '2019-09-10', dueOn: '2020-06-30', status: 'in-behandeling',
    description: 'Aan de hand van het vastgestelde kader zal uiterlijk in het eerste half jaar van 2020 een voorstel voor een toekomstbestendige bedrijfsvoering voor zienswijze aan de Raad worden voorgelegd.',
    source: `${SRC.raad}, Vervolgproces; status na 2019 niet bekend uit de bronnen`,
  });
  await createCommitment(ctx, slug, {
    kind: 'raadsvraag', title: 'Ontvlechten per eenheid: wat zijn de risico’s en kosten?', municipalityCbs: 'GM0397', ownerName: 'College Heemstede', madeOn: '2019-09-10', status: 'in-behandeling',
    description: 'Zienswijze van de raad van Heemstede. Het college: voor de beantwoording is extern onderzoek nodig; als de raad dat wenst, volgt een voorstel voor de benodigde middelen.',
    source: `${SRC.raad}, Reactie op zienswijzen`,
  });
  await createCommitment(ctx, slug, {
    kind: 'raadsvraag', title: 'Gesprek met ambtenaren over de ambtelijke samenwerking (GroenLinks)', municipalityCbs: 'GM0397', ownerName: 'College Heemstede',
    madeOn: '2019-04-03', status: 'afgedaan', closedOn: '2019-09-10', followUp: 'Aan dit verzoek is gehoor gegeven.',
    source: `${SRC.raad}; datum van de vraag bij benadering (commissie Middelen 3 april 2019), afgedaan vóór het voorstel van 10 september 2019`,
  });
  await createCommitment(ctx, slug, {
    kind: 'accountantsbevinding', reference: 'ML 2025-3', title: 'Inzet van personeel voor de andere gemeente niet vastgelegd (btw-risico)',
    ownerName: 'Controller Heemstede', madeOn: '2025-11-15', dueOn: '2026-06-30', status: 'in-behandeling', synthetic: true,
    description: 'Managementletter: de uren die medewerkers voor de andere gemeente werken zijn niet vastgelegd; daardoor is het btw-risico bij onbetaald uitlenen niet te beoordelen.',
    source: `${SRC.raad} noemt het fiscale risico; de bevinding zelf is ${SYNTHETIC}`,
  });
}

async function hbMilestones(ctx: Ctx) {
  const slug = HB.slug;
  const ict = await findTeamId(ctx, slug, 'informatisering');
  const com = await findTeamId(ctx, slug, 'communicatie');
  const kader = await createMilestone(ctx, slug, {
    title: 'Kader voor de samenwerking aan beide raden aangeboden', dueOn: '2019-09-30', status: 'gereed', completedOn: '2019-09-10',
    source: `${SRC.vgr7}, §2.2 ("in september 2019"); gereed: voorstel van 10 september 2019 (${SRC.raad})`,
  });
  await createMilestone(ctx, slug, {
    title: 'Gewijzigde samenwerkingsovereenkomst door de colleges vastgesteld', dueOn: '2019-12-31', dependsOn: [kader.id],
    risks: 'De ondernemingsraden en het georganiseerd overleg moeten hun zienswijze kunnen geven; de overeenkomst borgt de rechten van medewerkers.',
    source: `${SRC.raad}, Samenwerkingsovereenkomst – zienswijze; datum ${SYNTHETIC}; status na 2019 niet bekend`,
  });
  await createMilestone(ctx, slug, {
    title: 'Informatiebeleidsplan herijkt in samenspraak met de raad', teamId: ict, dueOn: '2019-12-31',
    risks: 'Advies uit het Gateway-onderzoek: ICT en Informatisering samenvoegen; outsourcing van ICT binnen de GRIT-constructie.',
    source: `${SRC.vgr7}, §2.4–2.5 ("najaar 2019"); dag bij benadering; status niet bekend`,
  });
  await createMilestone(ctx, slug, {
    title: 'Hernieuwde communicatienota aangeboden', teamId: com, dueOn: '2019-12-31',
    source: `${SRC.vgr7}, §2.4 ("najaar 2019"); dag bij benadering; status niet bekend`,
  });
  await createMilestone(ctx, slug, {
    title: 'Voorstel toekomstbestendige bedrijfsvoering (vormkeuze) voor zienswijze aan de raad', dueOn: '2020-06-30', dependsOn: [kader.id],
    risks: 'Beter meetbaar en beheersbaar maken staat op gespannen voet met gemakkelijk ontvlechten; personele consequenties samen met ondernemingsraden en vakbond; Gateway-aanbevelingen voor Informatisering.',
    source: `${SRC.raad}, Vervolgproces ("uiterlijk in het eerste half jaar van 2020")`,
  });
}

async function belMilestones(ctx: Ctx) {
  const slug = BEL.slug;
  const status = { status: 'gereed' as const };
  const note = `${SRC.bel}, De te behalen resultaten; status gereed op de beoogde datum is ${SYNTHETIC} (de bron is van maart 2007 en noemt alleen de beoogde data)`;
  const gr = await createMilestone(ctx, slug, { ...status, completedOn: '2007-01-01', title: 'Eén gemeenschappelijke regeling met bestuursorganen die de werkorganisatie van start kunnen laten gaan', dueOn: '2007-01-01', source: note });
  const werk = await createMilestone(ctx, slug, {
    ...status, completedOn: '2008-01-01', title: 'Eén operationele werkorganisatie BEL die producten en diensten levert aan de opdrachtgevende gemeenten', dueOn: '2008-01-01', dependsOn: [gr.id],
    risks: 'Motivatie en overzicht bij veel werkgroepen; financiën en kostenverrekening nog niet rond; werken zonder nieuwe huisvesting (startgesprek InAxis BEL, 2007, Uitdagingen).', source: note,
  });
  await createMilestone(ctx, slug, { ...status, completedOn: '2008-01-01', title: 'Drie gemeentelijke organisaties gericht op hun kerntaken (ondersteuning colleges, opdrachtgeverschap, regie en control)', dueOn: '2008-01-01', dependsOn: [gr.id], source: note });
  await createMilestone(ctx, slug, {
    ...status, completedOn: '2008-01-01', title: 'Bestuurlijk verkeer uitgelijnd; interfaces gemeenten–werkorganisatie en planning en control operationeel', dueOn: '2008-01-01', dependsOn: [werk.id],
    risks: 'Aansluiting van de P&C van de werkorganisatie op die van de afzonderlijke gemeenten (startgesprek InAxis BEL, 2007).', source: note,
  });
}

/** Synthetic 2026–2027 calendars: Heemstede raad last Thursday, commissie Middelen two weeks earlier; Bloemendaal raad first Thursday, commissie three weeks earlier. */
function demoCalendarCsv(): string {
  const lines = ['orgaan;datum;omschrijving'];
  const thursdays = (y: number, m: number) => {
    const out: number[] = [];
    for (let d = dayNumber(`${y}-${String(m).padStart(2, '0')}-01`); isoOfDay(d).slice(5, 7) === String(m).padStart(2, '0'); d++) if (new Date(d * 86_400_000).getUTCDay() === 4) out.push(d);
    return out;
  };
  for (const y of [2026, 2027]) {
    for (let m = 1; m <= 12; m++) {
      if (m === 8) continue; // zomerreces
      const t = thursdays(y, m);
      lines.push(`raad-gm0397;${isoOfDay(t.at(-1)!)};Raadsvergadering (synthetisch)`, `commissie-gm0397;${isoOfDay(t.at(-1)! - 15)};Commissie Middelen (synthetisch)`);
      lines.push(`raad-gm0377;${isoOfDay(t[0])};Raadsvergadering (synthetisch)`, `commissie-gm0377;${isoOfDay(t[0] - 21)};Commissie Bestuur en Middelen (synthetisch)`);
    }
  }
  return lines.join('\n');
}

export async function loadDemoGovernance(ctx: Ctx, onStep: (label: string) => void = () => {}): Promise<void> {
  onStep('Besluitvorming, toezeggingen, routeplan en agenda');
  await setUpGovernance(ctx, HB.slug);
  const setup = await governanceSetup(ctx, HB.slug);
  const version = (key: string) => setup.bodies.find((b) => b.key === key)!.version;
  await updateBody(ctx, HB.slug, 'commissie-gm0397', version('commissie-gm0397'), { name: 'Commissie Middelen Heemstede', leadDays: 28 });
  await updateBody(ctx, HB.slug, 'commissie-gm0377', version('commissie-gm0377'), { name: 'Commissie Bestuur en Middelen Bloemendaal (synthetisch)', leadDays: 21 });
  await updateBody(ctx, HB.slug, 'raad-gm0377', version('raad-gm0377'), { leadDays: 14 });
  await hbDecisions(ctx);
  await hbCommitments(ctx);
  await hbMilestones(ctx);
  await importCalendar(ctx, HB.slug, demoCalendarCsv(), { formaat: 'csv' });
  await saveFormNote(ctx, HB.slug, 0, {
    formKey: 'privaatrechtelijke-samenwerkingsovereenkomst',
    pros: 'Ontvlechten blijft gemakkelijk; daarom destijds gekozen omdat de raad dat vroeg (raadsvoorstel kader samenwerking Heemstede, 2019). Borgt de rechten van medewerkers, op verzoek van de ondernemingsraden (najaar 2016).',
    cons: 'Informeel: minder zicht op budget en formatie, onduidelijkheid over budgetbeheer en inzet van personeel; fiscaal risico bij het ter beschikking stellen van personeel (raadsvoorstel kader samenwerking Heemstede, 2019).',
    personnel: 'Medewerkers blijven in dienst van de eigen gemeente en werken voor beide besturen.',
    financial: 'Geen financiële consequenties naar elkaar; inzet wordt niet gefactureerd om btw te voorkomen (raadsvoorstel kader samenwerking Heemstede, 2019).',
  });
  await saveFormNote(ctx, HB.slug, 0, {
    formKey: 'regeling-zonder-meer',
    pros: 'Inzicht bij de P&C-cyclus op budget, formatie en resultaat voor de raad; samenwerking die voldoet aan fiscale wet- en regelgeving; transparant en efficiënt budgetbeheer (raadsvoorstel kader samenwerking Heemstede, 2019).',
    cons: 'Beter meetbaar en beheersbaar maken staat op gespannen voet met gemakkelijk ontvlechten (raadsvoorstel kader samenwerking Heemstede, 2019).',
    personnel: 'Te duiden en te beoordelen samen met de ondernemingsraden en de vakbond (raadsvoorstel kader samenwerking Heemstede, 2019, Vervolgproces).',
    financial: '',
  });
  await setUpGovernance(ctx, BEL.slug);
  await belMilestones(ctx);
}
