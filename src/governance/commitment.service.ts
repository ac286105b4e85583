/**
 * Use cases of commitments and findings: council questions, toezeggingen, moties,
 * accountant findings and the audit office's recommendations (linked to the ones the
 * goals capability records, never copied). 'Te laat' is derived, never stored.
 */
import { parseInput } from '../platform/validation.ts';
import { checkVersion, mutate, requireMutationAccess, type Ctx } from '../platform/context.ts';
import { VlechtError, type FieldIssue } from '../platform/errors.ts';
import { listRecommendations } from '../goals/goal.service.ts';
import { commitmentInput, commitmentPatch } from './schema.ts';
import { commitmentsOf, decisionsOf, findCommitment, insertCommitment, updateCommitmentRow, type CommitmentRow } from './queries.ts';
import { presentCommitment, type CommitmentView } from './present.ts';
import { govContext, isoToday, mayManage, type CooperationView } from './access.service.ts';
import type { Queryable } from '../platform/db/types.ts';

async function refsOf(ctx: Ctx, q: Queryable, coop: CooperationView) {
  const [recommendations, decisions] = await Promise.all([listRecommendations(ctx, coop.cooperation.slug), decisionsOf(q, coop.cooperation.id)]);
  return {
    municipalities: coop.members.map((m) => m.municipality),
    recommendations: recommendations.map((r) => ({ id: r.id, number: r.number, text: r.text })),
    decisions: decisions.map((d) => ({ id: d.id, subject: d.subject, decidedOn: d.decidedOn })),
  };
}

/** The overview in the manner of a long-term agenda: open items by due date first, then closed ones. */
export async function listCommitments(ctx: Ctx, slug: string) {
  const { coop, scope } = await govContext(ctx, slug);
  const today = isoToday(ctx);
  const [rows, refs] = await Promise.all([commitmentsOf(ctx.db, coop.cooperation.id), refsOf(ctx, ctx.db, coop)]);
  const all = rows.map((r) => presentCommitment(r, today, refs));
  const open = all.filter((c) => c.status !== 'afgedaan').sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));
  const closed = all.filter((c) => c.status === 'afgedaan').sort((a, b) => (b.closedOn ?? '').localeCompare(a.closedOn ?? ''));
  const c = coop.cooperation;
  return {
    cooperation: { id: c.id, slug: c.slug, name: c.name }, today, open, closed, late: open.filter((x) => x.shownStatus === 'te-laat').length,
    /** Recommendations recorded by goals that no commitment follows up yet. */
    recommendationsWithoutFollowUp: refs.recommendations.filter((r) => !rows.some((x) => x.recommendationId === r.id)),
    refs, may: { manage: mayManage(ctx.actor, scope) },
  };
}

export async function getCommitment(ctx: Ctx, id: string) {
  const found = await findCommitment(ctx.db, id);
  if (!found) throw new VlechtError('NOT_FOUND', { object: 'toezegging of bevinding', key: id });
  const { coop, scope } = await govContext(ctx, found.cooperationSlug);
  const refs = await refsOf(ctx, ctx.db, coop);
  return { commitment: presentCommitment(found.commitment, isoToday(ctx), refs), refs, cooperation: { slug: coop.cooperation.slug, name: coop.cooperation.name }, may: { manage: mayManage(ctx.actor, scope) } };
}

type Parsed = ReturnType<typeof commitmentInput.parse>;

function resolve(data: Parsed, coop: CooperationView, refs: Awaited<ReturnType<typeof refsOf>>) {
  const issues: FieldIssue[] = [];
  const municipality = data.municipalityCbs ? coop.members.find((m) => m.municipality.cbsCode === data.municipalityCbs)?.municipality : null;
  if (data.municipalityCbs && !municipality) issues.push({ field: 'municipalityCbs', message: 'deze gemeente is geen lid van de samenwerking', value: data.municipalityCbs });
  if (data.recommendationId && !refs.recommendations.some((r) => r.id === data.recommendationId)) issues.push({ field: 'recommendationId', message: 'deze aanbeveling is niet vastgelegd bij de samenwerking', value: data.recommendationId });
  if (data.decisionId && !refs.decisions.some((d) => d.id === data.decisionId)) issues.push({ field: 'decisionId', message: 'dit besluit staat niet in het besluitenregister van de samenwerking', value: data.decisionId });
  if (issues.length) throw new VlechtError('VALIDATION', {}, issues);
  const { municipalityCbs: _, ...rest } = data;
  return { ...rest, municipalityId: municipality?.id ?? null };
}

const asInput = (c: CommitmentRow, coop: CooperationView) => ({
  kind: c.kind, reference: c.reference, title: c.title, description: c.description, ownerName: c.ownerName, madeOn: c.madeOn, dueOn: c.dueOn,
  status: c.status, closedOn: c.closedOn, followUp: c.followUp, recommendationId: c.recommendationId, decisionId: c.decisionId, source: c.source,
  synthetic: c.synthetic, municipalityCbs: coop.members.find((m) => m.municipality.id === c.municipalityId)?.municipality.cbsCode ?? null,
});

export async function createCommitment(ctx: Ctx, slug: string, input: unknown): Promise<CommitmentView> {
  const data = parseInput(commitmentInput, input);
  const { coop, scope } = await govContext(ctx, slug);
  const attempt = { action: 'toezegging.aanmaken', objectType: 'toezegging', objectId: data.title };
  await requireMutationAccess(ctx, 'governance:manage', scope, attempt);
  const refs = await refsOf(ctx, ctx.db, coop);
  const values = resolve(data, coop, refs);
  return mutate(ctx, async (tx) => {
    const row = await insertCommitment(tx, { cooperationId: coop.cooperation.id, ...values });
    const view = presentCommitment(row, isoToday(ctx), refs);
    return { value: view, audit: { ...attempt, objectId: row.id, newValue: view } };
  });
}

export async function updateCommitment(ctx: Ctx, id: string, expectedVersion: number | undefined, input: unknown): Promise<CommitmentView> {
  const patch = parseInput(commitmentPatch, input);
  const found = await findCommitment(ctx.db, id);
  if (!found) throw new VlechtError('NOT_FOUND', { object: 'toezegging of bevinding', key: id });
  const { coop, scope } = await govContext(ctx, found.cooperationSlug);
  const attempt = { action: 'toezegging.wijzigen', objectType: 'toezegging', objectId: id };
  await requireMutationAccess(ctx, 'governance:manage', scope, attempt);
  const refs = await refsOf(ctx, ctx.db, coop);
  return mutate(ctx, async (tx) => {
    const current = (await findCommitment(tx, id))!.commitment;
    checkVersion(current.version, expectedVersion);
    const merged = parseInput(commitmentInput, { ...asInput(current, coop), ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) });
    const row = await updateCommitmentRow(tx, id, current.version, { ...resolve(merged, coop, refs), version: current.version + 1, updatedAt: ctx.clock() });
    if (!row) throw new VlechtError('PRECONDITION_FAILED', { current: current.version + 1, expected: expectedVersion });
    const today = isoToday(ctx);
    return { value: presentCommitment(row, today, refs), audit: { ...attempt, oldValue: presentCommitment(current, today, refs), newValue: presentCommitment(row, today, refs) } };
  });
}
