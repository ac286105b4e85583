/**
 * The context every use case receives, and the two helpers every service uses: a policy
 * check that records refusals, and a mutation wrapper that runs one transaction with
 * exactly one audit row.
 */
import type { Db, Tx } from './db/types.ts';
import type { BulkRunner } from './db/bulk.ts';
import type { Actor } from './auth/actor.ts';
import { can, type Permission, type Scope } from './auth/policy.ts';
import { writeAudit, type AuditEntry } from './audit/trail.ts';
import { VlechtError } from './errors.ts';
import { withRetry } from './db/durability.ts';

export interface Ctx {
  db: Db;
  actor: Actor;
  clock: () => Date;
  /** Where the request came from: `http 127.0.0.1`, `cli`, `demo`. */
  origin: string;
  /** Engine-specific bulk loading for importers; absent → a generic fallback. */
  bulk?: BulkRunner;
}

/** Throws FORBIDDEN unless the actor holds the permission in this scope (reads). */
export function requireAccess(ctx: Ctx, permission: Permission, scope: Scope = {}): void {
  if (!can(ctx.actor, permission, scope)) throw new VlechtError('FORBIDDEN', { permission });
}

/** As requireAccess, but a refused mutation is written to the audit trail too. */
export async function requireMutationAccess(
  ctx: Ctx, permission: Permission, scope: Scope, attempt: Omit<AuditEntry, 'result'>,
): Promise<void> {
  if (can(ctx.actor, permission, scope)) return;
  await ctx.db.transaction((tx) => writeAudit(tx, ctx.actor, ctx.origin, { ...attempt, result: 'geweigerd' }, ctx.clock()));
  throw new VlechtError('FORBIDDEN', { permission });
}

/**
 * Runs `work` in one transaction and writes its audit entry in the same transaction. A
 * serialization failure or deadlock rolls everything back, so the whole transaction is
 * simply run again (a few times) before the user sees an error.
 */
export async function mutate<T>(ctx: Ctx, work: (tx: Tx) => Promise<{ value: T; audit: AuditEntry }>): Promise<T> {
  return withRetry(() => ctx.db.transaction(async (tx) => {
    const { value, audit } = await work(tx);
    await writeAudit(tx, ctx.actor, ctx.origin, audit, ctx.clock());
    return value;
  }));
}

/** Optimistic concurrency: the version the client last saw must still be current. */
export function checkVersion(current: number, expected: number | undefined): void {
  if (expected === undefined) throw new VlechtError('PRECONDITION_REQUIRED');
  if (current !== expected) throw new VlechtError('PRECONDITION_FAILED', { current, expected });
}
