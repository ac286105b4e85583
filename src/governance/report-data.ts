/**
 * Read functions for the reports capability (progress report, factsheets): decisions,
 * commitments and milestones of a period as plain view models with ISO dates. Each call
 * checks register:read on the cooperation, like the governance pages.
 *
 * @example
 *   const decisions = await decisionsInPeriod(ctx, coopId, '2019-01-01', '2019-12-31');
 *   decisions[0].flags // [] when the decision was taken by a body with the right
 */
import type { Ctx } from '../platform/context.ts';
import { VlechtError } from '../platform/errors.ts';
import { cooperationSlugById } from './queries.ts';
import { decisionViewsOf } from './decision.service.ts';
import { listCommitments } from './commitment.service.ts';
import { listMilestones } from './milestone.service.ts';
import { openDuring } from './status.ts';
import type { CommitmentView, DecisionView, MilestoneView } from './present.ts';

export type { CommitmentView, DecisionView, MilestoneView };

async function slugOf(ctx: Ctx, cooperationId: string): Promise<string> {
  const slug = await cooperationSlugById(ctx.db, cooperationId);
  if (!slug) throw new VlechtError('NOT_FOUND', { object: 'samenwerking', key: cooperationId });
  return slug;
}

/**
 * Decisions taken in [from, to] (inclusive, ISO dates), newest first. Each carries its
 * body, decision type, document status (A/B/C-stuk), links, OR advice and `flags`: the
 * findings of the decision-rights check (empty when in order).
 */
export async function decisionsInPeriod(ctx: Ctx, cooperationId: string, from: string, to: string): Promise<DecisionView[]> {
  const all = await decisionViewsOf(ctx, await slugOf(ctx, cooperationId));
  return all.filter((d) => d.decidedOn >= from && d.decidedOn <= to);
}

/**
 * Commitments and findings that were open at some moment of [from, to]: made on or
 * before `to` and not closed before `from` — so both those still open and those closed
 * in the period. `shownStatus` is as of today ('te-laat' when open past the due date);
 * `closedOn` tells whether it was closed within the period.
 */
export async function commitmentsInPeriod(ctx: Ctx, cooperationId: string, from: string, to: string): Promise<CommitmentView[]> {
  const v = await listCommitments(ctx, await slugOf(ctx, cooperationId));
  return [...v.open, ...v.closed].filter((c) => openDuring({ madeOn: c.madeOn, closedOn: c.closedOn }, from, to));
}

/**
 * Milestones due in [from, to] or completed in it, by due date; with team (null = the
 * whole cooperation), status as of today, dependencies and risks.
 */
export async function milestonesInPeriod(ctx: Ctx, cooperationId: string, from: string, to: string): Promise<MilestoneView[]> {
  const v = await listMilestones(ctx, await slugOf(ctx, cooperationId));
  const inside = (d: string | null) => d !== null && d >= from && d <= to;
  return v.milestones.filter((m) => inside(m.dueOn) || inside(m.completedOn));
}
