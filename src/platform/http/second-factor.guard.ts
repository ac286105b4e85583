/**
 * Enforces the second factor (BIO2 5.17.01): an enrolment-only session (see session.ts)
 * reaches only the enrolment page and API, sign-out, GET /api/v1/ik and the public
 * sign-in routes. Every other page redirects (303) to /tweede-factor; every other API
 * call is refused with SECOND_FACTOR_ENROLMENT_REQUIRED (403).
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';
import { VlechtError } from '../errors.ts';

export const ENROLMENT_PAGE = '/tweede-factor';

const ALLOWED = new Set([
  'GET /tweede-factor', 'POST /tweede-factor', 'POST /afmelden', 'POST /aanmelden', 'GET /installatie', 'POST /installatie',
  'POST /api/v1/tweede-factor', 'POST /api/v1/tweede-factor/bevestigen', 'DELETE /api/v1/sessies/huidig', 'GET /api/v1/ik',
  'POST /api/v1/sessies', 'GET /api/v1/openapi.json',
]);

const allowed = (method: string, path: string) =>
  ALLOWED.has(`${method === 'HEAD' ? 'GET' : method} ${path}`) || path.startsWith('/taal/') || path.startsWith('/static/');

export function secondFactorGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!c.get('enrolmentOnly') || allowed(c.req.method, c.req.path)) return next();
    if (c.req.path.startsWith('/api/')) throw new VlechtError('SECOND_FACTOR_ENROLMENT_REQUIRED');
    return c.redirect(ENROLMENT_PAGE, 303);
  };
}
