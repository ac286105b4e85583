/**
 * Loads the demo through the same services users go through (so it is validated and
 * audited): the CBS list, Heemstede–Bloemendaal with six teams and their integration
 * history from the seeds, BEL, synthetic employees, and one account per role.
 */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../platform/context.ts';
import type { Db } from '../platform/db/types.ts';
import { rowsOf } from '../platform/db/raw.ts';
import { createUser } from '../platform/auth/auth.service.ts';
import { importMunicipalityList, setPopulation } from '../register/municipality.service.ts';
import { addMember, createCooperation, getCooperation } from '../register/cooperation.service.ts';
import { createFunction, createTeam, findTeamId, getTeam, recordIntegrationLevel } from '../register/team.service.ts';
import { createEmployee } from '../register/employee.service.ts';
import { readCbsReference, CBS_LIST_2023, CBS_CHANGES } from '../register/cbs-list.ts';
import { BEL, BEL_TEAMS, DEMO_MUNICIPALITIES, HB, HB_TEAMS, SRC } from './facts.ts';
import { prng, syntheticPeople } from './synthetic.ts';
import { demoHoursCsv, type DemoWorker } from './hours.ts';
import { importHours } from '../ledger/import.service.ts';
import { createCostItem } from '../ledger/cost.service.ts';
import { loadDemoGoals } from '../goals/demo.ts';
import { loadDemoSurveysAndBenchmark } from '../goals/survey-benchmark.demo.ts';
import { loadDemoCoverage } from '../coverage/demo.ts';
import { loadDemoGovernance } from '../governance/demo.ts';
import { loadDemoReports } from '../reports/demo.ts';
import { Readable } from 'node:stream';
import type { BulkRunner } from '../platform/db/bulk.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts.ts';
import { loadDemoAnnualFigures } from './annual-figures.ts';

