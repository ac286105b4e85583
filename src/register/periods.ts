/**
 * Pure logic for things valid over a period [validFrom, validTo): which one holds on a
 * date, and closing the running one when a new one starts. Dates are ISO `YYYY-MM-DD`,
 * which compare correctly as strings.
 */
export interface Period {
  validFrom: string;
  validTo: string | null;
}

export const isValidOn = (p: Period, day: string): boolean =>
  p.validFrom <= day && (p.validTo === null || day < p.validTo);

/** The period valid on `day`, or undefined. */
export function validOn<T extends Period>(periods: readonly T[], day: string): T | undefined {
  return periods.find((p) => isValidOn(p, day));
}

/**
 * For a step-wise history (each entry holds until the next starts), the entry on `day`.
 * Used for integration levels, which have only a start date.
 */
export function stepOn<T extends { validFrom: string }>(history: readonly T[], day: string): T | undefined {
  let found: T | undefined;
  for (const h of [...history].sort((a, b) => a.validFrom.localeCompare(b.validFrom))) {
    if (h.validFrom <= day) found = h;
  }
  return found;
}

/**
 * The open-ended period that must be closed when a new one starts on `newFrom`, or an
 * error reason when the new one would not follow the history.
 */
export function periodToClose<T extends Period & { id: string }>(
  periods: readonly T[], newFrom: string,
): { close?: T; error?: 'STARTS_BEFORE_OPEN_PERIOD' | 'OVERLAPS_CLOSED_PERIOD' } {
  const open = periods.find((p) => p.validTo === null);
  if (open && newFrom <= open.validFrom) return { error: 'STARTS_BEFORE_OPEN_PERIOD' };
  const overlapping = periods.find((p) => p.validTo !== null && isValidOn(p, newFrom));
  if (overlapping) return { error: 'OVERLAPS_CLOSED_PERIOD' };
  return { close: open };
}
