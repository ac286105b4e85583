/**
 * Ledger views: hours, FTE equivalent and cost per team, period, employer and
 * municipality served; the balance between municipalities; substitution and the cost of
 * the cooperation itself. Aggregates only: any role that may read the cooperation sees
 * them; nothing here names an employee.
 */
import { teamShare } from './share.ts';
import { getCooperation } from '../register/cooperation.service.ts';
import { ledgerCells, ledgerSpan, importsOf, type LedgerCellRow } from './ledger.queries.ts';
import { costCentsOf, fteEquivalentMilli, pairBalances, type Grain } from './balance.ts';
import { ledgerQuery } from './ledger.schema.ts';
import { parseInput } from '../platform/validation.ts';
import { defaultPeriod, periodWords } from './period-default.ts';
import type { Ctx } from '../platform/context.ts';

interface Totals { minutes: number; minuteCents: bigint }
const add = (t: Totals, c: { minutes: number; minuteCents: bigint }) => { t.minutes += c.minutes; t.minuteCents += c.minuteCents; };
const zero = (): Totals => ({ minutes: 0, minuteCents: 0n });
const shown = (t: Totals, days: number) => ({ minutes: t.minutes, hours: t.minutes / 60, costCents: costCentsOf(t.minuteCents), fteMilli: fteEquivalentMilli(t.minutes, days) });

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;

export async function ledgerOverview(ctx: Ctx, cooperationSlug: string, rawQuery: unknown) {
  const query = parseInput(ledgerQuery, rawQuery);
  const coop = await getCooperation(ctx, cooperationSlug); // checks register:read
  const span = await ledgerSpan(ctx.db, coop.cooperation.id);
  const today = ctx.clock().toISOString().slice(0, 10);
  // Without a period asked for: the last complete year (else quarter) with data, never a partial one passed off as the answer.
  const fallback = defaultPeriod(span, today);
  const defaulted = !query.van && !query.tot;
  const from = query.van ?? fallback.from;
  const to = query.tot ?? fallback.to;
  const grain: Grain = query.per;
  const days = daysBetween(from, to);
  const team = query.team ? coop.teams.find((t) => t.slug === query.team || t.id === query.team) : undefined;
  const cells = await ledgerCells(ctx.db, coop.cooperation.id, from, to, grain, team?.id);

  const municipalities = [...new Map(coop.members.map((m) => [m.municipality.id, m.municipality])).values()];
  const muni = (id: string) => municipalities.find((m) => m.id === id) ?? { id, cbsCode: '?', name: 'onbekend' };
  const periods = [...new Set(cells.map((c) => c.period))].sort();

  const total = zero();
  const withoutRate = { minutes: 0 };
  const byMatrix = new Map<string, Totals>();
  for (const c of cells) {
    add(total, c);
    withoutRate.minutes += c.minutesWithoutRate;
    const key = `${c.employerId}>${c.servedId}`;
    byMatrix.set(key, byMatrix.get(key) ?? zero());
    add(byMatrix.get(key)!, c);
  }

  const teamRows = coop.teams.filter((t) => !team || t.id === team.id).map((t) => {
    const own = cells.filter((c) => c.teamId === t.id);
    const all = zero();
    own.forEach((c) => add(all, c));
    const byServed = municipalities.map((m) => {
      const s = zero();
      own.filter((c) => c.servedId === m.id).forEach((c) => add(s, c));
      // The agreed share: as recorded on the team, else an equal share per member.
      const agreedPermille = t.agreedShares ? Math.round((t.agreedShares[m.cbsCode] ?? 0) / 10) : Math.round(1000 / municipalities.length);
      const { sharePermille, deviationPermille } = teamShare(s.minutes, all.minutes, agreedPermille);
      return { municipality: { cbsCode: m.cbsCode, name: m.name }, ...shown(s, days), sharePermille, agreedPermille, agreedSource: t.agreedShares ? 'afspraak' : 'gelijk (standaard)', deviationPermille };
    });
    const of = (activity: string) => { const s = zero(); own.filter((c) => c.activity === activity).forEach((c) => add(s, c)); return shown(s, days); };
    return { id: t.id, slug: t.slug, name: t.name, total: shown(all, days), byServed, substitution: of('vervanging'), cooperationOverhead: of('samenwerking') };
  });

  const cooperationOverhead = zero();
  cells.filter((c) => c.activity === 'samenwerking').forEach((c) => add(cooperationOverhead, c));
  const ids = municipalities.map((m) => m.id);
  const balance = pairBalances(cells, ids).map((p) => ({ ...p, a: muni(p.a), b: muni(p.b) }));
  const balanceOverTime = periods.map((period) => ({
    period,
    pairs: pairBalances(cells.filter((c) => c.period === period), ids).map((p) => ({ a: muni(p.a).cbsCode, b: muni(p.b).cbsCode, netMinutes: p.netMinutes, netCostCents: p.netCostCents })),
  }));
  const matrix = municipalities.flatMap((e) => municipalities.map((s) => ({
    employer: { cbsCode: e.cbsCode, name: e.name }, served: { cbsCode: s.cbsCode, name: s.name }, ...shown(byMatrix.get(`${e.id}>${s.id}`) ?? zero(), days),
  })));

  return {
    cooperation: { slug: coop.cooperation.slug, name: coop.cooperation.name },
    /** `label` says the period in words ("heel 2025"); `complete` is false for a period that has not ended before today. */
    period: { from, to, grain, days, periods, label: defaulted ? fallback.label : periodWords(from, to, today), complete: defaulted ? fallback.kind !== 'onvolledig' : to < today, defaulted },
    team: team ? { slug: team.slug, name: team.name } : null,
    municipalities: municipalities.map((m) => ({ cbsCode: m.cbsCode, name: m.name })),
    total: shown(total, days),
    minutesWithoutRate: withoutRate.minutes,
    cooperationOverhead: shown(cooperationOverhead, days),
    matrix,
    balance: balance.map((p) => ({ a: { cbsCode: p.a.cbsCode, name: p.a.name }, b: { cbsCode: p.b.cbsCode, name: p.b.name }, aForB: p.aForB, bForA: p.bForA, netMinutes: p.netMinutes, netCostCents: p.netCostCents })),
    balanceOverTime,
    teams: teamRows,
    cells: cells.map((c) => presentCell(c, muni, coop.teams)),
    span,
  };
}

function presentCell(c: LedgerCellRow, muni: (id: string) => { cbsCode: string; name: string }, teams: { id: string; name: string }[]) {
  return {
    period: c.period, team: teams.find((t) => t.id === c.teamId)?.name ?? '?', employer: muni(c.employerId).cbsCode, served: muni(c.servedId).cbsCode,
    activity: c.activity, minutes: c.minutes, costCents: costCentsOf(c.minuteCents), minutesWithoutRate: c.minutesWithoutRate,
  };
}

/** Recent imports of a cooperation (who, when, how many rows): aggregate, no personal data. */
export async function listImports(ctx: Ctx, cooperationSlug: string) {
  const coop = await getCooperation(ctx, cooperationSlug);
  const rows = await importsOf(ctx.db, coop.cooperation.id);
  return rows.map((r) => ({ id: r.id, fileName: r.fileName, at: r.createdAt.toISOString(), by: r.importedBy, rowsInFile: r.rowsInFile, rowsAdded: r.rowsAdded, rowsReplaced: r.rowsReplaced, minutesAdded: r.minutesAdded, replaceFrom: r.replaceFrom, replaceTo: r.replaceTo }));
}

export type LedgerOverview = Awaited<ReturnType<typeof ledgerOverview>>;
