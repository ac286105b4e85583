/**
 * Use cases of the decisions register and the decision-rights matrix: bodies, decision
 * types, the matrix (edited as a whole under one version), and decisions checked against
 * it. Every mutation: policy first, one transaction, one audit row.
 */
import { parseInput } from '../platform/validation.ts';
import { checkVersion, mutate, requireMutationAccess, type Ctx } from '../platform/context.ts';
import { VlechtError, type FieldIssue } from '../platform/errors.ts';
import type { Queryable } from '../platform/db/types.ts';
import { bodyInput, bodyPatch, decisionInput, decisionPatch, decisionTypeInput, matrixInput } from './schema.ts';
import {
  bodiesOf, bumpSetup, decisionsOf, decisionTypesOf, deleteRight, findDecision, insertBody, insertDecision, insertDecisionType, insertRights,
  rightsOf, setupOf, updateBodyRow, updateDecisionRow, type BodyRow, type DecisionRow, type DecisionTypeRow, type RightRow,
} from './queries.ts';
import { decisionFlags, requiresOrAdvice, type Flag, type RightsMatrix } from './rights.ts';
import { documentClassErrors, documentClassFindings } from './document-class.ts';
import type { Right } from './catalogue.ts';
import { presentBody, presentDecision, presentDecisionType, type BodyView, type DecisionView, type MatrixView } from './present.ts';
import { currentMembers, ensureSetup, govContext, isoToday, mayManage, type CooperationView } from './access.service.ts';

export interface Governance { bodies: BodyRow[]; types: DecisionTypeRow[]; rights: RightRow[]; matrix: RightsMatrix; version: number; setUp: boolean }

export async function loadGovernance(q: Queryable, cooperationId: string): Promise<Governance> {
  const [setup, bodies, types] = await Promise.all([setupOf(q, cooperationId), bodiesOf(q, cooperationId), decisionTypesOf(q, cooperationId)]);
  const rights = await rightsOf(q, types.map((t) => t.id));
  const matrix: RightsMatrix = {};
  for (const r of rights) (matrix[r.decisionTypeId] ??= {})[r.bodyId] = r.right as Right;
  return { bodies, types, rights, matrix, version: setup?.version ?? 0, setUp: !!setup };
}

const municipalitiesOf = (coop: CooperationView) => coop.members.map((m) => m.municipality);

function matrixView(g: Governance): MatrixView {
  const cells: MatrixView['cells'] = {};
  for (const t of g.types) {
    cells[t.key] = {};
    for (const b of g.bodies) { const r = g.matrix[t.id]?.[b.id]; if (r) cells[t.key][b.key] = r; }
  }
  return { version: g.version, types: g.types.map(presentDecisionType), bodies: g.bodies.map((b) => ({ id: b.id, key: b.key, name: b.name, kind: b.kind as BodyView['kind'] })), cells };
}

export interface GovernanceSetupView { cooperation: { id: string; slug: string; name: string; legalForm: string }; setUp: boolean; bodies: BodyView[]; matrix: MatrixView; may: { manage: boolean } }

/** Bodies and the decision-rights matrix of a cooperation (register:read). */
export async function governanceSetup(ctx: Ctx, slug: string): Promise<GovernanceSetupView> {
  const { coop, scope } = await govContext(ctx, slug);
  const g = await loadGovernance(ctx.db, coop.cooperation.id);
  const c = coop.cooperation;
  return {
    cooperation: { id: c.id, slug: c.slug, name: c.name, legalForm: c.legalForm }, setUp: g.setUp,
    bodies: g.bodies.map((b) => presentBody(b, g.bodies, municipalitiesOf(coop))), matrix: matrixView(g), may: { manage: mayManage(ctx.actor, scope) },
  };
}

