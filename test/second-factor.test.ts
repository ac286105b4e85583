/**
 * The TOTP second factor (BIO2 5.17.01) on every engine: setting it up through the API
 * and the page, signing in with a code (missing, wrong, replayed, fresh), enforcement
 * for beheerder and controller when the app requires it, a beheerder's reset, and the
 * secret never reaching the audit trail. Codes are computed here with otpauth from the
 * secret the API returns, at a fixed clock.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { ENGINES } from './support/engines.ts';
import { demoDatabase } from './support/demo.ts';
import { api, signIn, type App } from './support/http.ts';
import { createApp } from '../src/platform/http/app.tsx';
import { rowsOf } from '../src/platform/db/raw.ts';
import type { Database } from '../src/platform/db/open.ts';

const START = Date.parse('2026-03-15T08:00:00Z');
const STEP = 30_000;
const PASSWORD = 'vlecht-demo-2026';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** The code an authenticator app shows for `secret` at `at` (ms). */
const codeAt = (secret: string, at: number) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at });

for (const engine of ENGINES) {
  describe(`second factor [${engine}]`, () => {
    let database: Database;
    let now = START;
    let demo: App;
    let production: App;
    const secrets: string[] = [];
    const clock = () => new Date(now);
    const login = (app: App, email: string, code?: string) =>
      api(app, null, 'POST', '/sessies', { email, password: PASSWORD, ...(code === undefined ? {} : { code }) });
    const page = (app: App, token: string, path: string) => app.request(path, { headers: { authorization: `Bearer ${token}` } });
    const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const refusedSignIns = async (email: string) =>
      (await rowsOf<{ n: number }>(database.db, sql`select count(*)::int as n from audit_event where action = 'sessie.aanmelden' and result = 'geweigerd' and object_id = ${email}`))[0].n;

    const keyBefore = process.env.VLECHT_SECRET_KEY;
    before(async () => {
      // Secrets at rest encrypted as in production (AES-256-GCM, src/platform/auth/secret-box.ts).
      process.env.VLECHT_SECRET_KEY = randomBytes(32).toString('base64');
      database = await demoDatabase(engine);
      demo = createApp({ db: database.db, demo: true, clock });
      production = createApp({ db: database.db, demo: false, requireSecondFactor: true, clock });
    });
    after(async () => {
      if (keyBefore === undefined) delete process.env.VLECHT_SECRET_KEY; else process.env.VLECHT_SECRET_KEY = keyBefore;
      await database.close();
    });

    test('sets up a second factor through the API with a code from the app; the session is rotated', async () => {
      now = START;
      const old = await signIn(demo, 'directie@vlecht.demo');
      const started = await api(demo, old, 'POST', '/tweede-factor', {});
      assert.equal(started.status, 200);
      const { secret, uri } = started.body as { secret: string; uri: string };
      secrets.push(secret);
      assert.match(secret, /^[A-Z2-7]{32}$/);
      assert.match(uri, /^otpauth:\/\/totp\/Vlecht:directie%40vlecht\.demo\?/);
      assert.equal((await api(demo, old, 'POST', '/tweede-factor', {})).body.secret, secret, 'the pending secret is kept until confirmed');
      const [stored] = await rowsOf<{ s: string }>(database.db, sql`select totp_secret as s from app_user where email = 'directie@vlecht.demo'`);
      assert.match(stored.s, /^v1\./, 'stored encrypted');
      assert.ok(!stored.s.includes(secret), 'the secret itself is not in the database');

      const wrong = await api(demo, old, 'POST', '/tweede-factor/bevestigen', { code: codeAt(secret, now + 5 * STEP) });
      assert.equal(wrong.status, 400);
      assert.equal(wrong.body.invalidParams[0].name, 'code');

      const confirmed = await api(demo, old, 'POST', '/tweede-factor/bevestigen', { code: codeAt(secret, now) });
      assert.equal(confirmed.status, 200);
      assert.equal(confirmed.body.confirmed, true);
      const fresh = confirmed.body.token as string;
      assert.notEqual(fresh, old);
      assert.equal((await api(demo, old, 'GET', '/ik')).body.signedIn, false, 'the old session ended');
      const me = await api(demo, fresh, 'GET', '/ik');
      assert.deepEqual(me.body.secondFactor, { confirmed: true, sessionVerified: true, enrolmentRequired: false });
      const again = await api(demo, fresh, 'POST', '/tweede-factor', {});
      assert.equal(again.status, 409);
      assert.equal(again.body.code, 'SECOND_FACTOR_ALREADY_SET');
      const [row] = await rowsOf<{ n: number }>(database.db, sql`select count(*)::int as n from audit_event where action = 'gebruiker.tweede-factor.ingesteld'`);
      assert.equal(row.n, 1);
    });

    test('sign-in asks for the code, refuses a wrong or replayed one (throttled, audited) and accepts a fresh one', async () => {
      const email = 'directie@vlecht.demo';
      const secret = secrets[0];
      now = START + 2 * STEP;
      const missing = await login(demo, email);
      assert.equal(missing.status, 401);
      assert.equal(missing.body.code, 'SECOND_FACTOR_REQUIRED');
      assert.match(missing.body.detail, /code uit uw authenticator-app/);
      const wrongPassword = await api(demo, null, 'POST', '/sessies', { email, password: 'fout', code: codeAt(secret, now) });
      assert.equal(wrongPassword.body.code, 'BAD_CREDENTIALS', 'a wrong password is refused before the code matters');

      const refusedBefore = await refusedSignIns(email);
      const wrong = await login(demo, email, codeAt(secret, now + 10 * STEP));
      assert.equal(wrong.status, 401);
      assert.equal(wrong.body.code, 'BAD_CREDENTIALS');
      assert.equal(await refusedSignIns(email), refusedBefore + 1, 'a wrong code is audited as a refused sign-in');
      const [throttle] = await rowsOf<{ failures: number }>(database.db, sql`select failures from login_throttle where key = ${`email:${email}`}`);
      assert.equal(throttle.failures, 2, 'the wrong password and the wrong code both count');

      const code = codeAt(secret, now);
      const ok = await login(demo, email, code);
      assert.equal(ok.status, 201);
      assert.equal((await api(demo, ok.body.token, 'GET', '/ik')).body.secondFactor.sessionVerified, true);
      const replay = await login(demo, email, code);
      assert.equal(replay.status, 401);
      assert.equal(replay.body.code, 'BAD_CREDENTIALS');
      assert.equal(await refusedSignIns(email), refusedBefore + 2, 'a replayed code is audited as a refused sign-in');
      const earlier = await login(demo, email, codeAt(secret, now - STEP));
      assert.equal(earlier.status, 401, 'a code of an earlier step than the last used one is refused too');

      now += STEP; // the next step: the app shows a new code, accepted once
      assert.equal((await login(demo, email, codeAt(secret, now + STEP))).status, 201, 'a code one step ahead (clock drift) is accepted');
      now += 3 * STEP;
      const viaForm = await demo.request('/aanmelden', { method: 'POST', headers: FORM, body: new URLSearchParams({ email, password: PASSWORD, code: codeAt(secret, now) }).toString() });
      assert.equal(viaForm.status, 303);
      assert.equal(viaForm.headers.get('location'), '/samenwerkingen');
      const formWithout = await demo.request('/aanmelden', { method: 'POST', headers: FORM, body: new URLSearchParams({ email, password: PASSWORD }).toString() });
      assert.equal(formWithout.status, 401);
      assert.match(await formWithout.text(), /vul ook de code uit uw authenticator-app in/);
    });

    test('the sign-in form has an optional one-time-code field; the demo says the factor is optional there', async () => {
      const html = await (await demo.request('/aanmelden')).text();
      assert.match(html, /<input[^>]*name="code"[^>]*autocomplete="one-time-code"[^>]*inputmode="numeric"/);
      assert.doesNotMatch(/<input[^>]*name="code"[^>]*>/.exec(html)![0], /required/);
      assert.match(html, /Code uit uw authenticator-app/);
      assert.match(html, /In de demo is een tweede factor \(authenticator-app\) optioneel/);
    });

    test('with enforcement a controller without a second factor can only set one up; afterwards everything works', async () => {
      now = START + 60 * STEP;
      const email = 'controller.heemstede@vlecht.demo';
      const signedIn = await login(production, email);
      assert.equal(signedIn.status, 201);
      assert.equal(signedIn.body.enrolmentRequired, true);
      const token = signedIn.body.token as string;

      const cooperations = await page(production, token, '/samenwerkingen');
      assert.equal(cooperations.status, 303);
      assert.equal(cooperations.headers.get('location'), '/tweede-factor');
      const refused = await api(production, token, 'GET', '/samenwerkingen');
      assert.equal(refused.status, 403);
      assert.equal(refused.body.code, 'SECOND_FACTOR_ENROLMENT_REQUIRED');
      assert.match(refused.body.detail, /tweede factor/);
      assert.equal((await api(production, token, 'GET', '/ik')).body.secondFactor.enrolmentRequired, true);
      const form = await production.request('/aanmelden', { method: 'POST', headers: FORM, body: new URLSearchParams({ email, password: PASSWORD }).toString() });
      assert.equal(form.headers.get('location'), '/tweede-factor', 'the form sends the controller to the enrolment page');

      const enrolPage = await page(production, token, '/tweede-factor');
      assert.equal(enrolPage.status, 200);
      const html = await enrolPage.text();
      assert.match(html, /<svg role="img" aria-label="QR-code/);
      const { secret } = (await api(production, token, 'POST', '/tweede-factor', {})).body as { secret: string };
      secrets.push(secret);
      assert.ok(html.includes(secret.match(/.{4}/g)!.join(' ')), 'the page shows the same pending secret in groups of four');
      assert.ok(html.includes(`secret=${secret}`), 'and the otpauth URI');

      const post = (code: string) => production.request('/tweede-factor', {
        method: 'POST', headers: { ...FORM, authorization: `Bearer ${token}` }, body: new URLSearchParams({ _csrf: csrfOf(html), code }).toString(),
      });
      const wrong = await post('000000' === codeAt(secret, now) ? '111111' : '000000');
      assert.equal(wrong.status, 400);
      assert.match(await wrong.text(), /de code klopt niet/);
      const done = await post(codeAt(secret, now));
      assert.equal(done.status, 303);
      assert.equal(done.headers.get('location'), '/tweede-factor?ingesteld=1');
      const rotated = /vlecht_sessie=([^;]+)/.exec(done.headers.get('set-cookie') ?? '')?.[1];
      assert.ok(rotated && rotated !== token, 'a new session cookie');
      assert.equal((await api(production, token, 'GET', '/ik')).body.signedIn, false, 'the enrolment-only session ended');

      assert.equal((await api(production, rotated!, 'GET', '/samenwerkingen')).status, 200);
      assert.equal((await page(production, rotated!, '/samenwerkingen')).status, 200);
      assert.match(await (await page(production, rotated!, '/tweede-factor?ingesteld=1')).text(), /Uw tweede factor is ingesteld/);
      now += STEP;
      const next = await login(production, email, codeAt(secret, now));
      assert.equal(next.body.enrolmentRequired, false);
      assert.equal((await api(production, next.body.token, 'GET', '/samenwerkingen')).status, 200);
    });

    test('with enforcement a raadslid (no second factor needed) works as before; sign-out stays possible for everyone', async () => {
      const raadslid = await login(production, 'raadslid.heemstede@vlecht.demo');
      assert.equal(raadslid.body.enrolmentRequired, false);
      assert.equal((await api(production, raadslid.body.token, 'GET', '/samenwerkingen')).status, 200);
      assert.equal((await page(production, raadslid.body.token, '/samenwerkingen')).status, 200);
      const beheerder = (await login(production, 'beheerder@vlecht.demo')).body.token as string;
      assert.equal((await api(production, beheerder, 'GET', '/toegangsoverzicht')).status, 403);
      assert.equal((await api(production, beheerder, 'DELETE', '/sessies/huidig')).status, 204);
      assert.equal((await api(production, beheerder, 'GET', '/ik')).body.signedIn, false);
    });

    test('a beheerder removes another account\'s second factor and ends its sessions; a controller may not', async () => {
      now += 10 * STEP;
      const target = (await rowsOf<{ id: string }>(database.db, sql`select id from app_user where email = 'controller.heemstede@vlecht.demo'`))[0].id;
      const controllerSession = (await login(production, 'controller.heemstede@vlecht.demo', codeAt(secrets[1], now))).body.token as string;
      assert.equal((await api(production, controllerSession, 'GET', '/ik')).body.signedIn, true);

      const controller = await signIn(demo, 'controller.bloemendaal@vlecht.demo');
      const forbidden = await api(demo, controller, 'DELETE', `/gebruikers/${target}/tweede-factor`);
      assert.equal(forbidden.status, 403);
      const [refusal] = await rowsOf<{ n: number }>(database.db, sql`select count(*)::int as n from audit_event where action = 'gebruiker.tweede-factor.verwijderd' and result = 'geweigerd'`);
      assert.equal(refusal.n, 1, 'the refusal is audited');

      const beheerder = await signIn(demo, 'beheerder@vlecht.demo');
      assert.equal((await api(demo, beheerder, 'DELETE', '/gebruikers/00000000-0000-4000-8000-000000000000/tweede-factor')).status, 404);
      assert.equal((await api(demo, beheerder, 'DELETE', `/gebruikers/${target}/tweede-factor`)).status, 204);
      assert.equal((await api(production, controllerSession, 'GET', '/ik')).body.signedIn, false, 'the account\'s sessions ended');
      const [done] = await rowsOf<{ n: number; old: string }>(database.db, sql`select count(*)::int as n, max(old_value::text) as old from audit_event
        where action = 'gebruiker.tweede-factor.verwijderd' and result = 'geslaagd' and object_id = ${target}`);
      assert.equal(done.n, 1);
      assert.match(done.old, /"ingesteld": ?true/);

      const again = await login(production, 'controller.heemstede@vlecht.demo');
      assert.equal(again.status, 201, 'signs in without a code again');
      assert.equal(again.body.enrolmentRequired, true, 'and must set up a new second factor');
    });

    test('no secret ever reaches the audit trail', async () => {
      assert.equal(secrets.length, 2);
      const rows = await rowsOf<Record<string, unknown>>(database.db, sql`select * from audit_event`);
      const trail = JSON.stringify(rows);
      for (const secret of secrets) assert.ok(!trail.includes(secret), 'secret in the audit trail');
      assert.ok(!/otpauth:/.test(trail));
    });
  });
}
