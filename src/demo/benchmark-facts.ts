/**
 * Appendix D of the audit-office report (seed 000) as benchmark inputs: Berenschot's
 * benchmarks of Heemstede's overhead taakvelden, 2012 (formation only) and 2017 (formation
 * and cost), plus the comparison of chapter 7.3.
 *
 * What the report prints and what it does not:
 * - own fte, own share of total formation, the reference share (0,1%), the deviation in fte
 *   (0,1 fte) and in % (0,1% in 2012, whole % in 2017); in 2017 own cost and the cost
 *   deviation in whole euros and whole %; the 2012 total formation (165,95 fte), not 2017's.
 * - not the reference fte: the rounded share (1,7%) is too coarse to reproduce +5,5%. It
 *   is reconstructed here as eigen fte ÷ (1 + afwijking %), to the thousandth;
 *   `referentieMilliFteBereik` is every value that reproduces all printed figures of the
 *   row (share where a total is known, deviation in fte, deviation in %).
 * - not the reference cost: it is exactly eigen kosten − afwijking, both printed in euros.
 *
 * `gepubliceerd` holds the printed figures in normalised notation: spaces after the sign
 * removed ("+ 0,4 fte" → "+0,4") and a `+` added where the 2017 table omits it ("43%").
 */
import type { BenchmarkInput } from '../goals/benchmark.ts';

const RAPPORT = 'Rekenkamercommissie Heemstede, rekenkameronderzoek ambtelijke samenwerking, eindrapport 1 november 2017';
const SOURCE_2012 = `${RAPPORT}, bijlage D "Analyse benchmarkonderzoeken 2012 en 2017" (vanaf p. 62), tabel "Resultaat benchmarkonderzoek 2012"; bron: Berenschot-benchmarkonderzoek 2012`;
const SOURCE_2017 = `${RAPPORT}, bijlage D (vanaf p. 62), tabel "Resultaat benchmarkonderzoek 2017"; bron: Berenschot-benchmarkonderzoek 2017, peildatum vastgestelde formatie 1-1-2017 + begroting 2017`;
const SOURCE_73 = `${RAPPORT}, hoofdstuk 7.3 "Vergelijking van resultaten op hoofdlijnen" (p. 55)`;

/** Whole euros as printed → cents. */
const euro = (euros: number) => euros * 100;

/** One printed row of appendix D with the inputs that reproduce it. */
export interface BenchmarkFact {
  /** The taakveld as the table names it. */
  label: string;
  input: BenchmarkInput;
  gepubliceerd: {
    fte: string;
    eigenAandeel: string;
    referentieAandeel: string;
    afwijkingFte: string;
    afwijkingFtePct: string;
    kosten?: { eigen: string; afwijking: string; afwijkingPct: string };
  };
  /** Reference thousandths of fte (inclusive) that reproduce every printed figure of the row. */
  referentieMilliFteBereik: [number, number];
  source: string;
  note?: string;
}

/** Heemstede's total formation 2012: "165,95 fte (7% lager dan gemiddeld)", of which 60,38 fte overhead (36,4%). */
export const TOTALE_FORMATIE_2012 = { milliFte: 165_950, overheadMilliFte: 60_380, overheadPct: '36,4', source: SOURCE_2012 } as const;

/**
 * Overhead 2017 as a whole, of which the table's taakvelden are a part: "5% hoger
 * (€ 250.393)" in cost and "10% lager (-5,3 fte)" in formation. The report gives no
 * reference behind these, so they are kept as printed, not as inputs.
 */
export const OVERHEAD_2017 = { afwijkingKostenCents: euro(250_393), afwijkingKostenPct: '+5', afwijkingFte: '-5,3', afwijkingFtePct: '-10', source: SOURCE_2017 } as const;

const row2012 = (taakveld: string, label: string, eigenMilliFte: number, referentieMilliFte: number, bereik: [number, number], printed: BenchmarkFact['gepubliceerd'], note?: string): BenchmarkFact => ({
  label,
  input: {
    taakveld, jaar: 2012, eigenMilliFte, totaleMilliFte: TOTALE_FORMATIE_2012.milliFte,
    referentie: { soort: 'fte', milliFte: referentieMilliFte }, eigenKostenCents: null, referentieKostenCents: null,
  },
  gepubliceerd: printed,
  referentieMilliFteBereik: bereik,
  source: SOURCE_2012,
  ...(note ? { note } : {}),
});

