/**
 * The decision-rights check (pure): flags a decision taken by a body that has no
 * 'besluit' right for its decision type, a decision whose type requires advice of an
 * ondernemingsraad without an OR advice on record, and an OR advice dated after the
 * decision (seed 000 §4.4: the advice was asked after vervlechting had started).
 */
import { RIGHT_WORDS, type BodyKind, type Right } from './catalogue.ts';

export interface CheckBody { id: string; name: string; kind: BodyKind }
export interface CheckDecision { id: string; bodyId: string; decisionTypeId: string; decidedOn: string; orAdviceOn: string | null }
/** rights[decisionTypeId][bodyId] */
export type RightsMatrix = Record<string, Record<string, Right | undefined> | undefined>;

import type { DocumentClassCode } from './document-class.ts';

export type FlagCode = 'geen-besluitrecht' | 'or-advies-ontbreekt' | 'or-advies-na-besluit' | DocumentClassCode;
export interface Flag { code: FlagCode; message: string }

export function rightOf(matrix: RightsMatrix, typeId: string, bodyId: string): Right | null {
  return matrix[typeId]?.[bodyId] ?? null;
}

/** True when some ondernemingsraad in the matrix advises on this decision type. */
export function requiresOrAdvice(matrix: RightsMatrix, bodies: CheckBody[], typeId: string): boolean {
  return bodies.some((b) => b.kind === 'or' && rightOf(matrix, typeId, b.id) === 'adviseert');
}

export function decisionFlags(d: CheckDecision, matrix: RightsMatrix, bodies: CheckBody[]): Flag[] {
  const flags: Flag[] = [];
  const body = bodies.find((b) => b.id === d.bodyId);
  const right = rightOf(matrix, d.decisionTypeId, d.bodyId);
  if (right !== 'besluit') {
    const deciders = bodies.filter((b) => rightOf(matrix, d.decisionTypeId, b.id) === 'besluit').map((b) => b.name);
    flags.push({
      code: 'geen-besluitrecht',
      message: `${body?.name ?? 'Dit orgaan'} ${right ? RIGHT_WORDS[right] : 'heeft geen rol'} bij dit soort besluit en mag het niet nemen`
        + (deciders.length ? `; besluitrecht: ${deciders.join(', ')}` : '; niemand heeft besluitrecht in de matrix'),
    });
  }
  if (requiresOrAdvice(matrix, bodies, d.decisionTypeId)) {
    if (d.orAdviceOn === null) flags.push({ code: 'or-advies-ontbreekt', message: 'De ondernemingsraad adviseert over dit soort besluit, maar er is geen OR-advies vastgelegd' });
    else if (d.orAdviceOn > d.decidedOn) flags.push({ code: 'or-advies-na-besluit', message: 'Het OR-advies is van na het besluit; het advies moet vooraf worden gevraagd' });
  }
  return flags;
}

/** Flags per decision id (only decisions with at least one flag). */
export function checkDecisions(decisions: CheckDecision[], matrix: RightsMatrix, bodies: CheckBody[]): Map<string, Flag[]> {
  const out = new Map<string, Flag[]>();
  for (const d of decisions) {
    const flags = decisionFlags(d, matrix, bodies);
    if (flags.length) out.set(d.id, flags);
  }
  return out;
}
