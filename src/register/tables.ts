/**
 * Register tables: municipalities, cooperations and their members, teams with their
 * integration history, employees with assignments and cost rates, functions.
 * Things that change over time carry a validity period [valid_from, valid_to) so history
 * is kept, never overwritten.
 */
import { sql } from 'drizzle-orm';
import {
  pgTable, uuid, text, integer, bigint, boolean, date, timestamp, smallint, unique, check, index, jsonb,
} from 'drizzle-orm/pg-core';

const audited = {
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const municipality = pgTable('municipality', {
  id: uuid('id').primaryKey().defaultRandom(),
  cbsCode: text('cbs_code').notNull().unique(),
  name: text('name').notNull(),
  /**
   * Municipal mergers end codes and start new ones: the code is valid in [valid_from,
   * valid_to); null valid_from = since before the shipped reference list.
   */
  validFrom: date('valid_from'),
  validTo: date('valid_to'),
  /** The code the municipality merged into, when it ended by a merger. */
  successorCbsCode: text('successor_cbs_code'),
  ...audited,
}, (t) => [
  check('municipality_cbs_code_format', sql`${t.cbsCode} ~ '^GM[0-9]{4}$'`),
  check('municipality_code_period', sql`${t.validTo} is null or ${t.validFrom} is null or ${t.validTo} > ${t.validFrom}`),
]);

export const municipalityPopulation = pgTable('municipality_population', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
  year: smallint('year').notNull(),
  inhabitants: integer('inhabitants').notNull(),
  source: text('source').notNull(),
  ...audited,
}, (t) => [
  unique('municipality_population_year').on(t.municipalityId, t.year),
  check('municipality_population_positive', sql`${t.inhabitants} >= 0`),
]);

export const cooperation = pgTable('cooperation', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  legalForm: text('legal_form').notNull(),
  startDate: date('start_date').notNull(),
  endDate: date('end_date'),
  mustStayDisentanglable: boolean('must_stay_disentanglable').notNull().default(false),
  thirdMunicipalityMayJoin: boolean('third_municipality_may_join').notNull().default(false),
  description: text('description').notNull().default(''),
  source: text('source').notNull().default(''),
  ...audited,
}, (t) => [check('cooperation_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)]);

export const cooperationMember = pgTable('cooperation_member', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperation.id),
  municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
  role: text('role').notNull(),
  validFrom: date('valid_from').notNull(),
  validTo: date('valid_to'),
  ...audited,
}, (t) => [
  unique('cooperation_member_once').on(t.cooperationId, t.municipalityId, t.validFrom),
  check('cooperation_member_period', sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
]);

export const team = pgTable('team', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperation.id),
  slug: text('slug').notNull(),
  name: text('name').notNull(),
  leadMunicipalityId: uuid('lead_municipality_id').references(() => municipality.id),
  managerName: text('manager_name').notNull().default(''),
  bbvTaakveld: text('bbv_taakveld'),
  description: text('description').notNull().default(''),
  /** Agreed share of the team's hours per municipality, basis points per CBS code; null = equal shares. */
  agreedShares: jsonb('agreed_shares').$type<Record<string, number>>(),
  ...audited,
}, (t) => [
  unique('team_slug_per_cooperation').on(t.cooperationId, t.slug),
  check('team_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
]);

export const teamIntegrationLevel = pgTable('team_integration_level', {
  id: uuid('id').primaryKey().defaultRandom(),
  teamId: uuid('team_id').notNull().references(() => team.id),
  level: smallint('level').notNull(),
  validFrom: date('valid_from').notNull(),
  decisionReference: text('decision_reference').notNull().default(''),
  note: text('note').notNull().default(''),
  source: text('source').notNull().default(''),
  ...audited,
}, (t) => [
  unique('team_integration_level_date').on(t.teamId, t.validFrom),
  check('team_integration_level_range', sql`${t.level} between 0 and 5`),
]);

export const jobFunction = pgTable('job_function', {
  id: uuid('id').primaryKey().defaultRandom(),
  teamId: uuid('team_id').notNull().references(() => team.id),
  name: text('name').notNull(),
  critical: boolean('critical').notNull().default(false),
  requiredQualified: smallint('required_qualified').notNull().default(1),
  ...audited,
}, (t) => [unique('job_function_name_per_team').on(t.teamId, t.name)]);

export const employee = pgTable('employee', {
  id: uuid('id').primaryKey().defaultRandom(),
  employerMunicipalityId: uuid('employer_municipality_id').notNull().references(() => municipality.id),
  personnelNumber: text('personnel_number').notNull(),
  name: text('name').notNull(),
  synthetic: boolean('synthetic').notNull().default(false),
  ...audited,
}, (t) => [unique('employee_personnel_number_per_employer').on(t.employerMunicipalityId, t.personnelNumber)]);

