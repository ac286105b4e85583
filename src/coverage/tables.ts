/**
 * Coverage tables: who is qualified for which function (primary or backup) over time; the
 * application portfolio with use per municipality over time; shared contracts; and
 * disentanglement scenarios, each edit kept as a new version with its parameters.
 * Functions themselves live in the register (job_function); this capability builds on them.
 */
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, integer, boolean, date, timestamp, unique, check, index, jsonb } from 'drizzle-orm/pg-core';
import { cooperation, employee, jobFunction, municipality, team } from '../register/tables.ts';
import type { Pricing } from './pricing.ts';
import type { ScenarioParameters } from './parameters.ts';

const audited = {
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const qualification = pgTable('qualification', {
  id: uuid('id').primaryKey().defaultRandom(),
  functionId: uuid('function_id').notNull().references(() => jobFunction.id),
  employeeId: uuid('employee_id').notNull().references(() => employee.id),
  kind: text('kind').notNull(),
  validFrom: date('valid_from').notNull(),
  validTo: date('valid_to'),
  ...audited,
}, (t) => [
  index('qualification_function').on(t.functionId),
  unique('qualification_once').on(t.functionId, t.employeeId, t.validFrom),
  check('qualification_kind', sql`${t.kind} in ('primair', 'achtervang')`),
  check('qualification_period', sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
]);

export const application = pgTable('application', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperation.id),
  /** The team that owns the application (its licence goes with the team in a scenario). */
  teamId: uuid('team_id').references(() => team.id),
  name: text('name').notNull(),
  supplier: text('supplier').notNull().default(''),
  category: text('category').notNull().default(''),
  pricing: jsonb('pricing').$type<Pricing>().notNull(),
  contractEnd: date('contract_end'),
  synthetic: boolean('synthetic').notNull().default(false),
  source: text('source').notNull().default(''),
  ...audited,
}, (t) => [index('application_cooperation').on(t.cooperationId), unique('application_name_per_cooperation').on(t.cooperationId, t.name)]);

export const applicationUse = pgTable('application_use', {
  id: uuid('id').primaryKey().defaultRandom(),
  applicationId: uuid('application_id').notNull().references(() => application.id),
  municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
  users: integer('users').notNull().default(0),
  validFrom: date('valid_from').notNull(),
  validTo: date('valid_to'),
  ...audited,
}, (t) => [
  index('application_use_application').on(t.applicationId),
  check('application_use_users', sql`${t.users} >= 0`),
  check('application_use_period', sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
]);

export const sharedContract = pgTable('shared_contract', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperation.id),
  teamId: uuid('team_id').references(() => team.id),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  supplier: text('supplier').notNull().default(''),
  pricing: jsonb('pricing').$type<Pricing>().notNull(),
  /** Users per CBS code, for pricing per user. */
  users: jsonb('users').$type<Record<string, number>>().notNull().default({}),
  /** CBS codes of the members that take part. */
  memberCodes: jsonb('member_codes').$type<string[]>().notNull(),
  contractEnd: date('contract_end'),
  synthetic: boolean('synthetic').notNull().default(false),
  source: text('source').notNull().default(''),
  ...audited,
}, (t) => [
  unique('shared_contract_name_per_cooperation').on(t.cooperationId, t.name),
  check('shared_contract_kind', sql`${t.kind} in ('schoonmaak', 'catering', 'advies', 'overig')`),
]);

/** A scenario; `version` is its latest version number (also the ETag). */
export const scenario = pgTable('scenario', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperation.id),
  teamId: uuid('team_id').notNull().references(() => team.id),
  name: text('name').notNull(),
  createdBy: text('created_by').notNull(),
  ...audited,
}, (t) => [index('scenario_team').on(t.teamId)]);

/** Every saved version of a scenario; an edit adds one, none is overwritten. */
export const scenarioVersion = pgTable('scenario_version', {
  id: uuid('id').primaryKey().defaultRandom(),
  scenarioId: uuid('scenario_id').notNull().references(() => scenario.id),
  versionNo: integer('version_no').notNull(),
  name: text('name').notNull(),
  /** `alle` (full split) or the CBS code of the leaving municipality. */
  leaving: text('leaving').notNull(),
  referenceDate: date('reference_date').notNull(),
  hoursFrom: date('hours_from').notNull(),
  hoursTo: date('hours_to').notNull(),
  parameters: jsonb('parameters').$type<ScenarioParameters>().notNull(),
  note: text('note').notNull().default(''),
  savedBy: text('saved_by').notNull(),
  savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [unique('scenario_version_no').on(t.scenarioId, t.versionNo)]);
