/**
 * The `vlecht` command as a user runs it, on a PGlite data directory: migrate, demo,
 * audit verify (and its failure naming the altered row), backup/restore, the data
 * directory lock, and Dutch errors with exit codes.
 */
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/platform/db/open.ts';
import { rowsOf } from '../src/platform/db/raw.ts';
import { GENESIS_HASH, hashRow } from '../src/platform/audit/chain.ts';
import { demoDataDirectory } from './support/demo.ts';

const root = mkdtempSync(join(tmpdir(), 'vlecht-cli-'));
const dataDir = join(root, 'data');

function vlecht(args: string[], dir = dataDir) {
  const env: NodeJS.ProcessEnv = { ...process.env, VLECHT_DATA_DIR: dir, VLECHT_LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, ['bin/vlecht.mjs', ...args], { env, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('vlecht CLI [pglite data directory]', () => {
  after(() => rmSync(root, { recursive: true, force: true }));

  test('migrate, load the demo, and verify the audit trail', () => {
    assert.match(vlecht(['migrate']).out, /migratie\(s\) uitgevoerd/);
    const demo = vlecht(['demo']);
    assert.equal(demo.code, 0, demo.err);
    assert.match(demo.out, /Demo geladen/);
    assert.match(vlecht(['demo']).out, /niet opnieuw geladen/);
    const verify = vlecht(['audit', 'verify']);
    assert.equal(verify.code, 0, verify.err);
    assert.match(verify.out, /Audittrail intact: \d+ regels/);
    const check = vlecht(['uren', 'controleer']);
    assert.equal(check.code, 0, check.err);
    assert.match(check.out, /Dagtotalen kloppen/);
  });

  test('vlecht afleiden derives every KPI with a derivation; a second run changes nothing', () => {
    const first = vlecht(['afleiden', '--samenwerking', 'heemstede-bloemendaal']);
    assert.equal(first.code, 0, first.err + first.out);
    assert.match(first.out, /heemstede-bloemendaal · .*\(aandeel-uren-andere-gemeente\): \d+ toegevoegd, \d+ gewijzigd, \d+ ongewijzigd/);
    assert.match(first.out, /\d+ indicatoren afgeleid\./);
    const again = vlecht(['afleiden']);
    assert.equal(again.code, 0, again.err);
    for (const line of again.out.split('\n').filter((l) => / · /.test(l))) assert.match(line, /: 0 toegevoegd, 0 gewijzigd, \d+ ongewijzigd$/, line);
  });

  test('the CBS reference with merger periods loads into an empty register, and again changes nothing', () => {
    const empty = join(root, 'ref');
    const first = vlecht(['referentie', 'gemeenten'], empty);
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /Gemeenten: 345 toegevoegd, 0 gewijzigd, 0 ongewijzigd/);
    assert.match(vlecht(['referentie', 'gemeenten'], empty).out, /Gemeenten: 0 toegevoegd, 0 gewijzigd, 345 ongewijzigd/);
    const missing = vlecht(['referentie', 'gemeenten', '--lijst', join(root, 'bestaat-niet.csv')], empty);
    assert.equal(missing.code, 65);
    assert.match(missing.err, /bestand niet gevonden/);
  });

  test('user add validates in Dutch and creates an account', () => {
    const bad = vlecht(['user', 'add', '--email', 'geen-email', '--name', 'X', '--password', 'kort']);
    assert.equal(bad.code, 65);
    assert.match(bad.err, /E-mailadres/);
    assert.match(bad.err, /Wachtwoord/);
    const ok = vlecht(['user', 'add', '--email', 'controller@laren.example', '--name', 'Controller Laren', '--password', 'een-lang-wachtwoord', '--role', 'controller', '--gemeente', 'GM0417']);
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /Account aangemaakt/);
  });

  test('user reset-second-factor removes an account\'s second factor; an unknown address exits 66', () => {
    const ok = vlecht(['user', 'reset-second-factor', '--email', 'controller@laren.example']);
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /had geen tweede factor; de sessies van het account zijn beëindigd/);
    const unknown = vlecht(['user', 'reset-second-factor', '--email', 'niemand@laren.example']);
    assert.equal(unknown.code, 66);
    assert.match(unknown.err, /gebruiker/);
  });

  test('user reset-oidc removes the identity provider binding; an unknown address exits 66', () => {
    const ok = vlecht(['user', 'reset-oidc', '--email', 'controller@laren.example']);
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /was niet gekoppeld; de sessies van het account zijn beëindigd/);
    const unknown = vlecht(['user', 'reset-oidc', '--email', 'niemand@laren.example']);
    assert.equal(unknown.code, 66);
    assert.match(unknown.err, /gebruiker/);
  });

  test('backup then restore into an empty data directory', () => {
    const file = join(root, 'backup.vlecht.gz');
    const backup = vlecht(['backup', file]);
    assert.equal(backup.code, 0, backup.err);
    const restore = vlecht(['restore', file], join(root, 'restored'));
    assert.equal(restore.code, 0, restore.err);
    assert.match(restore.out, /teruggezet/);
    assert.equal(vlecht(['audit', 'verify'], join(root, 'restored')).code, 0);
    const again = vlecht(['restore', file], join(root, 'restored'));
    assert.notEqual(again.code, 0);
    assert.match(again.err, /lege database/);
  });

  test('a second process on the same data directory gets a clear Dutch error', async () => {
    const database = await openDatabase({ dataDir });
    try {
      const second = vlecht(['migrate']);
      assert.equal(second.code, 75);
      assert.match(second.err, /in gebruik door een ander Vlecht-proces/);
    } finally {
      await database.close();
    }
  });

  test('audit anker writes an anchor; verify --anker detects a chain rewritten as a whole (every hash recomputed)', async () => {
    const anchors = join(root, 'ankers.txt');
    const made = vlecht(['audit', 'anker', '--bestand', anchors]);
    assert.equal(made.code, 0, made.err);
    assert.match(made.out, /^vlecht-audit-anker seq=\d+ hash=[0-9a-f]{64} tijd=\S+$/m);
    const ok = vlecht(['audit', 'verify', '--anker', anchors]);
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /Ankers kloppen: 1/);
    assert.equal(vlecht(['audit', 'verify', '--anker', join(root, 'bestaat-niet.txt')]).code, 65);

    // Someone with owner rights changes row 5 and recomputes every hash after it: the chain
    // itself still verifies, only the anchor kept outside the database shows the rewrite.
    const copy = join(root, 'herschreven');
    cpSync(dataDir, copy, { recursive: true });
    rmSync(join(copy, 'vlecht.lock'), { force: true });
    const database = await openDatabase({ dataDir: copy });
    try {
      await database.db.execute(sql`alter table audit_event disable trigger audit_event_no_update`);
      const rows = await rowsOf<Record<string, unknown>>(database.db, sql`select seq, occurred_at, actor_user_id, actor_label, role_context, action, object_type, object_id, result, origin, old_value, new_value, reason from audit_event order by seq`);
      let prev = GENESIS_HASH;
      for (const r of rows) {
        const row = { seq: Number(r.seq), occurredAt: String(r.occurred_at), actorUserId: r.actor_user_id as string | null, actorLabel: Number(r.seq) === 5 ? 'iemand anders' : String(r.actor_label), roleContext: String(r.role_context), action: String(r.action), objectType: String(r.object_type), objectId: String(r.object_id), result: String(r.result), origin: String(r.origin), oldValue: r.old_value, newValue: r.new_value, reason: r.reason as string | null, prevHash: prev };
        const hash = hashRow(row);
        await database.db.execute(sql`update audit_event set actor_label = ${row.actorLabel}, prev_hash = ${prev}, hash = ${hash} where seq = ${row.seq}`);
        prev = hash;
      }
    } finally {
      await database.close();
    }
    const plain = vlecht(['audit', 'verify'], copy);
    assert.equal(plain.code, 0, 'the rewritten chain is consistent in itself');
    const anchored = vlecht(['audit', 'verify', '--anker', anchors], copy);
    assert.equal(anchored.code, 1);
    assert.match(anchored.err, /Audittrail herschreven: regel \d+ heeft een andere hash dan het anker/);
  });

  test('audit verify fails naming the row after a row is altered by hand', async () => {
    const database = await openDatabase({ dataDir });
    try {
      await database.db.execute(sql`alter table audit_event disable trigger audit_event_no_update`);
      await database.db.execute(sql`update audit_event set actor_label = 'iemand anders' where seq = 12`);
    } finally {
      await database.close();
    }
    const verify = vlecht(['audit', 'verify']);
    assert.equal(verify.code, 1);
    assert.match(verify.err, /verbroken bij regel 12/);
  });
});

