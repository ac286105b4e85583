/**
 * Signing in through the municipality's identity provider (OIDC), on every engine, against
 * a small provider on 127.0.0.1 (test/support/fake-idp.ts): the browser's trip is played
 * by hand — start at Vlecht, follow the redirect to the provider, come back with code and
 * state — so every check (state, nonce, PKCE, acr, amr, e-mail, account) is exercised.
 */
import { describe, test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { ENGINES } from './support/engines.ts';
import { demoDatabase } from './support/demo.ts';
import { startFakeIdp, type FakeIdp } from './support/fake-idp.ts';
import { createApp } from '../src/platform/http/app.tsx';
import { readOidcConfig, OidcConfigError } from '../src/platform/auth/oidc.config.ts';
import { rowsOf } from '../src/platform/db/raw.ts';
import { login, sessionActor } from '../src/platform/auth/auth.service.ts';
import { resetOidcBindingByEmail } from '../src/platform/auth/oidc.service.ts';
import type { Database } from '../src/platform/db/open.ts';

type App = ReturnType<typeof createApp>;
const ACR = 'urn:vlecht:loa:hoog,urn:vlecht:loa:substantieel';
const AMR = 'mfa,otp,hwk';
const CONTROLLER = 'controller.heemstede@vlecht.demo';

/** `name=value` of the cookie `name` in the response's Set-Cookie headers, with its attributes. */
function cookieOf(res: Response, name: string): { pair: string; attributes: string } | null {
  const line = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  if (!line) return null;
  const [pair, ...rest] = line.split(';');
  return { pair, attributes: rest.join(';') };
}

/** Vlecht → provider: the authorization URL and the flow cookie. */
async function start(app: App) {
  const res = await app.request('/aanmelden/oidc');
  assert.equal(res.status, 303, await res.clone().text());
  const flow = cookieOf(res, 'vlecht_oidc');
  assert.ok(flow, 'flow cookie set');
  return { authorize: res.headers.get('location')!, cookie: flow.pair };
}

/** The provider answers at once with a redirect to the callback (code + state). */
async function atProvider(authorize: string): Promise<URL> {
  const res = await fetch(authorize, { redirect: 'manual' });
  assert.equal(res.status, 302);
  return new URL(res.headers.get('location')!);
}

const back = (app: App, callback: URL, cookie: string) => app.request(callback.pathname + callback.search, { headers: { cookie } });

/** The whole trip; `tamper` may change the callback URL before the browser follows it. */
async function signInViaIdp(app: App, tamper: (u: URL) => void = () => {}) {
  const { authorize, cookie } = await start(app);
  const callback = await atProvider(authorize);
  tamper(callback);
  return { res: await back(app, callback, cookie), callback, cookie };
}

describe('OIDC settings from the environment', () => {
  test('none set: password sign-in only', () => {
    assert.equal(readOidcConfig({}), null);
  });

  test('incomplete or unsafe settings stop the start with a Dutch message per problem', () => {
    assert.throws(() => readOidcConfig({ VLECHT_OIDC_ISSUER: 'http://idp.heemstede.nl', VLECHT_OIDC_REDIRECT_URI: 'https://vlecht.heemstede.nl/terug' }), (e: unknown) => {
      assert.ok(e instanceof OidcConfigError);
      assert.match(e.message, /VLECHT_OIDC_ISSUER moet met https:\/\/ beginnen/);
      assert.match(e.message, /VLECHT_OIDC_CLIENT_ID ontbreekt/);
      assert.match(e.message, /VLECHT_OIDC_CLIENT_SECRET ontbreekt/);
      assert.match(e.message, /VLECHT_OIDC_REDIRECT_URI moet eindigen op \/aanmelden\/oidc\/terugkeer/);
      return true;
    });
  });

  test('comma lists are trimmed; the test-only http permission never comes from the environment', () => {
    const env = {
      VLECHT_OIDC_ISSUER: 'https://idp.heemstede.nl/realms/gemeente', VLECHT_OIDC_CLIENT_ID: 'vlecht', VLECHT_OIDC_CLIENT_SECRET: 's',
      VLECHT_OIDC_REDIRECT_URI: 'https://vlecht.heemstede.nl/aanmelden/oidc/terugkeer', VLECHT_OIDC_ACR: ' loa3 , ', VLECHT_OIDC_AMR: 'mfa, otp,hwk',
      VLECHT_OIDC_NAME: 'Gemeente Heemstede', VLECHT_OIDC_ALLOW_INSECURE_REQUESTS: '1',
    };
    const config = readOidcConfig(env)!;
    assert.deepEqual(config.acr, ['loa3']);
    assert.deepEqual(config.amr, ['mfa', 'otp', 'hwk']);
    assert.equal(config.allowInsecureRequests, undefined);
    assert.throws(() => readOidcConfig({ ...env, VLECHT_OIDC_ISSUER: 'http://127.0.0.1:8080' }), /https/);
  });
});

for (const engine of ENGINES) {
  describe(`OIDC sign-in [${engine}]`, () => {
    let database: Database;
    let idp: FakeIdp;
    let app: App;
    const lastSignIn = async () => (await rowsOf<{ result: string; object_id: string; reason: string | null; new_value: Record<string, unknown> | null; actor_label: string }>(database.db,
      sql`select result, object_id, reason, new_value, actor_label from audit_event where action = 'sessie.aanmelden' order by seq desc limit 1`))[0];
    const sessions = async () => (await rowsOf<{ n: number }>(database.db, sql`select count(*)::int as n from session`))[0].n;
    const refusedPage = async (res: Response, status: number, text: RegExp) => {
      assert.equal(res.status, status);
      const html = await res.text();
      assert.match(html, /Aanmelden is niet gelukt/);
      assert.match(html, text);
      assert.doesNotMatch(html, /\bat .+\.(ts|js):\d+|Error:|eyJ/, 'no stack trace, error text or token on the page');
      assert.equal(cookieOf(res, 'vlecht_sessie'), null, 'no session cookie');
      assert.match(cookieOf(res, 'vlecht_oidc')?.attributes ?? '', /Max-Age=0/, 'flow cookie cleared');
    };

    before(async () => {
      database = await demoDatabase(engine);
      idp = await startFakeIdp();
      app = createApp({ db: database.db, bulk: database.bulk, demo: true, oidc: idp.config({ VLECHT_OIDC_ACR: ACR, VLECHT_OIDC_AMR: AMR }) });
    });
    after(async () => {
      await idp.close();
      await database.close();
    });
    beforeEach(() => { idp.next = { claims: {} }; });

    test('a controller with acr and amr as required is signed in, and the session works on /api/v1/ik', async () => {
      const before = await sessions();
      const { res } = await signInViaIdp(app);
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/samenwerkingen');
      assert.match(cookieOf(res, 'vlecht_oidc')?.attributes ?? '', /Max-Age=0/, 'flow cookie cleared');
      const session = cookieOf(res, 'vlecht_sessie');
      assert.ok(session, 'session cookie set');
      assert.match(session.attributes, /HttpOnly/);
      assert.equal(await sessions(), before + 1);

      const me = await app.request('/api/v1/ik', { headers: { cookie: session.pair } });
      const body = await me.json() as { signedIn: boolean; user: { email: string } };
      assert.equal(body.signedIn, true);
      assert.equal(body.user.email, CONTROLLER);

      const audit = await lastSignIn();
      assert.equal(audit.result, 'geslaagd');
      assert.deepEqual(audit.new_value, { methode: 'oidc', acr: 'urn:vlecht:loa:hoog', amr: ['pwd', 'mfa'], gekoppeld: true }, 'the first sign-in binds the provider account');
      assert.doesNotMatch(JSON.stringify(audit), /medewerker-123|eyJ/, 'no subject or token in the audit trail');

      const asked = idp.lastAuthorization!;
      assert.equal(asked.get('acr_values'), 'urn:vlecht:loa:hoog urn:vlecht:loa:substantieel');
      assert.equal(asked.get('code_challenge_method'), 'S256');
      assert.equal(asked.get('scope'), 'openid email');
      assert.ok(asked.get('nonce') && asked.get('state'));
    });

    test('with the second factor enforced, the provider\'s MFA counts: a controller gets in; a password-only sign-in may only set up TOTP', async () => {
      const enforced = createApp({ db: database.db, bulk: database.bulk, demo: false, requireSecondFactor: true, oidc: idp.config({ VLECHT_OIDC_ACR: ACR, VLECHT_OIDC_AMR: AMR }) });
      const strong = cookieOf((await signInViaIdp(enforced)).res, 'vlecht_sessie');
      assert.ok(strong);
      const page = await enforced.request('/samenwerkingen', { headers: { cookie: strong.pair } });
      assert.equal(page.status, 200, 'amr mfa satisfies the second factor');

      const lenient = createApp({ db: database.db, bulk: database.bulk, demo: false, requireSecondFactor: true, oidc: idp.config({}) });
      idp.next.claims = { amr: ['pwd'], acr: undefined };
      const weak = cookieOf((await signInViaIdp(lenient)).res, 'vlecht_sessie');
      assert.ok(weak, 'signed in: nothing was required by the settings');
      const restricted = await lenient.request('/samenwerkingen', { headers: { cookie: weak.pair } });
      assert.equal(restricted.status, 303);
      assert.equal(restricted.headers.get('location'), '/tweede-factor');
    });

    test('the login page offers "Aanmelden via Gemeente Heemstede" above the password form', async () => {
      const html = await (await app.request('/aanmelden')).text();
      assert.match(html, /href="\/aanmelden\/oidc"[^>]*>Aanmelden via Gemeente Heemstede</);
      assert.ok(html.indexOf('/aanmelden/oidc') < html.indexOf('name="password"'));
      assert.match(html, /name="email"/);
    });

    test('over https the flow cookie is __Host-, Secure, HttpOnly, SameSite=Lax and lives 10 minutes', async () => {
      const res = await app.request('/aanmelden/oidc', { headers: { 'x-forwarded-proto': 'https' } });
      assert.equal(res.status, 303);
      const flow = cookieOf(res, '__Host-vlecht_oidc');
      assert.ok(flow);
      for (const a of [/Secure/, /HttpOnly/, /SameSite=Lax/, /Max-Age=600/, /Path=\//]) assert.match(flow.attributes, a);
      assert.doesNotMatch(flow.attributes, /Domain=/);
    });

    test('a callback with another state is refused', async () => {
      const before = await sessions();
      const { res } = await signInViaIdp(app, (u) => u.searchParams.set('state', 'aangepast'));
      await refusedPage(res, 400, /klopt niet bij deze aanmelding/);
      assert.equal(await sessions(), before);
    });

    test('a callback without the flow cookie (another browser, or after 10 minutes) is refused', async () => {
      const { authorize } = await start(app);
      const callback = await atProvider(authorize);
      const res = await app.request(callback.pathname + callback.search);
      assert.equal(res.status, 400);
      assert.match(await res.text(), /geen aanmelding via Gemeente Heemstede gaande/);
    });

    test('the same callback cannot be used twice', async () => {
      const { res, callback, cookie } = await signInViaIdp(app);
      assert.equal(res.status, 303);
      const again = await back(app, callback, cookie);
      assert.equal(again.status, 400, 'the code was used and the flow ended');
      assert.equal(cookieOf(again, 'vlecht_sessie'), null);
    });

    test('an ID token with another nonce is refused', async () => {
      idp.next.nonce = 'een-andere-nonce';
      const { res } = await signInViaIdp(app);
      await refusedPage(res, 400, /klopt niet bij deze aanmelding/);
    });

    test('an acr that is not allowed is refused with a Dutch message and audited', async () => {
      idp.next.claims = { acr: 'urn:vlecht:loa:laag' };
      const { res } = await signInViaIdp(app);
      await refusedPage(res, 403, /betrouwbaarheidsniveau \(urn:vlecht:loa:laag\) dat Vlecht niet accepteert/);
      const audit = await lastSignIn();
      assert.equal(audit.result, 'geweigerd');
      assert.equal(audit.object_id, CONTROLLER);
      assert.match(audit.reason ?? '', /acr/);
      assert.deepEqual(audit.new_value, { methode: 'oidc', acr: 'urn:vlecht:loa:laag', amr: ['pwd', 'mfa'] });
    });

    test('no acr at all is refused when acr is required', async () => {
      idp.next.claims = { acr: undefined };
      const { res } = await signInViaIdp(app);
      await refusedPage(res, 403, /betrouwbaarheidsniveau \(onbekend\)/);
    });

    test('an amr without mfa, otp or hwk is refused', async () => {
      idp.next.claims = { amr: ['pwd'] };
      const { res } = await signInViaIdp(app);
      await refusedPage(res, 403, /zonder de vereiste tweede factor/);
      assert.match((await lastSignIn()).reason ?? '', /amr/);
    });

    test('an e-mail address the provider has not verified is refused', async () => {
      idp.next.claims = { email_verified: false };
      const { res } = await signInViaIdp(app);
      await refusedPage(res, 403, /niet als bevestigd gemarkeerd/);
      assert.equal((await lastSignIn()).result, 'geweigerd');
    });

    test('an ID token without e-mail address is refused', async () => {
      idp.next.claims = { email: undefined };
      const { res } = await signInViaIdp(app);
      await refusedPage(res, 403, /gaf geen e-mailadres door/);
    });

    test('an unknown e-mail address is refused and audited; no account or session is created', async () => {
      const count = async (q: ReturnType<typeof sql>) => (await rowsOf<{ n: number }>(database.db, q))[0].n;
      const users = await count(sql`select count(*)::int as n from app_user`);
      const before = await sessions();
      idp.next.claims = { email: 'Nieuw.Iemand@Heemstede.nl' };
      const { res } = await signInViaIdp(app);
      await refusedPage(res, 403, /geen actief account voor nieuw\.iemand@heemstede\.nl/);
      assert.equal(await sessions(), before);
      assert.equal(await count(sql`select count(*)::int as n from app_user`), users);
      const audit = await lastSignIn();
      assert.equal(audit.result, 'geweigerd');
      assert.equal(audit.object_id, 'nieuw.iemand@heemstede.nl');
      assert.match(audit.reason ?? '', /geen actief account/);
    });

    test('a disabled account is refused', async () => {
      const email = 'raadslid.heemstede@vlecht.demo';
      await database.db.execute(sql`update app_user set active = false where email = ${email}`);
      try {
        idp.next.claims = { email };
        const before = await sessions();
        const { res } = await signInViaIdp(app);
        await refusedPage(res, 403, /geen actief account/);
        assert.equal(await sessions(), before);
      } finally {
        await database.db.execute(sql`update app_user set active = true where email = ${email}`);
      }
    });

    test('an error at the token endpoint gives a Dutch error page without a stack trace', async () => {
      idp.next.tokenError = 500;
      const { res } = await signInViaIdp(app);
      await refusedPage(res, 502, /niet bereikbaar of gaf een onverwacht antwoord/);
    });

    test('a provider that cannot be reached gives a Dutch error page (502)', async () => {
      const dead = await startFakeIdp();
      const config = dead.config();
      await dead.close();
      const offline = createApp({ db: database.db, oidc: config });
      const res = await offline.request('/aanmelden/oidc');
      assert.equal(res.status, 502);
      const html = await res.text();
      assert.match(html, /Gemeente Heemstede is nu niet bereikbaar/);
      assert.doesNotMatch(html, /ECONNREFUSED|fetch failed|\bat .+:\d+/);
    });

    test('the first sign-in binds the provider account (iss/sub): another account with the same e-mail, or the bound one for another user, is refused until a beheerder removes the binding', async () => {
      const bound = async () => (await rowsOf<{ iss: string | null; sub: string | null }>(database.db, sql`select oidc_issuer as iss, oidc_subject as sub from app_user where email = ${CONTROLLER}`))[0];
      assert.equal((await signInViaIdp(app)).res.status, 303);
      assert.deepEqual(await bound(), { iss: idp.issuer, sub: 'medewerker-123' });

      idp.next.claims = { sub: 'iemand-anders' };
      await refusedPage((await signInViaIdp(app)).res, 403, /gekoppeld aan een ander account/);
      assert.match((await lastSignIn()).reason ?? '', /iss\/sub/);

      idp.next.claims = { email: 'raadslid.heemstede@vlecht.demo' };
      await refusedPage((await signInViaIdp(app)).res, 403, /ander account/);

      const { token } = await login(database.db, { email: 'beheerder@vlecht.demo', password: 'vlecht-demo-2026', origin: 'test' });
      const beheerder = { db: database.db, actor: (await sessionActor(database.db, token))!.actor, clock: () => new Date(), origin: 'test' };
      const controllerCtx = { ...beheerder, actor: (await sessionActor(database.db, (await login(database.db, { email: CONTROLLER, password: 'vlecht-demo-2026', origin: 'test' })).token))!.actor };
      await assert.rejects(resetOidcBindingByEmail(controllerCtx, CONTROLLER), /FORBIDDEN|toegang|403/i);
      assert.deepEqual(await resetOidcBindingByEmail(beheerder, CONTROLLER), { wasBound: true });
      assert.deepEqual(await bound(), { iss: null, sub: null });
      const [audit] = await rowsOf<{ old_value: Record<string, unknown> }>(database.db, sql`select old_value from audit_event where action = 'gebruiker.oidc-koppeling.verwijderd' order by seq desc limit 1`);
      assert.deepEqual(audit.old_value, { gekoppeld: true, issuer: idp.issuer }, 'the subject itself is not in the audit trail');

      idp.next.claims = { sub: 'iemand-anders' };
      assert.equal((await signInViaIdp(app)).res.status, 303, 'binds anew');
      assert.equal((await bound()).sub, 'iemand-anders');
      // Back to the default subject for the tests after this one.
      await resetOidcBindingByEmail(beheerder, CONTROLLER);
      idp.next.claims = {};
      assert.equal((await signInViaIdp(app)).res.status, 303);
    });

    test('without OIDC settings /aanmelden/oidc is not found and the login page has no OIDC button', async () => {
      const plain = createApp({ db: database.db, demo: true });
      assert.equal((await plain.request('/aanmelden/oidc')).status, 404);
      assert.equal((await plain.request('/aanmelden/oidc/terugkeer?code=x&state=y')).status, 404);
      const html = await (await plain.request('/aanmelden')).text();
      assert.doesNotMatch(html, /aanmelden\/oidc|Aanmelden via/);
      assert.match(html, /name="password"/);
    });
  });
}
