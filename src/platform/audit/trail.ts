/**
 * Writes audit rows inside the caller's transaction, so a failed audit write rolls the
 * change back. An advisory lock keeps the chain linear across app instances.
 */
import { asc, desc, gt, inArray, sql } from 'drizzle-orm';
import { auditEvent } from './tables.ts';
import { GENESIS_HASH, chainVerifier, hashRow, type Anchor, type ChainRow, type ChainVerdict } from './chain.ts';
import type { Queryable } from '../db/types.ts';
import type { Actor } from '../auth/actor.ts';

const AUDIT_CHAIN_LOCK = 741_852_964;

export interface AuditEntry {
  action: string;
  objectType: string;
  objectId: string;
  oldValue?: unknown;
  newValue?: unknown;
  reason?: string | null;
  result?: 'geslaagd' | 'geweigerd';
}

/** Plain JSON (dates to ISO strings) so what is hashed equals what jsonb gives back. */
const toJson = (v: unknown): unknown => (v === undefined || v === null ? null : JSON.parse(JSON.stringify(v)));

export async function writeAudit(q: Queryable, actor: Actor, origin: string, entry: AuditEntry, now: Date): Promise<void> {
  await q.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await q.select({ seq: auditEvent.seq, hash: auditEvent.hash })
    .from(auditEvent).orderBy(desc(auditEvent.seq)).limit(1);
  const base: Omit<ChainRow, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    occurredAt: now.toISOString(),
    actorUserId: actor.userId,
    actorLabel: actor.label,
    roleContext: actor.roleContext,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    result: entry.result ?? 'geslaagd',
    origin,
    oldValue: toJson(entry.oldValue),
    newValue: toJson(entry.newValue),
    reason: entry.reason ?? null,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await q.insert(auditEvent).values({ ...base, hash: hashRow(base) });
}

/** Reads the trail page by page and verifies the chain without holding it in memory. */
export async function verifyAuditTrail(q: Queryable, pageSize = 5000): Promise<ChainVerdict> {
  const verifier = chainVerifier();
  let after = 0;
  for (;;) {
    const rows = await q.select().from(auditEvent).where(gt(auditEvent.seq, after))
      .orderBy(asc(auditEvent.seq)).limit(pageSize);
    if (rows.length === 0) return verifier.done();
    for (const row of rows) {
      const broken = verifier.push(row as ChainRow);
      if (broken) return broken;
    }
    after = rows[rows.length - 1].seq;
  }
}

/** The newest row as an anchor (null on an empty trail). */
export async function latestAnchor(q: Queryable): Promise<(Anchor & { at: string }) | null> {
  const [row] = await q.select({ seq: auditEvent.seq, hash: auditEvent.hash, at: auditEvent.occurredAt }).from(auditEvent).orderBy(desc(auditEvent.seq)).limit(1);
  return row ?? null;
}

/** The stored hash of each given row. */
export async function hashesOf(q: Queryable, seqs: number[]): Promise<Map<number, string>> {
  if (seqs.length === 0) return new Map();
  const rows = await q.select({ seq: auditEvent.seq, hash: auditEvent.hash }).from(auditEvent).where(inArray(auditEvent.seq, seqs));
  return new Map(rows.map((r) => [r.seq, r.hash]));
}
