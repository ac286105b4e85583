/**
 * Shared cost items and their allocation on every engine: the seed 003 HR21 example, the
 * inhabitants, fixed, hours and FTE keys to the cent, who may read and record, and one
 * audit row per recorded item.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { ENGINES } from './support/engines.ts';
import { demoDatabase, teamIdOf, auditCount } from './support/demo.ts';
import { allocateCostItem, createCostItem, listCostItems } from '../src/ledger/cost.service.ts';
import { sessionActor, login } from '../src/platform/auth/auth.service.ts';
import { rowsOf } from '../src/platform/db/raw.ts';
import { isVlechtError, type VlechtError } from '../src/platform/errors.ts';
import type { Database } from '../src/platform/db/open.ts';
import type { Ctx } from '../src/platform/context.ts';

const HB = 'heemstede-bloemendaal';
const YEAR_2024 = { periodFrom: '2024-01-01', periodTo: '2024-12-31' };

async function ctxFor(database: Database, who: string): Promise<Ctx> {
  const { token } = await login(database.db, { email: `${who}@vlecht.demo`, password: 'vlecht-demo-2026', origin: 'test' });
  const found = await sessionActor(database.db, token);
  return { db: database.db, actor: found!.actor, clock: () => new Date('2026-03-01T10:00:00Z'), origin: 'test' };
}

async function failure(p: Promise<unknown>): Promise<VlechtError> {
  try { await p; } catch (e) { if (isVlechtError(e)) return e; throw e; }
  throw new Error('expected a VlechtError');
}

const byCode = (lines: { cbsCode: string; cents: number }[]) => Object.fromEntries(lines.map((l) => [l.cbsCode, l.cents]));

for (const engine of ENGINES) {
  describe(`shared costs and allocation [${engine}]`, () => {
    let database: Database;
    let controller: Ctx;
    let raadslid: Ctx;
    let belController: Ctx;
    let poTeam: string;

    before(async () => {
      database = await demoDatabase(engine);
      controller = await ctxFor(database, 'controller.heemstede');
      raadslid = await ctxFor(database, 'raadslid.heemstede');
      belController = await ctxFor(database, 'controller.bel');
      poTeam = await teamIdOf(database.db, 'p-en-o');
    });
    after(() => database.close());

    test('one HR21 consultant: €30.000 split equally is €15.000 each, saving €5.000 each against €20.000 alone (seed 003)', async () => {
      const item = await createCostItem(controller, HB, {
        name: 'HR21-consultant', kind: 'advies', amountCents: 3_000_000, ...YEAR_2024, teamId: poTeam,
        allocationKey: 'gelijk', standaloneCents: { GM0397: 2_000_000, GM0377: 2_000_000 }, source: 'Factsheets vervlochten teams (seed 003)',
      });
      assert.equal(item.team?.slug, 'p-en-o');
      const allocation = await allocateCostItem(controller, item.id);
      assert.deepEqual(byCode(allocation.lines), { GM0397: 1_500_000, GM0377: 1_500_000 });
      assert.deepEqual(allocation.counterfactual.lines.map((l) => [l.cbsCode, l.savingCents]).sort(), [['GM0377', 500_000], ['GM0397', 500_000]]);
      assert.equal(allocation.counterfactual.savingCents, 1_000_000);
      assert.equal(allocation.counterfactual.complete, true);
      assert.match(allocation.lines[0].explanation, /^gelijke delen: 1 van 2 gemeenten \(50,0%\)$/);
    });

    test('inhabitants 2023 (Heemstede 27.000, Bloemendaal 23.000) split €12.345,67 as 54% / 46% to the cent', async () => {
      const item = await createCostItem(controller, HB, { name: 'Licentie salarissysteem', kind: 'licentie', amountCents: 1_234_567, ...YEAR_2024, allocationKey: 'inwoners', keyYear: 2023 });
      const allocation = await allocateCostItem(controller, item.id);
      // exact: 666.666,18 and 567.900,82 cents; the leftover cent goes to the larger remainder (Bloemendaal)
      assert.deepEqual(byCode(allocation.lines), { GM0397: 666_666, GM0377: 567_901 });
      assert.equal(allocation.lines.find((l) => l.cbsCode === 'GM0397')!.explanation, 'inwoners 2023: 27.000 van 50.000 (54,0%)');
      assert.equal(allocation.lines.find((l) => l.cbsCode === 'GM0377')!.explanation, 'inwoners 2023: 23.000 van 50.000 (46,0%)');
      assert.equal(allocation.key.label, 'inwoners 2023');
      assert.equal(allocation.counterfactual.available, false);
    });

    test('the inhabitants key names the municipality and year whose population is missing', async () => {
      const item = await createCostItem(controller, HB, { name: 'Opleidingsbudget', kind: 'overig', amountCents: 100_000, ...YEAR_2024, allocationKey: 'inwoners', keyYear: 2019 });
      const error = await failure(allocateCostItem(controller, item.id));
      assert.equal(error.code, 'VALIDATION');
      assert.match(error.issues.map((i) => i.message).join(' | '), /inwonertal van Bloemendaal \(GM0377\) in 2019 ontbreekt.*inwonertal van Heemstede \(GM0397\) in 2019 ontbreekt/);
    });

    test('a fixed key of 60% / 40% splits €12.345,67 to the cent', async () => {
      const item = await createCostItem(controller, HB, {
        name: 'Leidinggevende P&O', kind: 'leidinggevende', amountCents: 1_234_567, ...YEAR_2024, teamId: poTeam,
        allocationKey: 'vast', fixedShares: { GM0397: 6_000, GM0377: 4_000 },
      });
      const allocation = await allocateCostItem(controller, item.id);
      assert.deepEqual(byCode(allocation.lines), { GM0397: 740_740, GM0377: 493_827 });
      assert.equal(allocation.lines.find((l) => l.cbsCode === 'GM0397')!.explanation, 'vast aandeel: 60,00%');
    });

    test('fixed shares must cover exactly the members and add up to 100%', async () => {
      const missing = await failure(createCostItem(controller, HB, { name: 'x', kind: 'overig', amountCents: 100, ...YEAR_2024, allocationKey: 'vast', fixedShares: { GM0397: 10_000 } }));
      assert.equal(missing.code, 'VALIDATION');
      assert.match(missing.issues[0].message, /vaste percentage van Bloemendaal \(GM0377\) ontbreekt/);
      const outsider = await failure(createCostItem(controller, HB, { name: 'x', kind: 'overig', amountCents: 100, ...YEAR_2024, allocationKey: 'vast', fixedShares: { GM0397: 5_000, GM0377: 4_000, GM0417: 1_000 } }));
      assert.match(outsider.issues[0].message, /GM0417 is in deze periode geen lid/);
      const sum = await failure(createCostItem(controller, HB, { name: 'x', kind: 'overig', amountCents: 100, ...YEAR_2024, allocationKey: 'vast', fixedShares: { GM0397: 5_000, GM0377: 4_000 } }));
      assert.equal(sum.issues[0].field, 'fixedShares');
    });

    test('the hours key splits by the 2025 hours of P&O per municipality served in the ledger', async () => {
      const item = await createCostItem(controller, HB, { name: 'Vakliteratuur P&O', kind: 'overig', amountCents: 500_000, periodFrom: '2025-01-01', periodTo: '2025-12-31', teamId: poTeam, allocationKey: 'uren' });
      const expected = await rowsOf<{ cbs_code: string; minutes: number }>(database.db, sql`select m.cbs_code, sum(h.minutes)::int as minutes
        from hours_entry h join municipality m on m.id = h.served_municipality_id
        where h.team_id = ${poTeam} and h.work_date between '2025-01-01' and '2025-12-31' group by m.cbs_code`);
      const allocation = await allocateCostItem(controller, item.id);
      assert.deepEqual(Object.fromEntries(allocation.lines.map((l) => [l.cbsCode, l.weight])), Object.fromEntries(expected.map((r) => [r.cbs_code, r.minutes])));
      assert.equal(allocation.lines.reduce((acc, l) => acc + l.cents, 0), 500_000);
      assert.match(allocation.lines[0].explanation, /^uren afgenomen: .* uur \(\d+,\d%\)$/);
    });

    test('the hours and FTE keys use injected figures when given', async () => {
      const hours = await createCostItem(controller, HB, { name: 'Projectbureau', kind: 'contract', amountCents: 1_000_000, ...YEAR_2024, allocationKey: 'uren' });
      const ids = new Map((await rowsOf<{ id: string; cbs_code: string }>(database.db, sql`select id, cbs_code from municipality`)).map((r) => [r.cbs_code, r.id]));
      const minutes = async () => new Map([[ids.get('GM0397')!, 3 * 60], [ids.get('GM0377')!, 60]]);
      assert.deepEqual(byCode((await allocateCostItem(controller, hours.id, { minutesServedByMunicipality: minutes })).lines), { GM0397: 750_000, GM0377: 250_000 });
      const fte = await createCostItem(controller, HB, { name: 'Arbodienst', kind: 'contract', amountCents: 1_000_000, ...YEAR_2024, allocationKey: 'fte' });
      const staffing = async () => new Map([[ids.get('GM0397')!, 2_500], [ids.get('GM0377')!, 1_500]]);
      const allocation = await allocateCostItem(controller, fte.id, { fteByMunicipality: staffing });
      assert.deepEqual(byCode(allocation.lines), { GM0397: 625_000, GM0377: 375_000 });
      assert.equal(allocation.lines.find((l) => l.cbsCode === 'GM0397')!.explanation, 'fte: 2,50 van 4,00 (62,5%)');
    });

    test('the FTE key defaults to the register staffing of the team at the end of the period', async () => {
      const item = await createCostItem(controller, HB, { name: 'Opleiding HR21', kind: 'overig', amountCents: 999_999, ...YEAR_2024, teamId: poTeam, allocationKey: 'fte' });
      const allocation = await allocateCostItem(controller, item.id);
      assert.ok(allocation.lines.every((l) => l.weight > 0));
      assert.equal(allocation.lines.reduce((acc, l) => acc + l.cents, 0), 999_999);
      assert.equal(allocation.key.label, 'fte in dienst per gemeente op 31-12-2024');
    });

    test('a raadslid may read cost items and allocations but not record one (FORBIDDEN, refusal audited)', async () => {
      const items = await listCostItems(raadslid, HB);
      assert.ok(items.some((i) => i.name === 'HR21-consultant'));
      const hr21 = items.find((i) => i.name === 'HR21-consultant')!;
      assert.equal((await allocateCostItem(raadslid, hr21.id)).counterfactual.savingCents, 1_000_000);
      const before = await auditCount(database.db);
      const error = await failure(createCostItem(raadslid, HB, { name: 'Niet toegestaan', kind: 'overig', amountCents: 100, ...YEAR_2024, allocationKey: 'gelijk' }));
      assert.equal(error.code, 'FORBIDDEN');
      assert.equal(await auditCount(database.db), before + 1);
      const [last] = await rowsOf<{ action: string; result: string }>(database.db, sql`select action, result from audit_event order by seq desc limit 1`);
      assert.deepEqual(last, { action: 'kostenpost.aanmaken', result: 'geweigerd' });
      assert.ok(!(await listCostItems(controller, HB)).some((i) => i.name === 'Niet toegestaan'));
    });

    test('a controller of another cooperation can neither read nor record these cost items', async () => {
      assert.equal((await failure(listCostItems(belController, HB))).code, 'FORBIDDEN');
      const hr21 = (await listCostItems(controller, HB)).find((i) => i.name === 'HR21-consultant')!;
      assert.equal((await failure(allocateCostItem(belController, hr21.id))).code, 'FORBIDDEN');
      assert.equal((await failure(createCostItem(belController, HB, { name: 'x', kind: 'overig', amountCents: 100, ...YEAR_2024, allocationKey: 'gelijk' }))).code, 'FORBIDDEN');
    });

    test('recording a cost item writes exactly one audit row, naming the item and who recorded it', async () => {
      const before = await auditCount(database.db);
      const item = await createCostItem(controller, HB, { name: 'Loonstrookportaal', kind: 'licentie', amountCents: 250_000, ...YEAR_2024, allocationKey: 'gelijk' });
      assert.equal(await auditCount(database.db), before + 1);
      const [row] = await rowsOf<{ action: string; object_type: string; object_id: string; actor_label: string; result: string; amount: string }>(database.db,
        sql`select action, object_type, object_id, actor_label, result, new_value->>'amountCents' as amount from audit_event order by seq desc limit 1`);
      assert.deepEqual(row, { action: 'kostenpost.aanmaken', object_type: 'kostenpost', object_id: item.id, actor_label: 'controller.heemstede@vlecht.demo', result: 'geslaagd', amount: '250000' });
    });

    test('refuses an end date before the start, a team of another cooperation and standalone figures of non-members', async () => {
      const dates = await failure(createCostItem(controller, HB, { name: 'x', kind: 'overig', amountCents: 100, periodFrom: '2024-12-31', periodTo: '2024-01-01', allocationKey: 'gelijk' }));
      assert.deepEqual(dates.issues.map((i) => [i.field, i.message]), [['periodTo', 'de einddatum ligt voor de begindatum']]);
      const belTeam = await teamIdOf(database.db, 'publiekszaken');
      const team = await failure(createCostItem(controller, HB, { name: 'x', kind: 'overig', amountCents: 100, ...YEAR_2024, teamId: belTeam, allocationKey: 'gelijk', standaloneCents: { GM0417: 5 } }));
      assert.deepEqual(team.issues.map((i) => i.field), ['teamId', 'standaloneCents.GM0417']);
    });

    test('an unknown cost item is NOT_FOUND', async () => {
      assert.equal((await failure(allocateCostItem(controller, '00000000-0000-4000-8000-000000000000'))).code, 'NOT_FOUND');
      assert.equal((await failure(allocateCostItem(controller, 'geen-uuid'))).code, 'NOT_FOUND');
    });
  });
}