/** Team membership, function and FTE over time. FTE in thousandths (1000 = 1,0 FTE). */
export const employeeAssignment = pgTable('employee_assignment', {
  id: uuid('id').primaryKey().defaultRandom(),
  employeeId: uuid('employee_id').notNull().references(() => employee.id),
  teamId: uuid('team_id').notNull().references(() => team.id),
  functionId: uuid('function_id').references(() => jobFunction.id),
  fteMilli: integer('fte_milli').notNull(),
  validFrom: date('valid_from').notNull(),
  validTo: date('valid_to'),
  ...audited,
}, (t) => [
  index('employee_assignment_team').on(t.teamId),
  index('employee_assignment_employee').on(t.employeeId),
  check('employee_assignment_fte', sql`${t.fteMilli} > 0 and ${t.fteMilli} <= 1500`),
  check('employee_assignment_period', sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
]);

/** Hourly cost rate over time, integer cents. */
export const employeeRate = pgTable('employee_rate', {
  id: uuid('id').primaryKey().defaultRandom(),
  employeeId: uuid('employee_id').notNull().references(() => employee.id),
  hourlyRateCents: integer('hourly_rate_cents').notNull(),
  validFrom: date('valid_from').notNull(),
  validTo: date('valid_to'),
  ...audited,
}, (t) => [
  unique('employee_rate_from').on(t.employeeId, t.validFrom),
  check('employee_rate_positive', sql`${t.hourlyRateCents} >= 0`),
  check('employee_rate_period', sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
]);

/**
 * The column mapping last used for an import into a municipality ("which header in our
 * HR export is which field"), so the next export of the same system imports as it comes,
 * for every user and on every app instance.
 */
export const importColumnMapping = pgTable('import_column_mapping', {
  municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
  /** What the mapping is for, e.g. `medewerkers`. */
  kind: text('kind').notNull(),
  /** Field key → header text in the file. */
  mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
  updatedBy: text('updated_by').notNull(),
  ...audited,
}, (t) => [unique('import_column_mapping_once').on(t.municipalityId, t.kind)]);

/** An employer's salary scale table: hourly cost rate per scale and step, from a date (CAO rises add rows). */
export const salaryScaleRate = pgTable('salary_scale_rate', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
  scale: text('scale').notNull(),
  step: smallint('step').notNull(),
  hourlyRateCents: integer('hourly_rate_cents').notNull(),
  validFrom: date('valid_from').notNull(),
  source: text('source').notNull(),
  ...audited,
}, (t) => [
  unique('salary_scale_rate_once').on(t.municipalityId, t.scale, t.step, t.validFrom),
  check('salary_scale_rate_positive', sql`${t.hourlyRateCents} > 0`),
  check('salary_scale_rate_step', sql`${t.step} between 0 and 30`),
]);

/**
 * A municipality's figures of one year from its budget or annual accounts, as the BBV
 * mandatory indicators need them (formatie, bezetting, loonsom, externe inhuur,
 * apparaatskosten, overhead, totale lasten). Any figure may be unknown (null).
 */
export const municipalityAnnualFigures = pgTable('municipality_annual_figures', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
  year: smallint('year').notNull(),
  formatieFteMilli: integer('formatie_fte_milli'),
  bezettingFteMilli: integer('bezetting_fte_milli'),
  loonsomCents: bigint('loonsom_cents', { mode: 'number' }),
  inhuurCents: bigint('inhuur_cents', { mode: 'number' }),
  apparaatskostenCents: bigint('apparaatskosten_cents', { mode: 'number' }),
  overheadCents: bigint('overhead_cents', { mode: 'number' }),
  totaleLastenCents: bigint('totale_lasten_cents', { mode: 'number' }),
  source: text('source').notNull(),
  ...audited,
}, (t) => [
  unique('municipality_annual_figures_year').on(t.municipalityId, t.year),
  check('municipality_annual_figures_nonnegative', sql`coalesce(${t.formatieFteMilli}, 0) >= 0 and coalesce(${t.bezettingFteMilli}, 0) >= 0
    and coalesce(${t.loonsomCents}, 0) >= 0 and coalesce(${t.inhuurCents}, 0) >= 0 and coalesce(${t.apparaatskostenCents}, 0) >= 0
    and coalesce(${t.overheadCents}, 0) >= 0 and coalesce(${t.totaleLastenCents}, 0) >= 0`),
]);
