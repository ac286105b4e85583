/**
 * Pure logic: FTE of a team per employer municipality on a date, from assignments.
 * FTE in thousandths (integer) so sums are exact.
 */
import { isValidOn } from './periods.ts';

export interface AssignmentFact {
  employerMunicipalityId: string;
  fteMilli: number;
  validFrom: string;
  validTo: string | null;
}

export interface EmployerStaffing {
  municipalityId: string;
  people: number;
  fteMilli: number;
}

export function staffingOn(assignments: readonly AssignmentFact[], day: string): EmployerStaffing[] {
  const by = new Map<string, EmployerStaffing>();
  for (const a of assignments) {
    if (!isValidOn(a, day)) continue;
    const s = by.get(a.employerMunicipalityId) ?? { municipalityId: a.employerMunicipalityId, people: 0, fteMilli: 0 };
    s.people += 1;
    s.fteMilli += a.fteMilli;
    by.set(a.employerMunicipalityId, s);
  }
  return [...by.values()];
}
