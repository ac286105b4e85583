import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type * as schema from './schema.ts';

export type Schema = typeof schema;
/** One Drizzle type for both engines: PGlite (embedded) and PostgreSQL (server). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a named query can run on: the database or an open transaction. */
export type Queryable = Db | Tx;
export type Engine = 'pglite' | 'postgres';
