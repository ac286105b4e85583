/**
 * Use cases for surveys: record one with its questions and aggregate results, publish or
 * withdraw a question, and the view per cooperation. Reading needs register:read on the
 * cooperation; unpublished questions reach only the organisation's own roles
 * (`surveyForRoles`, with the grants that reach this cooperation) — never a raadslid,
 * rekenkamer or or-lid account. Writing needs team:manage on the cooperation, as goals.
 */
import { getCooperation } from '../register/cooperation.service.ts';
import { findQuestionById, insertQuestions, insertResults, insertSurvey, questionsOf, resultsOf, setQuestionPublished, surveyNamed, surveysOf } from './survey-benchmark.queries.ts';
import type { SurveyQuestionRow, SurveyResultRow, SurveyRow } from './survey-benchmark.queries.ts';
import { publishInput, surveyInput } from './survey-benchmark.schema.ts';
import { compareCells, formatHundredths, surveyForRoles, validateSurvey, type CellComparison, type Survey, type SurveySoort } from './survey.ts';
import { goalScope, type CooperationView } from './access.service.ts';
import { can, type Scope } from '../platform/auth/policy.ts';
import { parseInput } from '../platform/validation.ts';
import { checkVersion, mutate, requireMutationAccess, type Ctx } from '../platform/context.ts';
import { VlechtError } from '../platform/errors.ts';

/** The roles of the actor's grants that reach this cooperation; the system sees everything. */
function rolesIn(ctx: Ctx, scope: Scope): string[] | 'all' {
  if (ctx.actor.system) return 'all';
  return ctx.actor.grants.filter((g) => can({ ...ctx.actor, grants: [g] }, 'register:read', scope)).map((g) => g.role);
}

/** Stored rows → the pure model (moments and groups as they occur, in order). */
export function toSurvey(s: SurveyRow, questions: SurveyQuestionRow[], results: SurveyResultRow[]): Survey {
  const moments = [...new Set(results.map((r) => r.moment))].sort();
  // 'totaal' first, so comparisons read "group against the total".
  const groups = [...new Set(results.map((r) => r.group))].sort((a, b) => (a === 'totaal' ? -1 : b === 'totaal' ? 1 : a.localeCompare(b)));
  const scale = { min: s.scaleMin, max: s.scaleMax, omschrijving: `${s.scaleMin}–${s.scaleMax}` };
  return {
    id: s.id,
    naam: s.name,
    vragen: questions.map((q) => ({ id: q.id, nummer: q.number, tekst: q.text, schaal: scale, published: q.published })),
    momenten: moments.map((m) => ({ id: m, jaar: Number(/\d{4}/.exec(m)?.[0] ?? 0), label: m, soort: s.kind as SurveySoort, populatie: '', bron: s.source })),
    groepen: groups.map((g) => ({ id: g, label: g })),
    resultaten: results.map((r) => ({
      vraagId: r.questionId, momentId: r.moment, groepId: r.group,
      gemiddeldeHonderdsten: Math.round(Number(r.value) * 100), percentageHonderdsten: null, decimalen: r.decimals as 0 | 1 | 2, n: r.n,
    })),
  };
}

export interface SurveyCellView { moment: string; group: string; value: string; n: number | null }
export interface SurveyQuestionView { id: string; number: number; text: string; published: boolean; version: number; results: SurveyCellView[] }
export interface SurveyView {
  id: string; kind: string; name: string; scale: { min: number; max: number }; source: string;
  moments: string[]; groups: string[];
  questions: SurveyQuestionView[];
  comparisons: { left: { moment: string; group: string }; right: { moment: string; group: string }; remarks: string[]; questions: { number: number; text: string; difference: string | null; direction: string | null }[] }[];
  /** How many questions are withheld from this reader (unpublished). */
  withheld: number;
}
export interface SurveysOverview { cooperation: CooperationView['cooperation']; surveys: SurveyView[]; mayWrite: boolean; seesUnpublished: boolean }

