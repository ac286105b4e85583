/**
 * Settings for signing in through the municipality's identity provider (OpenID Connect),
 * read from VLECHT_OIDC_* and checked at start-up, so a typo stops the server with a
 * Dutch message instead of failing at the first sign-in.
 */
import { z } from 'zod';

/** The path of the callback route (oidc.pages.tsx); the redirect URI must end in it. */
export const OIDC_CALLBACK_PATH = '/aanmelden/oidc/terugkeer';

export interface OidcConfig {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** The public URL of the callback, as registered at the identity provider. */
  redirectUri: URL;
  /** Acceptable `acr` values; requested with acr_values. Empty: no acr requirement. */
  acr: string[];
  /** The returned `amr` must hold at least one of these. Empty: no amr requirement. */
  amr: string[];
  /** Shown on the button: "Aanmelden via {name}". */
  name: string;
  /** Tests only (an issuer on http://127.0.0.1): never read from the environment. */
  allowInsecureRequests?: boolean;
}

export class OidcConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Vlecht start niet: de instellingen voor aanmelden via OIDC kloppen niet.\n  · ${problems.join('\n  · ')}\nZie docs/deployment.md, "Aanmelden via OIDC".`);
    this.name = 'OidcConfigError';
  }
}

const KEYS = ['ISSUER', 'CLIENT_ID', 'CLIENT_SECRET', 'REDIRECT_URI', 'ACR', 'AMR', 'NAME'] as const;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A comma list of values without spaces (acr values may be URIs). */
const commaList = z.string().optional().transform((s) => (s ?? '').split(',').map((v) => v.trim()).filter(Boolean))
  .refine((list) => list.every((v) => /^[\x21-\x7e]{1,200}$/.test(v)), 'bevat een waarde met spaties of vreemde tekens');

const urlText = z.string().trim().min(1, 'ontbreekt').refine((s) => URL.canParse(s), 'is geen geldige URL');
/** A check on a URL that already passed `urlText`; an unparsable one is reported there once. */
const onUrl = (check: (u: URL) => boolean) => (s: string) => !URL.canParse(s) || check(new URL(s));

function schema(allowInsecure: boolean) {
  return z.object({
    ISSUER: urlText.refine(onUrl((u) => allowInsecure || u.protocol === 'https:'), 'moet met https:// beginnen'),
    CLIENT_ID: z.string().trim().min(1, 'ontbreekt').max(500),
    CLIENT_SECRET: z.string().min(1, 'ontbreekt').max(2000),
    REDIRECT_URI: urlText
      .refine(onUrl((u) => u.protocol === 'https:' || (u.protocol === 'http:' && LOCAL_HOSTS.has(u.hostname))), 'moet met https:// beginnen (http alleen voor localhost)')
      .refine(onUrl((u) => u.pathname === OIDC_CALLBACK_PATH && !u.search && !u.hash), `moet eindigen op ${OIDC_CALLBACK_PATH} (zonder ? of #)`),
    ACR: commaList,
    AMR: commaList,
    NAME: z.string().trim().max(100, 'is langer dan 100 tekens').optional(),
  });
}

/**
 * The OIDC settings from `env`, or null when none of VLECHT_OIDC_* is set (password
 * sign-in only). Throws OidcConfigError (Dutch, one line per problem) when they are
 * incomplete or wrong. `allowInsecureRequests` is for tests and never comes from `env`.
 *
 * @example
 * const oidc = readOidcConfig(process.env); // null, or the checked settings
 */
export function readOidcConfig(env: Record<string, string | undefined>, options: { allowInsecureRequests?: boolean } = {}): OidcConfig | null {
  const raw = Object.fromEntries(KEYS.map((k) => [k, env[`VLECHT_OIDC_${k}`] || undefined]));
  if (Object.values(raw).every((v) => v === undefined)) return null;
  const allowInsecure = options.allowInsecureRequests === true;
  const parsed = schema(allowInsecure).safeParse(raw);
  if (!parsed.success) {
    throw new OidcConfigError(parsed.error.issues.map((i) => `VLECHT_OIDC_${String(i.path[0])} ${i.code === 'invalid_type' ? 'ontbreekt' : i.message}`));
  }
  const v = parsed.data;
  return {
    issuer: new URL(v.ISSUER), clientId: v.CLIENT_ID, clientSecret: v.CLIENT_SECRET, redirectUri: new URL(v.REDIRECT_URI),
    acr: v.ACR, amr: v.AMR, name: v.NAME || 'de identiteitsprovider van uw organisatie',
    ...(allowInsecure ? { allowInsecureRequests: true } : {}),
  };
}
