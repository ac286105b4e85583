import { test } from 'node:test';
import assert from 'node:assert/strict';
import { durabilityProblems, isRetryable, withRetry } from './durability.ts';

test('a durable server has no problems; each unsafe setting is named', () => {
  assert.deepEqual(durabilityProblems({ fsync: 'on', full_page_writes: 'on', synchronous_commit: 'on' }), []);
  assert.deepEqual(durabilityProblems({ fsync: 'on', full_page_writes: 'on', synchronous_commit: 'remote_apply' }), []);
  const all = durabilityProblems({ fsync: 'off', full_page_writes: 'off', synchronous_commit: 'off' });
  assert.equal(all.length, 3);
  assert.match(all.join(' '), /fsync.*full_page_writes.*synchronous_commit/);
});

test('serialization failures and deadlocks are retried, also when wrapped; other errors are not', async () => {
  const wrapped = Object.assign(new Error('Failed query'), { cause: Object.assign(new Error('could not serialize'), { code: '40001' }) });
  assert.equal(isRetryable(wrapped), true);
  assert.equal(isRetryable(Object.assign(new Error('deadlock'), { code: '40P01' })), true);
  assert.equal(isRetryable(Object.assign(new Error('unique'), { code: '23505' })), false);
  assert.equal(isRetryable(null), false);

  let calls = 0;
  const value = await withRetry(async () => { if (++calls < 3) throw wrapped; return 'ok'; }, 4, async () => {});
  assert.equal(value, 'ok');
  assert.equal(calls, 3);

  calls = 0;
  await assert.rejects(withRetry(async () => { calls++; throw wrapped; }, 4, async () => {}), /Failed query/);
  assert.equal(calls, 4, 'gives up after the last attempt');

  calls = 0;
  await assert.rejects(withRetry(async () => { calls++; throw new Error('anders'); }, 4, async () => {}), /anders/);
  assert.equal(calls, 1, 'other errors are not retried');
});
