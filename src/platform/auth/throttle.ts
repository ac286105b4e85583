/**
 * Login throttling, pure: after MAX_FAILURES failed attempts within WINDOW the key is
 * locked for LOCK. State lives in the database so every app instance sees it.
 */
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

export interface ThrottleState {
  failures: number;
  windowStart: Date;
  lockedUntil: Date | null;
}

export const isLocked = (s: ThrottleState | undefined, now: Date): boolean =>
  !!s?.lockedUntil && s.lockedUntil > now;

/** The state after one more failed attempt. */
export function afterFailure(s: ThrottleState | undefined, now: Date): ThrottleState {
  const fresh = !s || now.getTime() - s.windowStart.getTime() > WINDOW_MS;
  const failures = fresh ? 1 : s.failures + 1;
  const windowStart = fresh ? now : s.windowStart;
  const lockedUntil = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MS) : null;
  return { failures, windowStart, lockedUntil };
}
