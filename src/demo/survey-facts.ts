/**
 * Survey aggregates from the audit-office report (seed 000) §5.4.2 "Kwaliteit": the
 * employees' view of the cooperation (MTO 2016 and the enquête of March 2017) and the
 * residents' satisfaction (Deloitte 2015). Figures exactly as printed, with the number of
 * decimals the report uses (2016 in tenths; 2017 mostly in hundredths, 5,7 and 5,9 in tenths).
 *
 * All questions are published: the report that holds them is itself public.
 */
import type { Survey, SurveyScale } from '../goals/survey.ts';

const RAPPORT = 'Rekenkamercommissie Heemstede, rekenkameronderzoek ambtelijke samenwerking, eindrapport 1 november 2017';

/** Where the employee table is. */
export const SOURCE_MEDEWERKERS = `${RAPPORT}, §5.4.2 "Kwaliteit", "Tevredenheid medewerkers", tabel met vijf enquêtevragen (hoofdstuk 5.4 vanaf p. 38)`;
/** Where the residents' figure is. */
export const SOURCE_INWONERS = `${RAPPORT}, §5.4.2 "Kwaliteit", "Tevredenheid inwoners" (hoofdstuk 5.4 vanaf p. 38); onderzoek Deloitte 2015`;

/** "cijfer 7,65 (schaal 1 – 10)"; the report gives the scale for 2017 and uses the same for 2016. */
const RAPPORTCIJFER: SurveyScale = { min: 1, max: 10, omschrijving: 'rapportcijfer 1–10' };

const QUESTIONS = [
  'Hoe beoordeel jij de samenwerking met collega\'s van de andere gemeente?',
  'Hoe beoordeel jij de bekendheid met de collega\'s van de andere gemeente?',
  'Hoe beoordeel jij de toegevoegde waarde van de samenwerking?',
  'Hoe beoordeel jij de communicatie rondom de samenwerking?',
  'Hoe beoordeel jij de manier waarop de samenwerking wordt vormgegeven?',
];

/**
 * The table of §5.4.2, one row per question: [MTO 2016 (Heemstede), gewogen gemiddelde
 * 2017 totaal, gewogen gemiddelde 2017 op gebied van bedrijfsvoering], as printed.
 */
export const SURVEY_TABLE_542: readonly [string, string, string][] = [
  ['5,7', '6,66', '7,65'],
  ['5,7', '5,7', '6,59'],
  ['5,1', '6,36', '6,78'],
  ['5,0', '5,9', '6,26'],
  ['4,9', '5,71', '6,36'],
];

const COLUMNS = [
  { momentId: 'mto-2016', groepId: 'heemstede' },
  { momentId: 'enquete-2017', groepId: 'totaal' },
  { momentId: 'enquete-2017', groepId: 'bedrijfsvoering' },
] as const;

/** "6,66" → 666 hundredths and 2 decimals. */
const printed = (text: string) => {
  const [whole, fraction = ''] = text.split(',');
  return { gemiddeldeHonderdsten: Number(whole) * 100 + Number(fraction.padEnd(2, '0')), decimalen: fraction.length as 0 | 1 | 2 };
};

/** MTO 2016 and enquête 2017 on the cooperation with Bloemendaal. */
export const SURVEY_SAMENWERKING: Survey = {
  id: 'tevredenheid-samenwerking',
  naam: 'Tevredenheid medewerkers over de samenwerking Bloemendaal–Heemstede',
  vragen: QUESTIONS.map((tekst, i) => ({ id: `vraag-${i + 1}`, nummer: i + 1, tekst, schaal: RAPPORTCIJFER, published: true })),
  momenten: [
    {
      id: 'mto-2016', jaar: 2016, label: 'MTO mei 2016', soort: 'mto',
      populatie: 'medewerkers van de gemeente Heemstede',
      bron: `${SOURCE_MEDEWERKERS}; kolom "Resultaat MTO 2016 (specifiek voor gemeente Heemstede)"; Rapportage Heemstede MTO 2016`,
    },
    {
      id: 'enquete-2017', jaar: 2017, label: 'Enquête samenwerking maart 2017', soort: 'enquete',
      populatie: '152 medewerkers van Heemstede en Bloemendaal (25% bedrijfsvoering, 75% primair proces)',
      bron: `${SOURCE_MEDEWERKERS}; kolommen "Gewogen gemiddelde 2017 totaal" en "… op gebied van bedrijfsvoering"; Resultaten Enquête Samenwerking Bloemendaal - Heemstede maart 2017`,
    },
  ],
  groepen: [
    { id: 'heemstede', label: 'Medewerkers Heemstede' },
    { id: 'totaal', label: 'Totaal (gewogen gemiddelde)' },
    { id: 'bedrijfsvoering', label: 'Op gebied van bedrijfsvoering (gewogen gemiddelde)' },
  ],
  // n is not printed: "onder 152 medewerkers" does not say how many answered, or per group.
  resultaten: SURVEY_TABLE_542.flatMap((row, i) => row.map((text, c) => ({
    vraagId: `vraag-${i + 1}`, ...COLUMNS[c], ...printed(text), percentageHonderdsten: null, n: null,
  }))),
};

/**
 * Deloitte 2015: the resident as customer of the municipality, 8,1 against 7,7 in similar
 * municipalities. The report names no scale; 1–10 is assumed from the figures.
 */
export const SURVEY_INWONERS: Survey = {
  id: 'tevredenheid-inwoners-2015',
  naam: 'Tevredenheid inwoners (Deloitte 2015)',
  vragen: [{ id: 'inwoner-als-klant', nummer: 1, tekst: 'Tevredenheid van de inwoner als klant van de gemeente', schaal: RAPPORTCIJFER, published: true }],
  momenten: [{ id: 'deloitte-2015', jaar: 2015, label: 'Onderzoek Deloitte 2015', soort: 'inwonerspeiling', populatie: 'inwoners', bron: SOURCE_INWONERS }],
  groepen: [
    { id: 'heemstede', label: 'Heemstede' },
    { id: 'soortgelijke-gemeenten', label: 'Gemiddelde soortgelijke gemeenten' },
  ],
  resultaten: [
    { vraagId: 'inwoner-als-klant', momentId: 'deloitte-2015', groepId: 'heemstede', gemiddeldeHonderdsten: 810, percentageHonderdsten: null, decimalen: 1, n: null },
    { vraagId: 'inwoner-als-klant', momentId: 'deloitte-2015', groepId: 'soortgelijke-gemeenten', gemiddeldeHonderdsten: 770, percentageHonderdsten: null, decimalen: 1, n: null },
  ],
};
