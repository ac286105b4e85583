/**
 * Dependencies point inward (CONVENTIONS.md): pure logic imports nothing with I/O,
 * services and queries never import edges, and a capability never reads another
 * capability's queries.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, dirname, resolve } from 'node:path';

const SRC = resolve('src');

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

const imports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
const resolved = (file: string, spec: string) => (spec.startsWith('.') ? relative(SRC, resolve(dirname(file), spec)) : spec);

  const PURE = ['coverage/coverage.ts', 'coverage/pricing.ts', 'coverage/parameters.ts', 'coverage/scenario.ts', 'coverage/harmonisation.ts', 'coverage/synthetic-portfolio.ts', 'goals/catalogue.ts', 'goals/survey-benchmark.schema.ts', 'goals/decimal.ts', 'goals/smart.ts', 'goals/workflow.ts', 'goals/traffic-light.ts', 'goals/targets.ts', 'goals/derive.ts', 'goals/measurement-csv.ts', 'goals/benchmark.ts', 'goals/survey.ts', 'ledger/allocation.ts', 'ledger/counterfactual.ts', 'ledger/vat-signal.ts', 'ledger/balance.ts', 'ledger/hours-format.ts', 'platform/import/columns.ts', 'register/periods.ts', 'register/staffing.ts', 'register/catalogue.ts', 'platform/audit/chain.ts', 'platform/auth/throttle.ts', 'platform/auth/totp.ts', 'platform/auth/oidc.claims.ts', 'platform/auth/policy.ts', 'platform/i18n/format.ts', 'governance/catalogue.ts', 'governance/rights.ts', 'governance/status.ts', 'governance/dependencies.ts', 'governance/planner.ts', 'governance/calendar-file.ts', 'governance/forms.ts', 'reports/period.ts', 'reports/schema.ts'];
const IO = /^(drizzle-orm|pg|pg-copy-streams|@electric-sql|hono|@hono|node:fs|node:child_process|node:net|playwright-core)/;
const EDGE = /(^|\/)(api\.ts|[\w.]*pages\.tsx|cli\/|http\/)/;

test('pure logic imports nothing with I/O and no services or queries', () => {
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
