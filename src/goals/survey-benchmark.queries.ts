/** Named queries of surveys and benchmark rows. Private to this folder: other capabilities use the services. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { survey, surveyQuestion, surveyResult } from './survey-tables.ts';
import { benchmarkRow } from './benchmark-tables.ts';
import { cooperation, municipality } from '../register/tables.ts';
import { isUuid } from '../platform/db/ids.ts';
import type { Queryable } from '../platform/db/types.ts';

export type SurveyRow = typeof survey.$inferSelect;
export type SurveyQuestionRow = typeof surveyQuestion.$inferSelect;
export type SurveyResultRow = typeof surveyResult.$inferSelect;
export type BenchmarkRowRow = typeof benchmarkRow.$inferSelect;
export type BenchmarkRowInsert = typeof benchmarkRow.$inferInsert;

export const surveysOf = (q: Queryable, cooperationId: string): Promise<SurveyRow[]> =>
  q.select().from(survey).where(eq(survey.cooperationId, cooperationId)).orderBy(asc(survey.name));
export const questionsOf = (q: Queryable, surveyIds: string[]): Promise<SurveyQuestionRow[]> =>
  surveyIds.length === 0 ? Promise.resolve([]) : q.select().from(surveyQuestion).where(inArray(surveyQuestion.surveyId, surveyIds)).orderBy(asc(surveyQuestion.number));
export const resultsOf = (q: Queryable, questionIds: string[]): Promise<SurveyResultRow[]> =>
  questionIds.length === 0 ? Promise.resolve([]) : q.select().from(surveyResult).where(inArray(surveyResult.questionId, questionIds))
    .orderBy(asc(surveyResult.moment), asc(surveyResult.group));

export const insertSurvey = async (q: Queryable, row: typeof survey.$inferInsert): Promise<SurveyRow> => (await q.insert(survey).values(row).returning())[0];
export const insertQuestions = (q: Queryable, rows: (typeof surveyQuestion.$inferInsert)[]): Promise<SurveyQuestionRow[]> =>
  rows.length === 0 ? Promise.resolve([]) : q.insert(surveyQuestion).values(rows).returning();
export const insertResults = (q: Queryable, rows: (typeof surveyResult.$inferInsert)[]): Promise<SurveyResultRow[]> =>
  rows.length === 0 ? Promise.resolve([]) : q.insert(surveyResult).values(rows).returning();
export const surveyNamed = async (q: Queryable, cooperationId: string, name: string): Promise<SurveyRow | undefined> =>
  (await q.select().from(survey).where(and(eq(survey.cooperationId, cooperationId), eq(survey.name, name))).limit(1))[0];

/** A question with the slug of its survey's cooperation. */
export async function findQuestionById(q: Queryable, id: string): Promise<{ question: SurveyQuestionRow; cooperationSlug: string } | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await q.select({ question: surveyQuestion, cooperationSlug: cooperation.slug }).from(surveyQuestion)
    .innerJoin(survey, eq(survey.id, surveyQuestion.surveyId)).innerJoin(cooperation, eq(cooperation.id, survey.cooperationId))
    .where(eq(surveyQuestion.id, id)).limit(1);
  return row;
}
/** Conditional on the version read: a concurrent change makes this return undefined (→ 412). */
export const setQuestionPublished = async (q: Queryable, id: string, published: boolean, currentVersion: number, version: number): Promise<SurveyQuestionRow | undefined> =>
  (await q.update(surveyQuestion).set({ published, version, updatedAt: new Date() }).where(and(eq(surveyQuestion.id, id), eq(surveyQuestion.version, currentVersion))).returning())[0];

/** Benchmark rows of a cooperation with the CBS code of their municipality, by taakveld and year. */
export const benchmarkRowsOf = (q: Queryable, cooperationId: string): Promise<{ row: BenchmarkRowRow; cbsCode: string }[]> =>
  q.select({ row: benchmarkRow, cbsCode: municipality.cbsCode }).from(benchmarkRow)
    .innerJoin(municipality, eq(municipality.id, benchmarkRow.municipalityId))
    .where(eq(benchmarkRow.cooperationId, cooperationId))
    .orderBy(asc(municipality.cbsCode), asc(benchmarkRow.taakveld), asc(benchmarkRow.year));
export const insertBenchmarkRows = (q: Queryable, rows: BenchmarkRowInsert[]): Promise<BenchmarkRowRow[]> =>
  rows.length === 0 ? Promise.resolve([]) : q.insert(benchmarkRow).values(rows).returning();
export const updateBenchmarkRow = async (q: Queryable, id: string, set: Partial<BenchmarkRowInsert>): Promise<BenchmarkRowRow> =>
  (await q.update(benchmarkRow).set(set).where(eq(benchmarkRow.id, id)).returning())[0];
