/**
 * Goals tables.
 * - audit_recommendation: the audit office's recommendations (source, number, text), so a
 *   goal can say which recommendation it answers;
 * - goal: per cooperation (optionally per team), under one test criterion, with its
 *   approval status; goal_status_change keeps every dated transition and its decision;
 * - kpi: a measurable indicator of a goal with its baseline (nulmeting), deadline and, for
 *   ledger-derived KPIs, the derivation; kpi_target: targets per date, revisable over time;
 * - measurement: one value per KPI and date, entered, imported or derived (with method).
 * Values are exact decimals: numeric(18,4), read as strings.
 */
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, integer, boolean, date, timestamp, numeric, index, unique, check, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { cooperation, team } from '../register/tables.ts';
import { DERIVATIONS } from './catalogue.ts';

const audited = {
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

const decimal = (name: string) => numeric(name, { precision: 18, scale: 4 });

export const auditRecommendation = pgTable('audit_recommendation', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperation.id),
  source: text('source').notNull(),
  number: text('number').notNull(),
  text: text('text').notNull(),
  ...audited,
}, (t) => [unique('audit_recommendation_number').on(t.cooperationId, t.source, t.number)]);

export const goal = pgTable('goal', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperation.id),
  teamId: uuid('team_id').references(() => team.id),
  criterion: text('criterion').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  ownerName: text('owner_name').notNull().default(''),
  status: text('status').notNull().default('concept'),
  recommendationId: uuid('recommendation_id').references((): AnyPgColumn => auditRecommendation.id),
  source: text('source').notNull().default(''),
  ...audited,
}, (t) => [
  index('goal_cooperation').on(t.cooperationId),
  check('goal_criterion', sql`${t.criterion} in ('kwaliteit-dienstverlening', 'kwetsbaarheid', 'efficiency-kosten', 'aantrekkelijk-werkgeverschap', 'inwoners')`),
  check('goal_status', sql`${t.status} in ('concept', 'voorgelegd-aan-college', 'aangeboden-aan-raad', 'vastgesteld')`),
]);

export const goalStatusChange = pgTable('goal_status_change', {
  id: uuid('id').primaryKey().defaultRandom(),
  goalId: uuid('goal_id').notNull().references(() => goal.id),
  fromStatus: text('from_status').notNull(),
  toStatus: text('to_status').notNull(),
  decidedOn: date('decided_on').notNull(),
  decisionReference: text('decision_reference').notNull(),
  note: text('note').notNull().default(''),
  recordedBy: text('recorded_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('goal_status_change_goal').on(t.goalId, t.decidedOn)]);

export const kpi = pgTable('kpi', {
  id: uuid('id').primaryKey().defaultRandom(),
  goalId: uuid('goal_id').notNull().references(() => goal.id),
  name: text('name').notNull(),
  unit: text('unit').notNull(),
  direction: text('direction').notNull(),
  baselineValue: decimal('baseline_value'),
  baselineDate: date('baseline_date'),
  baselineSource: text('baseline_source').notNull().default(''),
  /** Why the baseline differs from the KPI's own derived series at the baseline date (required then; empty otherwise). */
  baselineReason: text('baseline_reason').notNull().default(''),
  deadline: date('deadline'),
  source: text('source').notNull().default(''),
  /** Null for KPIs measured by hand; otherwise the ledger derivation (catalogue.ts). */
  derivation: text('derivation'),
  ...audited,
}, (t) => [
  unique('kpi_name_per_goal').on(t.goalId, t.name),
  check('kpi_direction', sql`${t.direction} in ('hoger-is-beter', 'lager-is-beter')`),
  check('kpi_derivation', sql`${t.derivation} is null or ${t.derivation} in (${sql.raw(DERIVATIONS.map((d) => `'${d}'`).join(', '))})`),
  check('kpi_baseline_complete', sql`(${t.baselineValue} is null) = (${t.baselineDate} is null)`),
]);

export const kpiTarget = pgTable('kpi_target', {
  id: uuid('id').primaryKey().defaultRandom(),
  kpiId: uuid('kpi_id').notNull().references(() => kpi.id),
  targetDate: date('target_date').notNull(),
  value: decimal('value').notNull(),
  /** When the target was set; a later one for the same date replaces it (history kept). */
  setOn: date('set_on').notNull(),
  source: text('source').notNull().default(''),
  recordedBy: text('recorded_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [unique('kpi_target_once').on(t.kpiId, t.targetDate, t.setOn)]);

export const measurement = pgTable('measurement', {
  id: uuid('id').primaryKey().defaultRandom(),
  kpiId: uuid('kpi_id').notNull().references(() => kpi.id),
  value: decimal('value').notNull(),
  measuredOn: date('measured_on').notNull(),
  source: text('source').notNull(),
  recordedBy: text('recorded_by').notNull(),
  derived: boolean('derived').notNull().default(false),
  /** How a derived value was computed, in Dutch, with the figures it rests on. */
  method: text('method').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [unique('measurement_once_per_day').on(t.kpiId, t.measuredOn)]);
