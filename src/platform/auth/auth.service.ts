/**
 * Use cases for signing in and out, reading the actor of a session, accounts and the
 * first administrator's one-time setup token.
 */
import { open as openSecret } from './secret-box.ts';
import { z } from 'zod';
import { appUser, roleGrant } from './tables.ts';
import * as q from './queries.ts';
import { hashPassword, verifyPassword, dummyHash } from './password.ts';
import { newToken, hashToken } from './tokens.ts';
import { afterFailure, isLocked } from './throttle.ts';
import { ROLES, type Role } from './roles.ts';
import { matchingStep, needsSecondFactor } from './totp.ts';
import type { Actor, Grant } from './actor.ts';
import { mutate, requireMutationAccess, type Ctx } from '../context.ts';
import { writeAudit } from '../audit/trail.ts';
import { VlechtError } from '../errors.ts';
import { parseInput } from '../validation.ts';
import type { Db, Queryable } from '../db/types.ts';

export const SESSION_TTL_MS = 8 * 60 * 60_000;
/** A session unused this long ends (idle timeout); its last use is written at most once a minute. */
export const SESSION_IDLE_MS = 30 * 60_000;
const TOUCH_EVERY_MS = 60_000;

export const newUserSchema = z.object({
  email: z.email().max(200).transform((s) => s.toLowerCase()),
  name: z.string().trim().min(1).max(200),
  password: z.string().min(12).max(200),
  grants: z.array(z.object({
    role: z.enum(ROLES),
    municipalityId: z.uuid().nullable().default(null),
    cooperationId: z.uuid().nullable().default(null),
    teamId: z.uuid().nullable().default(null),
  })).default([]),
});
export type NewUser = z.input<typeof newUserSchema>;

function describeGrants(grants: Grant[]): string {
  if (grants.length === 0) return 'geen rol';
  return grants.map((g) => g.role).join(',');
}

export function actorFor(user: { id: string; name: string; email: string }, grants: Grant[]): Actor {
  return { userId: user.id, label: user.email, grants, roleContext: describeGrants(grants), system: false };
}

/**
 * Signs in; returns the session token (only its hash is stored). An account with a
 * confirmed second factor also needs the current TOTP code: without one the answer is
 * SECOND_FACTOR_REQUIRED (after a correct password only); a wrong or already used code
 * counts as a failed sign-in, throttled and audited like a wrong password.
 */
export async function login(db: Db, input: { email: string; password: string; code?: string; origin: string }, now = new Date()) {
  const email = input.email.trim().toLowerCase();
  const key = `email:${email}`;
  const throttle = await q.readThrottle(db, key);
  if (isLocked(throttle, now)) throw new VlechtError('TOO_MANY_ATTEMPTS');
  const user = await q.findUserByEmail(db, email);
  let ok = user ? user.active && await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await dummyHash(), input.password), false);
  const anonymous: Actor = { userId: user?.id ?? null, label: email.slice(0, 200), grants: [], roleContext: 'aanmelding', system: false };
  const secondFactor = ok && !!user?.totpConfirmedAt && !!user.totpSecret;
  if (secondFactor) {
    if (!input.code?.trim()) throw new VlechtError('SECOND_FACTOR_REQUIRED');
    const step = matchingStep(openSecret(user!.totpSecret!), input.code, now);
    ok = step !== null && await q.useTotpStep(db, user!.id, step);
  }
  if (!ok || !user) {
    await db.transaction(async (tx) => {
      await q.saveThrottle(tx, { key, ...afterFailure(throttle, now) });
      await writeAudit(tx, anonymous, input.origin, {
        action: 'sessie.aanmelden', objectType: 'sessie', objectId: email.slice(0, 200), result: 'geweigerd',
        ...(secondFactor ? { reason: 'tweede factor onjuist of al gebruikt' } : {}),
      }, now);
    });
    throw new VlechtError('BAD_CREDENTIALS');
  }
  const token = await db.transaction(async (tx) => {
    await q.clearThrottle(tx, key);
    return startSession(tx, user.id, { actor: anonymous, origin: input.origin, secondFactor, ...(secondFactor ? { reason: 'met tweede factor' } : {}) }, now);
  });
  const grants = await q.grantsOfUser(db, user.id);
  return { token, userId: user.id, secondFactor: secondFactorState(grants, user, secondFactor) };
}

/**
 * Starts a session for an account that has just proven who it is (password, OIDC), inside
 * the caller's transaction: stores the token's hash with a fresh CSRF token and writes the
 * 'sessie.aanmelden' audit row (with `newValue`, e.g. the method). `secondFactor`: the
 * sign-in proved a second factor (TOTP code, or an identity provider's MFA). Returns the token.
 *
 * @example
 * const token = await db.transaction((tx) => startSession(tx, user.id, { actor, origin: 'http 10.0.0.1', newValue: { methode: 'oidc' } }, now));
 */
