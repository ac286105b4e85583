import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bbvLabel, BBV_TAAKVELDEN, isBbvTaakveld } from './bbv.ts';
import { teamInput } from './schema.ts';

test('the BBV list runs from 0.1 Bestuur to 8.3 Wonen en bouwen', () => {
  assert.equal(BBV_TAAKVELDEN['0.1'], 'Bestuur');
  assert.equal(BBV_TAAKVELDEN['8.3'], 'Wonen en bouwen');
  assert.equal(Object.keys(BBV_TAAKVELDEN).length, 53);
  assert.equal(bbvLabel('0.4'), '0.4 Overhead');
});

test('a team is tagged only with a task field that exists', () => {
  assert.equal(isBbvTaakveld('0.10'), true);
  assert.equal(isBbvTaakveld('9.9'), false);
  const bad = teamInput.safeParse({ slug: 'x-y', name: 'X', bbvTaakveld: '0.99' });
  assert.match(bad.error!.issues[0].message, /geen BBV-taakveld/);
});
