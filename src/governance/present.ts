/**
 * View models of governance: explicit fields, never raw rows; dates as ISO strings. Pages,
 * API, exports and report-data.ts all use these, so a figure cannot differ between them.
 */
import {
  BODY_KIND_WORDS, COMMITMENT_KIND_WORDS, COMMITMENT_STATUS_WORDS, DOCUMENT_STATUS_WORDS, MILESTONE_STATUS_WORDS,
  type BodyKind, type CommitmentKind, type CommitmentStatus, type DocumentStatus, type MilestoneStatus, type Right, type ShownCommitmentStatus,
} from './catalogue.ts';
import type { Flag } from './rights.ts';
import type { BodyRow, CommitmentRow, DecisionRow, DecisionTypeRow, MilestoneRow } from './queries.ts';
import type { DecisionLink } from './tables.ts';
import { commitmentStatus, milestoneStatus } from './status.ts';

export interface Named { id: string; name: string }

export interface BodyView {
  id: string; key: string; name: string; kind: BodyKind; kindWords: string;
  municipality: { id: string; cbsCode: string; name: string } | null;
  committeeFor: { id: string; key: string; name: string } | null;
  leadDays: number; version: number;
}

export function presentBody(b: BodyRow, all: BodyRow[], municipalities: { id: string; cbsCode: string; name: string }[]): BodyView {
  const council = all.find((x) => x.id === b.committeeForBodyId);
  const m = municipalities.find((x) => x.id === b.municipalityId);
  return {
    id: b.id, key: b.key, name: b.name, kind: b.kind as BodyKind, kindWords: BODY_KIND_WORDS[b.kind as BodyKind] ?? b.kind,
    municipality: m ? { id: m.id, cbsCode: m.cbsCode, name: m.name } : null,
    committeeFor: council ? { id: council.id, key: council.key, name: council.name } : null,
    leadDays: b.leadDays, version: b.version,
  };
}

export interface DecisionTypeView { id: string; key: string; name: string }
export const presentDecisionType = (t: DecisionTypeRow): DecisionTypeView => ({ id: t.id, key: t.key, name: t.name });

export interface MatrixView {
  version: number;
  types: DecisionTypeView[];
  bodies: { id: string; key: string; name: string; kind: BodyKind }[];
  /** cells[typeKey][bodyKey]; absent = no role. */
  cells: Record<string, Record<string, Right>>;
}

export interface DecisionView {
  id: string; decidedOn: string;
  /** When the decision was or is planned; null when not recorded. */
  plannedOn: string | null;
  body: { key: string; name: string; kind: BodyKind };
  decisionType: { key: string; name: string };
  subject: string; text: string;
  teams: Named[];
  documentStatus: DocumentStatus | null; documentStatusWords: string;
  links: DecisionLink[];
  followUp: string;
  orAdvice: { on: string; reference: string } | null;
  requiresOrAdvice: boolean;
  /** Findings of the decision-rights check; empty when in order. */
  flags: Flag[];
  source: string; synthetic: boolean; version: number;
}

export function presentDecision(d: DecisionRow, ctx: { bodies: BodyRow[]; types: DecisionTypeRow[]; teams: Named[]; flags: Flag[]; requiresOrAdvice: boolean }): DecisionView {
  const body = ctx.bodies.find((b) => b.id === d.bodyId);
  const type = ctx.types.find((t) => t.id === d.decisionTypeId);
  const status = d.documentStatus as DocumentStatus | null;
  return {
    id: d.id, decidedOn: d.decidedOn, plannedOn: d.plannedOn ?? null,
    body: { key: body?.key ?? '', name: body?.name ?? '', kind: (body?.kind ?? 'directie') as BodyKind },
    decisionType: { key: type?.key ?? '', name: type?.name ?? '' },
    subject: d.subject, text: d.text,
    teams: d.teamIds.map((id) => ctx.teams.find((t) => t.id === id) ?? { id, name: 'onbekend team' }),
    documentStatus: status, documentStatusWords: status ? DOCUMENT_STATUS_WORDS[status] : 'geen stuk voor de raad',
    links: d.links, followUp: d.followUp,
    orAdvice: d.orAdviceOn ? { on: d.orAdviceOn, reference: d.orAdviceReference } : null,
    requiresOrAdvice: ctx.requiresOrAdvice, flags: ctx.flags,
    source: d.source, synthetic: d.synthetic, version: d.version,
  };
}

