/**
 * Authorisation before validation for read-only roles: a signed-in actor without any
 * write permission (raadslid, rekenkamer, or-lid) is refused on every mutating request
 * before a handler reads or validates the body, and the refusal is audited like any
 * other. Scoped checks stay in the services; this only closes the gap where a service
 * validates its input before it checks the policy.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';
import { mayWriteAnything } from '../auth/policy.ts';
import { writeAudit } from '../audit/trail.ts';
import { VlechtError } from '../errors.ts';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Signing in and out, setup, the own second factor and the language switch are not changes to the register. */
const EXEMPT = new Set(['/api/v1/sessies', '/api/v1/sessies/huidig', '/aanmelden', '/afmelden', '/installatie',
  '/tweede-factor', '/api/v1/tweede-factor', '/api/v1/tweede-factor/bevestigen']);

export function readOnlyGuard(clock: () => Date): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get('actor');
    if (!actor || !MUTATING.has(c.req.method) || EXEMPT.has(c.req.path) || mayWriteAnything(actor)) return next();
    const ctx = c.get('ctx');
    await ctx.db.transaction((tx) => writeAudit(tx, actor, ctx.origin, {
      action: 'wijziging.geweigerd', objectType: 'route', objectId: `${c.req.method} ${c.req.path}`, result: 'geweigerd',
    }, clock()));
    throw new VlechtError('FORBIDDEN', { permission: 'alleen-lezen' });
  };
}
