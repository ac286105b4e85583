/**
 * Pure logic for surveys (MTO, enquête, inwonerspeiling): aggregates per question,
 * measurement moment and respondent group; comparisons across groups and moments; and
 * the filter that keeps unpublished questions away from council roles. No I/O.
 *
 * Only aggregates exist here — a mean and/or a % score per cell, with n when known — so
 * no answer of a single person can be stored or shown. Scores are integers: means in
 * hundredths of a scale point (6,66 → 666), percentages in hundredths of a percent
 * (43,5% → 4350), each with the number of decimals it was published with.
 */
import { VlechtError, type FieldIssue } from '../platform/errors.ts';

export type SurveySoort = 'mto' | 'enquete' | 'inwonerspeiling';

/** The answer scale of a question, e.g. 1–10 (rapportcijfer). */
export interface SurveyScale {
  min: number;
  max: number;
  omschrijving: string;
}

export interface SurveyQuestion {
  id: string;
  nummer: number;
  tekst: string;
  schaal: SurveyScale;
  /** Published to council roles (raadslid and other roles outside the organisation). */
  published: boolean;
}

/** One measurement moment, e.g. the MTO of May 2016. */
export interface SurveyMoment {
  id: string;
  jaar: number;
  label: string;
  soort: SurveySoort;
  /** Who was asked, in words. */
  populatie: string;
  bron: string;
}

/** A respondent group within a moment: totaal, bedrijfsvoering, … */
export interface SurveyGroup {
  id: string;
  label: string;
}

/** The aggregate for one question, moment and group. */
export interface SurveyResult {
  vraagId: string;
  momentId: string;
  groepId: string;
  gemiddeldeHonderdsten: number | null;
  percentageHonderdsten: number | null;
  /** Decimals as published (5,7 → 1; 6,66 → 2). */
  decimalen: 0 | 1 | 2;
  n: number | null;
}

export interface Survey {
  id: string;
  naam: string;
  vragen: SurveyQuestion[];
  momenten: SurveyMoment[];
  groepen: SurveyGroup[];
  resultaten: SurveyResult[];
}

/** A cell of the results table: one moment and one group. */
export interface SurveyCell {
  momentId: string;
  groepId: string;
}

const cellKey = (vraagId: string, momentId: string, groepId: string) => `${vraagId}|${momentId}|${groepId}`;

/** Issues of one result, or none. */
function resultIssues(s: Survey, r: SurveyResult, i: number): FieldIssue[] {
  const out: FieldIssue[] = [];
  const at = (field: string, message: string, value: unknown) => out.push({ field: `resultaten.${i}.${field}`, message, value });
  const vraag = s.vragen.find((q) => q.id === r.vraagId);
  if (!vraag) at('vraagId', 'deze vraag bestaat niet in de peiling', r.vraagId);
  if (!s.momenten.some((m) => m.id === r.momentId)) at('momentId', 'dit meetmoment bestaat niet in de peiling', r.momentId);
  if (!s.groepen.some((g) => g.id === r.groepId)) at('groepId', 'deze respondentgroep bestaat niet in de peiling', r.groepId);
  if (r.gemiddeldeHonderdsten === null && r.percentageHonderdsten === null) at('gemiddelde', 'een resultaat heeft een gemiddelde of een percentage', null);
  const step = 10 ** (2 - r.decimalen);
  const g = r.gemiddeldeHonderdsten;
  if (g !== null && (!Number.isSafeInteger(g) || g % step !== 0)) at('gemiddelde', `het gemiddelde moet in honderdsten, met ${r.decimalen} decimalen`, g);
  if (g !== null && vraag && (g < vraag.schaal.min * 100 || g > vraag.schaal.max * 100)) {
    at('gemiddelde', `het gemiddelde valt buiten de schaal ${vraag.schaal.min}–${vraag.schaal.max}`, g);
  }
  const p = r.percentageHonderdsten;
  if (p !== null && (!Number.isSafeInteger(p) || p < 0 || p > 10_000 || p % step !== 0)) at('percentage', 'het percentage ligt tussen 0 en 100, in honderdsten', p);
  if (r.n !== null && (!Number.isSafeInteger(r.n) || r.n < 1)) at('n', 'het aantal respondenten is een geheel getal van 1 of meer', r.n);
  return out;
}