describe('vlecht user add scopes', () => {
  const root = mkdtempSync(join(tmpdir(), 'vlecht-cli-scope-'));
  let dir = root;
  after(() => rmSync(root, { recursive: true, force: true }));
  test('a team manager gets a team scope; an unknown team or role is a Dutch error', async () => {
    // The demo loading through the CLI is tested above; here the run's prepared copy will do.
    await demoDataDirectory(join(dir, 'data'));
    dir = join(dir, 'data');
    const ok = vlecht(['user', 'add', '--email', 'tm@ict.example', '--name', 'TM ICT', '--password', 'een-lang-wachtwoord', '--role', 'teammanager', '--team', 'heemstede-bloemendaal/informatisering'], dir);
    assert.equal(ok.code, 0, ok.err);
    const badTeam = vlecht(['user', 'add', '--email', 'x@y.example', '--name', 'X', '--password', 'een-lang-wachtwoord', '--role', 'teammanager', '--team', 'nergens/niets'], dir);
    assert.equal(badTeam.code, 65);
    assert.match(badTeam.err, /onbekend team/);
    const badRole = vlecht(['user', 'add', '--email', 'x@y.example', '--name', 'X', '--password', 'een-lang-wachtwoord', '--role', 'koning'], dir);
    assert.equal(badRole.code, 65);
    assert.match(badRole.err, /kies uit/);
  });
});