/** Creates the default bodies, decision types and matrix (catalogue.ts) when the cooperation has none. */
export async function setUpGovernance(ctx: Ctx, slug: string): Promise<boolean> {
  const { coop, scope } = await govContext(ctx, slug);
  await requireMutationAccess(ctx, 'governance:manage', scope, { action: 'besluitvorming.inrichten', objectType: 'samenwerking', objectId: coop.cooperation.id });
  return mutate(ctx, async (tx) => {
    const created = await ensureSetup(tx, coop);
    const g = await loadGovernance(tx, coop.cooperation.id);
    return { value: created, audit: { action: 'besluitvorming.inrichten', objectType: 'samenwerking', objectId: coop.cooperation.id, newValue: created ? matrixView(g) : { ongewijzigd: true } } };
  });
}

export async function createBody(ctx: Ctx, slug: string, input: unknown): Promise<BodyView> {
  const data = parseInput(bodyInput, input);
  const { coop, scope } = await govContext(ctx, slug);
  const attempt = { action: 'orgaan.aanmaken', objectType: 'orgaan', objectId: data.key };
  await requireMutationAccess(ctx, 'governance:manage', scope, attempt);
  return mutate(ctx, async (tx) => {
    await ensureSetup(tx, coop);
    const bodies = await bodiesOf(tx, coop.cooperation.id);
    if (bodies.some((b) => b.key === data.key)) throw new VlechtError('DUPLICATE', { field: 'key', value: data.key });
    const issues: FieldIssue[] = [];
    const municipality = data.municipalityCbs ? currentMembers(coop).find((m) => m.cbsCode === data.municipalityCbs) : null;
    if (data.municipalityCbs && !municipality) issues.push({ field: 'municipalityCbs', message: 'deze gemeente is geen lid van de samenwerking', value: data.municipalityCbs });
    const council = data.committeeForKey ? bodies.find((b) => b.key === data.committeeForKey && b.kind === 'raad') : null;
    if (data.committeeForKey && !council) issues.push({ field: 'committeeForKey', message: 'kies een raad van deze samenwerking', value: data.committeeForKey });
    if (data.committeeForKey && data.kind !== 'commissie') issues.push({ field: 'committeeForKey', message: 'alleen een raadscommissie adviseert een raad' });
    if (issues.length) throw new VlechtError('VALIDATION', {}, issues);
    const row = await insertBody(tx, {
      cooperationId: coop.cooperation.id, key: data.key, name: data.name, kind: data.kind, leadDays: data.leadDays,
      municipalityId: municipality?.id ?? null, committeeForBodyId: council?.id ?? null, sortOrder: (bodies.at(-1)?.sortOrder ?? 0) + 10,
    });
    const view = presentBody(row, [...bodies, row], municipalitiesOf(coop));
    return { value: view, audit: { ...attempt, objectId: row.id, newValue: view } };
  });
}

/** Name, lead time and (for a committee) the council it advises. */
export async function updateBody(ctx: Ctx, slug: string, key: string, expectedVersion: number | undefined, input: unknown): Promise<BodyView> {
  const patch = parseInput(bodyPatch, input);
  const { coop, scope } = await govContext(ctx, slug);
  const attempt = { action: 'orgaan.wijzigen', objectType: 'orgaan', objectId: key };
  await requireMutationAccess(ctx, 'governance:manage', scope, attempt);
  return mutate(ctx, async (tx) => {
    const bodies = await bodiesOf(tx, coop.cooperation.id);
    const current = bodies.find((b) => b.key === key);
    if (!current) throw new VlechtError('NOT_FOUND', { object: 'orgaan', key });
    checkVersion(current.version, expectedVersion);
    let committeeForBodyId = current.committeeForBodyId;
    if (patch.committeeForKey !== undefined) {
      const council = patch.committeeForKey ? bodies.find((b) => b.key === patch.committeeForKey && b.kind === 'raad') : null;
      if (patch.committeeForKey && (!council || current.kind !== 'commissie')) {
        throw new VlechtError('VALIDATION', {}, [{ field: 'committeeForKey', message: 'alleen een raadscommissie adviseert een raad van deze samenwerking', value: patch.committeeForKey }]);
      }
      committeeForBodyId = council?.id ?? null;
    }
    const row = await updateBodyRow(tx, current.id, current.version, {
      ...(patch.name !== undefined ? { name: patch.name } : {}), ...(patch.leadDays !== undefined ? { leadDays: patch.leadDays } : {}),
      committeeForBodyId, version: current.version + 1, updatedAt: ctx.clock(),
    });
    if (!row) throw new VlechtError('PRECONDITION_FAILED', { current: current.version + 1, expected: expectedVersion });
    const municipalities = municipalitiesOf(coop);
    return { value: presentBody(row, bodies, municipalities), audit: { ...attempt, objectId: row.id, oldValue: presentBody(current, bodies, municipalities), newValue: presentBody(row, bodies, municipalities) } };
  });
}

