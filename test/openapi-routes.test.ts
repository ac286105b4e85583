/**
 * The OpenAPI document and the API's routes stay in step (issue 15, item 6): every API
 * route registered in the app has an entry in the document with the same method and path,
 * and every entry names a route that exists. A new route without documentation fails here;
 * a route without an access rule fails in access-matrix.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from '../src/platform/http/app.tsx';
import { ROUTES } from '../src/platform/http/openapi.ts';
import type { Db } from '../src/platform/db/types.ts';
import type { BulkRunner } from '../src/platform/db/bulk.ts';

const API = '/api/v1';
/** Routes that are part of the API's plumbing, not of the documented resources. */
const UNDOCUMENTED = new Set([`GET ${API}/openapi.json`]);

/**
 * A route path in OpenAPI's spelling. Hono's `:file{verdeling\\.(csv|xlsx)}` is one route
 * for several documented paths (verdeling.csv, verdeling.xlsx); a number pattern is `{nr}`.
 */
export function documentedPaths(honoPath: string): string[] {
  const m = honoPath.match(/^(.*):[A-Za-z_]+\{(.+)\}$/);
  if (!m) return [honoPath.replace(/:([A-Za-z_]+)/g, '{$1}')];
  const [, head, pattern] = m;
  const base = documentedPaths(head)[0];
  const number = '[0-9]{1,6}';
  const ext = pattern.match(/^(.*)\\\.\(([a-z|]+)\)$/);
  const stem = (s: string) => (s === number ? '{nr}' : s);
  if (!ext) return [base + stem(pattern)];
  return ext[2].split('|').map((e) => `${base}${stem(ext[1])}.${e}`);
}

/** The app's API routes as `METHOD /path/{param}`; building the app touches no database. */
function registeredRoutes(): Set<string> {
  const app = createApp({ db: {} as Db, bulk: (async () => { throw new Error('no database'); }) as BulkRunner });
  const keys = app.routes
    .filter((r) => r.method !== 'ALL' && r.path.startsWith(`${API}/`) && !UNDOCUMENTED.has(`${r.method} ${r.path}`))
    .flatMap((r) => documentedPaths(r.path.slice(API.length)).map((p) => `${r.method} ${p}`));
  return new Set(keys);
}

const documented = new Set(ROUTES.flatMap((r) => [r.path, ...(r.also ?? [])].map((p) => `${r.method.toUpperCase()} ${p}`)));

test('every API route is in the OpenAPI document', () => {
  const missing = [...registeredRoutes()].filter((k) => !documented.has(k)).sort();
  assert.deepEqual(missing, [], `routes without an OpenAPI entry:\n${missing.join('\n')}`);
});

test('every OpenAPI entry is a route of the app', () => {
  const routes = registeredRoutes();
  const stale = [...documented].filter((k) => !routes.has(k)).sort();
  assert.deepEqual(stale, [], `OpenAPI entries without a route:\n${stale.join('\n')}`);
});

test('the document lists each route once', () => {
  assert.equal(documented.size, ROUTES.reduce((n, r) => n + 1 + (r.also?.length ?? 0), 0));
});

test('a route with a pattern stands for each path it serves', () => {
  assert.deepEqual(documentedPaths('/samenwerkingen/:slug/kosten/:file{verdeling\\.(csv|xlsx)}'), ['/samenwerkingen/{slug}/kosten/verdeling.csv', '/samenwerkingen/{slug}/kosten/verdeling.xlsx']);
  assert.deepEqual(documentedPaths('/rapporten/:id/publicaties/:file{[0-9]{1,6}\\.(html|pdf)}'), ['/rapporten/{id}/publicaties/{nr}.html', '/rapporten/{id}/publicaties/{nr}.pdf']);
  assert.deepEqual(documentedPaths('/rapporten/:id/publicaties/:nr{[0-9]{1,6}}'), ['/rapporten/{id}/publicaties/{nr}']);
  assert.deepEqual(documentedPaths('/gemeenten/:cbs'), ['/gemeenten/{cbs}']);
});
