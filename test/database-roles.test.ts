/**
 * Separation of privileges on PostgreSQL (BIO2/ASVS): after `vlecht database-rechten`
 * the app role writes the audit trail but cannot change, delete, truncate or unprotect it,
 * nor touch the migrations bookkeeping; ordinary tables stay writable; the command is
 * idempotent; tables created later by the owner are granted through default privileges;
 * `vlecht serve` warns under the owner and starts quietly under the app role.
 * PostgreSQL only (PGlite has one user; its triggers are tested in cli.test.ts).
 * Roles are cluster-global: every name carries a random suffix and is dropped afterwards.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { ENGINES, PG_URL } from './support/engines.ts';
import { openDatabase, type Database } from '../src/platform/db/open.ts';
import { migrate, pendingMigrations } from '../src/platform/db/migrate.ts';
import { APPEND_ONLY_TABLES, appendOnlyTables, appendOnlyWritable, grantAppRole, scramVerifier } from '../src/platform/db/roles.ts';
import { rowsOf } from '../src/platform/db/raw.ts';
import { createUser } from '../src/platform/auth/auth.service.ts';
import { cliActor } from '../src/platform/auth/actor.ts';
import { verifyAuditTrail } from '../src/platform/audit/trail.ts';
import { isVlechtError } from '../src/platform/errors.ts';
import type { Ctx } from '../src/platform/context.ts';

const skip = ENGINES.includes('postgres') ? false : 'PostgreSQL not reachable';
const sfx = randomBytes(5).toString('hex');
const OWNER = `vlecht_t_own_${sfx}`;
const APP = `vlecht_t_app_${sfx}`;
const OTHER = `vlecht_t_grp_${sfx}`;
const SCRAM = `vlecht_t_scr_${sfx}`;
const DB_NAME = `vlecht_t_roles_${sfx}`;

function urlFor(user: string, password = '') {
  const url = new URL(PG_URL);
  url.username = user;
  url.password = password;
  url.pathname = `/${DB_NAME}`;
  return url.toString();
}

/** The SQLSTATE and message of a failing statement. */
async function failure(work: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await work;
  } catch (e: any) {
    for (let cur = e, d = 0; cur && d < 5; cur = cur.cause, d++) if (typeof cur.code === 'string' && /^[0-9A-Z]{5}$/.test(cur.code)) return { code: cur.code, message: cur.message };
    return { message: String(e?.message ?? e) };
  }
  assert.fail('the statement succeeded');
}

/** The app role's table privileges, as the catalog lists them. */
async function grantsOf(q: Database, role: string) {
  const rows = await rowsOf<{ t: string; p: string }>(q.db, sql`
    select table_name as t, string_agg(privilege_type, ',' order by privilege_type) as p
      from information_schema.role_table_grants where grantee = ${role} group by table_name order by table_name`);
  return Object.fromEntries(rows.map((r) => [r.t, r.p]));
}

