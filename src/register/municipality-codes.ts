/**
 * CBS municipality codes have a life: a merger ends the old codes and starts a new one.
 * Pure: whether a code may be used for a given day, and if not, why, in Dutch.
 */
import { formatDate } from '../platform/i18n/format.ts';

export interface CodePeriod {
  cbsCode: string;
  name: string;
  /** Null: valid since before the shipped reference list. */
  validFrom: string | null;
  /** Exclusive; null: still valid. */
  validTo: string | null;
  successorCbsCode: string | null;
}

/** Null when the code is valid on `day`, else the reason (naming the successor when there is one). */
export function codeProblemOn(m: CodePeriod, day: string, successorName?: string): string | null {
  if (m.validFrom && day < m.validFrom) {
    return `${m.cbsCode} (${m.name}) bestaat pas sinds ${formatDate(m.validFrom)}`;
  }
  if (m.validTo && day >= m.validTo) {
    const successor = m.successorCbsCode ? `: opgegaan in ${m.successorCbsCode}${successorName ? ` ${successorName}` : ''}` : '';
    return `${m.cbsCode} (${m.name}) bestaat sinds ${formatDate(m.validTo)} niet meer${successor}`;
  }
  return null;
}

/** A year's figure (e.g. inhabitants on 1 January) needs the code valid on 1 January of that year. */
export const codeProblemInYear = (m: CodePeriod, year: number, successorName?: string) =>
  codeProblemOn(m, `${year}-01-01`, successorName);
