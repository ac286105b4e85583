/**
 * Killing the process (SIGKILL) during a large import leaves no partial import behind,
 * keeps every committed row, and the audit chain still verifies — on a PGlite data
 * directory (whose stale lock is recovered) and on PostgreSQL.
 */
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { ENGINES, scratchPostgres } from './support/engines.ts';
import { openDatabase } from '../src/platform/db/open.ts';
import { rowsOf } from '../src/platform/db/raw.ts';
import { verifyAuditTrail } from '../src/platform/audit/trail.ts';

const root = mkdtempSync(join(tmpdir(), 'vlecht-crash-'));
const bigFile = join(root, 'groot.csv');

async function writeBigFile(rows: number) {
  const out = createWriteStream(bigFile);
  out.write('personeelsnummer;datum;uren;gemeente;activiteit;omschrijving\n');
  for (let i = 0; i < rows; i++) {
    const line = `S${1000 + (i % 40)};${String(1 + (i % 28)).padStart(2, '0')}-${String(1 + ((i >> 10) % 12)).padStart(2, '0')}-2024;${1 + (i % 7)};${i % 2 ? 'GM0397' : 'GM0377'};regulier;crash ${i}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function vlecht(env: NodeJS.ProcessEnv, args: string[]) {
  return spawnSync(process.execPath, ['bin/vlecht.mjs', ...args], { env: { ...process.env, VLECHT_LOG_LEVEL: 'silent', ...env }, encoding: 'utf8', timeout: 180_000 });
}

/** Starts an import and kills it hard once it has read some rows (the progress bar says so). */
async function importAndKill(env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(process.execPath, ['bin/vlecht.mjs', 'import', 'uren', bigFile, '--samenwerking', 'heemstede-bloemendaal'], { env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const started = Date.now();
  // Wait until the importer is well into the file, then SIGKILL.
  while (!/\b[1-9]\d{4,} regels/.test(stderr) && Date.now() - started < 60_000 && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
  assert.equal(child.exitCode, null, `import ended before it could be killed: ${stderr}`);
  child.kill('SIGKILL');
  await once(child, 'exit');
}

describe('crash during a large import', () => {
  after(() => rmSync(root, { recursive: true, force: true }));

  for (const engine of ENGINES) {
    test(`[${engine}] kill -9 mid-import: no partial import, committed rows kept, chain verifies`, async () => {
      if (!(await import('node:fs')).existsSync(bigFile)) await writeBigFile(300_000);
      let env: NodeJS.ProcessEnv;
      let cleanup = async () => {};
      if (engine === 'pglite') {
        env = { VLECHT_DATA_DIR: join(root, 'data'), DATABASE_URL: '' };
      } else {
        const scratch = await scratchPostgres();
        env = { DATABASE_URL: scratch.url };
        cleanup = scratch.drop;
      }
      try {
        const demo = vlecht(env, ['demo']);
        assert.equal(demo.status, 0, demo.stderr);
        const count = async () => {
          const d = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.VLECHT_DATA_DIR! });
          try {
            const [r] = await rowsOf<{ n: number; imports: number }>(d.db, sql`select (select count(*)::int from hours_entry) as n, (select count(*)::int from hours_import) as imports`);
            return { ...r, chain: await verifyAuditTrail(d.db) };
          } finally { await d.close(); }
        };
        const before = await count();
        await importAndKill(env);
        const afterCrash = await count();
        assert.equal(afterCrash.n, before.n, 'no rows of the killed import');
        assert.equal(afterCrash.imports, before.imports, 'no import record of the killed import');
        assert.equal(afterCrash.chain.ok, true);
        const small = join(root, 'klein.csv');
        (await import('node:fs')).writeFileSync(small, 'personeelsnummer;datum;uren;gemeente;activiteit\nS1000;02-01-2024;3;GM0397;regulier\n');
        const ok = vlecht(env, ['import', 'uren', small, '--samenwerking', 'heemstede-bloemendaal']);
        assert.equal(ok.status, 0, ok.stderr);
        assert.equal((await count()).n, before.n + 1);
      } finally {
        await cleanup();
      }
    });
  }
});
