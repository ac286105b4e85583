/**
 * Reports tables.
 * - report: a progress report (voortgang) of a cooperation or a factsheet of one team for a
 *   period, with the texts people write (sections B, E, F and explanations); edited with a
 *   version check while it is a concept;
 * - report_publication: each publication, numbered per report, with the figures as they
 *   were on that day and the rendered body. Append-only (a trigger in migration 0010
 *   refuses UPDATE and DELETE): what the council read can never change afterwards;
 * - report_publication_pdf: the PDF of a publication, printed once (at publication, or on
 *   the first download for publications older than this table) with its SHA-256.
 *   Append-only as well (migration 0017); part of every backup like any other table.
 */
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, integer, date, timestamp, jsonb, unique, check, index, customType } from 'drizzle-orm/pg-core';
import { cooperation, team } from '../register/tables.ts';

export const report = pgTable('report', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperation.id),
  kind: text('kind').notNull(),
  teamId: uuid('team_id').references(() => team.id),
  periodFrom: date('period_from').notNull(),
  periodTo: date('period_to').notNull(),
  periodLabel: text('period_label').notNull(),
  title: text('title').notNull(),
  texts: jsonb('texts').$type<Record<string, string>>().notNull().default({}),
  createdBy: text('created_by').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  check('report_kind', sql`${t.kind} in ('voortgang', 'factsheet')`),
  check('report_team_for_factsheet', sql`(${t.kind} = 'factsheet') = (${t.teamId} is not null)`),
  check('report_period_order', sql`${t.periodFrom} <= ${t.periodTo}`),
  index('report_cooperation').on(t.cooperationId),
]);

export const reportPublication = pgTable('report_publication', {
  id: uuid('id').primaryKey().defaultRandom(),
  reportId: uuid('report_id').notNull().references(() => report.id),
  number: integer('number').notNull(),
  /** The report's version that was published. */
  reportVersion: integer('report_version').notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  publishedBy: text('published_by').notNull(),
  /** The date the figures hold on (the colophon's "stand van de gegevens"). */
  dataDate: date('data_date').notNull(),
  content: jsonb('content').notNull(),
  html: text('html').notNull(),
}, (t) => [
  unique('report_publication_number').on(t.reportId, t.number),
  check('report_publication_number_positive', sql`${t.number} >= 1`),
]);

/** bytea as a Buffer on both engines (pg gives a Buffer, PGlite a Uint8Array). */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

export const reportPublicationPdf = pgTable('report_publication_pdf', {
  publicationId: uuid('publication_id').primaryKey().references(() => reportPublication.id),
  sha256: text('sha256').notNull(),
  byteSize: integer('byte_size').notNull(),
  pdf: bytea('pdf').notNull(),
  renderedAt: timestamp('rendered_at', { withTimezone: true }).notNull(),
}, (t) => [
  check('report_publication_pdf_sha256', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  check('report_publication_pdf_size', sql`${t.byteSize} = octet_length(${t.pdf})`),
]);
