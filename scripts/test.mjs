#!/usr/bin/env node
// `npm test`: every *.test.ts under src/ and test/ with node's test runner, through tsx.
// Database suites run on PGlite and on PostgreSQL (see test/support/engines.ts).
//
// Why this is more than `node --test`: the demo database is built once per run and copied
// per suite (test/support/snapshots.ts), and test files run in parallel (one process each,
// VLECHT_TEST_JOBS at a time, longest first), with each file's output printed whole when it
// ends. At the end: the totals and the ten slowest files.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';

const started = performance.now();
const TIMES_FILE = join('node_modules', '.cache', 'vlecht', 'test-times.json');

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) find(p, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

const args = process.argv.slice(2);
const files = args.length ? args : [...find('src'), ...find('test')].sort();
// One more than the cores: suites wait on PostgreSQL, Chromium and child processes, so 2 files
// on 2 cores left a third of the CPU idle (fresh-clone run: 657 s CPU in 511 s on 2 cores).
const jobs = Math.max(1, Number(process.env.VLECHT_TEST_JOBS) || availableParallelism() + 1);
const env = { ...process.env, NODE_ENV: 'test' };

/**
 * Seconds each file took last time: the longest start first. This machine's last run wins;
 * a fresh clone uses the committed `scripts/test-times.json` (refresh it by copying the cache).
 */
function readTimes(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return {};
  }
}
const known = { ...readTimes(join('scripts', 'test-times.json')), ...readTimes(TIMES_FILE) };
/** Without earlier timings: browser and cross-capability suites are the long ones. */
const guess = (f) => known[f] ?? (f.includes('/browser/') ? 30 : f.startsWith('test') ? 15 : 1);
/** Files under test/ use the database (or the app on it); src/ holds pure unit tests. */
const needsDatabase = (f) => !f.startsWith('src');

function run(command, argv, { capture = true } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, argv, { env, stdio: ['ignore', capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'] });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('close', (code, signal) => resolve({ code: code ?? 1, signal, output }));
  });
}

// Snapshots are built while the unit tests already run.
let workDir = null;
let manifest = null;
async function prepare() {
  workDir = mkdtempSync(join(tmpdir(), 'vlecht-test-'));
  const t0 = performance.now();
  const result = await run(process.execPath, ['--import', 'tsx', 'scripts/test-prepare.ts', 'prepare', workDir]);
  if (result.code !== 0) {
    process.stdout.write(`# Voorbereiden van de testdatabases mislukt:\n${result.output}`);
    throw new Error('test databases could not be prepared');
  }
  manifest = result.output.trim().split('\n').pop();
  env.VLECHT_TEST_SNAPSHOTS = manifest;
  process.stdout.write(`# testdatabases (migraties + demo, PGlite en PostgreSQL) klaar in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}
async function cleanup() {
  if (manifest) await run(process.execPath, ['--import', 'tsx', 'scripts/test-prepare.ts', 'drop', manifest]);
  if (workDir) rmSync(workDir, { recursive: true, force: true });
}
process.on('SIGINT', () => cleanup().finally(() => process.exit(130)));

const summary = { tests: 0, pass: 0, fail: 0, skipped: 0, todo: 0, cancelled: 0 };
const timings = [];
const failedFiles = [];

function count(output) {
  for (const key of Object.keys(summary)) {
    const m = output.match(new RegExp(`^ℹ ${key} (\\d+)$`, 'm'));
    if (m) summary[key] += Number(m[1]);
  }
}

/**
 * The pure unit tests under src/ run together in one process: each is done in milliseconds,
 * and a process per file would spend its time starting node and tsx.
 */
const UNIT = 'src/**/*.test.ts';
const unitFiles = files.filter((f) => f.startsWith('src'));
const jobsOf = (list) => (unitFiles.length > 1 ? [UNIT, ...list.filter((f) => !f.startsWith('src'))] : list);
function argvOf(job) {
  if (job !== UNIT) return ['--import', 'tsx', '--test', '--test-reporter=spec', job];
  const imports = unitFiles.map((f) => `await import(${JSON.stringify(`./${f}`)});`).join('\n');
  return ['--import', 'tsx', '--test-reporter=spec', '--input-type=module', '-e', imports];
}

async function runFile(file) {
  const t0 = performance.now();
  const { code, signal, output } = await run(process.execPath, argvOf(file));
  const seconds = (performance.now() - t0) / 1000;
  timings.push({ file, seconds });
  count(output);
  if (code !== 0) failedFiles.push(file);
  const status = code === 0 ? 'ok' : `MISLUKT (exit ${signal ?? code})`;
  const label = file === UNIT ? `${UNIT} (${unitFiles.length} bestanden in één proces)` : file;
  process.stdout.write(`\n# ── ${label}  ${seconds.toFixed(1)} s  ${status}\n${output}`);
}

const queue = jobsOf(files).sort((a, b) => guess(b) - guess(a));
const needsPrep = queue.some(needsDatabase);
const prepared = needsPrep ? prepare() : Promise.resolve();
prepared.catch(() => {});

async function worker() {
  for (;;) {
    // Unit files go first while the snapshots are being built; then the longest remaining.
    let index = queue.findIndex((f) => !needsDatabase(f));
    if (index < 0) {
      if (!queue.length) return;
      await prepared;
      index = 0;
    }
    const [file] = queue.splice(index, 1);
    if (file) await runFile(file);
  }
}

let exitCode = 0;
try {
  await Promise.all(Array.from({ length: jobs }, worker));
} catch (e) {
  process.stdout.write(`# ${e.message}\n`);
  exitCode = 1;
} finally {
  await cleanup();
}

const total = (performance.now() - started) / 1000;
timings.sort((a, b) => b.seconds - a.seconds);
process.stdout.write(`\n# ── samenvatting\n`);
for (const [k, v] of Object.entries(summary)) process.stdout.write(`ℹ ${k} ${v}\n`);
process.stdout.write(`ℹ files ${timings.length} (${jobs} tegelijk)\nℹ duration_s ${total.toFixed(1)}\n`);
process.stdout.write(`\n# tien traagste bestanden\n`);
for (const t of timings.slice(0, 10)) process.stdout.write(`#   ${t.seconds.toFixed(1).padStart(6)} s  ${t.file}\n`);
if (failedFiles.length) process.stdout.write(`\n# mislukt:\n${failedFiles.map((f) => `#   ${f}`).join('\n')}\n`);

if (!args.length || existsSync(TIMES_FILE)) {
  mkdirSync(join('node_modules', '.cache', 'vlecht'), { recursive: true });
  writeFileSync(TIMES_FILE, JSON.stringify({ ...known, ...Object.fromEntries(timings.map((t) => [t.file, Math.round(t.seconds)])) }, null, 1));
}
if (failedFiles.length || summary.fail > 0 || summary.cancelled > 0) exitCode = 1;
process.exit(exitCode);