export async function createDecisionType(ctx: Ctx, slug: string, input: unknown) {
  const data = parseInput(decisionTypeInput, input);
  const { coop, scope } = await govContext(ctx, slug);
  const attempt = { action: 'besluittype.aanmaken', objectType: 'besluittype', objectId: data.key };
  await requireMutationAccess(ctx, 'governance:manage', scope, attempt);
  return mutate(ctx, async (tx) => {
    await ensureSetup(tx, coop);
    const types = await decisionTypesOf(tx, coop.cooperation.id);
    if (types.some((t) => t.key === data.key)) throw new VlechtError('DUPLICATE', { field: 'key', value: data.key });
    const row = presentDecisionType(await insertDecisionType(tx, { cooperationId: coop.cooperation.id, ...data, sortOrder: (types.at(-1)?.sortOrder ?? 0) + 10 }));
    return { value: row, audit: { ...attempt, objectId: row.id, newValue: row } };
  });
}

/** Sets the named cells (right null = no role) under the matrix version the client saw. */
export async function updateMatrix(ctx: Ctx, slug: string, expectedVersion: number | undefined, input: unknown): Promise<MatrixView> {
  const data = parseInput(matrixInput, input);
  const { coop, scope } = await govContext(ctx, slug);
  const attempt = { action: 'besluitvormingsmatrix.wijzigen', objectType: 'samenwerking', objectId: coop.cooperation.id };
  await requireMutationAccess(ctx, 'governance:manage', scope, attempt);
  return mutate(ctx, async (tx) => {
    await ensureSetup(tx, coop);
    const before = await loadGovernance(tx, coop.cooperation.id);
    checkVersion(before.version, expectedVersion);
    const issues: FieldIssue[] = [];
    const changes: { type: DecisionTypeRow; body: BodyRow; right: Right | null }[] = [];
    data.cells.forEach((cell, i) => {
      const type = before.types.find((t) => t.key === cell.type);
      const body = before.bodies.find((b) => b.key === cell.body);
      if (!type) issues.push({ field: `cells.${i}.type`, message: 'onbekend soort besluit in deze samenwerking', value: cell.type });
      if (!body) issues.push({ field: `cells.${i}.body`, message: 'onbekend orgaan in deze samenwerking', value: cell.body });
      if (type && body) changes.push({ type, body, right: cell.right });
    });
    if (issues.length) throw new VlechtError('VALIDATION', {}, issues);
    for (const c of changes) {
      await deleteRight(tx, c.type.id, c.body.id);
      if (c.right) await insertRights(tx, [{ decisionTypeId: c.type.id, bodyId: c.body.id, right: c.right }]);
    }
    if (!(await bumpSetup(tx, coop.cooperation.id, before.version, ctx.clock()))) throw new VlechtError('PRECONDITION_FAILED', { current: before.version + 1, expected: expectedVersion });
    const after = matrixView(await loadGovernance(tx, coop.cooperation.id));
    return { value: after, audit: { ...attempt, oldValue: matrixView(before), newValue: after } };
  });
}

