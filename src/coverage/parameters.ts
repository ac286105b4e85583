/**
 * The named, editable assumptions of a disentanglement scenario. Nothing in a scenario's
 * result is a hidden constant: every amount is data times one of these, and each result
 * lists the values it used. Pure.
 */
export const SCENARIO_PARAMETERS = [
  { key: 'recruitmentPerFteCents', label: 'Wervings- en inwerkkosten per fte', unit: 'euro', defaultValue: 1_500_000, min: 0, max: 100_000_000, explanation: 'eenmalig, per fte tekort na de splitsing en per extra leidinggevende' },
  { key: 'yearlyCostPerFteCents', label: 'Loonkosten per fte per jaar', unit: 'euro', defaultValue: 8_500_000, min: 0, max: 100_000_000, explanation: 'structureel: een gemeente die meer fte gebruikt dan zij in dienst heeft, moet het verschil zelf aannemen' },
  { key: 'surplusReductionPct', label: 'Deel van een fte-overschot dat wordt afgebouwd', unit: '%', defaultValue: 0, min: 0, max: 100, explanation: 'een gemeente met meer fte in dienst dan zij gebruikt bespaart alleen op het deel dat zij afbouwt' },
  { key: 'managerYearlyCostCents', label: 'Loonkosten van een extra leidinggevende per jaar', unit: 'euro', defaultValue: 11_000_000, min: 0, max: 100_000_000, explanation: 'structureel, voor elke gemeente die de gedeelde leidinggevende niet houdt' },
  { key: 'qualificationCostCents', label: 'Opleidingskosten per ontbrekende gekwalificeerde', unit: 'euro', defaultValue: 500_000, min: 0, max: 100_000_000, explanation: 'eenmalig, om na de splitsing per functie weer zoveel gekwalificeerden te hebben als samen (tot het benodigde aantal)' },
  { key: 'migrationPerApplicationCents', label: 'Migratiekosten per te splitsen applicatie', unit: 'euro', defaultValue: 2_500_000, min: 0, max: 100_000_000, explanation: 'eenmalig, per gemeente die een gedeelde applicatie blijft gebruiken' },
  { key: 'contractSplitCents', label: 'Kosten per te splitsen contract (aanbesteding, onderhandeling)', unit: 'euro', defaultValue: 500_000, min: 0, max: 100_000_000, explanation: 'eenmalig, per gemeente die een gedeeld contract (schoonmaak, catering, advies) blijft afnemen' },
  { key: 'legalAdviceCents', label: 'Juridisch advies en begeleiding per gemeente', unit: 'euro', defaultValue: 2_500_000, min: 0, max: 100_000_000, explanation: 'eenmalig, per gemeente of groep gemeenten na de splitsing' },
  { key: 'fixedPriceAfterSplitPct', label: 'Prijs van een eigen contract bij een vaste prijs, als % van de gedeelde prijs', unit: '%', defaultValue: 100, min: 0, max: 500, explanation: 'wat elke gemeente na de splitsing betaalt voor een licentie of contract met een vaste jaarprijs' },
  { key: 'fixedCostSharePct', label: 'Aandeel in vaste kosten vóór de splitsing naar inwonertal (rest gelijk verdeeld)', unit: '%', defaultValue: 100, min: 0, max: 100, explanation: '100% = vaste kosten verdeeld naar inwoners, 0% = gelijk per gemeente' },
] as const;

export type ParameterKey = (typeof SCENARIO_PARAMETERS)[number]['key'];
export type ScenarioParameters = Record<ParameterKey, number>;

export const DEFAULT_PARAMETERS: ScenarioParameters = Object.fromEntries(SCENARIO_PARAMETERS.map((p) => [p.key, p.defaultValue])) as ScenarioParameters;

export const parameterInfo = (key: ParameterKey) => SCENARIO_PARAMETERS.find((p) => p.key === key)!;

/** The value as shown next to a result: euro amounts in Dutch notation, percentages with %. */
export function showParameter(key: ParameterKey, value: number, money: (cents: number) => string): string {
  return parameterInfo(key).unit === 'euro' ? money(value) : `${value.toLocaleString('nl-NL')}%`;
}