/** Appendix D, 2012: formation only (the 2012 method compared no cost). */
export const BENCHMARK_2012: BenchmarkFact[] = [
  row2012('juridische-zaken', 'Juridische Zaken, incl. secretariaat', 2950, 2796, [2795, 2797],
    { fte: '2,95', eigenAandeel: '1,8', referentieAandeel: '1,7', afwijkingFte: '+0,2', afwijkingFtePct: '+5,5' }),
  row2012('personeel-en-organisatie', 'Personeel & Organisatie, incl. secretariaat', 4980, 4531, [4531, 4533],
    { fte: '4,98', eigenAandeel: '3,0', referentieAandeel: '2,7', afwijkingFte: '+0,4', afwijkingFtePct: '+9,9' }),
  row2012('communicatie', 'Communicatie en Kwaliteitszorg', 2800, 3271, [3270, 3272],
    { fte: '2,80', eigenAandeel: '1,7', referentieAandeel: '2,0', afwijkingFte: '-0,5', afwijkingFtePct: '-14,4' },
    'In 2017 heet het taakveld "Communicatie" (zonder Kwaliteitszorg); hoofdstuk 7.3 vergelijkt ze als één taakveld.'),
  row2012('financien-en-control', 'Financiën & Control, incl. secretariaat', 9480, 10834, [10830, 10840],
    { fte: '9,48', eigenAandeel: '5,7', referentieAandeel: '6,5', afwijkingFte: '-1,4', afwijkingFtePct: '-12,5' }),
  row2012('informatisering-en-automatisering', 'Informatisering en Automatisering, incl. secretariaat', 8750, 4927, [4926, 4928],
    { fte: '8,75', eigenAandeel: '5,3', referentieAandeel: '3,0', afwijkingFte: '+3,8', afwijkingFtePct: '+77,6' }),
  row2012('facilitaire-dienst-en-inkoop', 'Facilitaire dienst, incl. Inkoop', 14830, 15432, [15424, 15439],
    { fte: '14,83', eigenAandeel: '8,9', referentieAandeel: '9,3', afwijkingFte: '-0,6', afwijkingFtePct: '-3,9' },
    'Inclusief Inkoop; in 2017 staan Facilitaire dienst en Inkoop apart in de tabel.'),
];

const row2017 = (taakveld: string, label: string, eigenMilliFte: number, referentieMilliFte: number, bereik: [number, number], eigenEuro: number, afwijkingEuro: number, printed: BenchmarkFact['gepubliceerd'], note?: string): BenchmarkFact => ({
  label,
  input: {
    taakveld, jaar: 2017, eigenMilliFte, totaleMilliFte: null,
    referentie: { soort: 'fte', milliFte: referentieMilliFte },
    eigenKostenCents: euro(eigenEuro),
    referentieKostenCents: euro(eigenEuro) - euro(afwijkingEuro),
  },
  gepubliceerd: printed,
  referentieMilliFteBereik: bereik,
  source: SOURCE_2017,
  ...(note ? { note } : {}),
});

/**
 * Appendix D, 2017: formation and cost. The 2017 total formation is not printed (the own
 * shares fit a total between about 161,6 and 163,6 fte), so shares are not inputs here.
 */
