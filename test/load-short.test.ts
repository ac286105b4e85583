/**
 * The load test in its short CI form (issue: "the load test in a short form"): two app
 * processes on one PostgreSQL database, 10 users (200 ms think time) for 5 s over dashboard,
 * ledger and report pages at demo size, then 5 s in a closed loop (capacity). Asserts what a
 * test may: it runs, the stateless check passes, no request fails, saturation serves more. Latency is printed, not asserted (speed goals live in `npm run load`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { ENGINES } from './support/engines.ts';

test('short load test: two processes, one PostgreSQL, no failed request', { skip: ENGINES.includes('postgres') ? false : 'PostgreSQL not reachable', timeout: 300_000 }, () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/load.ts', '--duration', '5', '--clients', '10', '--processes', '2', '--scale', '1', '--think', '200', '--capacity'], { encoding: 'utf8', timeout: 280_000 });
  console.log(r.stdout.split('\n').filter((l) => /│|Doel|Capaciteit|urenregels|stateless|sessie/i.test(l)).join('\n'));
  assert.equal(r.status, 0, r.stderr.slice(-2000));
  const verdict = /Doel p95 ≤ 50 ms en 0 fouten bij \d+ gebruikers met denktijd: (GEHAALD|NIET GEHAALD) \(p95 ([\d.]+) ms, (\d+) fouten, ([\d.]+) req\/s\)/.exec(r.stdout);
  assert.ok(verdict, `no verdict line in:\n${r.stdout.slice(-2000)}`);
  assert.equal(Number(verdict[3]), 0, 'no failed requests');
  assert.ok(Number(verdict[4]) > 0, 'requests were served');
  const capacity = /Capaciteit \(gesloten lus, verzadigd\): ([\d.]+) req\/s met (\d+) fouten/.exec(r.stdout);
  assert.ok(capacity, `no capacity line in:\n${r.stdout.slice(-2000)}`);
  assert.equal(Number(capacity[2]), 0, 'no failed requests at saturation');
  assert.ok(Number(capacity[1]) > Number(verdict[4]), 'a closed loop serves more requests per second than users who pause');
});
