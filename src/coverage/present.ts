/**
 * View models of a scenario result: the result plus every assumption with its label and
 * value, and the data facts it rests on, so a page, export or report can show each figure
 * next to where it came from.
 */
import { SCENARIO_PARAMETERS, showParameter } from './parameters.ts';
import type { ScenarioInput, ScenarioResult } from './scenario.ts';
import type { CooperationFacts } from './facts.service.ts';
import { formatCents, formatDate, formatFte } from '../platform/i18n/format.ts';

export function presentResult(result: ScenarioResult, input: ScenarioInput, facts: CooperationFacts) {
  const leavingMember = facts.members.find((m) => m.id === result.leaving);
  const employedTotal = Object.values(input.employedFteMilli).reduce((a, b) => a + b, 0);
  const keeper = facts.members.find((m) => m.id === input.team.managerMunicipalityId);
  return {
    ...result,
    leavingCode: leavingMember?.cbsCode ?? 'alle',
    leavingWords: leavingMember ? `${leavingMember.name} treedt uit` : 'volledige ontvlechting: elke gemeente gaat alleen verder',
    assumptions: SCENARIO_PARAMETERS.map((p) => ({ key: p.key, label: p.label, unit: p.unit, explanation: p.explanation, value: result.parameters[p.key], shown: showParameter(p.key, result.parameters[p.key], formatCents), isDefault: result.parameters[p.key] === p.defaultValue })),
    data: [
      { label: 'Peildatum (functies, kwalificaties, fte, leden)', value: formatDate(result.day) },
      { label: 'Uren per gemeente (urenregistratie)', value: `${formatDate(facts.hours.from)} t/m ${formatDate(facts.hours.to)}: ${facts.members.map((m) => `${m.name} ${formatHours(input.servedMinutes[m.id] ?? 0)}`).join(', ')}` },
      { label: 'Fte in dienst in het team (register)', value: `${facts.members.map((m) => `${m.name} ${formatFte(input.employedFteMilli[m.id] ?? 0)}`).join(', ')}; totaal ${formatFte(employedTotal)}` },
      { label: 'Fte gebruikt per gemeente', value: `fte in dienst in het team (totaal ${formatFte(employedTotal)}) × aandeel van de gemeente in de uren van het team; het verschil met het fte in dienst is het tekort of overschot na de splitsing` },
      { label: 'Inwoners (register)', value: facts.members.map((m) => `${m.name} ${m.inhabitantsKnown ? m.inhabitants.toLocaleString('nl-NL') : 'onbekend (0 gerekend)'}`).join(', ') },
      { label: 'Eén leidinggevende', value: input.team.sharedManager ? `ja (mate van vervlechting 3 of hoger); blijft bij ${keeper?.name ?? 'onbekend'} (trekker of grootste werkgever in het team)` : 'nee (mate van vervlechting lager dan 3): geen leidinggevende te verdubbelen' },
      { label: 'Functies en licenties/contracten van het team', value: `${input.functions.length} functies; ${input.agreements.filter((a) => a.kind === 'applicatie').length} applicaties, ${input.agreements.filter((a) => a.kind === 'contract').length} gedeelde contracten` },
    ],
    warnings: [
      ...(result.hoursAvailable ? [] : ['Er zijn geen uren van dit team in de gekozen periode: het gebruikte fte is gelijk gesteld aan het fte in dienst, dus het fte-tekort is 0. Kies een periode met uren.']),
      ...facts.members.filter((m) => !m.inhabitantsKnown).map((m) => `Van ${m.name} is geen inwonertal vastgelegd; kosten per inwoner rekenen met 0.`),
    ],
  };
}
export type ScenarioView = ReturnType<typeof presentResult>;

const formatHours = (minutes: number) => `${(minutes / 60).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} uur`;
