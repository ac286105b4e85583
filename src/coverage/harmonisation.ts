/**
 * Pure logic: harmonisation of the application portfolio on a date. An application is in
 * use when at least one member uses it; harmonised when every member uses it. The
 * percentage is harmonised / in use.
 */
import { isValidOn } from '../register/periods.ts';

export interface UseFact {
  applicationId: string;
  municipalityId: string;
  validFrom: string;
  validTo: string | null;
}

export interface HarmonisationPoint {
  day: string;
  inUse: number;
  harmonised: number;
  /** Per member: applications only that member uses. */
  onlyBy: Record<string, number>;
  /** harmonised / inUse × 100, one decimal; null when nothing is in use. */
  pct: number | null;
}

export function harmonisationOn(uses: readonly UseFact[], memberIds: readonly string[], day: string): HarmonisationPoint {
  const users = new Map<string, Set<string>>();
  for (const u of uses) {
    if (!memberIds.includes(u.municipalityId) || !isValidOn(u, day)) continue;
    const set = users.get(u.applicationId) ?? new Set<string>();
    set.add(u.municipalityId);
    users.set(u.applicationId, set);
  }
  const inUse = users.size;
  const harmonised = [...users.values()].filter((s) => memberIds.every((m) => s.has(m))).length;
  const onlyBy = Object.fromEntries(memberIds.map((m) => [m, [...users.values()].filter((s) => s.size === 1 && s.has(m)).length]));
  return { day, inUse, harmonised, onlyBy, pct: inUse === 0 ? null : Math.round((harmonised * 1000) / inUse) / 10 };
}

export const harmonisationTrend = (uses: readonly UseFact[], memberIds: readonly string[], days: readonly string[]) =>
  days.map((d) => harmonisationOn(uses, memberIds, d));

/** Who uses an application on a date. */
export const usersOn = (uses: readonly UseFact[], applicationId: string, day: string) =>
  uses.filter((u) => u.applicationId === applicationId && isValidOn(u, day)).map((u) => u.municipalityId);
