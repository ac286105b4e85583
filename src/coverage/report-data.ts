/**
 * Small read functions for the reports capability (team factsheet, sections D. Kosten and
 * E. Perspectief): aggregates only, no names, so they fit any role that may read the
 * cooperation ('register:read'). Each figure comes with the words and assumptions a report
 * needs to show where it came from.
 */
import * as q from './queries.ts';
import { teamOf } from './access.service.ts';
import { cooperationCoverage, teamCoverage } from './coverage.service.ts';
import { quarterLabel } from './coverage.ts';
import { formatDate } from '../platform/i18n/format.ts';
import { getScenario, riskSummary } from './scenario.service.ts';
import type { Ctx } from '../platform/context.ts';

/** Vulnerability of one team on a date (section E). */
export interface TeamVulnerabilitySummary {
  team: { id: string; name: string };
  /** ISO date the figures hold on. */
  onDate: string;
  /** Per municipality standalone, then `samen` (pooled): eenpitters, uncovered, coverage %. */
  byScope: { scope: string; label: string; functions: number; singlePerson: number; uncovered: number; criticalUncovered: number; coveragePct: number | null }[];
  /** Hours of substitution in the ledger's latest year for this team. */
  substitution: { from: string; to: string; hours: number; totalHours: number };
  /** Eenpitters pooled at the first and last quarter end with data: the trend in two numbers. */
  trend: { firstDay: string | null; firstPooledSinglePerson: number | null; lastDay: string | null; lastPooledSinglePerson: number | null };
}

export async function teamVulnerabilitySummary(ctx: Ctx, teamId: string, onDate: string): Promise<TeamVulnerabilitySummary> {
  const v = await teamCoverage(ctx, teamId, onDate); // checks register:read
  const pooled = (i: number) => v.trend[i]?.byScope.find((s) => s.scope === 'samen')?.singlePerson ?? null;
  return {
    team: { id: v.team.id, name: v.team.name }, onDate: v.day,
    byScope: v.scopes.map((s) => ({ scope: s.scope, label: s.label, functions: s.summary.functions, singlePerson: s.summary.singlePerson, uncovered: s.summary.uncovered, criticalUncovered: s.summary.criticalUncovered, coveragePct: s.summary.coveragePct })),
    substitution: v.substitution,
    trend: { firstDay: v.trend[0]?.day ?? null, firstPooledSinglePerson: pooled(0), lastDay: v.trend[v.trend.length - 1]?.day ?? null, lastPooledSinglePerson: pooled(v.trend.length - 1) },
  };
}

/** The price of leaving for one team (section D): the full split with default assumptions, plus the latest saved scenarios of the team. */
export interface TeamScenarioSummary {
  team: { id: string; name: string };
  fullSplit: { onDate: string; oneOffCents: number; recurringCents: number; fteGapMilli: number; functionsUncovered: number; reappearingSinglePerson: number; assumptions: { label: string; shown: string }[] };
  saved: { id: string; name: string; version: number; leavingWords: string; oneOffCents: number; recurringCents: number; fteShortageMilli: number; reappearingSinglePerson: number }[];
}

export async function teamScenarioSummary(ctx: Ctx, teamId: string): Promise<TeamScenarioSummary> {
  const { team, coop } = await teamOf(ctx, teamId);
  const risk = await riskSummary(ctx, coop.slug); // checks register:read
  const row = risk.rows.find((r) => r.team.id === team.id)!;
  const saved = (await q.scenariosOf(ctx.db, coop.id)).filter((s) => s.teamId === team.id);
  const details = await Promise.all(saved.map((s) => getScenario(ctx, s.id)));
  return {
    team: { id: team.id, name: team.name },
    fullSplit: { onDate: risk.day, oneOffCents: row.oneOffCents, recurringCents: row.recurringCents, fteGapMilli: row.fteGapMilli, functionsUncovered: row.functionsUncovered, reappearingSinglePerson: row.reappearingSinglePerson, assumptions: risk.assumptions.map((a) => ({ label: a.label, shown: a.shown })) },
    saved: details.map((d) => ({ id: d.scenario.id, name: d.version.name, version: d.version.versionNo, leavingWords: d.result.leavingWords, oneOffCents: d.result.totals.oneOffCents, recurringCents: d.result.totals.recurringCents, fteShortageMilli: d.result.totals.fteShortageMilli, reappearingSinglePerson: d.result.totals.reappearingSinglePerson })),
  };
}

/**
 * Eenpitters (pooled) per quarter end, in the shape of a derived goals measurement (value as
 * an exact decimal string, the date it holds on, and the Dutch sentence saying how it was
 * computed). The goals capability's list of derivations is a fixed enum with a database
 * check today; this is the read function a `eenpitters-per-kwartaal` derivation would call.
 */
export interface SinglePersonMeasurement { measuredOn: string; quarter: string; value: string; method: string }

export async function singlePersonMeasurements(ctx: Ctx, cooperationSlug: string, teamId: string | null, onDate?: string): Promise<SinglePersonMeasurement[]> {
  const v = teamId ? await teamCoverage(ctx, teamId, onDate) : await cooperationCoverage(ctx, cooperationSlug, onDate);
  const scopeWords = 'team' in v ? `team ${v.team.name}` : `alle teams van ${v.cooperation.name}`;
  return v.trend.map((p) => {
    const pooled = p.byScope.find((s) => s.scope === 'samen')!;
    return {
      measuredOn: p.day, quarter: quarterLabel(p.day), value: String(pooled.singlePerson),
      method: `Afgeleid uit de kwalificaties op ${formatDate(p.day)}, ${scopeWords}: functies met precies één gekwalificeerde (primair of achtervang) in de samenwerking samen = ${pooled.singlePerson}; dekking ${pooled.coveragePct ?? '–'}%.`,
    };
  });
}
