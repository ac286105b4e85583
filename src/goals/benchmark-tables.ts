/**
 * Benchmark rows: per cooperation, member municipality (CBS code), taakveld and year the
 * inputs of a benchmark against a reference group (benchmark.ts), exact — fte in integer
 * thousandths, money in integer cents, a reference share in millionths — with the source.
 * Exactly one of reference fte and reference share; own and reference cost both or neither.
 */
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, integer, bigint, timestamp, unique, check } from 'drizzle-orm/pg-core';
import { cooperation, municipality } from '../register/tables.ts';

export const benchmarkRow = pgTable('benchmark_row', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperation.id),
  municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
  taakveld: text('taakveld').notNull(),
  year: integer('year').notNull(),
  eigenMilliFte: integer('eigen_milli_fte').notNull(),
  totaleMilliFte: integer('totale_milli_fte'),
  referentieMilliFte: integer('referentie_milli_fte'),
  referentiePpm: integer('referentie_ppm'),
  eigenKostenCents: bigint('eigen_kosten_cents', { mode: 'number' }),
  referentieKostenCents: bigint('referentie_kosten_cents', { mode: 'number' }),
  source: text('source').notNull().default(''),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  unique('benchmark_row_once').on(t.cooperationId, t.municipalityId, t.taakveld, t.year),
  check('benchmark_row_reference', sql`(${t.referentieMilliFte} is null) <> (${t.referentiePpm} is null)`),
  check('benchmark_row_cost', sql`(${t.eigenKostenCents} is null) = (${t.referentieKostenCents} is null)`),
]);
