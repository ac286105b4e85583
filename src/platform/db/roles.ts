/**
 * Separation of privileges on PostgreSQL (BIO2, OWASP ASVS V8/V14): the owner of the
 * tables runs the migrations; the app runs as a role that may read and write data but
 * can neither change nor remove the audit trail and the other append-only tables, nor
 * drop their triggers (only an owner can), nor touch the migrations bookkeeping.
 *
 * `grantAppRole` runs on the owner's connection (`vlecht database-rechten --app-rol …`)
 * and is idempotent: every run revokes and grants again from the catalog as it is now,
 * so re-running it after a migration fixes up the grants. Default privileges cover tables
 * that later migrations create in the meantime (as ordinary tables: an append-only table
 * is narrowed to SELECT, INSERT by the next run; its trigger protects it until then, and
 * `appendOnlyWritable` makes `vlecht serve` warn).
 *
 * PostgreSQL only: embedded (PGlite) there is one user, and the triggers alone protect.
 *
 * @example
 *   const report = await grantAppRole(ownerDb, { role: 'vlecht_app', password: process.env.VLECHT_APP_PASSWORD });
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db, Queryable } from './types.ts';
import { rowsOf } from './raw.ts';
import { MIGRATION_TABLE, sqlState } from './migrate.ts';
import { VlechtError } from '../errors.ts';

/**
 * Tables protected by an append-only trigger (migrations 0001, 0010 and 0017). Named here as
 * well as found in the catalog, so a table whose trigger was dropped is still narrowed.
 */
export const APPEND_ONLY_TABLES = ['audit_event', 'report_publication', 'report_publication_pdf'] as const;

/** A trigger function named `*_refuse_change` marks its table append-only (the migrations' convention). */
const REFUSE_FUNCTION = '%\\_refuse\\_change';

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface GrantReport {
  role: string;
  /** The role did not exist and was created. */
  created: boolean;
  /** LOGIN with the password from VLECHT_APP_PASSWORD; otherwise a NOLOGIN group role. */
  login: boolean;
  /** The owner of the tables, for whose new tables the default privileges hold. */
  owner: string;
  readWrite: string[];
  appendOnly: string[];
  readOnly: string[];
  /** Things the command cannot or should not change itself, in Dutch. */
  warnings: string[];
}

const roleError = (reason: string) => new VlechtError('DATABASE_ROLE', { reason });

/** Double-quoted identifier; names are checked against ROLE_NAME or come from the catalog. */
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The SCRAM-SHA-256 verifier PostgreSQL stores for `password` (RFC 5802/7677), made here so
 * the password itself never reaches the server (nor its statement log). ASCII only: other
 * passwords go through PostgreSQL's SASLprep, so those are sent for the server to hash.
 */
