/** Small helpers every API edge uses: JSON body, If-Match version, ETag, the signed-in context. */
import type { Context } from 'hono';
import { VlechtError } from '../errors.ts';
import type { AppEnv } from './env.ts';
import type { Ctx } from '../context.ts';

export async function jsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new VlechtError('VALIDATION', {}, [{ field: '(body)', message: 'de aanvraag bevat geen geldige JSON' }]);
  }
}

/** The version in `If-Match: "v3"` (or W/"v3"); undefined when absent or `*`. */
export function ifMatchVersion(c: Context): number | undefined {
  const header = c.req.header('if-match');
  if (!header || header.trim() === '*') return undefined;
  const m = /^\s*(?:W\/)?"v(\d{1,9})"\s*$/.exec(header);
  // A malformed tag can never match a current version.
  return m ? Number(m[1]) : -1;
}

export const etagOf = (version: number): string => `"v${version}"`;

/** The use-case context of the signed-in user; 401 when not signed in. */
export function signedIn(c: Context<AppEnv>): Ctx {
  if (!c.get('actor')) throw new VlechtError('UNAUTHENTICATED');
  return c.get('ctx');
}

/** Responds with a resource and its ETag. */
export function withEtag<T extends { version: number }>(c: Context, body: unknown, resource: T, status: 200 | 201 = 200) {
  c.header('ETag', etagOf(resource.version));
  return c.json(body, status);
}
