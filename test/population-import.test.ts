/** Inhabitants from a CBS StatLine CSV on every engine: matched on GM code or name, with source, idempotent, feeding the inhabitants key. */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { ENGINES } from './support/engines.ts';
import { demoDatabase } from './support/demo.ts';
import { importPopulation } from '../src/register/population-import.service.ts';
import { getMunicipality } from '../src/register/municipality.service.ts';
import { SYSTEM_ACTOR } from '../src/platform/auth/actor.ts';
import { isVlechtError } from '../src/platform/errors.ts';
import type { Database } from '../src/platform/db/open.ts';
import type { Ctx } from '../src/platform/context.ts';

// As StatLine's "CSV met statistische symbolen" download: quoted, `;`, Dutch thousands.
const STATLINE = `"Regio's";"Perioden";"Bevolking/Bevolkingssamenstelling op 1 januari/Totale bevolking (aantal)"
"Nederland";"2024";"17.942.942"
"Heemstede";"2024";"27.489"
"Bloemendaal";"2024";"23.786"
`;
// As the open-data (OData) CSV: codes padded with spaces, periods as 2024JJ00.
const ODATA = `ID;RegioS;Perioden;TotaleBevolking_1
1;GM0397  ;2024JJ00;27489
2;GM0377  ;2024JJ00;23786
3;PV27  ;2024JJ00;2952622
`;

for (const engine of ENGINES) {
  describe(`population import [${engine}]`, () => {
    let database: Database;
    let ctx: Ctx;
    before(async () => { database = await demoDatabase(engine); ctx = { db: database.db, actor: SYSTEM_ACTOR, clock: () => new Date(), origin: 'test' }; });
    after(() => database.close());

    test('a StatLine download imports by name with its source; other regions are skipped', async () => {
      const r = await importPopulation(ctx, Readable.from([STATLINE]), 'CBS StatLine 70072NED, gedownload 23-11-2026');
      assert.deepEqual([r.status, r.added, r.skippedRegions], ['geimporteerd', 2, 1]);
      const h = await getMunicipality(ctx, 'GM0397');
      const y2024 = h.population.find((p) => p.year === 2024)!;
      assert.equal(y2024.inhabitants, 27_489);
      assert.match(y2024.source, /70072NED/);
    });

    test('the open-data CSV with codes gives the same figures: nothing changes', async () => {
      const r = await importPopulation(ctx, Readable.from([ODATA]), 'CBS open data 70072NED');
      assert.deepEqual([r.status, r.unchanged, r.skippedRegions], ['ongewijzigd', 2, 1]);
    });

    test('bad rows are all reported and nothing is written', async () => {
      const bad = `RegioS;Perioden;TotaleBevolking_1\nGM9999;2025;100\nGM0397;vorig jaar;100\nGM0377;2025;.\n`;
      try {
        await importPopulation(ctx, Readable.from([bad]), 'x');
        assert.fail('expected an error');
      } catch (e) {
        assert.ok(isVlechtError(e));
        assert.deepEqual(e.issues.map((i) => [i.row, i.field]), [[2, 'regio'], [3, 'periode'], [4, 'inwoners']]);
      }
      const h = await getMunicipality(ctx, 'GM0397');
      assert.equal(h.population.some((p) => p.year === 2025), false);
    });

    test('municipal mergers: an ended code is refused after its end and accepted before, naming the successor', async () => {
      const brielle = await getMunicipality(ctx, 'GM0501');
      assert.deepEqual([brielle.validTo, brielle.successorCbsCode], ['2023-01-01', 'GM1992']);
      const file = `RegioS;Perioden;TotaleBevolking_1\nGM0501;2024JJ00;17000\nGM1992;2022JJ00;70000\n`;
      try {
        await importPopulation(ctx, Readable.from([file]), 'x');
        assert.fail('expected an error');
      } catch (e) {
        assert.ok(isVlechtError(e));
        assert.deepEqual(e.issues.map((i) => [i.row, i.field, i.message]), [
          [2, 'regio', 'GM0501 (Brielle) bestaat sinds 01-01-2023 niet meer: opgegaan in GM1992 Voorne aan Zee (jaar 2024)'],
          [3, 'regio', 'GM1992 (Voorne aan Zee) bestaat pas sinds 01-01-2023 (jaar 2022)'],
        ]);
      }
      const r = await importPopulation(ctx, Readable.from([`RegioS;Perioden;TotaleBevolking_1\nGM0501;2022JJ00;17000\n`]), 'CBS 70072NED');
      assert.equal(r.added, 1);
    });
  });
}
