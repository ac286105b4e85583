/** API sign-in and sign-out: POST returns a bearer token and also sets the session cookie. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from './env.ts';
import { jsonBody } from './edge.ts';
import { clearSessionCookie, clientAddress, setSessionCookie, tokenOf } from './session.ts';
import { enrolmentRequired, login, logout } from '../auth/auth.service.ts';
import { parseInput } from '../validation.ts';
import type { Db } from '../db/types.ts';

export const loginInput = z.object({
  email: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(200),
  /** The current TOTP code; required once the account has a second factor. */
  code: z.string().trim().max(20).optional(),
});

/**
 * `enrolmentRequired` in the answer: the session may only set up the second factor
 * (POST /api/v1/tweede-factor) until it is confirmed.
 */
export function authApi(db: Db, clock: () => Date, requireSecondFactor = false) {
  const api = new Hono<AppEnv>();
  api.post('/sessies', async (c) => {
    const input = parseInput(loginInput, await jsonBody(c));
    const { token, userId, secondFactor } = await login(db, { ...input, origin: `api ${clientAddress(c)}` }, clock());
    setSessionCookie(c, token);
    return c.json({ token, userId, enrolmentRequired: enrolmentRequired(requireSecondFactor, secondFactor) }, 201);
  });
  api.delete('/sessies/huidig', async (c) => {
    const token = tokenOf(c);
    if (token) await logout(db, token);
    clearSessionCookie(c);
    return c.body(null, 204);
  });
  api.get('/ik', (c) => {
    const user = c.get('user');
    const actor = c.get('actor');
    if (!user || !actor) return c.json({ signedIn: false });
    const sf = c.get('secondFactor');
    return c.json({ signedIn: true, user, roles: actor.grants, secondFactor: { confirmed: !!sf?.confirmed, sessionVerified: !!sf?.sessionVerified, enrolmentRequired: c.get('enrolmentOnly') } });
  });
  return api;
}
