/**
 * Use cases of the TOTP second factor (BIO2 5.17.01): start setting it up (a pending
 * secret), confirm it with a first code (which also rotates the session), and a
 * beheerder's reset for an account that lost its authenticator app. The secret is never
 * written to the audit trail or the logs.
 */
import { open, seal } from './secret-box.ts';
import { z } from 'zod';
import * as q from './queries.ts';
import { newToken, hashToken } from './tokens.ts';
import { matchingStep, newTotpSecret, totpUri } from './totp.ts';
import { SESSION_TTL_MS } from './auth.service.ts';
import { mutate, requireMutationAccess, type Ctx } from '../context.ts';
import { VlechtError } from '../errors.ts';
import { parseInput } from '../validation.ts';

export const confirmInput = z.object({ code: z.string().trim().min(1, { error: 'vul de code uit uw authenticator-app in' }).max(20) });

/** The signed-in account; a system actor has no second factor. */
async function ownAccount(ctx: Ctx) {
  const user = ctx.actor.userId ? await q.findUserById(ctx.db, ctx.actor.userId) : undefined;
  if (!user) throw new VlechtError('UNAUTHENTICATED');
  return user;
}

/** Whether the signed-in account has a confirmed second factor, and since when. */
export async function secondFactorStatus(ctx: Ctx): Promise<{ confirmedAt: Date | null }> {
  return { confirmedAt: (await ownAccount(ctx)).totpConfirmedAt };
}

/**
 * Starts setting up a second factor: a new pending secret, or the pending one from an
 * earlier start (so reloading the page keeps the QR code the app may have scanned).
 * Not audited: a pending secret grants nothing until it is confirmed (which is audited).
 */
export async function startEnrolment(ctx: Ctx): Promise<{ secret: string; uri: string }> {
  const user = await ownAccount(ctx);
  if (user.totpConfirmedAt) throw new VlechtError('SECOND_FACTOR_ALREADY_SET');
  const stored = user.totpSecret ?? await q.ensurePendingTotpSecret(ctx.db, user.id, seal(newTotpSecret()));
  if (!stored) throw new VlechtError('SECOND_FACTOR_ALREADY_SET');
  const secret = open(stored);
  return { secret, uri: totpUri(secret, user.email) };
}

/**
 * Confirms the pending secret with a current code. Ends every session of the account and
 * returns a new one that counts as opened with the second factor (session rotation).
 */
export async function confirmEnrolment(ctx: Ctx, input: unknown): Promise<{ token: string; confirmedAt: Date }> {
  const { code } = parseInput(confirmInput, input);
  const user = await ownAccount(ctx);
  if (user.totpConfirmedAt) throw new VlechtError('SECOND_FACTOR_ALREADY_SET');
  const stored = user.totpSecret;
  if (!stored) throw new VlechtError('VALIDATION', {}, [{ field: 'code', message: 'start eerst het instellen: vraag een geheim op (POST /api/v1/tweede-factor of de pagina /tweede-factor)' }]);
  const now = ctx.clock();
  const step = matchingStep(open(stored), code, now);
  if (step === null) {
    throw new VlechtError('VALIDATION', {}, [{ field: 'code', message: 'de code klopt niet; controleer of de tijd op uw telefoon goed staat en vul de code in die de app nu toont' }]);
  }
  const token = newToken();
  await mutate(ctx, async (tx) => {
    if (!await q.confirmTotp(tx, user.id, stored, step, now)) throw new VlechtError('CONFLICT');
    await q.deleteSessionsOfUser(tx, user.id);
    await q.insertSession(tx, { tokenHash: hashToken(token), userId: user.id, csrfToken: newToken(), expiresAt: new Date(now.getTime() + SESSION_TTL_MS), lastSeenAt: now, secondFactor: true });
    return { value: null, audit: { action: 'gebruiker.tweede-factor.ingesteld', objectType: 'gebruiker', objectId: user.id, newValue: { methode: 'totp', bevestigdOp: now.toISOString() } } };
  });
  return { token, confirmedAt: now };
}

/**
 * Removes another account's second factor (lost phone) and ends its sessions; the account
 * sets up a new one at the next sign-in. Global beheerder only (users:manage).
 */
export async function resetSecondFactor(ctx: Ctx, userId: string): Promise<{ hadSecondFactor: boolean }> {
  await requireMutationAccess(ctx, 'users:manage', {}, { action: 'gebruiker.tweede-factor.verwijderd', objectType: 'gebruiker', objectId: userId.slice(0, 100) });
  const user = z.uuid().safeParse(userId).success ? await q.findUserById(ctx.db, userId) : undefined;
  if (!user) throw new VlechtError('NOT_FOUND', { object: 'gebruiker', key: userId.slice(0, 100) });
  return mutate(ctx, async (tx) => {
    const hadSecondFactor = await q.clearTotp(tx, user.id, ctx.clock());
    await q.deleteSessionsOfUser(tx, user.id);
    return {
      value: { hadSecondFactor },
      audit: { action: 'gebruiker.tweede-factor.verwijderd', objectType: 'gebruiker', objectId: user.id, oldValue: { ingesteld: !!user.totpConfirmedAt, inBehandeling: !user.totpConfirmedAt && !!user.totpSecret }, newValue: { sessiesBeëindigd: true } },
    };
  });
}

/** As resetSecondFactor, for an account named by e-mail address (`vlecht user reset-second-factor`). */
export async function resetSecondFactorByEmail(ctx: Ctx, email: string): Promise<{ hadSecondFactor: boolean }> {
  const user = await q.findUserByEmail(ctx.db, email.trim());
  if (!user) throw new VlechtError('NOT_FOUND', { object: 'gebruiker', key: email.slice(0, 200) });
  return resetSecondFactor(ctx, user.id);
}
