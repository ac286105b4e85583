/**
 * Concurrent writers on every engine: parallel edits of one record with the same If-Match
 * give exactly one success and 412 for the rest; parallel imports of the same file import
 * it exactly once; the audit chain stays linear.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { ENGINES } from './support/engines.ts';
import { demoDatabase, teamIdOf } from './support/demo.ts';
import { api, signIn, type App } from './support/http.ts';
import { createApp } from '../src/platform/http/app.tsx';
import { importHours } from '../src/ledger/import.service.ts';
import { verifyAuditTrail } from '../src/platform/audit/trail.ts';
import { SYSTEM_ACTOR } from '../src/platform/auth/actor.ts';
import { rowsOf } from '../src/platform/db/raw.ts';
import type { Database } from '../src/platform/db/open.ts';

for (const engine of ENGINES) {
  describe(`concurrency [${engine}]`, () => {
    let database: Database;
    let app: App;
    before(async () => { database = await demoDatabase(engine); app = createApp({ db: database.db, bulk: database.bulk, demo: true }); });
    after(() => database.close());

    test('eight parallel edits with the same version: exactly one wins, seven get 412', async () => {
      const token = await signIn(app, 'beheerder@vlecht.demo');
      const po = await teamIdOf(database.db, 'p-en-o');
      const etag = (await api(app, token, 'GET', `/teams/${po}`)).headers.get('etag')!;
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) =>
        api(app, token, 'PATCH', `/teams/${po}`, { managerName: `Manager ${i}` }, { 'if-match': etag })));
      const statuses = results.map((r) => r.status).sort();
      assert.deepEqual(statuses, [200, 412, 412, 412, 412, 412, 412, 412]);
    });

    test('four parallel imports of the same file: it is imported exactly once', async () => {
      const ctx = { db: database.db, bulk: database.bulk, actor: SYSTEM_ACTOR, clock: () => new Date(), origin: 'test' };
      const csv = 'personeelsnummer;datum;uren;gemeente;activiteit\n' + Array.from({ length: 500 }, (_, i) => `S1000;${String(1 + (i % 28)).padStart(2, '0')}-02-2027;${1 + (i % 5)};GM0397;regulier`).join('\n');
      const results = await Promise.all(Array.from({ length: 4 }, () =>
        importHours(ctx, { cooperationSlug: 'heemstede-bloemendaal', fileName: 'parallel.csv', input: Readable.from([csv]) })));
      assert.deepEqual(results.map((r) => r.status).sort(), ['geimporteerd', 'ongewijzigd', 'ongewijzigd', 'ongewijzigd']);
      const [{ n }] = await rowsOf<{ n: number }>(database.db, sql`select count(*)::int as n from hours_entry where work_date >= '2027-02-01'`);
      assert.equal(n, 500);
      assert.equal((await verifyAuditTrail(database.db)).ok, true);
    });
  });
}