export interface CommitmentView {
  id: string; kind: CommitmentKind; kindWords: string; reference: string; title: string; description: string;
  municipality: { cbsCode: string; name: string } | null;
  ownerName: string; madeOn: string; dueOn: string | null;
  /** Stored status. */
  status: CommitmentStatus;
  /** Shown status: 'te-laat' when open past the due date. */
  shownStatus: ShownCommitmentStatus; shownStatusWords: string;
  closedOn: string | null; followUp: string;
  recommendation: { id: string; number: string; text: string } | null;
  decision: { id: string; subject: string; decidedOn: string } | null;
  source: string; synthetic: boolean; version: number;
}

export function presentCommitment(c: CommitmentRow, today: string, refs: {
  municipalities: { id: string; cbsCode: string; name: string }[];
  recommendations: { id: string; number: string; text: string }[];
  decisions: { id: string; subject: string; decidedOn: string }[];
}): CommitmentView {
  const shown = commitmentStatus(c.status as CommitmentStatus, c.dueOn, today);
  const m = refs.municipalities.find((x) => x.id === c.municipalityId);
  const r = refs.recommendations.find((x) => x.id === c.recommendationId);
  const d = refs.decisions.find((x) => x.id === c.decisionId);
  return {
    id: c.id, kind: c.kind as CommitmentKind, kindWords: COMMITMENT_KIND_WORDS[c.kind as CommitmentKind] ?? c.kind,
    reference: c.reference, title: c.title, description: c.description,
    municipality: m ? { cbsCode: m.cbsCode, name: m.name } : null,
    ownerName: c.ownerName, madeOn: c.madeOn, dueOn: c.dueOn, status: c.status as CommitmentStatus,
    shownStatus: shown, shownStatusWords: COMMITMENT_STATUS_WORDS[shown],
    closedOn: c.closedOn, followUp: c.followUp,
    recommendation: r ? { id: r.id, number: r.number, text: r.text } : null,
    decision: d ? { id: d.id, subject: d.subject, decidedOn: d.decidedOn } : null,
    source: c.source, synthetic: c.synthetic, version: c.version,
  };
}

export interface MilestoneView {
  id: string; title: string; description: string; team: Named | null; dueOn: string;
  status: MilestoneStatus; shownStatus: MilestoneStatus | 'te-laat'; shownStatusWords: string;
  completedOn: string | null;
  dependsOn: { id: string; title: string; dueOn: string }[];
  /** Dependencies due after this milestone: the plan cannot be met as dated. */
  conflicts: string[];
  risks: string; source: string; synthetic: boolean; version: number;
}

export function presentMilestone(m: MilestoneRow, today: string, all: MilestoneRow[], teams: Named[], conflicts: string[]): MilestoneView {
  const shown = milestoneStatus(m.status as MilestoneStatus, m.dueOn, today);
  return {
    id: m.id, title: m.title, description: m.description, team: teams.find((t) => t.id === m.teamId) ?? null, dueOn: m.dueOn,
    status: m.status as MilestoneStatus, shownStatus: shown, shownStatusWords: MILESTONE_STATUS_WORDS[shown], completedOn: m.completedOn,
    dependsOn: m.dependsOn.map((id) => all.find((x) => x.id === id)).filter((x) => x !== undefined).map((x) => ({ id: x.id, title: x.title, dueOn: x.dueOn })),
    conflicts, risks: m.risks, source: m.source, synthetic: m.synthetic, version: m.version,
  };
}