/**
 * Checks a survey and returns it unchanged; throws VALIDATION with every problem (Dutch)
 * otherwise: duplicate ids or cells, unknown references, scores outside the scale or finer
 * than their stated decimals, n below 1.
 */
export function validateSurvey(s: Survey): Survey {
  const issues: FieldIssue[] = [];
  for (const [field, ids] of [['vragen', s.vragen.map((q) => q.id)], ['momenten', s.momenten.map((m) => m.id)], ['groepen', s.groepen.map((g) => g.id)]] as const) {
    const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (twice.length) issues.push({ field, message: `${twice.join(', ')} komt meer dan eens voor`, value: twice });
  }
  for (const q of s.vragen) {
    if (!(q.schaal.min < q.schaal.max)) issues.push({ field: `vragen.${q.id}.schaal`, message: 'de schaal loopt van een laagste naar een hoogste waarde', value: q.schaal });
  }
  const seen = new Set<string>();
  s.resultaten.forEach((r, i) => {
    issues.push(...resultIssues(s, r, i));
    const key = cellKey(r.vraagId, r.momentId, r.groepId);
    if (seen.has(key)) issues.push({ field: `resultaten.${i}`, message: 'voor deze vraag, dit meetmoment en deze groep is al een resultaat', value: key });
    seen.add(key);
  });
  if (issues.length) throw new VlechtError('VALIDATION', { survey: s.id }, issues);
  return s;
}

/** The result of one question in one cell, or null. */
export function findResult(s: Survey, vraagId: string, cell: SurveyCell): SurveyResult | null {
  return s.resultaten.find((r) => r.vraagId === vraagId && r.momentId === cell.momentId && r.groepId === cell.groepId) ?? null;
}

/** Rounds hundredths half away from zero to `decimals` and writes them Dutch: (96, 1, true) → `+1,0`. */
export function formatHundredths(hundredths: number, decimals: 0 | 1 | 2, signed = false): string {
  const factor = 10 ** (2 - decimals);
  const abs = Math.abs(hundredths);
  const scaled = Math.floor((2 * abs + factor) / (2 * factor));
  const digits = String(scaled).padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const text = decimals ? `${whole},${digits.slice(-decimals)}` : whole;
  return scaled === 0 ? text : hundredths < 0 ? `-${text}` : signed ? `+${text}` : text;
}

export type Richting = 'hoger' | 'lager' | 'gelijk';

/** One question compared between two cells (right − left). */
export interface SurveyComparison {
  vraagId: string;
  nummer: number;
  tekst: string;
  links: SurveyResult;
  rechts: SurveyResult;
  /** Exact difference of the published means in hundredths; null when a side has no mean. */
  verschilHonderdsten: number | null;
  /** Difference of the % scores in hundredths of a percentage point. */
  verschilPuntenHonderdsten: number | null;
  /** Shown at the coarser precision of the two sides (5,7 against 6,66 → 1 decimal). */
  decimalen: 0 | 1 | 2;
  verschilTekst: string | null;
  /** From the difference as shown: what rounds to 0 is `gelijk`. */
  richting: Richting | null;
}

/** A comparison of two cells, with the reasons to be careful in words. */
export interface CellComparison {
  links: SurveyCell;
  rechts: SurveyCell;
  vragen: SurveyComparison[];
  opmerkingen: string[];
}

const richtingVan = (shown: string): Richting => (shown.startsWith('+') ? 'hoger' : shown.startsWith('-') ? 'lager' : 'gelijk');

function compareQuestion(q: SurveyQuestion, links: SurveyResult, rechts: SurveyResult): SurveyComparison {
  const decimalen = Math.min(links.decimalen, rechts.decimalen) as 0 | 1 | 2;
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
  const verschilHonderdsten = diff(links.gemiddeldeHonderdsten, rechts.gemiddeldeHonderdsten);
  const verschilPuntenHonderdsten = diff(links.percentageHonderdsten, rechts.percentageHonderdsten);
  const shown = verschilHonderdsten ?? verschilPuntenHonderdsten;
  const verschilTekst = shown === null ? null : formatHundredths(shown, decimalen, true);
  return {
    vraagId: q.id, nummer: q.nummer, tekst: q.tekst, links, rechts,
    verschilHonderdsten, verschilPuntenHonderdsten, decimalen, verschilTekst,
    richting: verschilTekst === null ? null : richtingVan(verschilTekst),
  };
}