export async function startSession(tx: Queryable, userId: string, audit: { actor: Actor; origin: string; newValue?: unknown; reason?: string; secondFactor?: boolean }, now: Date): Promise<string> {
  const token = newToken();
  await q.insertSession(tx, { tokenHash: hashToken(token), userId, csrfToken: newToken(), expiresAt: new Date(now.getTime() + SESSION_TTL_MS), lastSeenAt: now, secondFactor: audit.secondFactor ?? false });
  await writeAudit(tx, audit.actor, audit.origin, { action: 'sessie.aanmelden', objectType: 'sessie', objectId: userId, newValue: audit.newValue, ...(audit.reason ? { reason: audit.reason } : {}) }, now);
  return token;
}

/** What the second factor means for an account and one of its sessions. */
export interface SecondFactorState {
  /** The account holds a role that needs one (beheerder, controller). */
  roleNeedsIt: boolean;
  /** The account has a confirmed second factor. */
  confirmed: boolean;
  /** This session was opened with a code (or right after setting the factor up). */
  sessionVerified: boolean;
}

/** A session may only set up the second factor: enforcement is on, the role needs one, and the session was opened without. */
export const enrolmentRequired = (enforced: boolean, s: SecondFactorState): boolean => enforced && s.roleNeedsIt && !s.sessionVerified;

const secondFactorState = (grants: Grant[], user: { totpConfirmedAt: Date | null }, sessionVerified: boolean): SecondFactorState =>
  ({ roleNeedsIt: needsSecondFactor(grants), confirmed: !!user.totpConfirmedAt, sessionVerified });

/** The actor and CSRF token of a live session, or null. */
export async function sessionActor(db: Db, token: string, now = new Date()) {
  const tokenHash = hashToken(token);
  const found = await q.findLiveSession(db, tokenHash, now, new Date(now.getTime() - SESSION_IDLE_MS));
  if (!found) return null;
  if (now.getTime() - found.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await q.touchSession(db, tokenHash, now);
  const grants = await q.grantsOfUser(db, found.user.id);
  return {
    actor: actorFor(found.user, grants), csrfToken: found.session.csrfToken, user: found.user,
    secondFactor: secondFactorState(grants, found.user, found.session.secondFactor),
  };
}

export async function logout(db: Db, token: string): Promise<void> {
  await q.deleteSession(db, hashToken(token));
}

/** Creates an account with its grants (beheerder only, or the system). */
export async function createUser(ctx: Ctx, input: NewUser) {
  const data = parseInput(newUserSchema, input);
  await requireMutationAccess(ctx, 'users:manage', {}, { action: 'gebruiker.aanmaken', objectType: 'gebruiker', objectId: data.email });
  if (await q.findUserByEmail(ctx.db, data.email)) throw new VlechtError('DUPLICATE', { field: 'email', value: data.email });
  const passwordHash = await hashPassword(data.password);
  return mutate(ctx, async (tx) => {
    const [user] = await tx.insert(appUser).values({ email: data.email, name: data.name, passwordHash }).returning();
    if (data.grants.length) await tx.insert(roleGrant).values(data.grants.map((g) => ({ ...g, userId: user.id })));
    const shown = { id: user.id, email: user.email, name: user.name, grants: data.grants };
    return { value: shown, audit: { action: 'gebruiker.aanmaken', objectType: 'gebruiker', objectId: user.id, newValue: shown } };
  });
}

/** On a production start without accounts: a one-time token to create the first administrator. */
export async function issueSetupTokenIfNoUsers(db: Db): Promise<string | null> {
  if ((await q.countUsers(db)) > 0) return null;
  const token = newToken();
  await q.insertSetupToken(db, hashToken(token));
  return token;
}

/** Creates the first administrator with a setup token; the token works once. */
export async function completeSetup(db: Db, token: string, input: Omit<NewUser, 'grants'>, origin: string, now = new Date()) {
  const found = await q.findUnusedSetupToken(db, hashToken(token));
  if (!found || (await q.countUsers(db)) > 0) throw new VlechtError('SETUP_TOKEN_INVALID');
  const system: Ctx = { db, actor: { userId: null, label: 'eerste-beheerder', grants: [], roleContext: 'installatie', system: true }, clock: () => now, origin };
  const user = await createUser(system, { ...input, grants: [{ role: 'beheerder' as Role }] });
  await q.markSetupTokenUsed(db, hashToken(token), now);
  return user;
}
