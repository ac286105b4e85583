/**
 * Server-rendered pages through HTTP: sign-in, CSRF on every form, the demo banner, the
 * first administrator via the one-time setup code, security headers.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { demoDatabase } from './support/demo.ts';
import { testApp, type App } from './support/http.ts';
import { createApp } from '../src/platform/http/app.tsx';
import { issueSetupTokenIfNoUsers } from '../src/platform/auth/auth.service.ts';
import type { Database } from '../src/platform/db/open.ts';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

async function loginByForm(app: App, email: string, password = 'vlecht-demo-2026') {
  const res = await app.request('/aanmelden', { method: 'POST', headers: FORM, body: form({ email, password }) });
  const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
  return { res, cookie };
}

for (const engine of ENGINES) {
  describe(`pages [${engine}]`, () => {
    let database: Database;
    let app: App;
    before(async () => { database = await demoDatabase(engine); app = testApp(database.db); });
    after(() => database.close());

    test('the login page is Dutch, shows the demo banner and sends security headers', async () => {
      const res = await app.request('/aanmelden');
      const html = await res.text();
      assert.equal(res.status, 200);
      assert.match(html, /<html lang="nl">/);
      assert.match(html, /<h1[^>]*>Aanmelden<\/h1>/);
      assert.match(html, /Demo-omgeving/);
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/);
      assert.equal(res.headers.get('x-frame-options'), 'SAMEORIGIN');
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.equal(res.headers.get('strict-transport-security'), null, 'no HSTS over plain http');
    });

    test('anonymous visitors are sent to the login page', async () => {
      const res = await app.request('/samenwerkingen');
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/aanmelden');
    });

    test('a wrong password gets a Dutch message, no session', async () => {
      const { res, cookie } = await loginByForm(app, 'beheerder@vlecht.demo', 'fout');
      assert.equal(res.status, 401);
      assert.match(await res.text(), /E-mailadres of wachtwoord is onjuist/);
      assert.equal(cookie, '');
    });

    test('signing in sets an HttpOnly SameSite=Lax session cookie', async () => {
      const { res } = await loginByForm(app, 'beheerder@vlecht.demo');
      assert.equal(res.status, 303);
      const setCookie = res.headers.get('set-cookie') ?? '';
      assert.match(setCookie, /vlecht_sessie=/);
      assert.match(setCookie, /HttpOnly/);
      assert.match(setCookie, /SameSite=Lax/);
      assert.doesNotMatch(setCookie, /Secure/);
    });

    test('behind https the session cookie is Secure', async () => {
      const res = await app.request('/aanmelden', { method: 'POST', headers: { ...FORM, 'x-forwarded-proto': 'https' }, body: form({ email: 'beheerder@vlecht.demo', password: 'vlecht-demo-2026' }) });
      assert.match(res.headers.get('set-cookie') ?? '', /Secure/);
      assert.match(res.headers.get('strict-transport-security') ?? '', /max-age=31536000/);
    });

    test('a signed-in form post without the CSRF token is refused', async () => {
      const { cookie } = await loginByForm(app, 'beheerder@vlecht.demo');
      const res = await app.request('/afmelden', { method: 'POST', headers: { ...FORM, cookie }, body: '' });
      assert.equal(res.status, 403);
      assert.match(await res.text(), /formulier is verlopen/);
    });

    test('a form post from another site is refused', async () => {
      const res = await app.request('/aanmelden', { method: 'POST', headers: { ...FORM, origin: 'https://evil.example' }, body: form({ email: 'beheerder@vlecht.demo', password: 'vlecht-demo-2026' }) });
      assert.equal(res.status, 403);
    });

    test('the token from the page makes the form post work', async () => {
      const { cookie } = await loginByForm(app, 'beheerder@vlecht.demo');
      const page = await (await app.request('/samenwerkingen', { headers: { cookie } })).text();
      const token = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
      assert.ok(token, 'page carries a CSRF token');
      const res = await app.request('/afmelden', { method: 'POST', headers: { ...FORM, cookie }, body: form({ _csrf: token }) });
      assert.equal(res.status, 303);
      assert.equal((await app.request('/samenwerkingen', { headers: { cookie } })).status, 303, 'session ended');
    });

    test('an unknown page is a Dutch 404 page', async () => {
      const { cookie } = await loginByForm(app, 'beheerder@vlecht.demo');
      const res = await app.request('/bestaat-niet', { headers: { cookie } });
      assert.equal(res.status, 404);
      assert.match(await res.text(), /Niet gevonden/);
    });
  });

  describe(`first start without demo [${engine}]`, () => {
    let database: Database;
    before(async () => { database = await freshDatabase(engine); });
    after(() => database.close());

    test('there is no default account; the one-time setup code creates the first beheerder once', async () => {
      const app = createApp({ db: database.db, demo: false });
      const page = await (await app.request('/aanmelden')).text();
      assert.doesNotMatch(page, /Demo-omgeving/);
      const code = await issueSetupTokenIfNoUsers(database.db);
      assert.ok(code);
      const fields = { code: code!, name: 'Eerste Beheerder', email: 'beheer@gemeente.example', password: 'een-heel-lang-wachtwoord' };
      const wrong = await app.request('/installatie', { method: 'POST', headers: FORM, body: form({ ...fields, code: 'fout' }) });
      assert.equal(wrong.status, 400);
      const ok = await app.request('/installatie', { method: 'POST', headers: FORM, body: form(fields) });
      assert.equal(ok.status, 303);
      const again = await app.request('/installatie', { method: 'POST', headers: FORM, body: form({ ...fields, email: 'tweede@gemeente.example' }) });
      assert.equal(again.status, 400);
      assert.match(await again.text(), /ongeldig of al gebruikt/);
      assert.equal(await issueSetupTokenIfNoUsers(database.db), null);
      const { res } = await loginByForm(app, 'beheer@gemeente.example', 'een-heel-lang-wachtwoord');
      assert.equal(res.status, 303);
    });
  });
}