/**
 * Compares every question present in both cells, in question order: across groups of
 * one moment, across moments of one group, or across both (then `opmerkingen` says so).
 */
export function compareCells(s: Survey, links: SurveyCell, rechts: SurveyCell): CellComparison {
  const vragen: SurveyComparison[] = [];
  for (const q of [...s.vragen].sort((a, b) => a.nummer - b.nummer)) {
    const l = findResult(s, q.id, links);
    const r = findResult(s, q.id, rechts);
    if (l && r) vragen.push(compareQuestion(q, l, r));
  }
  const moment = (id: string) => s.momenten.find((m) => m.id === id);
  const groep = (id: string) => s.groepen.find((g) => g.id === id)?.label ?? id;
  const [ml, mr] = [moment(links.momentId), moment(rechts.momentId)];
  const opmerkingen: string[] = [];
  if (links.groepId !== rechts.groepId && links.momentId !== rechts.momentId) {
    opmerkingen.push(`Andere respondentgroep: ${groep(links.groepId)} tegenover ${groep(rechts.groepId)}.`);
  }
  if (ml && mr && ml.soort !== mr.soort) opmerkingen.push(`Ander meetinstrument: ${ml.label} tegenover ${mr.label}.`);
  if (ml && mr && ml.populatie !== mr.populatie) opmerkingen.push(`Andere populatie: ${ml.populatie} tegenover ${mr.populatie}.`);
  if (vragen.some((v) => v.links.decimalen !== v.rechts.decimalen)) {
    opmerkingen.push('De cijfers zijn met verschillende precisie gepubliceerd; verschillen staan in de grovere precisie.');
  }
  return { links, rechts, vragen, opmerkingen };
}

/** Two groups in one moment, e.g. bedrijfsvoering against totaal in 2017. */
export const compareGroups = (s: Survey, momentId: string, groepLinks: string, groepRechts: string): CellComparison =>
  compareCells(s, { momentId, groepId: groepLinks }, { momentId, groepId: groepRechts });

/** One group in two moments, e.g. totaal 2016 against totaal 2017. */
export const compareMoments = (s: Survey, groepId: string, momentLinks: string, momentRechts: string): CellComparison =>
  compareCells(s, { momentId: momentLinks, groepId }, { momentId: momentRechts, groepId });

/**
 * The plain (unweighted) mean of the question means in one cell, in hundredths rounded
 * half away from zero, with how many questions it covers. null when the cell has none.
 * @example meanOverQuestions(survey, { momentId: 'mto-2016', groepId: 'heemstede' }) // { honderdsten: 528, aantalVragen: 5 }
 */
export function meanOverQuestions(s: Survey, cell: SurveyCell): { honderdsten: number; aantalVragen: number } | null {
  const means = s.vragen.map((q) => findResult(s, q.id, cell)?.gemiddeldeHonderdsten).filter((v): v is number => typeof v === 'number');
  if (!means.length) return null;
  const sum = means.reduce((a, b) => a + b, 0);
  const rounded = Math.floor((2 * Math.abs(sum) + means.length) / (2 * means.length));
  return { honderdsten: sum < 0 ? -rounded : rounded, aantalVragen: means.length };
}

/** The survey with only its published questions and their results. */
export function publishedOnly(s: Survey): Survey {
  const shown = new Set(s.vragen.filter((q) => q.published).map((q) => q.id));
  return { ...s, vragen: s.vragen.filter((q) => shown.has(q.id)), resultaten: s.resultaten.filter((r) => shown.has(r.vraagId)) };
}

/** Roles inside the organisation that may also see questions not (yet) published. */
export const UNPUBLISHED_READER_ROLES: readonly string[] = ['beheerder', 'controller', 'directie', 'teammanager'];

/**
 * What an account with these roles may see. Deny by default: only the organisation's own
 * roles see unpublished questions, and never an account that is also a raadslid — so an
 * unpublished question cannot reach a council member through a second role. Everyone else
 * (raadslid, rekenkamer, or-lid, no role) sees published questions only.
 */
export function surveyForRoles(s: Survey, roles: readonly string[]): Survey {
  const full = roles.some((r) => UNPUBLISHED_READER_ROLES.includes(r)) && !roles.includes('raadslid');
  return full ? s : publishedOnly(s);
}
