/**
 * Demo surveys and benchmark of Heemstede–Bloemendaal from seed 000, through the services
 * (validated and audited): §5.4.2's employee survey (MTO 2016, enquête 2017 totaal and
 * bedrijfsvoering) and the residents' satisfaction (8,1 against 7,7); appendix D's
 * benchmark of Heemstede (GM0397), 2012 and 2017, as inputs.
 */
import { HB } from '../demo/facts.ts';
import { SURVEY_INWONERS, SURVEY_SAMENWERKING } from '../demo/survey-facts.ts';
import { BENCHMARK_2012, BENCHMARK_2017 } from '../demo/benchmark-facts.ts';
import type { Survey, SurveySoort } from './survey.ts';
import { createSurvey } from './survey.service.ts';
import { saveBenchmarkRows } from './benchmark.service.ts';
import type { Ctx } from '../platform/context.ts';

const hundredths = (h: number, d: number) => (h / 100).toFixed(d);

function surveyBody(s: Survey, kind: SurveySoort) {
  const moment = (id: string) => String(s.momenten.find((m) => m.id === id)!.jaar);
  return {
    kind, name: s.naam, scaleMin: s.vragen[0].schaal.min, scaleMax: s.vragen[0].schaal.max,
    source: s.momenten.map((m) => `${m.label}: ${m.bron}`).join(' | '),
    questions: s.vragen.map((q) => ({ number: q.nummer, text: q.tekst, published: q.published })),
    results: s.resultaten.map((r) => ({
      question: s.vragen.find((q) => q.id === r.vraagId)!.nummer, moment: moment(r.momentId), group: r.groepId,
      value: hundredths(r.gemiddeldeHonderdsten!, r.decimalen), n: r.n,
    })),
  };
}

export async function loadDemoSurveysAndBenchmark(ctx: Ctx, onStep: (s: string) => void = () => {}): Promise<void> {
  onStep('Peilingen en benchmark (rekenkamercommissie Heemstede, 2017)');
  await createSurvey(ctx, HB.slug, surveyBody(SURVEY_SAMENWERKING, 'mto'));
  await createSurvey(ctx, HB.slug, surveyBody(SURVEY_INWONERS, 'inwonerspeiling'));
  await saveBenchmarkRows(ctx, HB.slug, 'GM0397', [...BENCHMARK_2012, ...BENCHMARK_2017].map((f) => ({ ...f.input, bron: f.source.slice(0, 300) })), 'benchmark.vastleggen');
}
