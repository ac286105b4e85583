/**
 * Demo goals of Heemstede–Bloemendaal, loaded through the services (validated and
 * audited). Figures from the seeds carry their source; everything invented to make the
 * demo work (targets, owners' decisions, dates of approval) says "synthetisch". Derived
 * measurements come from the synthetic demo ledger (July 2024 – December 2025). Two goals
 * are deliberately incomplete, so the SMART check has something to say.
 */
import { SRC, HB } from '../demo/facts.ts';
import { findTeamId } from '../register/team.service.ts';
import { createGoal, createRecommendation, transitionGoal } from './goal.service.ts';
import { addTarget, createKpi, updateKpi } from './kpi.service.ts';
import { recordMeasurement } from './measurement.service.ts';
import { deriveMeasurements } from './derive.service.ts';
import type { Ctx } from '../platform/context.ts';

const RKC = `${SRC.rkc}, §2.2`;
const SYNTHETIC = 'Synthetisch demogegeven (niet uit de bronnen)';

/** Seed 000 §2.2, the audit office's five recommendations, verbatim. */
const RECOMMENDATIONS = [
  'Maak nog in deze raadsperiode de doelen en toetsingscriteria van de huidige samenwerking met Bloemendaal expliciet en zorg voor een duidelijke planning, voor een eenduidige sturing en voor heldere verantwoordelijkheden. De mogelijkheid om te ontvlechten moet hierbij een uitgangspunt zijn.',
  'Betrek de raad actief bij dit onderwerp door de bovengenoemde doelen en toetsingscriteria als B-stuk aan te bieden.',
  'Breng voor het eind van deze raadstermijn in kaart welke samenwerkingsvormen (bestuurlijke fusie, ambtelijke samenwerking, ambtelijke fusie of een eventuele andere vorm) er mogelijk zijn voor Heemstede en Bloemendaal. Geef de voor- en nadelen aan van de verschillende samenwerkingsvormen. Breng zo mogelijk tevens in kaart de personele en financiële gevolgen. In de volgende raadstermijn kan dan besluitvorming plaatsvinden.',
  'De rekenkamercommissie beveelt aan om na de hierboven aanbevolen besluitvorming in de raad een routeplan op te stellen waarin de kaders, de gekozen samenwerkingsvorm en het tempo van de samenwerking zijn uitgewerkt inclusief de afhankelijkheden en risico\'s.',
  'Meer in detail beveelt de rekenkamercommissie aan om aandacht te besteden aan informatisering en automatisering: neem in een volgende voortgangsrapportage de stand van zaken omtrent de ontwikkeling van automatisering (GRIT) en informatisering op, waarbij de nadruk ligt op de toekomstbestendigheid en de strategie van beide (gezamenlijke) taakgebieden. Neem de raad mee in dit dossier.',
];

/** A derived KPI whose baseline is its first derived quarter, with a synthetic target for the end of 2026. */
async function derivedKpi(ctx: Ctx, goalId: string, input: { name: string; direction: 'hoger-is-beter' | 'lager-is-beter'; derivation: string; target: (baseline: number) => string }) {
  const kpi = await createKpi(ctx, goalId, { name: input.name, direction: input.direction, derivation: input.derivation, deadline: '2026-12-31', source: `Urenregistratie (synthetische demo-uren)` });
  const derived = await deriveMeasurements(ctx, kpi.id);
  const first = derived.measurements[0];
  if (!first) return kpi; // an empty ledger: no baseline to take
  const withBaseline = await updateKpi(ctx, kpi.id, kpi.version, {
    baselineValue: first.value, baselineDate: first.measuredOn, baselineSource: `Eerste kwartaal van de urenregistratie (${first.measuredOn.slice(0, 4)}, synthetische demo-uren)`,
  });
  await addTarget(ctx, kpi.id, { targetDate: '2026-12-31', value: input.target(Number(first.value)), setOn: '2026-01-13', source: `${SYNTHETIC}: streefwaarde ter illustratie` });
  return withBaseline;
}

const round = (n: number) => (Math.round(n * 100) / 100).toFixed(2);

