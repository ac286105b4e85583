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

/**
 * An anchor: the hash of one row, kept outside the database (printed in a report, mailed to
 * the griffie, stored with the backups). The chain proves rows were not changed one by one;
 * an anchor also proves the chain was not rewritten as a whole by someone who can write the
 * table and recompute every hash (an owner or superuser).
 */
export interface Anchor { seq: number; hash: string }

const ANCHOR_LINE = /^vlecht-audit-anker seq=(\d+) hash=([0-9a-f]{64})(?: tijd=\S+)?$/;

/** One line per anchor, e.g. `vlecht-audit-anker seq=812 hash=3f…a9 tijd=2026-12-02T14:10:00.000Z`. */
export const formatAnchor = (a: Anchor & { at: string }) => `vlecht-audit-anker seq=${a.seq} hash=${a.hash} tijd=${a.at}`;

/** Reads anchor lines (other lines, e.g. comments, are reported by number, not guessed at). */
export function parseAnchors(text: string): { anchors: Anchor[]; badLines: number[] } {
  const anchors: Anchor[] = [];
  const badLines: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    const m = ANCHOR_LINE.exec(trimmed);
    if (m) anchors.push({ seq: Number(m[1]), hash: m[2] });
    else badLines.push(i + 1);
  });
  return { anchors, badLines };
}

/** Anchors the trail no longer matches: the row is gone, or has another hash. */
export interface AnchorMismatch { seq: number; reason: 'ontbreekt' | 'andere hash' }

export function anchorMismatches(anchors: Anchor[], hashOf: (seq: number) => string | undefined): AnchorMismatch[] {
  return anchors.flatMap((a): AnchorMismatch[] => {
    const now = hashOf(a.seq);
    if (now === undefined) return [{ seq: a.seq, reason: 'ontbreekt' }];
    return now === a.hash ? [] : [{ seq: a.seq, reason: 'andere hash' }];
  });
}
