/**
 * CSRF protection. Forms carry a per-session token in `_csrf`; forms sent before sign-in
 * (login, setup) must come from this origin. API writes must be JSON, which a
 * cross-site form cannot send without a CORS preflight we never grant.
 */
import type { MiddlewareHandler } from 'hono';
import { timingSafeEqual } from 'node:crypto';
import { VlechtError } from '../errors.ts';
import type { AppEnv } from './env.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export class CsrfError extends Error {}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function sameOrigin(origin: string | undefined, requestUrl: string, host: string | undefined): boolean {
  if (!origin) return true; // Non-browser clients send no Origin; browsers always do on POST.
  try {
    const o = new URL(origin);
    return o.host === (host ?? new URL(requestUrl).host);
  } catch {
    return false;
  }
}

export function csrfMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    if (c.req.path.startsWith('/api/')) {
      // A cross-site page can only send these types without a CORS preflight (which we
      // never grant), so refusing them on API writes stops CSRF by form or fetch.
      const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
      const simple = ['', 'application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
      if (c.req.method !== 'DELETE' && simple.includes(type)) {
        throw new VlechtError('VALIDATION', { reason: 'content-type' }, [{ field: 'Content-Type', message: 'stuur wijzigingen als application/json (of een bestand als text/csv)', value: type || undefined }]);
      }
      return next();
    }
    if (!sameOrigin(c.req.header('origin'), c.req.url, c.req.header('host'))) throw new CsrfError();
    const expected = c.get('csrfToken');
    if (expected) {
      const body = await c.req.parseBody();
      const sent = typeof body._csrf === 'string' ? body._csrf : '';
      if (!sameToken(sent, expected)) throw new CsrfError();
    }
    return next();
  };
}