/** Walks a goal up to `until`, with synthetic decisions in early 2026. */
async function approve(ctx: Ctx, goalId: string, version: number, until: 'voorgelegd-aan-college' | 'aangeboden-aan-raad' | 'vastgesteld') {
  const steps = [
    { to: 'voorgelegd-aan-college', decidedOn: '2026-01-13', decisionReference: 'Collegebesluiten Heemstede en Bloemendaal 13-01-2026 (synthetisch)' },
    { to: 'aangeboden-aan-raad', decidedOn: '2026-02-05', decisionReference: 'Raadsvoorstel (B-stuk) doelen ambtelijke samenwerking 2026 (synthetisch)' },
    { to: 'vastgesteld', decidedOn: '2026-03-26', decisionReference: 'Raadsbesluiten Heemstede en Bloemendaal 26-03-2026 (synthetisch)' },
  ] as const;
  let v = version;
  for (const step of steps) {
    const { goal } = await transitionGoal(ctx, goalId, v, { ...step, note: SYNTHETIC });
    v = goal.version;
    if (step.to === until) return;
  }
}

export async function loadDemoGoals(ctx: Ctx, onStep: (label: string) => void = () => {}): Promise<void> {
  onStep('Doelen, indicatoren en metingen');
  const slug = HB.slug;
  const recs = [];
  for (const [i, text] of RECOMMENDATIONS.entries()) recs.push(await createRecommendation(ctx, slug, { source: RKC, number: String(i + 1), text }));
  const po = await findTeamId(ctx, slug, 'p-en-o');
  const ict = await findTeamId(ctx, slug, 'informatisering');

  // Kwetsbaarheid, P&O: seed 003 P&O B.2 "Continuïteit in bezetting salarisadministratie gewaarborgd, niet meer kwetsbaar".
  const vulnerable = await createGoal(ctx, slug, {
    title: 'Salarisadministratie niet meer kwetsbaar', criterion: 'kwetsbaarheid', teamId: po, ownerName: 'Teammanager P&O', recommendationId: recs[0].id,
    description: 'Continuïteit in de bezetting van de salarisadministratie is gewaarborgd doordat medewerkers van beide gemeenten elkaar vervangen en voor beide organisaties werken.',
    source: `${SRC.factsheets}, P&O, B. Opbrengst kwalitatief, punt 2; indicatoren en streefwaarden: ${SYNTHETIC.toLowerCase()}`,
  });
  await derivedKpi(ctx, vulnerable.id, { name: 'Vervangingsuren P&O per kwartaal', direction: 'hoger-is-beter', derivation: 'vervangingsuren-per-kwartaal', target: (b) => round(b * 1.1) });
  await derivedKpi(ctx, vulnerable.id, { name: 'Aandeel uren P&O voor de andere gemeente', direction: 'hoger-is-beter', derivation: 'aandeel-uren-andere-gemeente', target: () => '45' });
  await approve(ctx, vulnerable.id, vulnerable.version, 'vastgesteld');

  // Efficiency, hele samenwerking: the cost of the cooperation itself (PRODUCT.md, seed 000 §5.4.1).
  const overhead = await createGoal(ctx, slug, {
    title: 'Tijd voor de samenwerking zelf zichtbaar en beheerst', criterion: 'efficiency-kosten', ownerName: 'Directie Heemstede–Bloemendaal', recommendationId: recs[1].id,
    description: 'De rekenkamercommissie kon de kosten van de samenwerking niet bepalen omdat de bestede tijd niet werd geregistreerd. Afstemming, overleg en reistijd worden nu geregistreerd en mogen niet groeien.',
    source: `${SRC.rkc}, §5.4.1; streefwaarde: ${SYNTHETIC.toLowerCase()}`,
  });
  await derivedKpi(ctx, overhead.id, { name: 'Uren aan de samenwerking zelf per kwartaal (alle teams)', direction: 'lager-is-beter', derivation: 'samenwerkingsuren-per-kwartaal', target: (b) => round(b * 0.9) });
  // BBV mandatory indicators of both municipalities together, from their (synthetic) annual figures and inhabitants.
  for (const [name, derivation, direction] of [
    ['Externe inhuur als % van loonsom plus inhuur (BBV, beide gemeenten)', 'bbv-externe-inhuur', 'lager-is-beter'],
    ['Bezetting in fte per 1.000 inwoners (BBV, beide gemeenten)', 'bbv-bezetting-per-1000-inwoners', 'lager-is-beter'],
  ] as const) {
    const kpi = await createKpi(ctx, overhead.id, { name, direction, derivation, deadline: '2026-12-31', source: 'Jaarcijfers en inwoners van Heemstede en Bloemendaal (synthetische demo-jaarcijfers)' });
    const first = (await deriveMeasurements(ctx, kpi.id)).measurements[0];
    if (!first) continue; // no complete year of figures: no baseline to take
    await updateKpi(ctx, kpi.id, kpi.version, {
      baselineValue: first.value, baselineDate: first.measuredOn, baselineSource: `Jaarcijfers ${first.measuredOn.slice(0, 4)} (synthetische demo-jaarcijfers)`,
    });
    await addTarget(ctx, kpi.id, { targetDate: '2026-12-31', value: round(Number(first.value) * 0.9), setOn: '2026-01-13', source: `${SYNTHETIC}: streefwaarde ter illustratie` });
  }
  await approve(ctx, overhead.id, overhead.version, 'aangeboden-aan-raad');

  // Efficiency, P&O: seed 003 P&O C.1 and C.2 — one-off figures, no target, no recent measurement (incomplete on purpose).
  const hiring = await createGoal(ctx, slug, {
    title: 'Minder inhuur- en leidinggevendenkosten P&O', criterion: 'efficiency-kosten', teamId: po, ownerName: 'Teammanager P&O',
    description: 'Gezamenlijk invoeren en organiseren kost minder dan twee keer alleen (factsheet P&O).', source: `${SRC.factsheets}, P&O, C. Opbrengst kwantitatief`,
  });
  const hr21 = await createKpi(ctx, hiring.id, {
    name: 'Consultancykosten invoering HR21 (beide gemeenten samen)', unit: 'euro', direction: 'lager-is-beter',
    baselineValue: 40000, baselineDate: '2017-01-01', baselineSource: `${SRC.factsheets}, P&O C.2: "als 2 gemeenten ingevoerd: consultancykosten €20.000 per gemeente" (2 × € 20.000; jaar bij benadering)`,
    source: SRC.factsheets,
  });
  await recordMeasurement(ctx, hr21.id, { measuredOn: '2017-12-31', value: 30000, source: `${SRC.factsheets}, P&O C.2: "consultant bij invoering HR21, nu €30.000" (datum bij benadering)` });
  const managers = await createKpi(ctx, hiring.id, {
    name: 'Aantal leidinggevenden P&O', unit: 'aantal', direction: 'lager-is-beter',
    baselineValue: 2, baselineDate: '2015-12-31', baselineSource: `${SRC.factsheets}, P&O C.1 "Van 2 naar 1 leidinggevende" (datum bij benadering)`, source: SRC.factsheets,
  });
  await recordMeasurement(ctx, managers.id, { measuredOn: '2016-01-01', value: 1, source: `${SRC.rkc}, §6.4 en vijfde voortgangsrapportage: eenhoofdige leiding (datum bij benadering)` });

  // Kwaliteit, hele samenwerking: residents' satisfaction 8,1 (Deloitte 2015) vs 7,7 in similar municipalities — no owner, no target.
  const residents = await createGoal(ctx, slug, {
    title: 'Inwoners blijven tevreden over de gemeente als dienstverlener', criterion: 'kwaliteit-dienstverlening',
    description: 'Heemstede scoort hoger dan vergelijkbare gemeenten (7,7); dat moet zo blijven nu de bedrijfsvoering gedeeld is.', source: `${SRC.rkc}, §5.4.2`,
  });
  await createKpi(ctx, residents.id, {
    name: 'Tevredenheid inwoners als klant (rapportcijfer)', unit: 'cijfer (1-10)', direction: 'hoger-is-beter',
    baselineValue: 8.1, baselineDate: '2015-12-31', baselineSource: `${SRC.rkc}, §5.4.2: onderzoek Deloitte 2015, gemiddeld 8,1 tegen 7,7 in soortgelijke gemeenten (datum bij benadering)`,
    source: 'Inwonerspeiling',
  });

  // ICT (recommendation 5): 80% of applications differed at the start (CapGemini business case 2013, seed 000 §6.2).
  const apps = await createGoal(ctx, slug, {
    title: 'Applicaties van beide gemeenten geharmoniseerd', criterion: 'efficiency-kosten', teamId: ict, ownerName: 'Teammanager Informatisering', recommendationId: recs[4].id,
    description: 'Minder verschillende applicaties betekent minder beheer en licenties en maakt gelijke werkprocessen mogelijk.', source: `${SRC.rkc}, §2.1.3 en §6.2`,
  });
  await createKpi(ctx, apps.id, {
    name: 'Aandeel applicaties dat verschilt tussen de gemeenten', unit: '%', direction: 'lager-is-beter',
    baselineValue: 80, baselineDate: '2013-06-01', baselineSource: `${SRC.rkc}, §6.2: business case CapGemini 2013, "80% van de applicaties van beide gemeenten verschillen"`,
    source: 'Applicatieportfolio',
  });
}