/** The document-class input of a stored or proposed decision (body and type resolved by id). */
function classInput(d: { bodyId: string; decisionTypeId: string; documentStatus: string | null; decidedOn: string }, g: Governance) {
  return {
    decisionTypeKey: g.types.find((t) => t.id === d.decisionTypeId)?.key ?? '', bodyKind: (g.bodies.find((b) => b.id === d.bodyId)?.kind ?? 'directie') as BodyView['kind'],
    documentStatus: d.documentStatus as 'A' | 'B' | 'C' | null, decidedOn: d.decidedOn,
  };
}

function viewsOf(rows: DecisionRow[], g: Governance, coop: CooperationView, today: string): DecisionView[] {
  const checkBodies = g.bodies.map((b) => ({ id: b.id, name: b.name, kind: b.kind as BodyView['kind'] }));
  const teams = coop.teams.map((t) => ({ id: t.id, name: t.name }));
  // Stored decisions that break a rule refused today (entered before it existed) stay as they are and show the finding.
  const classFlags = (d: DecisionRow): Flag[] => documentClassFindings(classInput(d, g), today).map((f) => ({ code: f.code, message: f.message }));
  return rows.map((d) => presentDecision(d, {
    bodies: g.bodies, types: g.types, teams,
    flags: [...decisionFlags({ id: d.id, bodyId: d.bodyId, decisionTypeId: d.decisionTypeId, decidedOn: d.decidedOn, orAdviceOn: d.orAdviceOn }, g.matrix, checkBodies), ...classFlags(d)],
    requiresOrAdvice: requiresOrAdvice(g.matrix, checkBodies, d.decisionTypeId),
  }));
}

/** Refuses a decision the document-class check finds impossible (a future date, a raad decision or kader as C-stuk). */
function refuseClassErrors(d: { bodyId: string; decisionTypeId: string; documentStatus: string | null; decidedOn: string }, g: Governance, today: string): void {
  const errors = documentClassErrors(classInput(d, g), today);
  if (errors.length) throw new VlechtError('VALIDATION', {}, errors.map((e) => ({ field: e.field, message: e.message, value: e.value })));
}

/** Every decision of the cooperation with the findings of the rights check (register:read). */
export async function listDecisions(ctx: Ctx, slug: string) {
  const { coop, scope } = await govContext(ctx, slug);
  const [g, rows] = await Promise.all([loadGovernance(ctx.db, coop.cooperation.id), decisionsOf(ctx.db, coop.cooperation.id)]);
  const decisions = viewsOf(rows, g, coop, isoToday(ctx));
  const c = coop.cooperation;
  return {
    cooperation: { id: c.id, slug: c.slug, name: c.name }, decisions, flagged: decisions.filter((d) => d.flags.length > 0).length,
    bodies: g.bodies.map((b) => ({ key: b.key, name: b.name })), types: g.types.map(presentDecisionType),
    teams: coop.teams.map((t) => ({ id: t.id, name: t.name })), setUp: g.setUp, may: { manage: mayManage(ctx.actor, scope) },
  };
}

/** The decisions of a cooperation by id, for report-data.ts (checks register:read). */
export async function decisionViewsOf(ctx: Ctx, slug: string): Promise<DecisionView[]> {
  return (await listDecisions(ctx, slug)).decisions;
}

export async function getDecision(ctx: Ctx, id: string) {
  const found = await findDecision(ctx.db, id);
  if (!found) throw new VlechtError('NOT_FOUND', { object: 'besluit', key: id });
  const { coop, scope } = await govContext(ctx, found.cooperationSlug);
  const g = await loadGovernance(ctx.db, coop.cooperation.id);
  return { decision: viewsOf([found.decision], g, coop, isoToday(ctx))[0], cooperation: { slug: coop.cooperation.slug, name: coop.cooperation.name }, may: { manage: mayManage(ctx.actor, scope) } };
}

