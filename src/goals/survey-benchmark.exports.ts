/** Column definitions of the survey and benchmark exports, from the same view models as the pages. */
import type { Column } from '../platform/export/table.ts';
import type { SurveysOverview, SurveyView, SurveyQuestionView, SurveyCellView } from './survey.service.ts';
/** A signed figure as a plain number a spreadsheet reads ('+3,8' → '3,8'). */
const plain = (v: string | null) => (v === null ? null : v.replace(/^\+/, ''));

import type { BenchmarkOverview, BenchmarkRowView } from './benchmark.service.ts';

export interface SurveyExportRow { s: SurveyView; q: SurveyQuestionView; r: SurveyCellView }
export const surveyRows = (v: SurveysOverview): SurveyExportRow[] => v.surveys.flatMap((s) => s.questions.flatMap((q) => q.results.map((r) => ({ s, q, r }))));
export const surveyColumns: Column<SurveyExportRow>[] = [
  { header: 'peiling', value: (x) => x.s.name },
  { header: 'soort', value: (x) => x.s.kind },
  { header: 'vraag', value: (x) => x.q.number },
  { header: 'tekst', value: (x) => x.q.text },
  { header: 'gepubliceerd', value: (x) => (x.q.published ? 'ja' : 'nee') },
  { header: 'meetmoment', value: (x) => x.r.moment },
  { header: 'groep', value: (x) => x.r.group },
  { header: 'gemiddelde', value: (x) => x.r.value },
  { header: 'n', value: (x) => x.r.n },
  { header: 'bron', value: (x) => x.s.source },
];

export const benchmarkRows = (v: BenchmarkOverview): BenchmarkRowView[] => v.rows;
export const benchmarkColumns: Column<BenchmarkRowView>[] = [
  { header: 'gemeente', value: (r) => r.gemeente },
  { header: 'taakveld', value: (r) => r.taakveld },
  { header: 'jaar', value: (r) => r.jaar },
  { header: 'eigen fte', value: (r) => r.weergave.eigenFte },
  { header: 'referentie fte', value: (r) => r.weergave.referentieFte },
  { header: 'afwijking fte', value: (r) => plain(r.weergave.afwijkingFte) },
  { header: 'afwijking fte %', value: (r) => plain(r.weergave.afwijkingFtePct) },
  { header: 'eigen kosten', value: (r) => r.weergave.eigenKosten },
  { header: 'referentie kosten', value: (r) => r.weergave.referentieKosten },
  { header: 'afwijking kosten', value: (r) => plain(r.weergave.afwijkingKosten) },
  { header: 'afwijking kosten %', value: (r) => plain(r.weergave.afwijkingKostenPct) },
  { header: 'samenvatting', value: (r) => r.weergave.samenvatting },
  { header: 'bron', value: (r) => r.bron },
];
