import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anchorMismatches, canonicalJson, formatAnchor, GENESIS_HASH, hashRow, parseAnchors, verifyChain, type ChainRow } from './chain.ts';

function chain(n: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const base = {
      seq, occurredAt: `2026-01-0${seq}T10:00:00.000Z`, actorUserId: null, actorLabel: 'test', roleContext: 'systeem',
      action: 'team.wijzigen', objectType: 'team', objectId: `t${seq}`, result: 'geslaagd', origin: 'test',
      oldValue: { naam: 'oud', fte: 1 }, newValue: { naam: 'nieuw', fte: 0.8 }, reason: null, prevHash: prev,
    };
    const row = { ...base, hash: hashRow(base) };
    rows.push(row);
    prev = row.hash;
  }
  return rows;
}

test('canonical JSON sorts keys at every depth so jsonb round-trips hash the same', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } }), '{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
  assert.equal(canonicalJson({ a: 1, b: 2 }), canonicalJson({ b: 2, a: 1 }));
});

test('an intact chain verifies and reports its row count', () => {
  const verdict = verifyChain(chain(5));
  assert.equal(verdict.ok, true);
  assert.equal(verdict.rows, 5);
});

test('an altered value breaks the chain at exactly that row', () => {
  const rows = chain(5);
  rows[2] = { ...rows[2], newValue: { naam: 'gemanipuleerd', fte: 0.8 } };
  assert.deepEqual(verifyChain(rows), { ok: false, rows: 3, brokenSeq: 3, reason: 'hash' });
});

test('a deleted row is reported as a gap at the row after it', () => {
  const rows = chain(4);
  rows.splice(1, 1);
  assert.deepEqual(verifyChain(rows), { ok: false, rows: 2, brokenSeq: 3, reason: 'gap' });
});

test('a row recomputed after tampering still breaks the link of the next row', () => {
  const rows = chain(4);
  const { hash: _, ...base } = { ...rows[1], actorLabel: 'iemand anders' };
  rows[1] = { ...base, hash: hashRow(base) };
  assert.deepEqual(verifyChain(rows), { ok: false, rows: 3, brokenSeq: 3, reason: 'link' });
});

test('anchors: formatted lines parse back; other lines are named; a changed or missing row is a mismatch', () => {
  const h = 'a'.repeat(64);
  const line = formatAnchor({ seq: 12, hash: h, at: '2026-12-02T14:00:00.000Z' });
  assert.equal(line, `vlecht-audit-anker seq=12 hash=${h} tijd=2026-12-02T14:00:00.000Z`);
  assert.deepEqual(parseAnchors(`# bewaard bij de griffie\n${line}\n\nvlecht-audit-anker seq=3 hash=${'b'.repeat(64)}\nonzin\n`), { anchors: [{ seq: 12, hash: h }, { seq: 3, hash: 'b'.repeat(64) }], badLines: [5] });
  const stored = new Map([[12, h], [3, 'c'.repeat(64)]]);
  assert.deepEqual(anchorMismatches([{ seq: 12, hash: h }, { seq: 3, hash: 'b'.repeat(64) }, { seq: 99, hash: h }], (seq) => stored.get(seq)),
    [{ seq: 3, reason: 'andere hash' }, { seq: 99, reason: 'ontbreekt' }]);
});