export function scramVerifier(password: string, salt: Buffer = randomBytes(16), iterations = 4096): string {
  const salted = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/** Tables marked append-only: the known ones that exist plus any with a `*_refuse_change` trigger. */
export async function appendOnlyTables(q: Queryable): Promise<string[]> {
  const rows = await rowsOf<{ name: string }>(q, sql`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p')
       and (c.relname in (${sql.join(APPEND_ONLY_TABLES.map((t) => sql`${t}`), sql`, `)})
         or exists (select 1 from pg_trigger t join pg_proc p on p.oid = t.tgfoid
                     where t.tgrelid = c.oid and not t.tgisinternal and p.proname like ${REFUSE_FUNCTION}))
     order by 1`);
  return rows.map((r) => r.name);
}

/**
 * Append-only tables the current role could change or unprotect: it has UPDATE, DELETE or
 * TRUNCATE, or owns them (an owner can drop the trigger). Empty for a proper app role.
 */
export async function appendOnlyWritable(q: Queryable): Promise<string[]> {
  const tables = await appendOnlyTables(q);
  if (!tables.length) return [];
  const rows = await rowsOf<{ name: string }>(q, sql`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relname in (${sql.join(tables.map((t) => sql`${t}`), sql`, `)})
       and (has_table_privilege(c.oid, 'UPDATE, DELETE, TRUNCATE') or pg_has_role(c.relowner, 'USAGE'))
     order by 1`);
  return rows.map((r) => r.name);
}

async function run(q: Queryable, statement: string) {
  await q.execute(sql.raw(statement));
}

/**
 * Creates the app role when missing and gives it exactly what the app needs; see the
 * file comment. Run on the owner's connection, after `migrate`.
 */
export async function grantAppRole(db: Db, options: { role: string; password?: string }): Promise<GrantReport> {
  const role = options.role;
  if (!ROLE_NAME.test(role)) throw roleError(`"${role}" is geen geldige rolnaam (kleine letters, cijfers en _, begint met een letter of _; hoogstens 63 tekens).`);
  const password = options.password || undefined;
  try {
    return await db.transaction(async (tx) => {
      const [me] = await rowsOf<{ me: string; can_create: boolean; super: boolean; owner: string | null; db: string }>(tx, sql`
        select current_user as me, r.rolcreaterole as can_create, r.rolsuper as super, current_database() as db,
               (select pg_get_userbyid(c.relowner) from pg_class c where c.oid = to_regclass(${MIGRATION_TABLE})) as owner
          from pg_roles r where r.rolname = current_user`);
      if (!me.owner) throw roleError('de database is nog niet gemigreerd; voer eerst `vlecht migrate` uit met de eigenaar.');
      const owner = me.owner;
      if (role === me.me || role === owner) throw roleError(`de app-rol "${role}" is de eigenaar van de tabellen; kies een andere rol voor de app (bijv. vlecht_app) en laat de eigenaar alleen migreren.`);
      const warnings: string[] = [];

      const [existing] = await rowsOf<{ super: boolean; bypassrls: boolean; login: boolean; member_of_owner: boolean }>(tx, sql`
        select rolsuper as super, rolbypassrls as bypassrls, rolcanlogin as login,
               pg_has_role(rolname, ${owner}, 'USAGE') as member_of_owner
          from pg_roles where rolname = ${role}`);
      let created = false;
      if (!existing) {
        if (!me.super && !me.can_create) {
          throw roleError(`de rol "${role}" bestaat niet en "${me.me}" mag geen rollen maken (CREATEROLE). Laat de databasebeheerder hem maken (CREATE ROLE ${role} LOGIN PASSWORD '…') en draai dit commando daarna opnieuw.`);
        }
        await run(tx, `create role ${ident(role)} ${await loginClause(tx, password)} nosuperuser nocreatedb nocreaterole noreplication nobypassrls`);
        created = true;
      } else {
        if (existing.super) throw roleError(`de rol "${role}" is superuser en omzeilt daarmee elke beperking; gebruik een gewone rol.`);
        if (existing.member_of_owner) throw roleError(`de rol "${role}" is lid van de eigenaar "${owner}" en heeft daarmee diens rechten; haal dat lidmaatschap weg (REVOKE ${owner} FROM ${role}).`);
        if (existing.bypassrls) warnings.push(`de rol "${role}" heeft BYPASSRLS; dat is niet nodig (ALTER ROLE ${role} NOBYPASSRLS).`);
        if (password) await run(tx, `alter role ${ident(role)} ${await loginClause(tx, password)}`);
      }
      const [login] = await rowsOf<{ login: boolean }>(tx, sql`select rolcanlogin as login from pg_roles where rolname = ${role}`);

      const owned = await rowsOf<{ name: string }>(tx, sql`
        select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relowner = (select oid from pg_roles where rolname = ${role}) order by 1`);
      if (owned.length) throw roleError(`de rol "${role}" is eigenaar van ${owned.map((o) => o.name).join(', ')}; maak "${owner}" eigenaar (ALTER TABLE … OWNER TO ${owner}).`);

      const r = ident(role);
      await run(tx, `grant connect, temporary on database ${ident(me.db)} to ${r}`);
      await run(tx, `grant usage on schema public to ${r}`);
      const appendOnly = await appendOnlyTables(tx);
      const tables = await rowsOf<{ name: string }>(tx, sql`
        select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`);
      const report: GrantReport = { role, created, login: login.login, owner, readWrite: [], appendOnly: [], readOnly: [], warnings };
      for (const { name } of tables) {
        await run(tx, `revoke all on table ${ident(name)} from ${r}`);
        if (name === MIGRATION_TABLE) {
          // The app reads it to know whether the schema is current; only the owner migrates.
          await run(tx, `grant select on table ${ident(name)} to ${r}`);
          report.readOnly.push(name);
        } else if (appendOnly.includes(name)) {
          await run(tx, `grant select, insert on table ${ident(name)} to ${r}`);
          report.appendOnly.push(name);
        } else {
          await run(tx, `grant select, insert, update, delete on table ${ident(name)} to ${r}`);
          report.readWrite.push(name);
        }
      }
      // USAGE allows nextval, SELECT currval; setval (UPDATE) stays with the owner (restore).
      await run(tx, `revoke all on all sequences in schema public from ${r}`);
      await run(tx, `grant usage, select on all sequences in schema public to ${r}`);
      // drizzle-kit's own bookkeeping, if someone ever ran `drizzle-kit migrate` here: not the app's.
      const [drizzle] = await rowsOf<{ n: number }>(tx, sql`select count(*)::int as n from pg_namespace where nspname = 'drizzle'`);
      if (drizzle.n > 0) {
        await run(tx, `revoke all on all tables in schema drizzle from ${r}`);
        await run(tx, `revoke all on schema drizzle from ${r}`);
      }
      // Tables and sequences that later migrations create (as the owner) get the same as ordinary ones.
      const forOwner = `alter default privileges for role ${ident(owner)} in schema public`;
      await run(tx, `${forOwner} grant select, insert, update, delete on tables to ${r}`);
      await run(tx, `${forOwner} grant usage, select on sequences to ${r}`);

      const [schema] = await rowsOf<{ create: boolean }>(tx, sql`select has_schema_privilege(${role}, 'public', 'CREATE') as create`);
      if (schema.create) warnings.push(`de rol "${role}" mag tabellen maken in schema public (standaard vóór PostgreSQL 15); zet dat uit met REVOKE CREATE ON SCHEMA public FROM PUBLIC.`);
      if (!login.login) warnings.push(`de rol "${role}" kan niet zelf aanmelden (NOLOGIN): geef hem aan de aanmeldrol van de app (GRANT ${role} TO <aanmeldrol>) of draai opnieuw met VLECHT_APP_PASSWORD.`);
      return report;
    });
  } catch (e) {
    if (sqlState(e) === '42501') throw roleError(`"${await currentUser(db)}" mag deze rechten niet geven; draai het commando met de eigenaar van de tabellen (dezelfde DATABASE_URL als \`vlecht migrate\`) of als databasebeheerder.`);
    throw e;
  }
}

async function loginClause(q: Queryable, password: string | undefined): Promise<string> {
  if (!password) return 'nologin';
  // eslint-disable-next-line no-control-regex
  const secret = /^[\x20-\x7e]*$/.test(password) ? scramVerifier(password) : password;
  const [row] = await rowsOf<{ clause: string }>(q, sql`select format('login password %L', ${secret}::text) as clause`);
  return row.clause;
}

async function currentUser(q: Queryable): Promise<string> {
  const [row] = await rowsOf<{ me: string }>(q, sql`select current_user as me`);
  return row?.me ?? '?';
}