/** Comparisons worth showing: groups within a moment against the first, and consecutive moments (same group, else first groups). */
function comparisonsOf(s: Survey): CellComparison[] {
  const out: CellComparison[] = [];
  const groupsAt = (m: string) => s.groepen.map((g) => g.id).filter((g) => s.resultaten.some((r) => r.momentId === m && r.groepId === g));
  const moments = s.momenten.map((m) => m.id);
  for (const m of moments) {
    const gs = groupsAt(m);
    for (const g of gs.slice(1)) out.push(compareCells(s, { momentId: m, groepId: gs[0] }, { momentId: m, groepId: g }));
  }
  for (let i = 1; i < moments.length; i++) {
    const [a, b] = [groupsAt(moments[i - 1]), groupsAt(moments[i])];
    const common = a.filter((g) => b.includes(g));
    if (common.length) for (const g of common) out.push(compareCells(s, { momentId: moments[i - 1], groepId: g }, { momentId: moments[i], groepId: g }));
    else if (a.length && b.length) out.push(compareCells(s, { momentId: moments[i - 1], groepId: a[0] }, { momentId: moments[i], groepId: b[0] }));
  }
  return out.filter((c) => c.vragen.length > 0);
}

function present(row: SurveyRow, full: Survey, shown: Survey, questionRows: SurveyQuestionRow[]): SurveyView {
  return {
    id: row.id, kind: row.kind, name: row.name, scale: { min: row.scaleMin, max: row.scaleMax }, source: row.source,
    moments: [...new Set(shown.resultaten.map((r) => r.momentId))].sort(),
    groups: [...new Set(shown.resultaten.map((r) => r.groepId))],
    questions: shown.vragen.map((q) => ({
      id: q.id, number: q.nummer, text: q.tekst, published: q.published, version: questionRows.find((r) => r.id === q.id)?.version ?? 1,
      results: shown.resultaten.filter((r) => r.vraagId === q.id).map((r) => ({
        moment: r.momentId, group: r.groepId, value: formatHundredths(r.gemiddeldeHonderdsten ?? 0, r.decimalen), n: r.n,
      })),
    })),
    comparisons: comparisonsOf(shown).map((c) => ({
      left: { moment: c.links.momentId, group: c.links.groepId }, right: { moment: c.rechts.momentId, group: c.rechts.groepId }, remarks: c.opmerkingen,
      questions: c.vragen.map((v) => ({ number: v.nummer, text: v.tekst, difference: v.verschilTekst, direction: v.richting })),
    })),
    withheld: full.vragen.length - shown.vragen.length,
  };
}

/** All surveys of a cooperation as this reader may see them. */
export async function cooperationSurveys(ctx: Ctx, slug: string): Promise<SurveysOverview> {
  const coop = await getCooperation(ctx, slug);
  const scope = goalScope(coop, null);
  const roles = rolesIn(ctx, scope);
  const rows = await surveysOf(ctx.db, coop.cooperation.id);
  const questions = await questionsOf(ctx.db, rows.map((r) => r.id));
  const results = await resultsOf(ctx.db, questions.map((q) => q.id));
  const surveys = rows.map((row) => {
    const qs = questions.filter((q) => q.surveyId === row.id);
    const full = toSurvey(row, qs, results.filter((r) => qs.some((q) => q.id === r.questionId)));
    return present(row, full, roles === 'all' ? full : surveyForRoles(full, roles), qs);
  });
  const seesUnpublished = roles === 'all' || surveyForRoles({ id: '', naam: '', vragen: [{ id: 'x', nummer: 1, tekst: '', schaal: { min: 0, max: 1, omschrijving: '' }, published: false }], momenten: [], groepen: [], resultaten: [] }, roles).vragen.length === 1;
  return { cooperation: coop.cooperation, surveys, mayWrite: can(ctx.actor, 'team:manage', scope), seesUnpublished };
}

