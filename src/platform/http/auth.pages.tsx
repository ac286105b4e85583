/** Sign-in, sign-out, language switch and first-administrator setup pages. */
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import type { AppEnv } from './env.ts';
import { renderPage } from './render.tsx';
import { clearSessionCookie, clientAddress, setSessionCookie, tokenOf } from './session.ts';
import { completeSetup, enrolmentRequired, login, logout } from '../auth/auth.service.ts';
import { ErrorSummary, SubmitButton, TextField, Csrf, type Issues } from '../ui/form.tsx';
import { isVlechtError, type VlechtError } from '../errors.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { Db } from '../db/types.ts';
import type { Child } from 'hono/jsx';
import { OidcLoginLink } from './oidc.pages.tsx';

function LoginForm({ locale, email, issues, message, csrf, alternative }: { locale: Locale; email: string; issues: Issues; message?: string; csrf: string | null; alternative?: Child }) {
  return (
    <>
      <h1 class="utrecht-heading-1">{t(locale, 'login.title')}</h1>
      <ErrorSummary issues={issues} locale={locale} message={message} />
      {alternative}
      <form method="post" action="/aanmelden" class="vlecht-form" novalidate>
        <Csrf token={csrf} />
        <TextField name="email" label={t(locale, 'login.email')} value={email} issues={issues} type="email" autocomplete="username" required />
        <TextField name="password" label={t(locale, 'login.password')} issues={issues} type="password" autocomplete="current-password" required />
        <TextField name="code" label={t(locale, 'login.code')} issues={issues} autocomplete="one-time-code" inputmode="numeric" description={t(locale, 'login.codeHint')} />
        <div><SubmitButton>{t(locale, 'login.submit')}</SubmitButton></div>
      </form>
    </>
  );
}

function messageOf(e: VlechtError, locale: Locale) {
  return t(locale, `error.${e.code}` as never, e.params);
}

/** `oidcName`: the identity provider's name when OIDC is configured (a button above the form). */
export function authPages(db: Db, clock: () => Date, requireSecondFactor = false, oidcName?: string) {
  const app = new Hono<AppEnv>();

  app.get('/aanmelden', (c) => {
    if (c.get('actor')) return c.redirect('/samenwerkingen', 303);
    const locale = c.get('locale');
    return renderPage(c, t(locale, 'login.title'), (
      <>
        <LoginForm locale={locale} email="" issues={[]} csrf={null} alternative={oidcName && <OidcLoginLink name={oidcName} locale={locale} />} />
        {c.get('demo') && <p class="utrecht-paragraph vlecht-source">{t(locale, 'login.demoHint')}</p>}
      </>
    ));
  });

  app.post('/aanmelden', async (c) => {
    const locale = c.get('locale');
    const body = await c.req.parseBody();
    const email = typeof body.email === 'string' ? body.email.slice(0, 200) : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const code = typeof body.code === 'string' ? body.code.slice(0, 20) : '';
    const issues: Issues = [];
    if (!email.trim()) issues.push({ field: 'email', message: locale === 'nl' ? 'vul uw e-mailadres in' : 'enter your e-mail address' });
    if (!password) issues.push({ field: 'password', message: locale === 'nl' ? 'vul uw wachtwoord in' : 'enter your password' });
    if (issues.length === 0) {
      try {
        const { token, secondFactor } = await login(db, { email, password, code, origin: `http ${clientAddress(c)}` }, clock());
        setSessionCookie(c, token);
        return c.redirect(enrolmentRequired(requireSecondFactor, secondFactor) ? '/tweede-factor' : '/samenwerkingen', 303);
      } catch (e) {
        if (!isVlechtError(e)) throw e;
        return renderPage(c, t(locale, 'login.title'), <LoginForm locale={locale} email={email} issues={[]} message={messageOf(e, locale)} csrf={null} />, { status: e.code === 'TOO_MANY_ATTEMPTS' ? 429 : 401 });
      }
    }
    return renderPage(c, t(locale, 'login.title'), <LoginForm locale={locale} email={email} issues={issues} csrf={null} />, { status: 400 });
  });

  app.post('/afmelden', async (c) => {
    const token = tokenOf(c);
    if (token) await logout(db, token);
    clearSessionCookie(c);
    return c.redirect('/aanmelden', 303);
  });

  app.get('/taal/:locale', (c) => {
    const wanted = c.req.param('locale') === 'en' ? 'en' : 'nl';
    setCookie(c, 'vlecht_taal', wanted, { path: '/', sameSite: 'Lax', maxAge: 365 * 86400 });
    const back = c.req.header('referer');
    const target = back && new URL(back, c.req.url).host === new URL(c.req.url).host ? new URL(back).pathname : '/';
    return c.redirect(target, 303);
  });

  app.get('/installatie', (c) => {
    const locale = c.get('locale');
    return renderPage(c, 'Installatie', <SetupForm locale={locale} token={c.req.query('code') ?? ''} issues={[]} />);
  });

  app.post('/installatie', async (c) => {
    const locale = c.get('locale');
    const body = await c.req.parseBody();
    const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
    try {
      await completeSetup(db, str('code'), { email: str('email'), name: str('name'), password: str('password') }, 'http', clock());
      return c.redirect('/aanmelden', 303);
    } catch (e) {
      if (!isVlechtError(e)) throw e;
      return renderPage(c, 'Installatie', <SetupForm locale={locale} token={str('code')} issues={e.issues} message={e.issues.length ? undefined : messageOf(e, locale)} email={str('email')} name={str('name')} />, { status: 400 });
    }
  });

  return app;
}

function SetupForm({ locale, token, issues, message, email, name }: { locale: Locale; token: string; issues: Issues; message?: string; email?: string; name?: string }) {
  return (
    <>
      <h1 class="utrecht-heading-1">{locale === 'nl' ? 'Eerste beheerder aanmaken' : 'Create the first administrator'}</h1>
      <p class="utrecht-paragraph">{locale === 'nl' ? 'Gebruik de eenmalige installatiecode die bij de eerste start in het logboek van de server stond.' : 'Use the one-time setup code printed in the server log at first start.'}</p>
      <ErrorSummary issues={issues} locale={locale} message={message} />
      <form method="post" action="/installatie" class="vlecht-form" novalidate>
        <TextField name="code" label={locale === 'nl' ? 'Installatiecode' : 'Setup code'} value={token} issues={issues} required />
        <TextField name="name" label={t(locale, 'login.email') === 'E-mailadres' ? 'Naam' : 'Name'} value={name} issues={issues} required />
        <TextField name="email" label={t(locale, 'login.email')} value={email} issues={issues} type="email" required />
        <TextField name="password" label={t(locale, 'login.password')} issues={issues} type="password" autocomplete="new-password" required description={locale === 'nl' ? 'Minstens 12 tekens.' : 'At least 12 characters.'} />
        <div><SubmitButton>{locale === 'nl' ? 'Beheerder aanmaken' : 'Create administrator'}</SubmitButton></div>
      </form>
    </>
  );
}
