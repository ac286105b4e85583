/**
 * Dependencies point inward (CONVENTIONS.md): pure logic imports nothing with I/O,
 * services and queries never import edges, and a capability never reads another
 * capability's queries.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, dirname, resolve } from 'node:path';

const SRC = resolve('src');

function files(dir: string, out: string[] = [], tests = false): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, out, tests);
    else if (/\.tsx?$/.test(name) && /\.test\.tsx?$/.test(name) === tests) out.push(p);
  }
  return out;
}

const imports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
const resolved = (file: string, spec: string) => (spec.startsWith('.') ? relative(SRC, resolve(dirname(file), spec)) : spec);

/**
 * Pure logic, found by rule: every file under src/ with a unit test beside it (`x.ts` and
 * `x.test.ts`) is pure — that is what a unit test without a database presumes. Pure files
 * without a test of their own (catalogues, schemas) are listed.
 */
const PURE_WITHOUT_OWN_TEST = ['coverage/parameters.ts', 'coverage/synthetic-portfolio.ts', 'goals/catalogue.ts', 'goals/survey-benchmark.schema.ts', 'goals/targets.ts', 'register/catalogue.ts', 'governance/catalogue.ts', 'governance/forms.ts', 'reports/schema.ts'];
const PURE = [...new Set([
  ...files(SRC, [], true).map((f) => f.replace(/\.test\.ts$/, '.ts')).filter((f) => existsSync(f)).map((f) => relative(SRC, f)),
  ...PURE_WITHOUT_OWN_TEST,
])].sort();
const IO = /^(drizzle-orm|pg|pg-copy-streams|@electric-sql|hono|@hono|node:fs|node:child_process|node:net|playwright-core)/;
const EDGE = /(^|\/)(api\.ts|[\w.]*pages\.tsx|cli\/|http\/)/;

test('pure logic imports nothing with I/O and no services or queries', () => {
  assert.ok(PURE.length >= 50, `pure files found by rule: ${PURE.length}`);
  for (const rel of PURE) {
    const file = join(SRC, rel);
    for (const spec of imports(file)) {
      const target = resolved(file, spec);
      assert.doesNotMatch(spec, IO, `${rel} imports ${spec}`);
      assert.doesNotMatch(target, /(service|queries)\.ts$/, `${rel} imports ${target}`);
    }
  }
});

test('services and queries never import edges (API, pages, CLI, HTTP)', () => {
  for (const file of files(SRC).filter((f) => /(service|queries)\.ts$/.test(f))) {
    for (const spec of imports(file)) {
      const target = resolved(file, spec);
      assert.doesNotMatch(target, EDGE, `${relative(SRC, file)} imports edge ${target}`);
    }
  }
});

test('a capability never uses the named queries of another capability', () => {
  for (const file of files(SRC)) {
    const own = relative(SRC, file).split('/')[0];
    for (const spec of imports(file)) {
      const target = resolved(file, spec);
      if (!target.endsWith('queries.ts')) continue;
      const owner = target.split('/')[0];
      assert.equal(owner, own, `${relative(SRC, file)} uses ${target}`);
    }
  }
});