describe('database roles: the app role cannot change the audit trail [postgres]', { skip }, () => {
  let admin: pg.Client;
  let owner: Database;
  let app: Database;
  const password = `app-${randomBytes(8).toString('hex')}`;
  // A password too, so the owner can connect where the server asks one over TCP (a fresh cluster).
  const ownerPassword = `owner-${randomBytes(8).toString('hex')}`;

  before(async () => {
    if (skip) return;
    admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create role ${OWNER} login createrole password '${ownerPassword}'`);
    await admin.query(`create database ${DB_NAME} owner ${OWNER}`);
    owner = await openDatabase({ url: urlFor(OWNER, ownerPassword), poolSize: 3 });
    await migrate(owner.db);
    await grantAppRole(owner.db, { role: APP, password });
    app = await openDatabase({ url: urlFor(APP, password), poolSize: 3 });
  });

  after(async () => {
    if (skip) return;
    await app?.close().catch(() => {});
    await owner?.close().catch(() => {});
    await admin.query(`drop database if exists ${DB_NAME} with (force)`).catch(() => {});
    for (const r of [APP, OTHER, SCRAM, OWNER]) await admin.query(`drop role if exists ${r}`).catch(() => {});
    await admin.end();
  });

  test('the append-only tables are the ones with a refusing trigger', async () => {
    assert.deepEqual(await appendOnlyTables(owner.db), [...APPEND_ONLY_TABLES].sort());
  });

  test('the app role inserts audit rows through a normal mutation; UPDATE, DELETE, TRUNCATE and DROP TRIGGER are refused (42501)', async () => {
    const ctx: Ctx = { db: app.db, actor: cliActor('roles-test'), clock: () => new Date(), origin: 'cli' };
    await createUser(ctx, { email: `roles-${sfx}@example.nl`, name: 'Rollen Test', password: 'een-lang-wachtwoord', grants: [{ role: 'beheerder' }] } as never);
    const [{ n }] = await rowsOf<{ n: number }>(app.db, sql`select count(*)::int as n from audit_event`);
    assert.ok(n >= 1, 'the mutation wrote its audit row');
    for (const table of APPEND_ONLY_TABLES) {
      // The privilege check (permission denied), not the trigger (append-only), refuses.
      for (const statement of [`update ${table} set ${{ audit_event: 'seq = seq', report_publication_pdf: 'sha256 = sha256' }[table as string] ?? 'id = id'}`, `delete from ${table}`, `truncate ${table}`]) {
        const f = await failure(app.db.execute(sql.raw(statement)));
        assert.equal(f.code, '42501', statement);
        assert.match(f.message, new RegExp(`permission denied for table ${table}`), statement);
      }
    }
    for (const statement of ['drop trigger audit_event_no_update on audit_event', 'alter table audit_event disable trigger all', 'drop trigger report_publication_no_update on report_publication']) {
      const f = await failure(app.db.execute(sql.raw(statement)));
      assert.equal(f.code, '42501', statement);
      assert.match(f.message, /must be owner/, statement);
    }
    assert.deepEqual(await appendOnlyWritable(app.db), []);
    assert.equal((await verifyAuditTrail(app.db)).ok, true);
  });

  test('ordinary tables stay writable; the migrations bookkeeping and DDL are not the app role\'s', async () => {
    await app.db.execute(sql`update app_user set name = 'Rollen Test 2' where email = ${`roles-${sfx}@example.nl`}`);
    await app.db.execute(sql`delete from session where false`);
    for (const statement of ["insert into vlecht_migration (hash, created_at) values ('x', 0)", 'delete from vlecht_migration', 'create table sneaky (id int)', 'alter table app_user add column sneaky int']) {
      assert.equal((await failure(app.db.execute(sql.raw(statement)))).code, '42501', statement);
    }
    assert.equal(await pendingMigrations(app.db), 0);
  });

  test('migrate under the app role: nothing to do is fine; pending migrations give a clear Dutch error', async () => {
    assert.equal(await migrate(app.db), 0);
    const [last] = await rowsOf<{ hash: string; created_at: string }>(owner.db, sql`select hash, created_at from vlecht_migration order by created_at desc limit 1`);
    await owner.db.execute(sql`delete from vlecht_migration where hash = ${last.hash}`);
    try {
      assert.equal(await pendingMigrations(app.db), 1);
      const e = await migrate(app.db).then(() => null, (err: unknown) => err);
      assert.ok(isVlechtError(e) && e.code === 'MIGRATIONS_NOT_PERMITTED', String(e));
      assert.deepEqual(e.params, { count: 1, role: APP });
    } finally {
      await owner.db.execute(sql`insert into vlecht_migration (hash, created_at) values (${last.hash}, ${last.created_at})`);
    }
  });

  test('vlecht serve would warn under the owner and not under the app role', async () => {
    assert.deepEqual(await appendOnlyWritable(owner.db), [...APPEND_ONLY_TABLES].sort());
    assert.deepEqual(await appendOnlyWritable(app.db), []);
  });

  test('running the command twice changes nothing (idempotent)', async () => {
    const before = await grantsOf(owner, APP);
    assert.equal(before.audit_event, 'INSERT,SELECT');
    assert.equal(before.report_publication, 'INSERT,SELECT');
    assert.equal(before.vlecht_migration, 'SELECT');
    assert.equal(before.app_user, 'DELETE,INSERT,SELECT,UPDATE');
    const again = await grantAppRole(owner.db, { role: APP, password });
    assert.equal(again.created, false);
    assert.equal(again.login, true);
    assert.deepEqual(await grantsOf(owner, APP), before);
    // A grant too many (drift) is taken away again by the next run.
    await owner.db.execute(sql.raw(`grant update, delete on audit_event to ${APP}`));
    await grantAppRole(owner.db, { role: APP, password });
    assert.deepEqual(await grantsOf(owner, APP), before);
  });

  test('a table the owner creates later is granted by default privileges; a new append-only table is narrowed by the next run', async () => {
    await owner.db.execute(sql`create table later_thing (id int generated always as identity primary key, v text)`);
    await app.db.execute(sql`insert into later_thing (v) values ('a')`);
    await app.db.execute(sql`update later_thing set v = 'b'`);
    await app.db.execute(sql`delete from later_thing`);

    await owner.db.execute(sql.raw(`create table later_log (id int primary key);
      create function later_log_refuse_change() returns trigger language plpgsql as $$ begin raise exception 'append-only' using errcode = 'insufficient_privilege'; end; $$;
      create trigger later_log_no_update before update or delete on later_log for each row execute function later_log_refuse_change()`));
    const report = await grantAppRole(owner.db, { role: APP, password });
    assert.ok(report.appendOnly.includes('later_log'));
    await app.db.execute(sql`insert into later_log values (1)`);
    const f = await failure(app.db.execute(sql`update later_log set id = 2`));
    assert.equal(f.code, '42501');
    assert.match(f.message, /permission denied for table later_log/);
  });

  test('without VLECHT_APP_PASSWORD the role is a NOLOGIN group role; the owner itself and bad names are refused', async () => {
    const group = await grantAppRole(owner.db, { role: OTHER });
    assert.equal(group.created, true);
    assert.equal(group.login, false);
    assert.ok(group.warnings.some((w) => /NOLOGIN/.test(w)));
    for (const role of [OWNER, 'Bad-Name', 'x; drop table audit_event']) {
      const e = await grantAppRole(owner.db, { role }).then(() => null, (err: unknown) => err);
      assert.ok(isVlechtError(e) && e.code === 'DATABASE_ROLE', `${role}: ${String(e)}`);
    }
  });

  test('the SCRAM verifier made in Node is the one PostgreSQL stores for the same salt', async () => {
    await admin.query(`set password_encryption = 'scram-sha-256'`);
    await admin.query(`create role ${SCRAM} login password 'Geheim wachtwoord 123!'`);
    const { rows } = await admin.query('select rolpassword from pg_authid where rolname = $1', [SCRAM]);
    const stored: string = rows[0].rolpassword;
    const [, iterations, salt] = /^SCRAM-SHA-256\$(\d+):([^$]+)\$/.exec(stored)!;
    assert.equal(scramVerifier('Geheim wachtwoord 123!', Buffer.from(salt, 'base64'), Number(iterations)), stored);
  });

  test('vlecht serve logs a warning under the owner and none under the app role', async () => {
    const startAs = (url: string) => new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['bin/vlecht.mjs', 'serve', '--port', '0', '--host', '127.0.0.1'], { env: { ...process.env, DATABASE_URL: url, VLECHT_LOG_LEVEL: 'info', NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      const timer = setTimeout(() => { child.kill('SIGTERM'); reject(new Error(`no start within 90 s: ${out}`)); }, 90_000);
      child.stdout.on('data', (d) => {
        out += d;
        if (/Vlecht draait/.test(out)) { clearTimeout(timer); child.kill('SIGTERM'); child.once('exit', () => resolve(out)); }
      });
      child.stderr.on('data', (d) => { out += d; });
      child.once('exit', (code) => { clearTimeout(timer); if (!/Vlecht draait/.test(out)) reject(new Error(`exited ${code}: ${out}`)); });
    });
    const asOwner = await startAs(urlFor(OWNER, ownerPassword));
    assert.match(asOwner, /"level":40/);
    assert.match(asOwner, /database-rechten --app-rol/);
    const asApp = await startAs(urlFor(APP, password));
    assert.doesNotMatch(asApp, /database-rechten/);
  });
});
