/**
 * Setting up the TOTP second factor, as API and as a page that works without JavaScript
 * (the QR code is an SVG made on the server), and a beheerder's reset of another account.
 */
import { Hono, type Context } from 'hono';
import { raw } from 'hono/html';
import QRCode from 'qrcode';
import type { AppEnv } from './env.ts';
import { jsonBody, signedIn } from './edge.ts';
import { renderPage } from './render.tsx';
import { setSessionCookie } from './session.ts';
import { confirmEnrolment, resetSecondFactor, secondFactorStatus, startEnrolment } from '../auth/second-factor.service.ts';
import { groupedSecret, TOTP_DIGITS, TOTP_PERIOD_S } from '../auth/totp.ts';
import { Csrf, ErrorSummary, SubmitButton, TextField, type Issues } from '../ui/form.tsx';
import { formatDateTime } from '../i18n/format.ts';
import { isVlechtError } from '../errors.ts';
import { t, type Locale } from '../i18n/index.ts';

const TITLE = 'Tweede factor';

export function secondFactorApi() {
  const api = new Hono<AppEnv>();
  api.post('/tweede-factor', async (c) => {
    const { secret, uri } = await startEnrolment(signedIn(c));
    return c.json({ secret, uri, digits: TOTP_DIGITS, period: TOTP_PERIOD_S, confirmed: false });
  });
  api.post('/tweede-factor/bevestigen', async (c) => {
    const ctx = signedIn(c);
    const { token, confirmedAt } = await confirmEnrolment(ctx, await jsonBody(c));
    setSessionCookie(c, token);
    return c.json({ confirmed: true, confirmedAt: confirmedAt.toISOString(), token });
  });
  api.delete('/gebruikers/:id/tweede-factor', async (c) => {
    await resetSecondFactor(signedIn(c), c.req.param('id'));
    return c.body(null, 204);
  });
  return api;
}

async function qrSvg(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, width: 240 });
  return svg.replace('<svg ', '<svg role="img" aria-label="QR-code voor uw authenticator-app" class="vlecht-qr" ');
}

function Enrolment({ locale, secret, uri, qr, issues, required, csrf }: { locale: Locale; secret: string; uri: string; qr: string; issues: Issues; required: boolean; csrf: string | null }) {
  return (
    <>
      <h1 class="utrecht-heading-1">Tweede factor instellen</h1>
      {required && (
        <div class="utrecht-alert utrecht-alert--warning" role="status">
          <p class="utrecht-paragraph">Voor uw rol (beheerder of controller) is een tweede factor verplicht. U kunt Vlecht verder gebruiken zodra u die heeft ingesteld.</p>
        </div>
      )}
      <ErrorSummary issues={issues} locale={locale} />
      <ol class="utrecht-ordered-list">
        <li class="utrecht-ordered-list__item">Installeer een authenticator-app op uw telefoon, bijvoorbeeld FreeOTP, Aegis, Microsoft Authenticator of Google Authenticator.</li>
        <li class="utrecht-ordered-list__item">Scan deze QR-code met de app.
          <div>{raw(qr)}</div>
          Lukt scannen niet? Voeg in de app handmatig een account toe met dit geheim (tijdgebaseerd, {TOTP_DIGITS} cijfers, elke {TOTP_PERIOD_S} seconden): <code class="vlecht-secret">{groupedSecret(secret)}</code>
          <details>
            <summary>De otpauth-link</summary>
            <p class="utrecht-paragraph"><code class="vlecht-secret">{uri}</code></p>
          </details>
        </li>
        <li class="utrecht-ordered-list__item">Vul de code in die de app nu toont, en bevestig.</li>
      </ol>
      <form method="post" action="/tweede-factor" class="vlecht-form" novalidate>
        <Csrf token={csrf} />
        <TextField name="code" label={t(locale, 'login.code')} issues={issues} autocomplete="one-time-code" inputmode="numeric" required />
        <div><SubmitButton>Bevestigen</SubmitButton></div>
      </form>
      <p class="utrecht-paragraph">Deel het geheim en de QR-code met niemand: wie ze heeft, kan codes maken zoals uw telefoon.</p>
    </>
  );
}

function Confirmed({ confirmedAt, justNow }: { confirmedAt: Date; justNow: boolean }) {
  return (
    <>
      <h1 class="utrecht-heading-1">{TITLE}</h1>
      {justNow && <div class="utrecht-alert utrecht-alert--ok vlecht-notice" role="status"><p class="utrecht-paragraph">Uw tweede factor is ingesteld.</p></div>}
      <p class="utrecht-paragraph">U heeft een tweede factor (authenticator-app) ingesteld op {formatDateTime(confirmedAt)}. Bij het aanmelden vraagt Vlecht voortaan ook om de code uit de app.</p>
      <p class="utrecht-paragraph">Bent u de app of uw telefoon kwijt? Vraag een beheerder uw tweede factor te verwijderen; bij de volgende aanmelding stelt u een nieuwe in.</p>
      <p class="utrecht-paragraph"><a class="utrecht-link" href="/samenwerkingen">Verder naar Vlecht</a></p>
    </>
  );
}

export function secondFactorPages() {
  const app = new Hono<AppEnv>();
  const enrolmentPage = async (c: Context<AppEnv>, issues: Issues, status: 200 | 400 = 200) => {
    const { secret, uri } = await startEnrolment(signedIn(c));
    const page = <Enrolment locale={c.get('locale')} secret={secret} uri={uri} qr={await qrSvg(uri)} issues={issues} required={c.get('enrolmentOnly')} csrf={c.get('csrfToken')} />;
    return renderPage(c, 'Tweede factor instellen', page, { status });
  };

  app.get('/tweede-factor', async (c) => {
    const { confirmedAt } = await secondFactorStatus(signedIn(c));
    if (confirmedAt) return renderPage(c, TITLE, <Confirmed confirmedAt={confirmedAt} justNow={c.req.query('ingesteld') === '1'} />);
    return enrolmentPage(c, []);
  });

  app.post('/tweede-factor', async (c) => {
    const ctx = signedIn(c);
    const body = await c.req.parseBody();
    try {
      const { token } = await confirmEnrolment(ctx, { code: typeof body.code === 'string' ? body.code : '' });
      setSessionCookie(c, token);
      return c.redirect('/tweede-factor?ingesteld=1', 303);
    } catch (e) {
      if (isVlechtError(e) && e.code === 'SECOND_FACTOR_ALREADY_SET') return c.redirect('/tweede-factor', 303);
      if (isVlechtError(e) && e.code === 'VALIDATION') return enrolmentPage(c, e.issues, 400);
      throw e;
    }
  });
  return app;
}