/** True when the database has no cooperations yet (the demo loads only then). */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from cooperation`);
  return row.n === 0;
}

export async function loadDemo(db: Db, onStep: (label: string) => void = () => {}, bulk?: BulkRunner): Promise<void> {
  const ctx: Ctx = { db, actor: { userId: null, label: 'demo', grants: [], roleContext: 'demo', system: true }, clock: () => new Date(), origin: 'demo', bulk };

  onStep('CBS-gemeentelijst');
  await importMunicipalityList(ctx, readCbsReference(), `${CBS_LIST_2023.source}; ${CBS_CHANGES.source}`);
  for (const m of DEMO_MUNICIPALITIES) {
    await setPopulation(ctx, m.cbsCode, { year: 2023, inhabitants: m.inhabitants, source: SRC.product });
  }
  await loadDemoAnnualFigures(ctx);

  onStep('Heemstede–Bloemendaal');
  await createCooperation(ctx, HB);
  await addMember(ctx, HB.slug, { cbsCode: 'GM0397', role: 'centrumgemeente', validFrom: HB.startDate });
  await addMember(ctx, HB.slug, { cbsCode: 'GM0377', role: 'deelnemer', validFrom: HB.startDate });
  const random = prng(2013);
  let personnel = 1000;
  const workers: DemoWorker[] = [];
  for (const t of HB_TEAMS) {
    const team = await createTeam(ctx, HB.slug, { slug: t.slug, name: t.name, leadMunicipalityCbsCode: t.lead, bbvTaakveld: t.bbv, managerName: 'Teammanager (synthetisch)' });
    for (const level of t.levels) await recordIntegrationLevel(ctx, team.id, level);
    const functions = [];
    for (const f of t.functions) functions.push(await createFunction(ctx, team.id, f));
    const people = syntheticPeople(random, 6 + Math.floor(random() * 7));
    for (const [i, p] of people.entries()) {
      const employer = random() < 0.55 ? 'GM0397' : 'GM0377';
      const personnelNumber = `S${personnel++}`;
      workers.push({ personnelNumber, employerCode: employer, teamSlug: t.slug, fteMilli: p.fteMilli });
      await createEmployee(ctx, {
        employerCbsCode: employer, personnelNumber, name: p.name, synthetic: true,
        assignment: { teamId: team.id, functionId: functions[i % functions.length].id, fteMilli: p.fteMilli, validFrom: '2019-01-01' },
        rate: { hourlyRateCents: p.hourlyRateCents, validFrom: '2019-01-01' },
      });
    }
  }

  onStep('Synthetische urenregistratie juli 2024 – 2025');
  await importHours(ctx, { cooperationSlug: HB.slug, fileName: 'demo-uren-2024-2025-synthetisch.csv', input: Readable.from(demoHoursCsv(workers)) });

  onStep('Gedeelde kosten');
  const po = await findTeamId(ctx, HB.slug, 'p-en-o');
  await createCostItem(ctx, HB.slug, {
    name: 'Consultant invoering HR21', kind: 'advies', amountCents: 3_000_000, periodFrom: '2017-01-01', periodTo: '2017-12-31', teamId: po,
    allocationKey: 'gelijk', standaloneCents: { GM0397: 2_000_000, GM0377: 2_000_000 },
    source: `${SRC.factsheets}, P&O, C. Opbrengst kwantitatief: "consultant bij invoering HR21, nu €30.000, hadden we het als 2 gemeenten ingevoerd: consultancykosten €20.000 per gemeente" (jaar bij benadering)`,
  });
  await createCostItem(ctx, HB.slug, {
    name: 'Licentie zaaksysteem (synthetisch)', kind: 'licentie', amountCents: 8_450_000, periodFrom: '2025-01-01', periodTo: '2025-12-31',
    allocationKey: 'inwoners', keyYear: 2023, standaloneCents: { GM0397: 5_200_000, GM0377: 4_700_000 },
    source: 'Synthetisch demobedrag: licentie per inwoner met volumekorting',
  });
  await createCostItem(ctx, HB.slug, {
    name: 'Gedeelde teammanager Informatisering (synthetisch)', kind: 'leidinggevende', amountCents: 11_200_000, periodFrom: '2025-01-01', periodTo: '2025-12-31',
    teamId: await findTeamId(ctx, HB.slug, 'informatisering'), allocationKey: 'uren', standaloneCents: { GM0397: 11_200_000, GM0377: 11_200_000 },
    source: 'Synthetisch demobedrag; verdeeld naar de geregistreerde uren per gemeente',
  });

  await loadDemoGoals(ctx, onStep);
  await loadDemoSurveysAndBenchmark(ctx, onStep);
  await loadDemoCoverage(ctx, onStep);

  onStep('BEL Combinatie');
  await createCooperation(ctx, BEL);
  await addMember(ctx, BEL.slug, { cbsCode: 'GM0376', role: 'opdrachtgever', validFrom: BEL.startDate });
  await addMember(ctx, BEL.slug, { cbsCode: 'GM0317', role: 'opdrachtgever', validFrom: BEL.startDate });
  await addMember(ctx, BEL.slug, { cbsCode: 'GM0417', role: 'opdrachtgever', validFrom: BEL.startDate });
  for (const t of BEL_TEAMS) {
    const team = await createTeam(ctx, BEL.slug, { slug: t.slug, name: t.name, description: 'Teamindeling ter illustratie (synthetisch): de bron noemt geen teams.' });
    await recordIntegrationLevel(ctx, team.id, { level: 5, validFrom: BEL.startDate, decisionReference: 'Gemeenschappelijke regeling BEL Combinatie', note: 'Alle taken in één werkorganisatie.', source: SRC.bel });
  }

  await loadDemoGovernance(ctx, onStep);
  await loadDemoReports(ctx, onStep);

  onStep('Demo-accounts');
  for (const a of DEMO_ACCOUNTS) await createUser(ctx, { email: a.email, name: a.name, password: DEMO_PASSWORD, grants: [await grantOf(ctx, a.scope, a.role)] });
}

async function grantOf(ctx: Ctx, scope: (typeof DEMO_ACCOUNTS)[number]['scope'], role: (typeof DEMO_ACCOUNTS)[number]['role']) {
  if (!scope) return { role };
  if (scope.municipality) {
    const [m] = await rowsOf<{ id: string }>(ctx.db, sql`select id from municipality where cbs_code = ${scope.municipality}`);
    return { role, municipalityId: m.id };
  }
  if (scope.cooperation) return { role, cooperationId: (await getCooperation(ctx, scope.cooperation)).cooperation.id };
  const teamId = await findTeamId(ctx, scope.team!.cooperation, scope.team!.team);
  return { role, teamId: (await getTeam(ctx, teamId)).team.id };
}
