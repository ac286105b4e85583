/**
 * Signing in through the municipality's identity provider (OpenID Connect, authorization
 * code with PKCE, state and nonce). GET /aanmelden/oidc sends the browser to the provider;
 * GET /aanmelden/oidc/terugkeer finishes. State, nonce and PKCE verifier travel in a
 * 10-minute cookie, so any instance can finish a sign-in another one started. Without
 * OIDC settings both routes answer 404.
 */
import { Hono, type Context } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AppEnv } from './env.ts';
import { renderPage } from './render.tsx';
import { clientAddress, isHttps, setSessionCookie } from './session.ts';
import { oidcClient, OidcProtocolError, type OidcFlow } from '../auth/oidc.client.ts';
import { signInWithOidc, type OidcSignIn } from '../auth/oidc.service.ts';
import type { OidcConfig } from '../auth/oidc.config.ts';
import type { Locale } from '../i18n/index.ts';
import type { Db } from '../db/types.ts';
import { logger } from '../log.ts';

export const OIDC_FLOW_TTL_MS = 10 * 60_000;

/**
 * The flow cookie's name: `__Host-` (Secure, path /, no Domain: no subdomain can plant
 * one) over https, as session.ts decides with isHttps; browsers refuse that prefix on
 * plain http, where a plain name is used.
 */
export const flowCookieName = (c: Context) => (isHttps(c) ? '__Host-vlecht_oidc' : 'vlecht_oidc');

const flowCookie = z.object({
  state: z.string().min(1).max(200),
  nonce: z.string().min(1).max(200),
  codeVerifier: z.string().min(43).max(128),
  startedAt: z.number().int(),
});

function setFlowCookie(c: Context, flow: OidcFlow, now: Date) {
  const value = Buffer.from(JSON.stringify({ ...flow, startedAt: now.getTime() })).toString('base64url');
  setCookie(c, flowCookieName(c), value, { httpOnly: true, secure: isHttps(c), sameSite: 'Lax', path: '/', maxAge: OIDC_FLOW_TTL_MS / 1000 });
}

/** The flow of this browser, if it started one less than 10 minutes ago. */
function readFlowCookie(c: Context, now: Date): OidcFlow | null {
  const raw = getCookie(c, flowCookieName(c));
  if (!raw || raw.length > 1000) return null;
  try {
    const parsed = flowCookie.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    if (!parsed.success) return null;
    const { startedAt, ...flow } = parsed.data;
    const age = now.getTime() - startedAt;
    return age >= 0 && age <= OIDC_FLOW_TTL_MS ? flow : null;
  } catch {
    return null;
  }
}

function clearFlowCookie(c: Context) {
  deleteCookie(c, flowCookieName(c), { path: '/', secure: isHttps(c) });
}

/** The button on the sign-in page (auth.pages.tsx). */
export function OidcLoginLink({ name, locale }: { name: string; locale: Locale }) {
  return (
    <>
      <p class="utrecht-paragraph">
        <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="/aanmelden/oidc">
          {locale === 'nl' ? `Aanmelden via ${name}` : `Sign in with ${name}`}
        </a>
      </p>
      <p class="utrecht-paragraph">{locale === 'nl' ? 'Of meld u aan met uw e-mailadres en wachtwoord:' : 'Or sign in with your e-mail address and password:'}</p>
    </>
  );
}

function refusalMessage(r: Extract<OidcSignIn, { ok: false }>, config: OidcConfig, locale: Locale): string {
  const nl = locale === 'nl';
  switch (r.refusal) {
    case 'acr': return nl
      ? `U bent bij ${config.name} aangemeld met een betrouwbaarheidsniveau (${r.acr ?? 'onbekend'}) dat Vlecht niet accepteert. Vereist: ${config.acr.join(' of ')}. Meld u opnieuw aan met een sterkere methode.`
      : `You signed in at ${config.name} with an assurance level (${r.acr ?? 'unknown'}) Vlecht does not accept. Required: ${config.acr.join(' or ')}.`;
    case 'amr': return nl
      ? `U bent bij ${config.name} aangemeld zonder de vereiste tweede factor (nodig: ${config.amr.join(', ')}). Meld u opnieuw aan met bijvoorbeeld een authenticator-app of beveiligingssleutel.`
      : `You signed in at ${config.name} without the required second factor (needed: ${config.amr.join(', ')}).`;
    case 'email': return nl
      ? `${config.name} gaf geen e-mailadres door. Vraag de beheerder van de identiteitsprovider om de claim 'email' mee te sturen.`
      : `${config.name} sent no e-mail address.`;
    case 'email_verified': return nl
      ? `Het e-mailadres dat ${config.name} doorgaf, is daar niet als bevestigd gemarkeerd. Vlecht accepteert alleen bevestigde e-mailadressen.`
      : `The e-mail address ${config.name} sent is not marked as verified.`;
    case 'subject': return nl
      ? `${config.name} gaf geen accountkenmerk (iss/sub) door; zo kan Vlecht u niet herkennen.`
      : `${config.name} sent no account identifier (iss/sub).`;
    case 'other-account': return nl
      ? `Dit Vlecht-account is gekoppeld aan een ander account bij ${config.name}. Is uw account daar vervangen? Vraag een beheerder de koppeling te verwijderen (vlecht user reset-oidc).`
      : `This Vlecht account is bound to another account at ${config.name}. Ask an administrator to remove the binding.`;
    case 'unknown-account': return nl
      ? `Er is in Vlecht geen actief account voor ${r.email}. Accounts en rollen worden in Vlecht beheerd door een beheerder; vraag die om toegang.`
      : `Vlecht has no active account for ${r.email}. Ask a Vlecht administrator for access.`;
  }
}