/** Records a survey with its questions and results in one transaction and one audit row. */
export async function createSurvey(ctx: Ctx, slug: string, input: unknown): Promise<SurveyView> {
  const coop = await getCooperation(ctx, slug);
  // Policy before validation: who may not write learns nothing from validation messages.
  await requireMutationAccess(ctx, 'team:manage', goalScope(coop, null), { action: 'peiling.aanmaken', objectType: 'samenwerking', objectId: coop.cooperation.id });
  const data = parseInput(surveyInput, input);
  if (data.scaleMin >= data.scaleMax) throw new VlechtError('VALIDATION', {}, [{ field: 'scaleMax', message: 'de schaal loopt van een laagste naar een hoogste waarde' }]);
  const numbers = new Set(data.questions.map((q) => q.number));
  const unknown = data.results.map((r, i) => ({ r, i })).filter(({ r }) => !numbers.has(r.question));
  if (unknown.length) throw new VlechtError('VALIDATION', {}, unknown.map(({ r, i }) => ({ field: `results.${i}.question`, message: 'deze vraag staat niet in de peiling', value: r.question })));
  // Check the whole survey with the pure logic before anything is written.
  const draftRow = { id: 'nieuw', kind: data.kind, name: data.name, scaleMin: data.scaleMin, scaleMax: data.scaleMax, source: data.source } as SurveyRow;
  const draftQuestions = data.questions.map((q) => ({ id: `q${q.number}`, surveyId: 'nieuw', ...q }) as SurveyQuestionRow);
  const draftResults = data.results.map((r) => ({ questionId: `q${r.question}`, moment: r.moment, group: r.group, value: (r.value.hundredths / 100).toFixed(2), decimals: r.value.decimals, n: r.n }) as SurveyResultRow);
  validateSurvey(toSurvey(draftRow, draftQuestions, draftResults));
  return mutate(ctx, async (tx) => {
    if (await surveyNamed(tx, coop.cooperation.id, data.name)) throw new VlechtError('DUPLICATE', { field: 'name', value: data.name });
    const row = await insertSurvey(tx, { cooperationId: coop.cooperation.id, kind: data.kind, name: data.name, scaleMin: data.scaleMin, scaleMax: data.scaleMax, source: data.source });
    const qs = await insertQuestions(tx, data.questions.map((q) => ({ surveyId: row.id, ...q })));
    const idOf = new Map(qs.map((q) => [q.number, q.id]));
    const rs = await insertResults(tx, draftResults.map((r, i) => ({ questionId: idOf.get(data.results[i].question)!, moment: r.moment, group: r.group, value: r.value, decimals: r.decimals, n: r.n })));
    const full = toSurvey(row, qs, rs);
    const view = present(row, full, full, qs);
    return { value: view, audit: { action: 'peiling.aanmaken', objectType: 'peiling', objectId: row.id, newValue: { name: row.name, questions: qs.length, results: rs.length } } };
  });
}

/** Publishes a question to council roles, or withdraws it; If-Match with the question's version. */
export async function publishQuestion(ctx: Ctx, questionId: string, expectedVersion: number | undefined, input: unknown): Promise<SurveyQuestionRow> {
  const found = await findQuestionById(ctx.db, questionId);
  if (!found) throw new VlechtError('NOT_FOUND', { object: 'peilingvraag', key: questionId });
  const coop = await getCooperation(ctx, found.cooperationSlug);
  const attempt = { action: 'peilingvraag.publiceren', objectType: 'peilingvraag', objectId: questionId };
  await requireMutationAccess(ctx, 'team:manage', goalScope(coop, null), attempt);
  const { published } = parseInput(publishInput, input);
  checkVersion(found.question.version, expectedVersion);
  return mutate(ctx, async (tx) => {
    const row = await setQuestionPublished(tx, questionId, published, found.question.version, found.question.version + 1);
    if (!row) throw new VlechtError('PRECONDITION_FAILED', { current: found.question.version + 1, expected: expectedVersion });
    return { value: row, audit: { ...attempt, oldValue: { published: found.question.published }, newValue: { published } } };
  });
}

/** The cooperation of a survey question (for a redirect after publishing); checks register:read. */
export async function questionCooperationSlug(ctx: Ctx, questionId: string): Promise<string> {
  const found = await findQuestionById(ctx.db, questionId);
  if (!found) throw new VlechtError('NOT_FOUND', { object: 'peilingvraag', key: questionId });
  return (await getCooperation(ctx, found.cooperationSlug)).cooperation.slug;
}
