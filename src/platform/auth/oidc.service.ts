/**
 * Signing in with the ID token claims of the municipality's identity provider: the claims
 * must meet the acr/amr/e-mail requirements and the e-mail address must belong to an
 * existing, active account. The first sign-in binds the provider's account (iss + sub) to
 * it; later sign-ins must come from that account. Accounts and their roles are managed in
 * Vlecht by a beheerder; nothing is created here. Every refusal is audited with its reason; the audit holds the
 * e-mail address, acr and amr, never tokens or other claims.
 */
import * as q from './queries.ts';
import { startSession } from './auth.service.ts';
import { checkClaims, provesSecondFactor, type ClaimsRefusal } from './oidc.claims.ts';
import { writeAudit } from '../audit/trail.ts';
import type { Actor } from './actor.ts';
import type { Db } from '../db/types.ts';
import { mutate, requireMutationAccess, type Ctx } from '../context.ts';
import { VlechtError } from '../errors.ts';

export type OidcRefusal = ClaimsRefusal | 'unknown-account' | 'other-account';

export type OidcSignIn =
  | { ok: true; token: string; userId: string }
  | { ok: false; refusal: OidcRefusal; email: string | null; acr: string | null; amr: string[] };

const REASONS: Record<OidcRefusal, string> = {
  acr: 'betrouwbaarheidsniveau (acr) niet toegestaan',
  amr: 'aanmeldmethode (amr) zonder vereiste factor',
  email: 'geen e-mailadres in het ID-token',
  email_verified: 'e-mailadres niet bevestigd (email_verified)',
  'unknown-account': 'geen actief account met dit e-mailadres',
  subject: 'geen iss/sub in het ID-token',
  'other-account': 'ander account bij de identity provider (iss/sub) dan het gekoppelde',
};

/**
 * Starts a session for the account named by verified ID token claims, or refuses (and
 * audits why). `required` holds the configured acr and amr lists.
 *
 * @example
 * const result = await signInWithOidc(db, tokens.claims(), { acr: ['loa3'], amr: ['mfa'] }, 'http 10.0.0.1', new Date());
 * if (result.ok) setSessionCookie(c, result.token);
 */
export async function signInWithOidc(db: Db, claims: Record<string, unknown>, required: { acr: string[]; amr: string[] }, origin: string, now: Date): Promise<OidcSignIn> {
  const verdict = checkClaims(claims, required);
  const user = verdict.email && !verdict.refusal ? await q.findUserByEmail(db, verdict.email) : undefined;
  // The first OIDC sign-in binds the provider's account (iss + sub); later ones must match it,
  // and one provider account opens one Vlecht account at most.
  const bound = user?.oidcSubject != null;
  const sameAccount = bound && user!.oidcIssuer === verdict.account?.issuer && user!.oidcSubject === verdict.account?.subject;
  const holder = !bound && verdict.account ? await q.findUserByOidcAccount(db, verdict.account.issuer, verdict.account.subject) : undefined;
  const refusal: OidcRefusal | null = verdict.refusal ?? (!user?.active ? 'unknown-account' : (bound && !sameAccount) || (holder && holder.id !== user.id) ? 'other-account' : null);
  const label = (verdict.email ?? 'oidc').slice(0, 200);
  const actor: Actor = { userId: user?.id ?? null, label, grants: [], roleContext: 'aanmelding', system: false };
  const newValue = { methode: 'oidc', acr: verdict.acr, amr: verdict.amr };
  if (refusal || !user) {
    await db.transaction((tx) => writeAudit(tx, actor, origin, {
      action: 'sessie.aanmelden', objectType: 'sessie', objectId: verdict.email?.slice(0, 200) ?? '(geen e-mailadres)',
      result: 'geweigerd', reason: REASONS[refusal ?? 'unknown-account'], newValue,
    }, now));
    return { ok: false, refusal: refusal ?? 'unknown-account', email: verdict.email, acr: verdict.acr, amr: verdict.amr };
  }
  const token = await db.transaction(async (tx) => {
    if (!bound) await q.bindOidcAccount(tx, user.id, verdict.account!.issuer, verdict.account!.subject);
    return startSession(tx, user.id, { actor, origin, newValue: bound ? newValue : { ...newValue, gekoppeld: true }, secondFactor: provesSecondFactor(verdict, required) }, now);
  });
  return { ok: true, token, userId: user.id };
}

/**
 * Removes the provider account bound to a Vlecht account (beheerder, audited), e.g. after the
 * municipality replaced someone's account at its identity provider; the next OIDC sign-in
 * binds again. Sessions of the account end too.
 */
export async function resetOidcBindingByEmail(ctx: Ctx, email: string): Promise<{ wasBound: boolean }> {
  const key = email.trim().toLowerCase().slice(0, 200);
  await requireMutationAccess(ctx, 'users:manage', {}, { action: 'gebruiker.oidc-koppeling.verwijderd', objectType: 'gebruiker', objectId: key });
  const user = await q.findUserByEmail(ctx.db, key);
  if (!user) throw new VlechtError('NOT_FOUND', { object: 'gebruiker', key });
  return mutate(ctx, async (tx) => {
    await q.unbindOidcAccount(tx, user.id);
    await q.deleteSessionsOfUser(tx, user.id);
    return {
      value: { wasBound: user.oidcSubject !== null },
      // The issuer only: the subject is the provider's identifier of a person.
      audit: { action: 'gebruiker.oidc-koppeling.verwijderd', objectType: 'gebruiker', objectId: user.id, oldValue: { gekoppeld: user.oidcSubject !== null, issuer: user.oidcIssuer }, newValue: { sessiesBeëindigd: true } },
    };
  });
}
