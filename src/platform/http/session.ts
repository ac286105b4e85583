/**
 * Reads the session from the `vlecht_sessie` cookie or an `Authorization: Bearer` token
 * and sets the actor and use-case context. Sets nothing when not signed in.
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { enrolmentRequired, sessionActor, SESSION_TTL_MS } from '../auth/auth.service.ts';
import type { Db } from '../db/types.ts';
import type { BulkRunner } from '../db/bulk.ts';
import type { AppEnv } from './env.ts';

export const SESSION_COOKIE = 'vlecht_sessie';
/**
 * Over https the cookie carries the `__Host-` prefix: the browser then only accepts it
 * with Secure, Path=/ and no Domain, so a sibling subdomain cannot plant or overwrite it.
 * Plain http (local use, tests) cannot have the prefix.
 */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

export function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

export function setSessionCookie(c: Context, token: string): void {
  const secure = isHttps(c);
  // Hono adds the `__Host-` prefix itself (and enforces Secure and Path=/).
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true, sameSite: 'Lax', secure, path: '/', maxAge: SESSION_TTL_MS / 1000,
    ...(secure ? { prefix: 'host' as const } : {}),
  });
}

export function clearSessionCookie(c: Context): void {
  if (isHttps(c)) deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true, prefix: 'host' });
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/**
 * The client's address for the audit trail. X-Forwarded-For is only believed behind a
 * proxy we were told about (VLECHT_TRUST_PROXY=1); otherwise anyone could write any
 * address into the trail.
 */
export function clientAddress(c: Context): string {
  if (process.env.VLECHT_TRUST_PROXY === '1') {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? 'onbekend';
  } catch {
    return 'onbekend'; // app.request() in tests has no socket
  }
}

export function tokenOf(c: Context): string | undefined {
  const auth = c.req.header('authorization');
  if (auth?.toLowerCase().startsWith('bearer ')) return auth.slice(7).trim();
  return getCookie(c, SESSION_COOKIE, 'host') ?? getCookie(c, SESSION_COOKIE);
}

/**
 * `requireSecondFactor`: a session of an account that needs a second factor but was not
 * opened with one is marked enrolment-only (second-factor.guard.ts acts on that).
 */
export function sessionMiddleware(db: Db, clock: () => Date, bulk?: BulkRunner, requireSecondFactor = false): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('actor', null);
    c.set('user', null);
    c.set('csrfToken', null);
    c.set('secondFactor', null);
    c.set('enrolmentOnly', false);
    const token = tokenOf(c);
    if (token && token.length < 200) {
      const found = await sessionActor(db, token, clock());
      if (found) {
        c.set('actor', found.actor);
        c.set('user', { id: found.user.id, name: found.user.name, email: found.user.email });
        c.set('csrfToken', found.csrfToken);
        c.set('secondFactor', found.secondFactor);
        c.set('enrolmentOnly', enrolmentRequired(requireSecondFactor, found.secondFactor));
        c.set('ctx', { db, actor: found.actor, clock, origin: `http ${clientAddress(c)}`, bulk });
      }
    }
    await next();
  };
}