function protocolMessage(e: OidcProtocolError, config: OidcConfig, locale: Locale): string {
  const nl = locale === 'nl';
  if (e.kind === 'idp') return nl ? `${config.name} is nu niet bereikbaar of gaf een onverwacht antwoord. Probeer het later opnieuw of meld u aan met uw wachtwoord.` : `${config.name} could not be reached or answered unexpectedly. Try again later.`;
  if (e.kind === 'cancelled') return nl ? `De aanmelding bij ${config.name} is afgebroken of geweigerd. U kunt het opnieuw proberen.` : `Signing in at ${config.name} was cancelled or refused.`;
  return nl ? `Het antwoord van ${config.name} klopt niet bij deze aanmelding (bijvoorbeeld een verlopen of al gebruikte link). Begin opnieuw.` : `The answer of ${config.name} does not match this sign-in. Start again.`;
}

function OidcErrorPage({ message, locale }: { message: string; locale: Locale }) {
  return (
    <>
      <h1 class="utrecht-heading-1">{locale === 'nl' ? 'Aanmelden is niet gelukt' : 'Signing in failed'}</h1>
      <p class="utrecht-paragraph">{message}</p>
      <p class="utrecht-paragraph"><a class="utrecht-link" href="/aanmelden">{locale === 'nl' ? 'Terug naar aanmelden' : 'Back to sign-in'}</a></p>
    </>
  );
}

function errorPage(c: Context<AppEnv>, status: 400 | 403 | 502, message: string) {
  const locale = c.get('locale');
  return renderPage(c, locale === 'nl' ? 'Aanmelden is niet gelukt' : 'Signing in failed', <OidcErrorPage message={message} locale={locale} />, { status });
}

function protocolFailure(c: Context<AppEnv>, e: unknown, config: OidcConfig) {
  if (!(e instanceof OidcProtocolError)) throw e;
  logger.warn({ oidc: e.detail, kind: e.kind, ref: c.get('requestId') }, 'aanmelden via OIDC mislukt');
  return errorPage(c, e.kind === 'idp' ? 502 : 400, protocolMessage(e, config, c.get('locale')));
}

export function oidcPages(db: Db, clock: () => Date, config: OidcConfig | null) {
  const app = new Hono<AppEnv>();
  const client = config ? oidcClient(config) : null;

  app.get('/aanmelden/oidc', async (c) => {
    if (!config || !client) return c.notFound();
    if (c.get('actor')) return c.redirect('/samenwerkingen', 303);
    try {
      const { url, flow } = await client.start();
      setFlowCookie(c, flow, clock());
      return c.redirect(url.href, 303);
    } catch (e) {
      return protocolFailure(c, e, config);
    }
  });

  app.get('/aanmelden/oidc/terugkeer', async (c) => {
    if (!config || !client) return c.notFound();
    const locale = c.get('locale');
    const flow = readFlowCookie(c, clock());
    clearFlowCookie(c);
    if (!flow) {
      return errorPage(c, 400, locale === 'nl'
        ? `Er is in deze browser geen aanmelding via ${config.name} gaande, of die duurde langer dan 10 minuten. Begin opnieuw.`
        : `No sign-in with ${config.name} is in progress in this browser, or it took longer than 10 minutes. Start again.`);
    }
    let claims: Record<string, unknown>;
    try {
      claims = await client.finish(new URL(c.req.url).search, flow);
    } catch (e) {
      return protocolFailure(c, e, config);
    }
    const result = await signInWithOidc(db, claims, config, `http ${clientAddress(c)}`, clock());
    if (!result.ok) {
      logger.info({ refusal: result.refusal, acr: result.acr, amr: result.amr, ref: c.get('requestId') }, 'aanmelden via OIDC geweigerd');
      return errorPage(c, 403, refusalMessage(result, config, locale));
    }
    setSessionCookie(c, result.token);
    return c.redirect('/samenwerkingen', 303);
  });

  return app;
}
