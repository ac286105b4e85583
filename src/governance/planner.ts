/**
 * The joint-agenda planner (pure). A joint proposal must be decided by every council.
 * For each council: submit to its committee at least `committee.leadDays` before the
 * committee meets, the committee meets at least `minDaysAfterCommittee` days before the
 * council, and the proposal is submitted to the council at least `council.leadDays`
 * before the council meets. The proposal is ready on `readyOn`. The answer per council
 * is its earliest feasible committee and council meeting; the joint date is the last of
 * those (the day by which every council can have decided).
 *
 * Dates are ISO strings (yyyy-mm-dd). Lead times are whole calendar days.
 */

export interface PlanBody { id: string; name: string; meetings: readonly string[]; leadDays: number }
export interface CouncilTrack {
  council: PlanBody;
  committee: PlanBody | null;
  /** Days from committee meeting to council meeting, at least; default 1 (committee strictly before the council). */
  minDaysAfterCommittee?: number;
}
export interface PlanInput { readyOn: string; tracks: readonly CouncilTrack[] }

export interface CouncilPlan {
  councilId: string;
  councilName: string;
  committeeId: string | null;
  committeeName: string | null;
  committeeOn: string | null;
  /** Latest day to submit to the committee for that meeting. */
  submitCommitteeBy: string | null;
  councilOn: string | null;
  submitCouncilBy: string | null;
  /** In Dutch, why no date could be found (no meeting far enough ahead in the calendar). */
  problem: string | null;
}
export interface JointPlan { readyOn: string; councils: CouncilPlan[]; allDecidedOn: string | null }

export const dayNumber = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
export const isoOfDay = (n: number): string => new Date(n * 86_400_000).toISOString().slice(0, 10);
const addDays = (iso: string, days: number): string => isoOfDay(dayNumber(iso) + days);

function planTrack(readyOn: string, t: CouncilTrack): CouncilPlan {
  const ready = dayNumber(readyOn);
  const base = {
    councilId: t.council.id, councilName: t.council.name, committeeId: t.committee?.id ?? null, committeeName: t.committee?.name ?? null,
    committeeOn: null, submitCommitteeBy: null, councilOn: null, submitCouncilBy: null,
  };
  let earliestCouncil = ready + t.council.leadDays;
  let committeeOn: string | null = null;
  if (t.committee) {
    const c = [...t.committee.meetings].sort().find((m) => dayNumber(m) >= ready + t.committee!.leadDays);
    if (!c) return { ...base, problem: `${t.committee.name} heeft geen vergadering op of na ${readyOn} plus ${t.committee.leadDays} dagen aanlevertermijn in de agenda` };
    committeeOn = c;
    earliestCouncil = Math.max(earliestCouncil, dayNumber(c) + (t.minDaysAfterCommittee ?? 1));
  }
  const m = [...t.council.meetings].sort().find((x) => dayNumber(x) >= earliestCouncil);
  if (!m) {
    return { ...base, committeeOn, submitCommitteeBy: committeeOn && addDays(committeeOn, -t.committee!.leadDays),
      problem: `${t.council.name} heeft geen vergadering op of na ${isoOfDay(earliestCouncil)} in de agenda` };
  }
  return {
    ...base, committeeOn, submitCommitteeBy: committeeOn && addDays(committeeOn, -t.committee!.leadDays),
    councilOn: m, submitCouncilBy: addDays(m, -t.council.leadDays), problem: null,
  };
}

export function planJointDecision(input: PlanInput): JointPlan {
  const councils = input.tracks.map((t) => planTrack(input.readyOn, t));
  const complete = councils.length > 0 && councils.every((c) => c.councilOn !== null);
  const allDecidedOn = complete ? councils.map((c) => c.councilOn!).reduce((a, b) => (a > b ? a : b)) : null;
  return { readyOn: input.readyOn, councils, allDecidedOn };
}