export const BENCHMARK_2017: BenchmarkFact[] = [
  row2017('juridische-zaken', 'Juridische Zaken', 3690, 2580, [2572, 2589], 294_556, 78_988,
    { fte: '3,69', eigenAandeel: '2,3', referentieAandeel: '1,6', afwijkingFte: '+1,1', afwijkingFtePct: '+43', kosten: { eigen: '294.556', afwijking: '+78.988', afwijkingPct: '+37' } },
    'De toelichting noemt +37% "kosten per fte"; het is de afwijking van de totale kosten. Per fte liggen de kosten onder de referentie.'),
  row2017('personeel-en-organisatie', 'Personeel & Organisatie', 4930, 4740, [4718, 4763], 369_042, -5_378,
    { fte: '4,93', eigenAandeel: '3,0', referentieAandeel: '2,9', afwijkingFte: '+0,2', afwijkingFtePct: '+4', kosten: { eigen: '369.042', afwijking: '-5.378', afwijkingPct: '-1' } }),
  row2017('inkoop', 'Inkoop', 400, 488, [485, 490], 179_540, 109_074,
    { fte: '0,40', eigenAandeel: '0,2', referentieAandeel: '0,3', afwijkingFte: '-0,1', afwijkingFtePct: '-18', kosten: { eigen: '179.540', afwijking: '+109.074', afwijkingPct: '+155' } },
    '90% van de taken is belegd bij derden (referentie 42%); de toelichting noemt +155% "kosten per fte", maar het is de afwijking van de totale kosten.'),
  row2017('communicatie', 'Communicatie', 2760, 3680, [3656, 3704], 193_683, -47_555,
    { fte: '2,76', eigenAandeel: '1,7', referentieAandeel: '2,3', afwijkingFte: '-0,9', afwijkingFtePct: '-25', kosten: { eigen: '193.683', afwijking: '-47.555', afwijkingPct: '-20' } }),
  row2017('financien-en-control', 'Financiën & Control', 9410, 10816, [10760, 10859], 654_903, -106_012,
    { fte: '9,41', eigenAandeel: '5,8', referentieAandeel: '6,7', afwijkingFte: '-1,4', afwijkingFtePct: '-13', kosten: { eigen: '654.903', afwijking: '-106.012', afwijkingPct: '-14' } }),
  row2017('informatisering-en-automatisering', 'Informatisering en Automatisering', 9740, 11195, [11190, 11260], 2_028_168, 47_548,
    { fte: '9,74', eigenAandeel: '6,0', referentieAandeel: '6,9', afwijkingFte: '-1,5', afwijkingFtePct: '-13', kosten: { eigen: '2.028.168', afwijking: '+47.548', afwijkingPct: '+2' } },
    'Kosten inclusief materiële kosten.'),
  row2017('facilitaire-dienst', 'Facilitaire dienst', 5030, 7859, [7799, 7879], 627_522, 12_818,
    { fte: '5,03', eigenAandeel: '3,1', referentieAandeel: '4,8', afwijkingFte: '-2,8', afwijkingFtePct: '-36', kosten: { eigen: '627.522', afwijking: '+12.818', afwijkingPct: '+2' } },
    'Kosten inclusief materiële kosten; zonder Inkoop (in 2012 wel inbegrepen).'),
];

/** One line of the table in chapter 7.3: which rows it compares and what it concludes. */
export interface BenchmarkComparisonFact {
  label: string;
  taakveld2012: string;
  /** 2017 rows that together make the 2012 taakveld. */
  taakvelden2017: string[];
  ontwikkeling: 'toename' | 'stabiel' | 'afname';
  tekst: string;
  source: string;
}

const cmp = (label: string, taakveld2012: string, taakvelden2017: string[], ontwikkeling: BenchmarkComparisonFact['ontwikkeling'], tekst: string): BenchmarkComparisonFact =>
  ({ label, taakveld2012, taakvelden2017, ontwikkeling, tekst, source: SOURCE_73 });

/** Chapter 7.3, column "Relatieve ontwikkeling formatie en kosten 2012 - 2017". */
export const BENCHMARK_VERGELIJKING: BenchmarkComparisonFact[] = [
  cmp('Communicatie', 'communicatie', ['communicatie'], 'stabiel', 'Redelijk stabiel beeld'),
  cmp('Informatisering', 'informatisering-en-automatisering', ['informatisering-en-automatisering'], 'afname', 'Afname'),
  cmp('Financiën', 'financien-en-control', ['financien-en-control'], 'stabiel', 'Redelijk stabiel beeld'),
  cmp('P&O', 'personeel-en-organisatie', ['personeel-en-organisatie'], 'stabiel', 'Redelijk stabiel beeld'),
  cmp('Facilitaire Zaken', 'facilitaire-dienst-en-inkoop', ['facilitaire-dienst', 'inkoop'], 'afname', 'Afname'),
  cmp('Juridische Zaken', 'juridische-zaken', ['juridische-zaken'], 'toename', 'Toename'),
];
