/**
 * Targets change over time: a KPI can have a target per date (e.g. end of 2026, end of
 * 2027), and a target for a date can be revised later (set again on a later day). Pure.
 */
import { formatDecimal } from './decimal.ts';

export interface TargetFact {
  targetDate: string;
  value: string;
  /** The day the target was set; a later one for the same date replaces the earlier. */
  setOn: string;
}

/** The targets in force: per target date the most recently set one, by target date. */
export function currentTargets<T extends TargetFact>(targets: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const t of targets) {
    const seen = latest.get(t.targetDate);
    if (!seen || t.setOn >= seen.setOn) latest.set(t.targetDate, t);
  }
  return [...latest.values()].sort((a, b) => a.targetDate.localeCompare(b.targetDate));
}

/** The target that applies on `day`: the first current one due on or after it, else the last one. */
export function applicableTarget<T extends TargetFact>(targets: readonly T[], day: string): T | null {
  const current = currentTargets(targets);
  return current.find((t) => t.targetDate >= day) ?? current[current.length - 1] ?? null;
}

/** A KPI value with its unit in Dutch: `41,2%`, `€ 30.000`, `123,5 uur`, `8,1`. */
export function formatWithUnit(value: string, unit: string): string {
  const u = unit.trim();
  if (u === '%') return `${formatDecimal(value)}%`;
  if (/^(euro|€)$/i.test(u)) return `€ ${formatDecimal(value)}`;
  if (u === '' || /^(cijfer|rapportcijfer)/i.test(u)) return formatDecimal(value);
  return `${formatDecimal(value)} ${u}`;
}
