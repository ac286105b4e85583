/**
 * Durability stated and enforced. On PostgreSQL a committed row must survive an OS crash:
 * Vlecht refuses to serve when fsync, full_page_writes or synchronous_commit is off.
 * Serialization failures and deadlocks are the server's way of saying "try again": a
 * mutation is retried a few times before the user sees an error. Pure apart from `sleep`.
 */

/** What is wrong with these server settings (from SHOW), in Dutch; empty when durable. */
export function durabilityProblems(settings: { fsync: string; full_page_writes: string; synchronous_commit: string }): string[] {
  const problems: string[] = [];
  if (settings.fsync !== 'on') problems.push(`fsync staat op '${settings.fsync}': na een stroomstoring kan de database beschadigd zijn`);
  if (settings.full_page_writes !== 'on') problems.push(`full_page_writes staat op '${settings.full_page_writes}': halve pagina's na een crash zijn niet te herstellen`);
  // local, remote_write, remote_apply and on all wait for the local WAL flush; only off does not.
  if (settings.synchronous_commit === 'off') problems.push("synchronous_commit staat op 'off': bevestigde wijzigingen kunnen bij een crash verloren gaan");
  return problems;
}

/** The embedded engine's recovery point, said plainly (README and `vlecht serve`). */
export const EMBEDDED_RPO = 'Ingebedde database (PGlite): na een crash van het proces gaat niets verloren wat bevestigd was; '
  + 'bij een crash van het besturingssysteem of stroomuitval is dat niet gegarandeerd (PGlite schrijft zonder fsync). '
  + 'Gebruik voor productie PostgreSQL (DATABASE_URL) en maak geplande back-ups met `vlecht backup`.';

const RETRYABLE = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected

/** True for a serialization failure or deadlock, also when wrapped by the ORM (`cause`). */
export function isRetryable(e: unknown): boolean {
  for (let cur: any = e, depth = 0; cur && depth < 5; cur = cur.cause, depth++) {
    if (typeof cur.code === 'string' && RETRYABLE.has(cur.code)) return true;
  }
  return false;
}

/** Runs `work`, again after a short random pause when it failed retryably; at most `attempts` times. */
export async function withRetry<T>(work: () => Promise<T>, attempts = 4, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (e) {
      if (attempt >= attempts || !isRetryable(e)) throw e;
      await sleep(5 * 2 ** attempt + Math.random() * 10);
    }
  }
}
