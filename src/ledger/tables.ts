/**
 * Hours ledger and cost allocation tables.
 * - hours_import: one row per imported file (idempotency by file hash, audit reference);
 * - hours_entry: one row per registered block of time, in integer minutes; cost is not
 *   stored but computed with the rate valid on the work date, so a corrected rate
 *   history corrects every figure;
 * - pending_upload: an uploaded file between preview and confirmation, kept in the
 *   database so any app instance can confirm it;
 * - cost_item: shared costs with their allocation key and standalone counterfactual;
 * - ledger_day: hours and exact cost per day × team × employer × served × activity, kept
 *   by database triggers (migration 0014) so every read of the ledger aggregates days, not
 *   entries; derived data, rebuilt by the triggers, never backed up.
 */
import { sql } from 'drizzle-orm';
import {
  pgTable, uuid, text, integer, bigint, date, timestamp, jsonb, smallint, index, check, customType, primaryKey,
} from 'drizzle-orm/pg-core';
import { cooperation, team } from '../register/tables.ts';
import { appUser } from '../platform/auth/tables.ts';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export const ACTIVITIES = ['regulier', 'vervanging', 'samenwerking', 'project'] as const;
export type Activity = (typeof ACTIVITIES)[number];

export const hoursImport = pgTable('hours_import', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperation.id),
  fileName: text('file_name').notNull(),
  fileSha256: text('file_sha256').notNull(),
  rowsInFile: integer('rows_in_file').notNull(),
  rowsAdded: integer('rows_added').notNull(),
  rowsReplaced: integer('rows_replaced').notNull().default(0),
  minutesAdded: bigint('minutes_added', { mode: 'number' }).notNull(),
  replaceFrom: date('replace_from'),
  replaceTo: date('replace_to'),
  importedBy: text('imported_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('hours_import_file').on(t.cooperationId, t.fileSha256)]);

export const hoursEntry = pgTable('hours_entry', {
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperation.id),
  importId: uuid('import_id').notNull().references(() => hoursImport.id),
  // No foreign keys to employee, municipality and team: the importer resolves every id
  // against the register inside the same transaction, and register rows are never
  // deleted. Four FK triggers per row would halve import speed (bench/ledger.ts).
  employeeId: uuid('employee_id').notNull(),
  employerMunicipalityId: uuid('employer_municipality_id').notNull(),
  teamId: uuid('team_id').notNull(),
  servedMunicipalityId: uuid('served_municipality_id').notNull(),
  workDate: date('work_date').notNull(),
  minutes: integer('minutes').notNull(),
  activity: text('activity').notNull(),
  description: text('description').notNull().default(''),
  /** MD5 of the row's content (as a uuid) and its occurrence number in the file: the idempotency key. */
  contentHash: uuid('content_hash').notNull(),
  occurrence: integer('occurrence').notNull(),
}, (t) => [
  // The content key is the identity of an entry; with one more index for period queries
  // that is all a bulk insert has to maintain.
  primaryKey({ name: 'hours_entry_content_key', columns: [t.cooperationId, t.contentHash, t.occurrence] }),
  index('hours_entry_coop_date').on(t.cooperationId, t.workDate),
  check('hours_entry_minutes', sql`${t.minutes} > 0 and ${t.minutes} <= 1440`),
  check('hours_entry_activity', sql`${t.activity} in ('regulier', 'vervanging', 'samenwerking', 'project')`),
]);

/**
 * The ledger per day: written only by the trigger function ledger_day_refresh(), which
 * recomputes whole days at commit from hours_entry and the rates valid on each day.
 */
export const ledgerDay = pgTable('ledger_day', {
  cooperationId: uuid('cooperation_id').notNull(),
  workDate: date('work_date').notNull(),
  teamId: uuid('team_id').notNull(),
  employerMunicipalityId: uuid('employer_municipality_id').notNull(),
  servedMunicipalityId: uuid('served_municipality_id').notNull(),
  activity: text('activity').notNull(),
  minutes: bigint('minutes', { mode: 'number' }).notNull(),
  /** Σ minutes × hourly rate in cents (divide by 60 for cents). */
  minuteCents: bigint('minute_cents', { mode: 'bigint' }).notNull(),
  minutesWithoutRate: bigint('minutes_without_rate', { mode: 'number' }).notNull(),
  entries: integer('entries').notNull(),
}, (t) => [
  primaryKey({ name: 'ledger_day_key', columns: [t.cooperationId, t.workDate, t.teamId, t.employerMunicipalityId, t.servedMunicipalityId, t.activity] }),
]);

/** Days whose ledger_day rows must be recomputed at commit (filled by triggers, emptied at commit). */
export const ledgerDayDirtyDay = pgTable('ledger_day_dirty_day', {
  cooperationId: uuid('cooperation_id').notNull(),
  workDate: date('work_date').notNull(),
}, (t) => [primaryKey({ name: 'ledger_day_dirty_day_key', columns: [t.cooperationId, t.workDate] })]);

/** Employees whose rates changed: all their days are recomputed at commit. */
export const ledgerDayDirtyEmployee = pgTable('ledger_day_dirty_employee', {
  employeeId: uuid('employee_id').primaryKey(),
});

export const pendingUpload = pgTable('pending_upload', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').references(() => appUser.id, { onDelete: 'cascade' }),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperation.id),
  fileName: text('file_name').notNull(),
  content: bytea('content').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const ALLOCATION_KEYS = ['gelijk', 'inwoners', 'uren', 'fte', 'vast'] as const;
export type AllocationKey = (typeof ALLOCATION_KEYS)[number];
export const COST_KINDS = ['licentie', 'advies', 'leidinggevende', 'contract', 'overig'] as const;

export const costItem = pgTable('cost_item', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperation.id),
  teamId: uuid('team_id').references(() => team.id),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
  periodFrom: date('period_from').notNull(),
  periodTo: date('period_to').notNull(),
  allocationKey: text('allocation_key').notNull(),
  /** For the inhabitants key: the year whose population counts. */
  keyYear: smallint('key_year'),
  /** For the fixed key: { GM0397: 6000, GM0377: 4000 } in basis points summing to 10000. */
  fixedShares: jsonb('fixed_shares').$type<Record<string, number>>(),
  /** What each municipality would have paid alone, cents per CBS code (the counterfactual). */
  standaloneCents: jsonb('standalone_cents').$type<Record<string, number>>(),
  source: text('source').notNull().default(''),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  check('cost_item_amount', sql`${t.amountCents} >= 0`),
  check('cost_item_period', sql`${t.periodTo} >= ${t.periodFrom}`),
  check('cost_item_key', sql`${t.allocationKey} in ('gelijk', 'inwoners', 'uren', 'fte', 'vast')`),
]);
