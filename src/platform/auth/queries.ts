/** Named queries for accounts, grants, sessions and throttling. */
import { and, eq, gt, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { appUser, roleGrant, session, loginThrottle, setupToken } from './tables.ts';
import { team } from '../../register/tables.ts';
import type { Queryable } from '../db/types.ts';
import { rowsOf } from '../db/raw.ts';
import type { Grant } from './actor.ts';
import type { Role } from './roles.ts';

export const findUserByEmail = async (q: Queryable, email: string) =>
  (await q.select().from(appUser).where(eq(appUser.email, email.toLowerCase())).limit(1))[0];

export const findUserByOidcAccount = async (q: Queryable, issuer: string, subject: string) =>
  (await q.select().from(appUser).where(and(eq(appUser.oidcIssuer, issuer), eq(appUser.oidcSubject, subject))).limit(1))[0];

/** Binds the provider's account to a Vlecht account (only while none is bound). */
export const bindOidcAccount = (q: Queryable, userId: string, issuer: string, subject: string) =>
  q.update(appUser).set({ oidcIssuer: issuer, oidcSubject: subject }).where(and(eq(appUser.id, userId), isNull(appUser.oidcSubject)));

/** Forgets the bound provider account; the next OIDC sign-in binds anew. */
export const unbindOidcAccount = (q: Queryable, userId: string) =>
  q.update(appUser).set({ oidcIssuer: null, oidcSubject: null }).where(eq(appUser.id, userId));

export const findUserById = async (q: Queryable, id: string) =>
  (await q.select().from(appUser).where(eq(appUser.id, id)).limit(1))[0];

export async function grantsOfUser(q: Queryable, userId: string): Promise<Grant[]> {
  const rows = await q.select({
    role: roleGrant.role, municipalityId: roleGrant.municipalityId, cooperationId: roleGrant.cooperationId,
    teamId: roleGrant.teamId, teamCooperationId: team.cooperationId,
  }).from(roleGrant).leftJoin(team, eq(team.id, roleGrant.teamId)).where(eq(roleGrant.userId, userId));
  return rows.map((r) => ({ ...r, role: r.role as Role, teamCooperationId: r.teamCooperationId ?? null }));
}

export const countUsers = async (q: Queryable): Promise<number> =>
  (await rowsOf<{ n: number }>(q, sql`select count(*)::int as n from app_user`))[0].n;

/** A session that has not expired (absolute), was used after `idleSince`, of an active account. */
export async function findLiveSession(q: Queryable, tokenHash: string, now: Date, idleSince: Date) {
  const rows = await q.select({ session, user: appUser }).from(session)
    .innerJoin(appUser, eq(appUser.id, session.userId))
    .where(and(eq(session.tokenHash, tokenHash), gt(session.expiresAt, now), gt(session.lastSeenAt, idleSince), eq(appUser.active, true))).limit(1);
  return rows[0];
}

export const touchSession = (q: Queryable, tokenHash: string, now: Date) =>
  q.update(session).set({ lastSeenAt: now }).where(eq(session.tokenHash, tokenHash));

export const insertSession = (q: Queryable, row: typeof session.$inferInsert) => q.insert(session).values(row);
export const deleteSession = (q: Queryable, tokenHash: string) => q.delete(session).where(eq(session.tokenHash, tokenHash));

export const deleteSessionsOfUser = (q: Queryable, userId: string) => q.delete(session).where(eq(session.userId, userId));

/**
 * Stores a new pending TOTP secret unless the account already has one (pending or
 * confirmed); returns the secret that is pending now, so two first visits at once agree.
 */
export async function ensurePendingTotpSecret(q: Queryable, userId: string, secret: string): Promise<string | null> {
  await q.update(appUser).set({ totpSecret: secret, totpLastCounter: null })
    .where(and(eq(appUser.id, userId), isNull(appUser.totpSecret), isNull(appUser.totpConfirmedAt)));
  const [row] = await q.select({ secret: appUser.totpSecret, confirmedAt: appUser.totpConfirmedAt }).from(appUser).where(eq(appUser.id, userId)).limit(1);
  return row && !row.confirmedAt ? row.secret : null;
}

/** Confirms the pending secret it was checked against; false when it changed or was confirmed meanwhile. */
export async function confirmTotp(q: Queryable, userId: string, secret: string, step: number, now: Date): Promise<boolean> {
  const rows = await q.update(appUser).set({ totpConfirmedAt: now, totpLastCounter: step, updatedAt: now })
    .where(and(eq(appUser.id, userId), eq(appUser.totpSecret, secret), isNull(appUser.totpConfirmedAt))).returning({ id: appUser.id });
  return rows.length === 1;
}

/**
 * Uses a TOTP time step: true only for a step after the last one used, in one statement,
 * so two requests with the same code cannot both pass (replay protection).
 */
export async function useTotpStep(q: Queryable, userId: string, step: number): Promise<boolean> {
  const rows = await q.update(appUser).set({ totpLastCounter: step })
    .where(and(eq(appUser.id, userId), isNotNull(appUser.totpConfirmedAt), or(isNull(appUser.totpLastCounter), lt(appUser.totpLastCounter, step))))
    .returning({ id: appUser.id });
  return rows.length === 1;
}

/** Removes secret and confirmation; true when the account had a second factor (pending or set). */
export async function clearTotp(q: Queryable, userId: string, now: Date): Promise<boolean> {
  const rows = await q.update(appUser).set({ totpSecret: null, totpConfirmedAt: null, totpLastCounter: null, updatedAt: now })
    .where(and(eq(appUser.id, userId), isNotNull(appUser.totpSecret))).returning({ id: appUser.id });
  return rows.length === 1;
}

export const readThrottle = async (q: Queryable, key: string) =>
  (await q.select().from(loginThrottle).where(eq(loginThrottle.key, key)).limit(1))[0];

export const saveThrottle = (q: Queryable, row: typeof loginThrottle.$inferInsert) =>
  q.insert(loginThrottle).values(row).onConflictDoUpdate({
    target: loginThrottle.key,
    set: { failures: row.failures, windowStart: row.windowStart, lockedUntil: row.lockedUntil ?? null },
  });

export const clearThrottle = (q: Queryable, key: string) => q.delete(loginThrottle).where(eq(loginThrottle.key, key));

export const insertSetupToken = (q: Queryable, tokenHash: string) => q.insert(setupToken).values({ tokenHash });
export const findUnusedSetupToken = async (q: Queryable, tokenHash: string) =>
  (await q.select().from(setupToken).where(and(eq(setupToken.tokenHash, tokenHash), sql`${setupToken.usedAt} is null`)).limit(1))[0];
export const markSetupTokenUsed = (q: Queryable, tokenHash: string, now: Date) =>
  q.update(setupToken).set({ usedAt: now }).where(eq(setupToken.tokenHash, tokenHash));

/** Every role grant with its account, scope names, last successful sign-in and last recorded action of the account. */
export const grantsForReview = (q: Queryable) => rowsOf<{
  email: string; name: string; active: boolean; role: string; grant_created_at: string;
  municipality: string | null; cooperation: string | null; team: string | null;
  last_sign_in: string | null; last_action: string | null; totp_confirmed_at: string | null; oidc_bound: boolean;
}>(q, sql`
  select u.email, u.name, u.active, g.role, g.created_at::text as grant_created_at, u.totp_confirmed_at::text as totp_confirmed_at, u.oidc_subject is not null as oidc_bound,
    case when m.id is null then null else m.name || ' (' || m.cbs_code || ')' end as municipality,
    c.name as cooperation,
    case when t.id is null then null else t.name || ' (' || tc.name || ')' end as team,
    (select max(a.occurred_at) from audit_event a where a.action = 'sessie.aanmelden' and a.result = 'geslaagd' and a.object_id = u.id::text) as last_sign_in,
    (select max(a.occurred_at) from audit_event a where a.actor_user_id = u.id) as last_action
  from role_grant g join app_user u on u.id = g.user_id
    left join municipality m on m.id = g.municipality_id
    left join cooperation c on c.id = g.cooperation_id
    left join team t on t.id = g.team_id left join cooperation tc on tc.id = t.cooperation_id
  order by u.email, g.role`);
