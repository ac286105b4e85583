/**
 * The periodic access review (BIO2 8.02.01): every role grant with its account, scope,
 * when it was granted, the account's last successful sign-in and last recorded action
 * (both from the audit trail), whether the account has a second factor, and a plain signal
 * when a grant looks unused or a role that needs a second factor has none. Only for
 * those who manage accounts.
 */
import { requireAccess, type Ctx } from '../context.ts';
import { grantsForReview } from './queries.ts';
import { SECOND_FACTOR_ROLES } from './totp.ts';
import type { Role } from './roles.ts';

/** A grant unused this long is worth asking about in the review. */
export const UNUSED_AFTER_DAYS = 90;

export interface ReviewRow {
  email: string; name: string; active: boolean; role: string; scope: string;
  grantedOn: string; lastSignIn: string | null; lastAction: string | null;
  daysSinceSignIn: number | null; secondFactor: boolean; oidcBound: boolean; signal: string;
}

const days = (fromIso: string, now: Date) => Math.floor((now.getTime() - Date.parse(fromIso)) / 86_400_000);

export async function accessReview(ctx: Ctx): Promise<{ generatedAt: string; unusedAfterDays: number; rows: ReviewRow[] }> {
  requireAccess(ctx, 'users:manage');
  const now = ctx.clock();
  const rows = (await grantsForReview(ctx.db)).map((r): ReviewRow => {
    const since = r.last_sign_in ? days(r.last_sign_in, now) : null;
    const secondFactor = r.totp_confirmed_at !== null;
    const signals = [!r.active ? 'account uitgeschakeld: toekenning intrekken?'
      : since === null ? 'nooit aangemeld'
        : since > UNUSED_AFTER_DAYS ? `${since} dagen niet aangemeld` : '',
    // An OIDC sign-in with the provider's MFA also counts; this column is about TOTP in Vlecht.
    r.active && SECOND_FACTOR_ROLES.includes(r.role as Role) && !secondFactor ? 'rol vraagt een tweede factor: geen TOTP ingesteld (tenzij aanmelding via OIDC met MFA)' : ''];
    const signal = signals.filter(Boolean).join('; ');
    return {
      email: r.email, name: r.name, active: r.active, role: r.role,
      scope: r.team ? `team ${r.team}` : r.cooperation ? `samenwerking ${r.cooperation}` : r.municipality ? `gemeente ${r.municipality}` : 'alles (zonder scope)',
      grantedOn: r.grant_created_at.slice(0, 10), lastSignIn: r.last_sign_in, lastAction: r.last_action, daysSinceSignIn: since, secondFactor, oidcBound: r.oidc_bound, signal,
    };
  });
  return { generatedAt: now.toISOString(), unusedAfterDays: UNUSED_AFTER_DAYS, rows };
}
