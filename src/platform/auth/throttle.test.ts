import { test } from 'node:test';
import assert from 'node:assert/strict';
import { afterFailure, isLocked, MAX_FAILURES, WINDOW_MS } from './throttle.ts';

const t0 = new Date('2026-11-23T09:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

test(`locks after ${MAX_FAILURES} failures within the window`, () => {
  let s = afterFailure(undefined, t0);
  for (let i = 1; i < MAX_FAILURES; i++) {
    assert.equal(isLocked(s, later(i * 1000)), false, `not locked after ${i} failures`);
    s = afterFailure(s, later(i * 1000));
  }
  assert.equal(isLocked(s, later(MAX_FAILURES * 1000)), true);
});

test('failures outside the window start a new count', () => {
  let s = afterFailure(undefined, t0);
  for (let i = 1; i < MAX_FAILURES - 1; i++) s = afterFailure(s, later(i));
  s = afterFailure(s, later(WINDOW_MS + 1));
  assert.equal(s.failures, 1);
  assert.equal(isLocked(s, later(WINDOW_MS + 2)), false);
});

test('a lock expires', () => {
  let s = afterFailure(undefined, t0);
  for (let i = 1; i < MAX_FAILURES; i++) s = afterFailure(s, t0);
  assert.equal(isLocked(s, later(60_000)), true);
  assert.equal(isLocked(s, later(16 * 60_000)), false);
});
