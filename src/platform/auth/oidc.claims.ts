/**
 * What the ID token of the identity provider must say before Vlecht looks for an account:
 * the assurance (`acr`) and methods (`amr`) the municipality demands, and a verified
 * e-mail address. Pure: claims and requirements in, a verdict out.
 */

/** Why an otherwise valid ID token is not enough. */
export type ClaimsRefusal = 'acr' | 'amr' | 'subject' | 'email' | 'email_verified';

export interface ClaimsVerdict {
  /** Lower-cased e-mail address, or null when the token has none. */
  email: string | null;
  acr: string | null;
  amr: string[];
  /** The provider's account: issuer and subject (`iss`, `sub`), null when absent. */
  account: { issuer: string; subject: string } | null;
  refusal: ClaimsRefusal | null;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 && v.length <= 500 ? v : null);

/** `amr` is a JSON array of strings (RFC 8176); a single string is read as a list of one. */
function methods(v: unknown): string[] {
  if (typeof v === 'string') return text(v) ? [v] : [];
  if (!Array.isArray(v)) return [];
  return v.filter((m): m is string => text(m) !== null).slice(0, 20);
}

/**
 * Checks the ID token claims against the required acr values (one must match exactly) and
 * amr values (at least one present); empty lists require nothing. `email_verified` must be
 * the boolean true: a string "true" is not accepted.
 *
 * @example
 * checkClaims({ email: 'A@x.nl', email_verified: true, amr: ['pwd', 'otp'] }, { acr: [], amr: ['mfa', 'otp'] })
 * // → { email: 'a@x.nl', acr: null, amr: ['pwd', 'otp'], account: null, refusal: 'subject' } (no iss/sub)
 */
export function checkClaims(claims: Record<string, unknown>, required: { acr: string[]; amr: string[] }): ClaimsVerdict {
  const acr = text(claims.acr);
  const amr = methods(claims.amr);
  const email = text(claims.email)?.trim().toLowerCase() || null;
  const issuer = text(claims.iss);
  const subject = text(claims.sub);
  const account = issuer && subject ? { issuer, subject } : null;
  const verdict = (refusal: ClaimsRefusal | null): ClaimsVerdict => ({ email, acr, amr, account, refusal });
  if (required.acr.length && !(acr && required.acr.includes(acr))) return verdict('acr');
  if (required.amr.length && !amr.some((m) => required.amr.includes(m))) return verdict('amr');
  if (!account) return verdict('subject');
  if (!email || !email.includes('@')) return verdict('email');
  if (claims.email_verified !== true) return verdict('email_verified');
  return verdict(null);
}

/**
 * Whether the identity provider's sign-in counts as the second factor Vlecht requires of
 * beheerder and controller: `amr` says `mfa` (RFC 8176), or a configured amr requirement
 * (the methods the municipality accepts as a factor beyond the password) was met.
 *
 * @example
 * provesSecondFactor({ amr: ['pwd', 'otp'] }, { amr: ['otp'] }) // → true
 * provesSecondFactor({ amr: ['pwd'] }, { amr: [] }) // → false
 */
export function provesSecondFactor(verdict: Pick<ClaimsVerdict, 'amr'>, required: { amr: string[] }): boolean {
  return verdict.amr.includes('mfa') || (required.amr.length > 0 && verdict.amr.some((m) => required.amr.includes(m)));
}
