/**
 * Survey tables (MTO, enquête, inwonerspeiling) — aggregates only, never an answer of one
 * person:
 * - survey: per cooperation, its kind, name, answer scale and source;
 * - survey_question: numbered questions, each published to council roles or not;
 * - survey_result: the published mean of one question at one moment ('2016') for one
 *   respondent group ('totaal', 'bedrijfsvoering'), exact, with the decimals it was
 *   published with and n when known.
 */
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, integer, boolean, timestamp, numeric, index, unique, check } from 'drizzle-orm/pg-core';
import { cooperation } from '../register/tables.ts';

const audited = {
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const survey = pgTable('survey', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperation.id),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  scaleMin: integer('scale_min').notNull(),
  scaleMax: integer('scale_max').notNull(),
  source: text('source').notNull(),
  ...audited,
}, (t) => [
  unique('survey_name_per_cooperation').on(t.cooperationId, t.name),
  check('survey_kind', sql`${t.kind} in ('mto', 'enquete', 'inwonerspeiling')`),
  check('survey_scale', sql`${t.scaleMin} < ${t.scaleMax}`),
]);

export const surveyQuestion = pgTable('survey_question', {
  id: uuid('id').primaryKey().defaultRandom(),
  surveyId: uuid('survey_id').notNull().references(() => survey.id),
  number: integer('number').notNull(),
  text: text('text').notNull(),
  published: boolean('published').notNull().default(false),
  ...audited,
}, (t) => [unique('survey_question_number').on(t.surveyId, t.number)]);

export const surveyResult = pgTable('survey_result', {
  id: uuid('id').primaryKey().defaultRandom(),
  questionId: uuid('question_id').notNull().references(() => surveyQuestion.id),
  moment: text('moment').notNull(),
  group: text('respondent_group').notNull(),
  /** The published mean, exact (6,66 → '6.66'). */
  value: numeric('value', { precision: 8, scale: 2 }).notNull(),
  decimals: integer('decimals').notNull(),
  n: integer('n'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  unique('survey_result_cell').on(t.questionId, t.moment, t.group),
  index('survey_result_question').on(t.questionId),
  check('survey_result_decimals', sql`${t.decimals} between 0 and 2`),
  check('survey_result_n', sql`${t.n} is null or ${t.n} >= 1`),
]);
