/**
 * Session lifetime on every engine: an idle session ends after 30 minutes, use keeps it
 * alive, the absolute limit of 8 hours holds regardless, and signing out or disabling the
 * account ends it on the server at once.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { createApp } from '../src/platform/http/app.tsx';
import { createUser } from '../src/platform/auth/auth.service.ts';
import { SYSTEM_ACTOR } from '../src/platform/auth/actor.ts';
import { api, signIn } from './support/http.ts';
import type { Database } from '../src/platform/db/open.ts';

const START = Date.parse('2026-03-15T08:00:00Z');
const MIN = 60_000;

for (const engine of ENGINES) {
  describe(`sessions [${engine}]`, () => {
    let database: Database;
    let now = START;
    let app: ReturnType<typeof createApp>;
    const me = (token: string) => api(app, token, 'GET', '/ik');
    const signedIn = async (token: string) => (await me(token)).body?.signedIn === true;

    before(async () => {
      database = await freshDatabase(engine);
      const ctx = { db: database.db, actor: SYSTEM_ACTOR, clock: () => new Date(now), origin: 'test' };
      await createUser(ctx, { email: 'a@vlecht.test', name: 'A', password: 'lang-genoeg-wachtwoord-1', grants: [{ role: 'beheerder' }] });
      app = createApp({ db: database.db, clock: () => new Date(now) });
    });
    after(() => database.close());

    test('idle for 30 minutes ends a session; use keeps it alive; 8 hours is the limit', async () => {
      now = START;
      const token = await signIn(app, 'a@vlecht.test', 'lang-genoeg-wachtwoord-1');
      now = START + 29 * MIN;
      assert.equal(await signedIn(token), true, 'after 29 idle minutes');
      // Kept alive by use every 25 minutes up to 7 h 55 min…
      for (let t = 29 + 25; t <= 475; t += 25) { now = START + t * MIN; assert.equal(await signedIn(token), true, `at ${t} min`); }
      // …but not past the absolute limit.
      now = START + 8 * 60 * MIN + MIN;
      assert.equal(await signedIn(token), false, 'past 8 hours');

      now = START + 9 * 60 * MIN;
      const idle = await signIn(app, 'a@vlecht.test', 'lang-genoeg-wachtwoord-1');
      now += 31 * MIN;
      assert.equal(await signedIn(idle), false, 'after 31 idle minutes');
      assert.equal((await api(app, idle, 'GET', '/toegangsoverzicht')).status, 401);
    });

    test('over https the session cookie is __Host-vlecht_sessie: Secure, Path=/, HttpOnly, no Domain; signing out clears it', async () => {
      now = START + 20 * 60 * MIN;
      const res = await app.request('https://vlecht.example/api/v1/sessies', {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'a@vlecht.test', password: 'lang-genoeg-wachtwoord-1' }),
      });
      assert.equal(res.status, 201);
      const set = res.headers.get('set-cookie') ?? '';
      assert.match(set, /^__Host-vlecht_sessie=[^;]+;/);
      assert.match(set, /; Secure/);
      assert.match(set, /; Path=\//);
      assert.match(set, /; HttpOnly/);
      assert.doesNotMatch(set, /Domain=/i);
      const cookie = set.split(';')[0];
      const me = await (await app.request('https://vlecht.example/api/v1/ik', { headers: { cookie } })).json() as { signedIn: boolean };
      assert.equal(me.signedIn, true, 'the prefixed cookie is read');
      const plain = await (await app.request('https://vlecht.example/api/v1/ik', { headers: { cookie: cookie.replace('__Host-', '') } })).json() as { signedIn: boolean };
      assert.equal(plain.signedIn, true, 'an unprefixed cookie from before still works (http, local use)');
      const out = await app.request('https://vlecht.example/api/v1/sessies/huidig', { method: 'DELETE', headers: { cookie } });
      assert.equal(out.status, 204);
      assert.match(out.headers.get('set-cookie') ?? '', /__Host-vlecht_sessie=;.*Max-Age=0/);
      const after = await (await app.request('https://vlecht.example/api/v1/ik', { headers: { cookie } })).json() as { signedIn: boolean };
      assert.equal(after.signedIn, false, 'the session ended on the server');
    });

    test('signing out and disabling the account end the session on the server', async () => {
      now = START + 24 * 60 * MIN;
      const first = await signIn(app, 'a@vlecht.test', 'lang-genoeg-wachtwoord-1');
      assert.equal((await api(app, first, 'DELETE', '/sessies/huidig')).status < 300, true);
      assert.equal(await signedIn(first), false, 'signed out');
      const second = await signIn(app, 'a@vlecht.test', 'lang-genoeg-wachtwoord-1');
      assert.equal(await signedIn(second), true);
      await database.db.execute(sql`update app_user set active = false where email = 'a@vlecht.test'`);
      assert.equal(await signedIn(second), false, 'disabled');
    });
  });
}
