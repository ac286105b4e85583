/**
 * The audit trail is append-only and its chain detects a row altered by hand; a backup
 * restored into an empty database gives identical data. On every engine.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { demoDatabase } from './support/demo.ts';
import { verifyAuditTrail } from '../src/platform/audit/trail.ts';
import { backupTo, restoreFrom, tablesInDependencyOrder } from '../src/platform/db/backup.ts';
import { rowsOf } from '../src/platform/db/raw.ts';
import type { Database } from '../src/platform/db/open.ts';
import type { Queryable } from '../src/platform/db/types.ts';
import { createApp } from '../src/platform/http/app.tsx';
import { api, signIn } from './support/http.ts';
import { sessionActor } from '../src/platform/auth/auth.service.ts';

async function snapshot(q: Queryable): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of await tablesInDependencyOrder(q)) {
    const rows = await rowsOf<{ j: string }>(q, sql.raw(`select row_to_json(t)::text as j from "${table}" t`));
    out[table] = rows.map((r) => r.j).sort();
  }
  return out;
}

for (const engine of ENGINES) {
  describe(`audit trail and backup [${engine}]`, () => {
    let database: Database;
    const dir = mkdtempSync(join(tmpdir(), 'vlecht-backup-'));
    before(async () => { database = await demoDatabase(engine); });
    after(async () => { await database.close(); rmSync(dir, { recursive: true, force: true }); });

    test('the access review lists every grant with its last sign-in, from the audit trail; beheerder only', async () => {
      const app = createApp({ db: database.db, demo: true });
      const beheerder = await signIn(app, 'beheerder@vlecht.demo');
      const controller = await signIn(app, 'controller.heemstede@vlecht.demo');
      const res = await api(app, beheerder, 'GET', '/toegangsoverzicht');
      assert.equal(res.status, 200);
      const [grants] = await rowsOf<{ n: number }>(database.db, sql`select count(*)::int as n from role_grant`);
      assert.equal(res.body.rows.length, grants.n, 'one row per grant');
      const row = (email: string) => res.body.rows.find((r: { email: string }) => r.email === email);
      assert.ok(row('controller.heemstede@vlecht.demo').lastSignIn, 'signed in just now');
      assert.equal(row('controller.heemstede@vlecht.demo').secondFactor, false);
      assert.match(row('controller.heemstede@vlecht.demo').signal, /^rol vraagt een tweede factor: geen TOTP ingesteld/, 'a controller without TOTP is flagged');
      assert.match(row('controller.heemstede@vlecht.demo').scope, /gemeente Heemstede \(GM0397\)/);
      assert.equal(row('or.heemstede@vlecht.demo').lastSignIn, null);
      assert.equal(row('or.heemstede@vlecht.demo').signal, 'nooit aangemeld', 'an OR member needs no second factor');
      const csv = await api(app, beheerder, 'GET', '/toegangsoverzicht.csv');
      assert.match(String(csv.body), /E-mailadres;Naam;Actief;Rol;Scope;Toegekend op;Laatst aangemeld;Laatste actie;Tweede factor \(TOTP\);OIDC-koppeling;Signaal/);
      assert.equal((await api(app, controller, 'GET', '/toegangsoverzicht')).status, 403);
      assert.equal((await api(app, null, 'GET', '/toegangsoverzicht.csv')).status, 401);
    });

    test('on the access review page a beheerder removes an account\'s second factor and OIDC binding (CSRF, audited, sessions end); a controller may not', async () => {
      const app = createApp({ db: database.db, demo: true });
      const email = 'controller.heemstede@vlecht.demo';
      const beheerder = await signIn(app, 'beheerder@vlecht.demo');
      const controller = await signIn(app, email); // before the factor is set: a code would be needed after
      await database.db.execute(sql`update app_user set totp_secret = 'JBSWY3DPEHPK3PXP', totp_confirmed_at = now(), oidc_issuer = 'https://idp.example', oidc_subject = 'x-1' where email = ${email}`);
      const csrf = (await sessionActor(database.db, beheerder))!.csrfToken;
      const page = await app.request('/toegangsoverzicht', { headers: { authorization: `Bearer ${beheerder}` } });
      const html = await page.text();
      assert.match(html, /Tweede factor \(TOTP\) verwijderen van[\s\S]*controller\.heemstede@vlecht\.demo/);
      assert.match(html, /OIDC-koppeling verwijderen van/);
      const post = (token: string, path: string, fields: Record<string, string>) => app.request(path, {
        method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(),
      });
      const controllerCsrf = (await sessionActor(database.db, controller))!.csrfToken;
      assert.equal((await post(controller, '/toegangsoverzicht/tweede-factor', { email, _csrf: controllerCsrf })).status, 403);
      assert.equal((await post(beheerder, '/toegangsoverzicht/tweede-factor', { email })).status, 403, 'without _csrf');
      const state = async () => (await rowsOf<{ totp: string | null; sub: string | null }>(database.db, sql`select totp_confirmed_at::text as totp, oidc_subject as sub from app_user where email = ${email}`))[0];
      assert.ok((await state()).totp, 'unchanged after the refusals');
      const done = await post(beheerder, '/toegangsoverzicht/tweede-factor', { email, _csrf: csrf });
      assert.equal(done.status, 303);
      assert.equal(done.headers.get('location'), '/toegangsoverzicht?gelukt=tweede-factor');
      assert.equal((await state()).totp, null);
      assert.equal((await api(app, controller, 'GET', '/ik')).body.signedIn, false, 'the controller\'s sessions ended');
      assert.equal((await post(beheerder, '/toegangsoverzicht/oidc-koppeling', { email, _csrf: csrf })).status, 303);
      assert.equal((await state()).sub, null);
      const actions = (await rowsOf<{ action: string }>(database.db, sql`select action from audit_event order by seq desc limit 2`)).map((r) => r.action).sort();
      assert.deepEqual(actions, ['gebruiker.oidc-koppeling.verwijderd', 'gebruiker.tweede-factor.verwijderd']);
      assert.equal((await post(beheerder, '/toegangsoverzicht/oidc-koppeling', { email: 'niemand@vlecht.demo', _csrf: csrf })).status, 404);
    });

    test('the demo trail verifies', async () => {
      const verdict = await verifyAuditTrail(database.db);
      assert.equal(verdict.ok, true);
      assert.ok(verdict.rows > 50);
    });

    test('the database refuses updates and deletes of audit rows', async () => {
      // Drizzle wraps the driver error; the database's own message is the cause.
      const appendOnly = (e: unknown) => /append-only/.test(String((e as { cause?: Error }).cause?.message));
      await assert.rejects(database.db.execute(sql`update audit_event set actor_label = 'x' where seq = 1`), appendOnly);
      await assert.rejects(database.db.execute(sql`delete from audit_event where seq = 1`), appendOnly);
    });

    test('backup then restore into an empty database gives identical data', async () => {
      const file = join(dir, 'vlecht.backup');
      const written = await backupTo(database.db, file);
      const target = await freshDatabase(engine);
      try {
        const restored = await restoreFrom(target.db, file);
        assert.equal(restored.rows, written.rows);
        assert.deepEqual(await snapshot(target.db), await snapshot(database.db));
        assert.equal((await verifyAuditTrail(target.db)).ok, true);
        await assert.rejects(restoreFrom(target.db, file), /RESTORE_TARGET_NOT_EMPTY/);
      } finally {
        await target.close();
      }
    });

    test('a damaged backup is refused and writes nothing', async () => {
      const file = join(dir, 'vlecht.backup');
      const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
      const i = lines.findIndex((l) => l.includes('"row"'));
      lines[i] = lines[i].replace(/"name":"[^"]*"/, '"name":"Vervalst"');
      const damaged = join(dir, 'damaged.backup');
      writeFileSync(damaged, gzipSync(lines.join('\n')));
      const target = await freshDatabase(engine);
      try {
        await assert.rejects(restoreFrom(target.db, damaged), /BACKUP_INVALID/);
        const [{ n }] = await rowsOf<{ n: number }>(target.db, sql`select count(*)::int as n from municipality`);
        assert.equal(n, 0);
        writeFileSync(damaged, 'geen gzip');
        await assert.rejects(restoreFrom(target.db, damaged), /BACKUP_INVALID/);
      } finally {
        await target.close();
      }
    });

    test('a row altered by hand (trigger disabled) breaks the chain at that row', async () => {
      await database.db.execute(sql`alter table audit_event disable trigger audit_event_no_update`);
      await database.db.execute(sql`update audit_event set new_value = '{"name":"vervalst"}'::jsonb where seq = 7`);
      await database.db.execute(sql`alter table audit_event enable trigger audit_event_no_update`);
      const verdict = await verifyAuditTrail(database.db);
      assert.deepEqual(verdict, { ok: false, rows: 7, brokenSeq: 7, reason: 'hash' });
    });
  });
}
