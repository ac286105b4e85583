/**
 * The VAT-risk signal for a cooperation over a period. The pair figures (who lent how
 * much to whom, net) are aggregates for every reader of the cooperation; the list per
 * named employee is personal data and only for roles with personal:read on the
 * cooperation (controllers, beheerder).
 */
import { z } from 'zod';
import { getCooperation } from '../register/cooperation.service.ts';
import { cooperationRoster } from '../register/roster.service.ts';
import { can } from '../platform/auth/policy.ts';
import { dutchDay, parseInput } from '../platform/validation.ts';
import { ledgerSpan, monthlyLending } from './ledger.queries.ts';
import { ledgerOverview } from './ledger.service.ts';
import { vatSignal, VAT_DISCLAIMER } from './vat-signal.ts';
import type { Ctx } from '../platform/context.ts';

const vatQuery = z.object({ van: dutchDay.optional(), tot: dutchDay.optional(), drempel: z.coerce.number().min(0).max(100).default(10) });

export async function vatSignalOf(ctx: Ctx, cooperationSlug: string, rawQuery: unknown) {
  const query = parseInput(vatQuery, rawQuery);
  const coop = await getCooperation(ctx, cooperationSlug); // register:read
  const span = await ledgerSpan(ctx.db, coop.cooperation.id);
  // Default: the 24 months up to the last registered day, long enough to see a 12-month run.
  const to = query.tot ?? span.last ?? ctx.clock().toISOString().slice(0, 10);
  const from = query.van ?? `${Number(to.slice(0, 4)) - 2}${to.slice(4, 8)}01`;
  const scope = { cooperationId: coop.cooperation.id, memberMunicipalityIds: coop.members.map((m) => m.municipality.id) };
  // Named only where the actor may see that employee's personal data (e.g. a Heemstede
  // controller sees Heemstede's staff, not Bloemendaal's).
  const mayNameSome = can(ctx.actor, 'personal:read', scope) || coop.members.some((m) => can(ctx.actor, 'personal:read', { municipalityId: m.municipality.id, cooperationId: coop.cooperation.id }));
  const names = new Map<string, string>();
  if (mayNameSome) {
    const roster = await cooperationRoster(ctx, cooperationSlug);
    for (const e of roster.employees) {
      if (can(ctx.actor, 'personal:read', { municipalityId: e.employerId, cooperationId: coop.cooperation.id })) names.set(e.id, e.personnelNumber);
    }
  }
  const mayNamePeople = names.size > 0;
  // Average cost of a minute over the period, to put the net lending in euros.
  const overview = await ledgerOverview(ctx, cooperationSlug, { van: from, tot: to, per: 'jaar' });
  const centsPerMinute = overview.total.minutes ? overview.total.costCents / overview.total.minutes : undefined;
  const muni = (id: string) => {
    const m = coop.members.find((x) => x.municipality.id === id)?.municipality;
    return { cbsCode: m?.cbsCode ?? '?', name: m?.name ?? 'onbekend' };
  };
  const municipalityName = (id: string) => coop.members.find((m) => m.municipality.id === id)?.municipality.name ?? id;
  const signal = vatSignal(await monthlyLending(ctx.db, coop.cooperation.id, from, to), {
    thresholdPercent: query.drempel, centsPerMinute, municipalityName, employeeName: (id) => names.get(id) ?? 'medewerker',
  });
  return {
    cooperation: { slug: coop.cooperation.slug, name: coop.cooperation.name },
    period: { from, to }, thresholdPercent: query.drempel, disclaimer: VAT_DISCLAIMER,
    pairs: signal.pairs.map((p) => ({ ...p, a: muni(p.a), b: muni(p.b) })),
    // Without personal:read only the number of employees flagged, not who.
    employees: mayNamePeople ? signal.employees.filter((e) => names.has(e.employeeId)).map((e) => ({
      personnelNumber: names.get(e.employeeId) ?? null, employer: muni(e.employerId), totalMinutes: e.totalMinutes, lentMinutes: e.lentMinutes,
      lentPermille: e.lentPermille, longestRun: e.longestRun, flags: e.flags, message: e.message,
    })) : null,
    employeesFlagged: signal.employees.filter((e) => e.flags.length > 0).length,
    employeesLending: signal.employees.length,
  };
}
