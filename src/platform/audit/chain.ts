/**
 * Pure hash-chain logic for the audit trail: canonical JSON and SHA-256 per row, and a
 * verifier that names the first broken link.
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainRow {
  seq: number;
  occurredAt: string;
  actorUserId: string | null;
  actorLabel: string;
  roleContext: string;
  action: string;
  objectType: string;
  objectId: string;
  result: string;
  origin: string;
  oldValue: unknown;
  newValue: unknown;
  reason: string | null;
  prevHash: string;
  hash: string;
}

/** JSON with object keys sorted at every depth, so jsonb round-trips hash the same. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function hashRow(row: Omit<ChainRow, 'hash'>): string {
  const { seq, occurredAt, actorUserId, actorLabel, roleContext, action, objectType, objectId,
    result, origin, oldValue, newValue, reason, prevHash } = row;
  const payload = canonicalJson([seq, occurredAt, actorUserId, actorLabel, roleContext, action,
    objectType, objectId, result, origin, oldValue ?? null, newValue ?? null, reason, prevHash]);
  return createHash('sha256').update(payload).digest('hex');
}

export type ChainVerdict =
  | { ok: true; rows: number; lastHash: string }
  | { ok: false; rows: number; brokenSeq: number; reason: 'hash' | 'link' | 'gap' };

/** Incremental verifier: feed rows in seq order; `push` returns a verdict at the first break. */
export function chainVerifier() {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  return {
    push(row: ChainRow): ChainVerdict | null {
      count++;
      const fail = (reason: 'hash' | 'link' | 'gap'): ChainVerdict => ({ ok: false, rows: count, brokenSeq: row.seq, reason });
      if (row.seq !== expectedSeq) return fail('gap');
      if (row.prevHash !== prev) return fail('link');
      if (hashRow(row) !== row.hash) return fail('hash');
      prev = row.hash;
      expectedSeq++;
      return null;
    },
    done(): ChainVerdict {
      return { ok: true, rows: count, lastHash: prev };
    },
  };
}

/** Checks rows in seq order; stops at the first row whose hash, link or sequence is wrong. */
export function verifyChain(rows: Iterable<ChainRow>): ChainVerdict {
  const v = chainVerifier();
  for (const row of rows) {
    const broken = v.push(row);
    if (broken) return broken;
  }
  return v.done();
}