function resolveRefs(data: { bodyKey: string; decisionTypeKey: string; teamIds: string[] }, g: Governance, coop: CooperationView) {
  const issues: FieldIssue[] = [];
  const body = g.bodies.find((b) => b.key === data.bodyKey);
  const type = g.types.find((t) => t.key === data.decisionTypeKey);
  if (!body) issues.push({ field: 'bodyKey', message: 'onbekend orgaan in deze samenwerking', value: data.bodyKey });
  if (!type) issues.push({ field: 'decisionTypeKey', message: 'onbekend soort besluit in deze samenwerking', value: data.decisionTypeKey });
  data.teamIds.forEach((id, i) => { if (!coop.teams.some((t) => t.id === id)) issues.push({ field: `teamIds.${i}`, message: 'dit team hoort niet bij de samenwerking', value: id }); });
  if (issues.length) throw new VlechtError('VALIDATION', {}, issues);
  return { bodyId: body!.id, decisionTypeId: type!.id };
}

const rowValues = (d: Omit<ReturnType<typeof decisionInput.parse>, 'bodyKey' | 'decisionTypeKey'>) => ({
  decidedOn: d.decidedOn, plannedOn: d.plannedOn, subject: d.subject, text: d.text, teamIds: d.teamIds, documentStatus: d.documentStatus, links: d.links,
  followUp: d.followUp, orAdviceOn: d.orAdviceOn, orAdviceReference: d.orAdviceReference, source: d.source, synthetic: d.synthetic,
});

export async function createDecision(ctx: Ctx, slug: string, input: unknown): Promise<DecisionView> {
  const data = parseInput(decisionInput, input);
  const { coop, scope } = await govContext(ctx, slug);
  const attempt = { action: 'besluit.aanmaken', objectType: 'besluit', objectId: data.subject };
  await requireMutationAccess(ctx, 'governance:manage', scope, attempt);
  return mutate(ctx, async (tx) => {
    await ensureSetup(tx, coop);
    const g = await loadGovernance(tx, coop.cooperation.id);
    const refs = resolveRefs(data, g, coop);
    refuseClassErrors({ ...refs, documentStatus: data.documentStatus, decidedOn: data.decidedOn }, g, isoToday(ctx));
    const row = await insertDecision(tx, { cooperationId: coop.cooperation.id, ...refs, ...rowValues(data) });
    const view = viewsOf([row], g, coop, isoToday(ctx))[0];
    return { value: view, audit: { ...attempt, objectId: row.id, newValue: view } };
  });
}

/** Changes the fields the patch names (If-Match version); the merged decision is validated as a whole. */
export async function updateDecision(ctx: Ctx, id: string, expectedVersion: number | undefined, input: unknown): Promise<DecisionView> {
  const patch = parseInput(decisionPatch, input);
  const found = await findDecision(ctx.db, id);
  if (!found) throw new VlechtError('NOT_FOUND', { object: 'besluit', key: id });
  const { coop, scope } = await govContext(ctx, found.cooperationSlug);
  const attempt = { action: 'besluit.wijzigen', objectType: 'besluit', objectId: id };
  await requireMutationAccess(ctx, 'governance:manage', scope, attempt);
  return mutate(ctx, async (tx) => {
    const current = (await findDecision(tx, id))!.decision;
    checkVersion(current.version, expectedVersion);
    const g = await loadGovernance(tx, coop.cooperation.id);
    const before = viewsOf([current], g, coop, isoToday(ctx))[0];
    const merged = parseInput(decisionInput, {
      ...rowValues({ ...current, documentStatus: current.documentStatus as 'A' | 'B' | 'C' | null }),
      bodyKey: before.body.key, decisionTypeKey: before.decisionType.key, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    });
    const refs = resolveRefs(merged, g, coop);
    refuseClassErrors({ ...refs, documentStatus: merged.documentStatus, decidedOn: merged.decidedOn }, g, isoToday(ctx));
    const row = await updateDecisionRow(tx, id, current.version, { ...refs, ...rowValues(merged), version: current.version + 1, updatedAt: ctx.clock() });
    if (!row) throw new VlechtError('PRECONDITION_FAILED', { current: current.version + 1, expected: expectedVersion });
    const after = viewsOf([row], g, coop, isoToday(ctx))[0];
    return { value: after, audit: { ...attempt, oldValue: before, newValue: after } };
  });
}
