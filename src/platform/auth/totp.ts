/**
 * TOTP second factor (RFC 6238: SHA-1, 6 digits, 30-second steps), pure: secrets, the
 * otpauth:// URI for authenticator apps and checking a code at a given time. Which roles
 * must have one is decided here too, so the rule lives in one place.
 */
import { Secret, TOTP } from 'otpauth';
import type { Grant } from './actor.ts';
import type { Role } from './roles.ts';

export const TOTP_PERIOD_S = 30;
export const TOTP_DIGITS = 6;
/** Codes of the step before and after are accepted too: phones' clocks drift. */
export const TOTP_WINDOW = 1;
export const TOTP_ISSUER = 'Vlecht';

/** Roles that may only work after setting up a second factor (when enforcement is on). */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['beheerder', 'controller'];

const totp = (secret: string, label = 'Vlecht') => new TOTP({
  issuer: TOTP_ISSUER, label, algorithm: 'SHA1', digits: TOTP_DIGITS, period: TOTP_PERIOD_S, secret: Secret.fromBase32(secret),
});

/** A new random secret of 160 bits (RFC 4226's recommendation), base32. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The otpauth:// URI an authenticator app reads from the QR code. */
export const totpUri = (secret: string, account: string): string => totp(secret, account).toString();

/** The secret in groups of four for typing it over: `ABCD EFGH …`. */
export const groupedSecret = (secret: string): string => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/** The code of `secret` at `now` (for tests and tools). */
export const totpCode = (secret: string, now: Date): string => totp(secret).generate({ timestamp: now.getTime() });

/** Spaces and dashes some apps show inside the code are ignored; anything else but 6 digits is no code. */
export const normaliseCode = (code: string): string | null => {
  const digits = code.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
};

/**
 * The time step (counter) the code belongs to when it is valid at `now` within the
 * window, else null. The caller accepts a step only once and only after the last used one.
 */
export function matchingStep(secret: string, code: string, now: Date): number | null {
  const digits = normaliseCode(code);
  if (!digits) return null;
  const delta = totp(secret).validate({ token: digits, timestamp: now.getTime(), window: TOTP_WINDOW });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_S) + delta;
}

/** True when one of the grants is of a role that needs a second factor. */
export const needsSecondFactor = (grants: readonly Pick<Grant, 'role'>[]): boolean =>
  grants.some((g) => SECOND_FACTOR_ROLES.includes(g.role));
