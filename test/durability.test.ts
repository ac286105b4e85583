/**
 * Durability at start-up: `vlecht serve` refuses a PostgreSQL database on which committed
 * work could be lost (here synchronous_commit off, set on the database only, so the server
 * itself is left alone), and on the embedded engine states its recovery point plainly.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { ENGINES, PG_URL } from './support/engines.ts';

describe('durability at start-up', () => {
  test('vlecht serve refuses PostgreSQL with synchronous_commit off, naming the setting', { skip: ENGINES.includes('postgres') ? false : 'PostgreSQL not reachable' }, async () => {
    const name = `vlecht_dur_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    try {
      await admin.query(`create database ${name}`);
      await admin.query(`alter database ${name} set synchronous_commit = off`);
      const url = new URL(PG_URL);
      url.pathname = `/${name}`;
      const r = spawnSync(process.execPath, ['bin/vlecht.mjs', 'serve', '--port', '0'], { env: { ...process.env, DATABASE_URL: url.toString() }, encoding: 'utf8', timeout: 60_000 });
      assert.equal(r.status, 1, r.stdout + r.stderr);
      assert.match(r.stderr, /Vlecht start niet: de PostgreSQL-server is niet duurzaam ingesteld/);
      assert.match(r.stderr, /synchronous_commit staat op 'off'/);
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
      await admin.end();
    }
  });

  test('vlecht serve on the embedded engine states its recovery point', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vlecht-rpo-'));
    const child = spawn(process.execPath, ['bin/vlecht.mjs', 'serve', '--port', '0', '--host', '127.0.0.1'], { env: { ...process.env, DATABASE_URL: '', VLECHT_DATA_DIR: join(dir, 'data') }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start within 90 s: ${out}`)), 90_000);
        child.stdout.on('data', (d) => { out += d; if (/Vlecht draait/.test(out)) { clearTimeout(timer); resolve(); } });
        child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`exited ${code}: ${out}`)); });
      });
      assert.match(out, /bij een crash van het besturingssysteem of stroomuitval is dat niet gegarandeerd/);
      assert.match(out, /Gebruik voor productie PostgreSQL/);
    } finally {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
