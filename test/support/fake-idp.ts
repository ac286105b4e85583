/**
 * A small OpenID Connect provider on 127.0.0.1 for tests: discovery, JWKS, an
 * authorization endpoint that answers at once with a redirect (code + state), and a token
 * endpoint that checks client, redirect URI and PKCE and returns an ID token signed with
 * a key made by `jose`. `next` shapes the next token answer (claims, nonce, an error).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { readOidcConfig, type OidcConfig } from '../../src/platform/auth/oidc.config.ts';

export const CLIENT_ID = 'vlecht-test';
export const CLIENT_SECRET = 'geheim-van-de-test';
export const REDIRECT_URI = 'http://localhost/aanmelden/oidc/terugkeer';

interface Behaviour {
  /** Claims added to (or, as undefined, removed from) the ID token. */
  claims: Record<string, unknown>;
  /** Another nonce than the one in the authorization request. */
  nonce?: string;
  /** The token endpoint answers with this status and an OAuth error. */
  tokenError?: number;
}

export interface FakeIdp {
  issuer: string;
  /** The parameters of the last authorization request. */
  lastAuthorization: URLSearchParams | null;
  next: Behaviour;
  /** Settings for createApp, as readOidcConfig would give them from the environment. */
  config(env?: Record<string, string>): OidcConfig;
  close(): Promise<void>;
}

const DEFAULT_CLAIMS = { email: 'controller.heemstede@vlecht.demo', email_verified: true, acr: 'urn:vlecht:loa:hoog', amr: ['pwd', 'mfa'] };

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function json(res: ServerResponse, status: number, value: unknown) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(value));
}

export async function startFakeIdp(): Promise<FakeIdp> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-1', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { nonce: string; challenge: string; redirectUri: string }>();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const idp: FakeIdp = {
    issuer,
    lastAuthorization: null,
    next: { claims: {} },
    config: (env = {}) => readOidcConfig({
      VLECHT_OIDC_ISSUER: issuer, VLECHT_OIDC_CLIENT_ID: CLIENT_ID, VLECHT_OIDC_CLIENT_SECRET: CLIENT_SECRET,
      VLECHT_OIDC_REDIRECT_URI: REDIRECT_URI, VLECHT_OIDC_NAME: 'Gemeente Heemstede', ...env,
    }, { allowInsecureRequests: true })!,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };

  async function token(req: IncomingMessage, res: ServerResponse) {
    const form = new URLSearchParams(await body(req));
    const basic = req.headers.authorization?.startsWith('Basic ')
      ? Buffer.from(req.headers.authorization.slice(6), 'base64').toString().split(':').map(decodeURIComponent) : null;
    const [id, secret] = basic ?? [form.get('client_id'), form.get('client_secret')];
    if (id !== CLIENT_ID || secret !== CLIENT_SECRET) return json(res, 401, { error: 'invalid_client' });
    if (idp.next.tokenError) return json(res, idp.next.tokenError, { error: 'server_error', error_description: 'storing bij de test-IdP' });
    const grant = codes.get(form.get('code') ?? '');
    codes.delete(form.get('code') ?? '');
    const verifier = form.get('code_verifier') ?? '';
    if (!grant || form.get('grant_type') !== 'authorization_code' || form.get('redirect_uri') !== grant.redirectUri
      || createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) return json(res, 400, { error: 'invalid_grant' });
    const claims: Record<string, unknown> = { ...DEFAULT_CLAIMS, ...idp.next.claims, nonce: idp.next.nonce ?? grant.nonce };
    for (const [k, v] of Object.entries(claims)) if (v === undefined) delete claims[k];
    const idToken = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: jwk.kid })
      .setIssuer(issuer).setAudience(CLIENT_ID).setSubject(typeof claims.sub === 'string' ? claims.sub : 'medewerker-123').setIssuedAt().setExpirationTime('5m').sign(privateKey);
    json(res, 200, { access_token: randomBytes(16).toString('hex'), token_type: 'Bearer', expires_in: 300, id_token: idToken });
  }

  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(res, 200, {
        issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'], subject_types_supported: ['public'], id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'], token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        scopes_supported: ['openid', 'email'], claims_supported: ['sub', 'email', 'email_verified', 'acr', 'amr'],
      });
    }
    if (url.pathname === '/jwks') return json(res, 200, { keys: [jwk] });
    if (url.pathname === '/authorize') {
      idp.lastAuthorization = url.searchParams;
      const code = randomBytes(16).toString('hex');
      const redirectUri = url.searchParams.get('redirect_uri') ?? '';
      codes.set(code, { nonce: url.searchParams.get('nonce') ?? '', challenge: url.searchParams.get('code_challenge') ?? '', redirectUri });
      const back = new URL(redirectUri);
      back.searchParams.set('code', code);
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      res.writeHead(302, { location: back.href });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      token(req, res).catch(() => json(res, 500, { error: 'server_error' }));
      return;
    }
    json(res, 404, { error: 'not_found' });
  });
  return idp;
}
