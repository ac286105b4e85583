/**
 * The OpenID Connect protocol, through openid-client: discovery (cached per process, a
 * cache only: any instance can finish any sign-in), the authorization URL with PKCE,
 * state and nonce, and the code exchange with its checks (state, issuer, audience,
 * signature, nonce, PKCE). Errors come out as OidcProtocolError, never with tokens.
 */
import * as client from 'openid-client';
import type { OidcConfig } from './oidc.config.ts';

/** What the browser carries (in a short-lived cookie) from the start to the callback. */
export interface OidcFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/**
 * `idp`: the identity provider could not be reached or answered wrongly (502);
 * `cancelled`: it sent an error back, e.g. the user cancelled (400);
 * `response`: the answer failed a check (state, nonce, signature…) (400).
 */
export class OidcProtocolError extends Error {
  constructor(readonly kind: 'idp' | 'cancelled' | 'response', readonly detail: Record<string, unknown>) {
    super(`oidc ${kind}`);
    this.name = 'OidcProtocolError';
  }
}

/** openid-client codes that mean the provider's answer was unusable, not that a check failed. */
const IDP_CODES = new Set(['OAUTH_RESPONSE_IS_NOT_JSON', 'OAUTH_RESPONSE_IS_NOT_CONFORM', 'OAUTH_INVALID_SERVER_METADATA',
  'OAUTH_MISSING_SERVER_METADATA', 'OAUTH_HTTP_REQUEST_FORBIDDEN', 'OAUTH_REQUEST_PROTOCOL_FORBIDDEN', 'OAUTH_WWW_AUTHENTICATE_CHALLENGE']);

/** Only names, codes and the provider's error fields: messages of these errors hold no tokens. */
function classify(e: unknown, phase: 'discovery' | 'exchange'): OidcProtocolError {
  if (e instanceof OidcProtocolError) return e;
  const err = e instanceof Error ? e : new Error(String(e));
  const code = (err as { code?: unknown }).code;
  const detail: Record<string, unknown> = { phase, name: err.name, code: typeof code === 'string' ? code : undefined, message: err.message.slice(0, 300) };
  if (err instanceof client.AuthorizationResponseError) return new OidcProtocolError('cancelled', { ...detail, error: err.error, description: err.error_description?.slice(0, 300) });
  if (err instanceof client.ResponseBodyError) {
    // invalid_grant: the code was used before, expired or not ours (a replayed callback);
    // anything else (server_error, invalid_client) is the provider or our registration there.
    return new OidcProtocolError(err.error === 'invalid_grant' ? 'response' : 'idp', { ...detail, status: err.status, error: err.error, description: err.error_description?.slice(0, 300) });
  }
  if (phase === 'discovery' || !(err instanceof client.ClientError) || IDP_CODES.has(err.code ?? '')) return new OidcProtocolError('idp', detail);
  return new OidcProtocolError('response', detail);
}

/**
 * A client for one configured identity provider.
 *
 * @example
 * const oidc = oidcClient(config);
 * const { url, flow } = await oidc.start();     // redirect to url, keep flow in a cookie
 * const claims = await oidc.finish('?code=…&state=…', flow);
 */
export function oidcClient(config: OidcConfig) {
  let discovered: Promise<client.Configuration> | null = null;
  const configuration = () => {
    discovered ??= client.discovery(config.issuer, config.clientId, config.clientSecret, undefined, {
      execute: config.allowInsecureRequests ? [client.allowInsecureRequests] : [],
      timeout: 10,
    }).catch((e: unknown) => {
      discovered = null; // try again on the next sign-in
      throw classify(e, 'discovery');
    });
    return discovered;
  };

  return {
    /** The authorization URL to send the browser to, and the flow values to keep. */
    async start(): Promise<{ url: URL; flow: OidcFlow }> {
      const conf = await configuration();
      const flow: OidcFlow = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
      const params: Record<string, string> = {
        redirect_uri: config.redirectUri.href,
        scope: 'openid email',
        response_type: 'code',
        state: flow.state,
        nonce: flow.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
        code_challenge_method: 'S256',
      };
      if (config.acr.length) params.acr_values = config.acr.join(' ');
      return { url: client.buildAuthorizationUrl(conf, params), flow };
    },

    /** Exchanges the code in the callback's query string; returns the verified ID token claims. */
    async finish(search: string, flow: OidcFlow): Promise<Record<string, unknown>> {
      const conf = await configuration();
      // The registered redirect URI with the callback's parameters: behind a proxy the
      // request's own URL is not the public one, and redirect_uri must match exactly.
      const current = new URL(config.redirectUri.href);
      current.search = search;
      try {
        const tokens = await client.authorizationCodeGrant(conf, current, {
          pkceCodeVerifier: flow.codeVerifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true,
        });
        const claims = tokens.claims();
        if (!claims) throw new OidcProtocolError('response', { phase: 'exchange', message: 'geen ID-token' });
        return { ...claims };
      } catch (e) {
        throw classify(e, 'exchange');
      }
    },
  };
}
