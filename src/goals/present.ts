/**
 * Rows of the goals tables as plain values for the API, the audit trail and the view
 * models: explicit fields, decimals normalised ("41.2000" → "41.2"), dates as ISO.
 */
import { normalise } from './decimal.ts';
import type { GoalRow, KpiRow, MeasurementRow, RecommendationRow, StatusChangeRow, TargetRow } from './queries.ts';

const decimalOrNull = (v: string | null) => (v === null ? null : normalise(v));

export const presentGoalRow = (g: GoalRow) => ({
  id: g.id, cooperationId: g.cooperationId, teamId: g.teamId, criterion: g.criterion, title: g.title, description: g.description,
  ownerName: g.ownerName, status: g.status, recommendationId: g.recommendationId, source: g.source, version: g.version,
});

export const presentKpiRow = (k: KpiRow) => ({
  id: k.id, goalId: k.goalId, name: k.name, unit: k.unit, direction: k.direction,
  baselineValue: decimalOrNull(k.baselineValue), baselineDate: k.baselineDate, baselineSource: k.baselineSource, baselineReason: k.baselineReason,
  deadline: k.deadline, source: k.source, derivation: k.derivation, version: k.version,
});

export const presentTarget = (t: TargetRow) => ({
  id: t.id, kpiId: t.kpiId, targetDate: t.targetDate, value: normalise(t.value), setOn: t.setOn, source: t.source, recordedBy: t.recordedBy,
});

export const presentMeasurement = (m: MeasurementRow) => ({
  id: m.id, kpiId: m.kpiId, value: normalise(m.value), measuredOn: m.measuredOn, source: m.source,
  recordedBy: m.recordedBy, derived: m.derived, method: m.method,
});

export const presentStatusChange = (s: StatusChangeRow) => ({
  id: s.id, goalId: s.goalId, from: s.fromStatus, to: s.toStatus, decidedOn: s.decidedOn,
  decisionReference: s.decisionReference, note: s.note, recordedBy: s.recordedBy,
});

export const presentRecommendation = (r: RecommendationRow) => ({ id: r.id, source: r.source, number: r.number, text: r.text, version: r.version });

export type MeasurementView = ReturnType<typeof presentMeasurement>;
export type TargetView = ReturnType<typeof presentTarget>;
export type RecommendationView = ReturnType<typeof presentRecommendation>;
