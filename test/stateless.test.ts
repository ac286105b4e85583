/**
 * The app is stateless: two `vlecht serve` processes on one PostgreSQL database share
 * sessions through the database. A token from process A works on process B (a page and
 * an API call); signing out on B makes A refuse the token.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { ENGINES, PG_URL, scratchPostgres } from './support/engines.ts';

const SLUG = 'heemstede-bloemendaal';

async function startServer(databaseUrl: string, port: number): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, VLECHT_LOG_LEVEL: 'warn' };
  delete env.VLECHT_DATA_DIR;
  const child = spawn(process.execPath, ['bin/vlecht.mjs', 'serve', '--demo', '--port', String(port), '--host', '127.0.0.1'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { out += d; });
  const started = Date.now();
  while (!/Vlecht draait op/.test(out)) {
    if (child.exitCode !== null) throw new Error(`server on port ${port} exited (${child.exitCode}):\n${out}`);
    if (Date.now() - started > 90_000) { child.kill('SIGKILL'); throw new Error(`server on port ${port} did not listen within 90 s:\n${out}`); }
    await new Promise((r) => setTimeout(r, 100));
  }
  return child;
}

async function stop(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

describe('stateless: two processes, one PostgreSQL database', () => {
  test('a session from process A works on process B; signing out on B ends it on A', { timeout: 180_000 }, async (t) => {
    if (!ENGINES.includes('postgres')) {
      t.skip(`PostgreSQL not reachable at ${PG_URL} (set VLECHT_TEST_PG_URL): several processes need one PostgreSQL database`);
      return;
    }
    const scratch = await scratchPostgres();
    let a: ChildProcess | undefined;
    let b: ChildProcess | undefined;
    try {
      const port = 4500 + Math.floor(Math.random() * 400);
      // A loads the demo into the empty database first; B then finds it loaded.
      a = await startServer(scratch.url, port);
      b = await startServer(scratch.url, port + 1);
      const A = `http://127.0.0.1:${port}`;
      const B = `http://127.0.0.1:${port + 1}`;

      const signIn = await fetch(`${A}/api/v1/sessies`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'controller.heemstede@vlecht.demo', password: 'vlecht-demo-2026' }) });
      assert.equal(signIn.status, 201);
      const { token } = await signIn.json() as { token: string };
      const auth = { authorization: `Bearer ${token}` };

      const page = await fetch(`${B}/samenwerkingen/${SLUG}/uren`, { headers: auth });
      assert.equal(page.status, 200, 'page on B with the token from A');
      assert.match(await page.text(), /<html/i);
      const api = await fetch(`${B}/api/v1/samenwerkingen/${SLUG}/uren`, { headers: auth });
      assert.equal(api.status, 200, 'API on B with the token from A');
      await api.arrayBuffer();
      const me = await (await fetch(`${B}/api/v1/ik`, { headers: auth })).json() as { signedIn: boolean; user?: { email?: string } };
      assert.equal(me.signedIn, true);

      const signOut = await fetch(`${B}/api/v1/sessies/huidig`, { method: 'DELETE', headers: auth });
      assert.equal(signOut.status, 204);
      const refused = await fetch(`${A}/api/v1/samenwerkingen/${SLUG}/uren`, { headers: auth });
      assert.equal(refused.status, 401, 'A refuses the token signed out on B');
      await refused.arrayBuffer();
    } finally {
      await Promise.all([stop(a), stop(b)]);
      await scratch.drop();
    }
  });
});
