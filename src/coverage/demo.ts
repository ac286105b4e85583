/**
 * Demo data of the coverage capability for Heemstede–Bloemendaal, loaded through the same
 * services users go through: qualifications of the synthetic employees (each primary for
 * their own function; backups added over the years, so the trend shows fewer eenpitters),
 * the synthetic portfolio of 170 applications converging since 2013, three shared contracts
 * and two saved scenarios. Everything invented is marked synthetic.
 */
import type { Ctx } from '../platform/context.ts';
import { findTeamId, getTeam } from '../register/team.service.ts';
import { prng } from '../demo/synthetic.ts';
import { addQualification } from './coverage.service.ts';
import { createApplications, createContract } from './portfolio.service.ts';
import { createScenario } from './scenario.service.ts';
import { syntheticPortfolio } from './synthetic-portfolio.ts';
import { mutate } from '../platform/context.ts';
import { qualification } from './tables.ts';

const TEAMS = ['communicatie', 'p-en-o', 'facilitaire-zaken', 'financiele-administratie', 'informatisering', 'handhaving'];
const HB = 'heemstede-bloemendaal';

export async function loadDemoCoverage(ctx: Ctx, onStep: (label: string) => void = () => {}): Promise<void> {
  onStep('Functies en achtervang (synthetisch)');
  const random = prng(2026);
  const teamIds: Record<string, string> = {};
  const rows: (typeof qualification.$inferInsert)[] = [];
  for (const slug of TEAMS) {
    const teamId = await findTeamId(ctx, HB, slug);
    teamIds[slug] = teamId;
    const t = await getTeam(ctx, teamId);
    const people = t.people ?? [];
    for (const p of people) {
      const own = t.functions.find((f) => f.name === p.functionName);
      if (own) rows.push({ functionId: own.id, employeeId: p.employeeId, kind: 'primair', validFrom: p.validFrom });
      // Backups grow over the years: about half of the people learn one other function, from 2020 to 2025.
      const others = t.functions.filter((f) => f.id !== own?.id);
      if (others.length && random() < 0.5) {
        const f = others[Math.floor(random() * others.length)];
        rows.push({ functionId: f.id, employeeId: p.employeeId, kind: 'achtervang', validFrom: `${2020 + Math.floor(random() * 6)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-01` });
      }
    }
  }
  // One transaction, one audit row: the demo's qualifications are a batch (the API adds them one by one).
  await mutate(ctx, async (tx) => {
    await tx.insert(qualification).values(rows);
    return { value: rows.length, audit: { action: 'kwalificaties.demo', objectType: 'samenwerking', objectId: HB, newValue: { qualifications: rows.length, synthetic: true } } };
  });
  // One through the service, so the demo also exercises the checks.
  const po = await getTeam(ctx, teamIds['p-en-o']);
  const salaris = po.functions.find((f) => f.name === 'Salarisadministrateur');
  const candidate = (po.people ?? []).find((p) => p.functionName !== 'Salarisadministrateur' && !rows.some((r) => r.employeeId === p.employeeId && r.functionId === salaris?.id));
  if (salaris && candidate) await addQualification(ctx, po.team.id, { functionId: salaris.id, employeeId: candidate.employeeId, kind: 'achtervang', validFrom: '2025-09-01' });

  onStep('Applicatieportfolio (synthetisch, 170 applicaties)');
  await createApplications(ctx, HB, syntheticPortfolio().map((a) => ({
    name: a.name, supplier: a.supplier, category: a.category, teamId: teamIds[a.teamSlug], pricing: a.pricing, contractEnd: a.contractEnd,
    synthetic: true, source: 'Synthetisch demogegeven; aantallen volgen rekenkamercommissie Heemstede, 2017 §6.2 (80% van ~170 applicaties verschilde bij de start)', uses: a.uses,
  })));

  onStep('Gedeelde contracten');
  await createContract(ctx, HB, { name: 'Schoonmaak gemeentehuizen (synthetisch)', kind: 'schoonmaak', supplier: 'Schoon & Co (synthetisch)', teamId: teamIds['facilitaire-zaken'], pricing: { model: 'staffel', basis: 'inwoners', tiers: [{ fromUnits: 0, unitCents: 620 }, { fromUnits: 40_000, unitCents: 540 }] }, memberCodes: ['GM0397', 'GM0377'], contractEnd: '2027-12-31', synthetic: true, source: 'Synthetisch demobedrag' });
  await createContract(ctx, HB, { name: 'Catering (synthetisch)', kind: 'catering', supplier: 'Duinkeuken (synthetisch)', teamId: teamIds['facilitaire-zaken'], pricing: { model: 'per-gebruiker', unitCents: 18_000 }, users: { GM0397: 260, GM0377: 210 }, memberCodes: ['GM0397', 'GM0377'], contractEnd: '2026-12-31', synthetic: true, source: 'Synthetisch demobedrag' });
  await createContract(ctx, HB, { name: 'Advies HR21 (synthetisch jaarcontract)', kind: 'advies', supplier: 'HR-advies (synthetisch)', teamId: teamIds['p-en-o'], pricing: { model: 'vast', yearlyCents: 3_000_000 }, memberCodes: ['GM0397', 'GM0377'], contractEnd: '2026-06-30', synthetic: true, source: 'Bedrag naar het HR21-voorbeeld in factsheets vervlochten teams (P&O): € 30.000 samen; als jaarcontract synthetisch' });

  onStep('Ontvlechtingsscenario’s');
  const day = ctx.clock().toISOString().slice(0, 10);
  await createScenario(ctx, HB, { name: 'P&O: Bloemendaal treedt uit', teamId: teamIds['p-en-o'], leaving: 'GM0377', referenceDate: day, hoursFrom: '2025-01-01', hoursTo: '2025-12-31', note: 'Demo: standaardaannames.' });
  await createScenario(ctx, HB, { name: 'Informatisering: volledige ontvlechting', teamId: teamIds.informatisering, leaving: 'alle', referenceDate: day, hoursFrom: '2025-01-01', hoursTo: '2025-12-31', parameters: { migrationPerApplicationCents: 1_500_000 }, note: 'Demo: lagere migratiekosten per applicatie aangenomen.' });
}
