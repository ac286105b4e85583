/** Shown status of commitments and milestones (pure): 'te laat' is derived from the due date, never stored. */
import type { CommitmentStatus, MilestoneStatus, ShownCommitmentStatus } from './catalogue.ts';

/** Open (not afgedaan) and past its due date → te laat; otherwise the stored status. */
export function commitmentStatus(status: CommitmentStatus, dueOn: string | null, today: string): ShownCommitmentStatus {
  if (status !== 'afgedaan' && dueOn !== null && dueOn < today) return 'te-laat';
  return status;
}

/** Not gereed or vervallen and past its date → te laat. */
export function milestoneStatus(status: MilestoneStatus, dueOn: string, today: string): MilestoneStatus | 'te-laat' {
  if ((status === 'gepland' || status === 'loopt') && dueOn < today) return 'te-laat';
  return status;
}

/** Whether an item was open at any moment of [from, to]: made on or before `to` and not closed before `from`. */
export function openDuring(item: { madeOn: string; closedOn: string | null }, from: string, to: string): boolean {
  return item.madeOn <= to && (item.closedOn === null || item.closedOn >= from);
}
