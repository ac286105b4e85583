/**
 * The fixed lists of the goals capability and their Dutch words: test criteria
 * (toetsingscriteria), the approval statuses of a goal, the direction of a KPI and the
 * kinds of measurement derived from the hours ledger and the register. Pure.
 */
import { BBV_DERIVATIONS } from './bbv-indicators.ts';

/** The audit office's test criteria (seed 000 §2.1.1) plus the two the councils asked for (seed 004). */
export const CRITERIA = ['kwaliteit-dienstverlening', 'kwetsbaarheid', 'efficiency-kosten', 'aantrekkelijk-werkgeverschap', 'inwoners'] as const;
export type Criterion = (typeof CRITERIA)[number];

export const CRITERION_WORDS: Record<Criterion, string> = {
  'kwaliteit-dienstverlening': 'Kwaliteit van de dienstverlening',
  kwetsbaarheid: 'Minder kwetsbaarheid',
  'efficiency-kosten': 'Efficiency en kosten',
  'aantrekkelijk-werkgeverschap': 'Aantrekkelijk werkgeverschap',
  inwoners: 'Wat het de inwoners oplevert',
};

/** The approval route of a goal, in order: the council adopts it as a B-stuk (seed 000 §2.2, recommendation 2). */
export const GOAL_STATUSES = ['concept', 'voorgelegd-aan-college', 'aangeboden-aan-raad', 'vastgesteld'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const STATUS_WORDS: Record<GoalStatus, string> = {
  concept: 'Concept',
  'voorgelegd-aan-college': 'Voorgelegd aan het college',
  'aangeboden-aan-raad': 'Aangeboden aan de raad (B-stuk)',
  vastgesteld: 'Vastgesteld door de raad',
};

export const DIRECTIONS = ['hoger-is-beter', 'lager-is-beter'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const DIRECTION_WORDS: Record<Direction, string> = {
  'hoger-is-beter': 'hoger is beter',
  'lager-is-beter': 'lager is beter',
};

/** Measurements computed from the hours ledger, per completed quarter. */
export const LEDGER_DERIVATIONS = ['aandeel-uren-andere-gemeente', 'vervangingsuren-per-kwartaal', 'samenwerkingsuren-per-kwartaal', 'kosten-per-fte-per-kwartaal'] as const;
export type LedgerDerivation = (typeof LEDGER_DERIVATIONS)[number];
/** Measured per quarter end from the qualifications of the coverage capability. */
export const COVERAGE_DERIVATIONS = ['eenpitters-per-kwartaal'] as const;
/** Measurements computed per year from the register: the BBV mandatory indicators (bbv-indicators.ts). */
export const DERIVATIONS = [...LEDGER_DERIVATIONS, ...COVERAGE_DERIVATIONS, ...BBV_DERIVATIONS] as const;
export type Derivation = (typeof DERIVATIONS)[number];

export interface DerivationInfo {
  label: string;
  unit: string;
  /** Decimals the derived value is rounded to (half away from zero). */
  decimals: number;
  explanation: string;
  /** Where the figures truly come from, as it reads after "Afgeleid uit" (issue 16: one label said the hours ledger for all). */
  source: string;
}

export const DERIVATION_INFO: Record<Derivation, DerivationInfo> = {
  'aandeel-uren-andere-gemeente': {
    label: 'Aandeel uren voor een andere gemeente dan de werkgever', unit: '%', decimals: 2,
    explanation: 'uren die medewerkers werkten voor een andere deelnemende gemeente dan hun werkgever, gedeeld door alle geregistreerde uren, per kwartaal',
    source: 'de urenregistratie',
  },
  'vervangingsuren-per-kwartaal': {
    label: 'Uren vervanging van collega’s per kwartaal', unit: 'uur', decimals: 2,
    explanation: 'geregistreerde uren met activiteit vervanging, per kwartaal',
    source: 'de urenregistratie',
  },
  'samenwerkingsuren-per-kwartaal': {
    label: 'Uren aan de samenwerking zelf per kwartaal', unit: 'uur', decimals: 2,
    explanation: 'geregistreerde uren met activiteit samenwerking (afstemming, overleg, reistijd), per kwartaal',
    source: 'de urenregistratie',
  },
  'kosten-per-fte-per-kwartaal': {
    label: 'Kosten per fte (jaarbasis) per kwartaal', unit: '€ per fte', decimals: 2,
    explanation: 'kosten van de geregistreerde uren (uren × kostentarief) gedeeld door die uren, maal 1.872 uur per fte-jaar, per kwartaal; uren zonder bekend tarief tellen niet mee',
    source: 'de urenregistratie',
  },
  'eenpitters-per-kwartaal': {
    label: 'Eenpitters (samenwerking samen) per kwartaal', unit: 'aantal', decimals: 0,
    explanation: 'functies met precies één gekwalificeerde medewerker (primair of achtervang) in de samenwerking samen, op elk kwartaaleinde, uit de kwalificaties van het onderdeel dekking',
    source: 'de kwalificaties per functie (kwetsbaarheid en dekking)',
  },
  'bbv-formatie-per-1000-inwoners': {
    label: 'BBV: formatie in fte per 1.000 inwoners', unit: 'fte per 1.000 inwoners', decimals: 2,
    explanation: 'som van de formatie van de deelnemende gemeenten (jaarcijfers) gedeeld door hun inwoners (CBS), maal 1.000, per jaar',
    source: 'de jaarcijfers en de inwonertallen (CBS) van de deelnemende gemeenten',
  },
  'bbv-bezetting-per-1000-inwoners': {
    label: 'BBV: bezetting in fte per 1.000 inwoners', unit: 'fte per 1.000 inwoners', decimals: 2,
    explanation: 'som van de bezetting van de deelnemende gemeenten (jaarcijfers) gedeeld door hun inwoners (CBS), maal 1.000, per jaar',
    source: 'de jaarcijfers en de inwonertallen (CBS) van de deelnemende gemeenten',
  },
  'bbv-apparaatskosten-per-inwoner': {
    label: 'BBV: apparaatskosten per inwoner', unit: '€ per inwoner', decimals: 2,
    explanation: 'som van de apparaatskosten van de deelnemende gemeenten gedeeld door hun inwoners, per jaar',
    source: 'de jaarcijfers en de inwonertallen (CBS) van de deelnemende gemeenten',
  },
  'bbv-externe-inhuur': {
    label: 'BBV: externe inhuur als % van loonsom plus inhuur', unit: '%', decimals: 2,
    explanation: 'kosten externe inhuur gedeeld door (loonsom + kosten externe inhuur) van de deelnemende gemeenten samen, per jaar',
    source: 'de jaarcijfers en de inwonertallen (CBS) van de deelnemende gemeenten',
  },
  'bbv-overhead': {
    label: 'BBV: overhead als % van de totale lasten', unit: '%', decimals: 2,
    explanation: 'overhead gedeeld door de totale lasten van de deelnemende gemeenten samen, per jaar',
    source: 'de jaarcijfers en de inwonertallen (CBS) van de deelnemende gemeenten',
  },
};

export const criterionWords = (v: string) => CRITERION_WORDS[v as Criterion] ?? v;
export const statusWords = (v: string) => STATUS_WORDS[v as GoalStatus] ?? v;
export const directionWords = (v: string) => DIRECTION_WORDS[v as Direction] ?? v;
