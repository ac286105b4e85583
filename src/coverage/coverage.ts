/**
 * Pure logic for vulnerability: per function how many people are qualified (primary or
 * backup) on a date, within a set of municipalities (one municipality standalone, or the
 * pooled cooperation); single-person functions (eenpitters), uncovered functions and the
 * coverage percentage; and the same over a series of dates (the trend).
 *
 * A person counts once per function even with two qualification rows on the date. A
 * person counts for the municipality that employs them: after a split that is where they stay.
 */
import { isValidOn } from '../register/periods.ts';

export interface FunctionFact {
  id: string;
  name: string;
  critical: boolean;
  /** How many qualified people the function needs to be covered. */
  requiredQualified: number;
}

export interface QualificationFact {
  functionId: string;
  employeeId: string;
  employerMunicipalityId: string;
  kind: 'primair' | 'achtervang';
  validFrom: string;
  validTo: string | null;
}

export interface FunctionCoverage {
  functionId: string;
  name: string;
  critical: boolean;
  requiredQualified: number;
  qualified: number;
  primary: number;
  backup: number;
  /** Exactly one qualified person: an eenpitter. */
  singlePerson: boolean;
  /** Nobody qualified. */
  uncovered: boolean;
  /** At least the required number qualified. */
  covered: boolean;
}

export interface CoverageSummary {
  functions: number;
  singlePerson: number;
  uncovered: number;
  criticalUncovered: number;
  criticalSinglePerson: number;
  covered: number;
  /** covered / functions × 100, one decimal; null without functions. */
  coveragePct: number | null;
  /** Qualified people still missing to reach every function's requirement. */
  missingQualifications: number;
}

/** Coverage per function on `day`, counting only people employed by one of `municipalityIds`. */
export function coverageOn(functions: readonly FunctionFact[], qualifications: readonly QualificationFact[], municipalityIds: readonly string[], day: string): FunctionCoverage[] {
  const inScope = new Set(municipalityIds);
  return functions.map((f) => {
    const kinds = new Map<string, Set<string>>();
    for (const q of qualifications) {
      if (q.functionId !== f.id || !inScope.has(q.employerMunicipalityId) || !isValidOn(q, day)) continue;
      const set = kinds.get(q.employeeId) ?? new Set<string>();
      set.add(q.kind);
      kinds.set(q.employeeId, set);
    }
    const qualified = kinds.size;
    // Someone both primary and backup counts as primary.
    const primary = [...kinds.values()].filter((k) => k.has('primair')).length;
    return {
      functionId: f.id, name: f.name, critical: f.critical, requiredQualified: f.requiredQualified,
      qualified, primary, backup: qualified - primary,
      singlePerson: qualified === 1, uncovered: qualified === 0, covered: qualified >= f.requiredQualified,
    };
  });
}

const pct = (part: number, whole: number) => (whole === 0 ? null : Math.round((part * 1000) / whole) / 10);

export function summarise(rows: readonly FunctionCoverage[]): CoverageSummary {
  const count = (p: (r: FunctionCoverage) => boolean) => rows.filter(p).length;
  const covered = count((r) => r.covered);
  return {
    functions: rows.length,
    singlePerson: count((r) => r.singlePerson),
    uncovered: count((r) => r.uncovered),
    criticalUncovered: count((r) => r.critical && r.uncovered),
    criticalSinglePerson: count((r) => r.critical && r.singlePerson),
    covered,
    coveragePct: pct(covered, rows.length),
    missingQualifications: rows.reduce((s, r) => s + Math.max(0, r.requiredQualified - r.qualified), 0),
  };
}

export interface ScopeCoverage {
  /** `samen` for the pooled cooperation, otherwise the municipality id. */
  scope: string;
  municipalityIds: string[];
  rows: FunctionCoverage[];
  summary: CoverageSummary;
}

/** Each municipality standalone, then the pooled cooperation. */
export function coverageByScope(functions: readonly FunctionFact[], qualifications: readonly QualificationFact[], memberIds: readonly string[], day: string): ScopeCoverage[] {
  const scopes = [...memberIds.map((m) => ({ scope: m, municipalityIds: [m] })), { scope: 'samen', municipalityIds: [...memberIds] }];
  return scopes.map((s) => {
    const rows = coverageOn(functions, qualifications, s.municipalityIds, day);
    return { ...s, rows, summary: summarise(rows) };
  });
}

export interface TrendPoint {
  day: string;
  byScope: { scope: string; singlePerson: number; uncovered: number; coveragePct: number | null }[];
}

/** The coverage summary per scope on each date (e.g. quarter ends). */
export function coverageTrend(functions: readonly FunctionFact[], qualifications: readonly QualificationFact[], memberIds: readonly string[], days: readonly string[]): TrendPoint[] {
  return days.map((day) => ({
    day,
    byScope: coverageByScope(functions, qualifications, memberIds, day).map((s) => ({
      scope: s.scope, singlePerson: s.summary.singlePerson, uncovered: s.summary.uncovered, coveragePct: s.summary.coveragePct,
    })),
  }));
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The last day of every quarter from `first`'s quarter up to and including the one holding `last`. */
export function quarterEnds(first: string, last: string): string[] {
  const out: string[] = [];
  let y = Number(first.slice(0, 4));
  let q = Math.ceil(Number(first.slice(5, 7)) / 3);
  for (;;) {
    const month = q * 3;
    const end = iso(y, month, new Date(Date.UTC(y, month, 0)).getUTCDate());
    const start = iso(y, month - 2, 1);
    if (start > last) break;
    out.push(end > last ? last : end);
    if (q === 4) { y++; q = 1; } else q++;
  }
  return out;
}

/** Quarter label `2025-K1` of a date. */
export const quarterLabel = (day: string) => `${day.slice(0, 4)}-K${Math.ceil(Number(day.slice(5, 7)) / 3)}`;
