/** Named queries of goals, KPIs, targets and measurements. Private to this folder: other capabilities use the services. */
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { auditRecommendation, goal, goalStatusChange, kpi, kpiTarget, measurement } from './tables.ts';
import { cooperation } from '../register/tables.ts';
import { isUuid } from '../platform/db/ids.ts';
import type { Queryable } from '../platform/db/types.ts';

export type GoalRow = typeof goal.$inferSelect;
export type KpiRow = typeof kpi.$inferSelect;
export type TargetRow = typeof kpiTarget.$inferSelect;
export type MeasurementRow = typeof measurement.$inferSelect;
export type StatusChangeRow = typeof goalStatusChange.$inferSelect;
export type RecommendationRow = typeof auditRecommendation.$inferSelect;

export const recommendationsOf = (q: Queryable, cooperationId: string): Promise<RecommendationRow[]> =>
  q.select().from(auditRecommendation).where(eq(auditRecommendation.cooperationId, cooperationId))
    .orderBy(asc(auditRecommendation.source), asc(auditRecommendation.number));
export const insertRecommendation = async (q: Queryable, row: typeof auditRecommendation.$inferInsert) =>
  (await q.insert(auditRecommendation).values(row).returning())[0];

export const insertGoal = async (q: Queryable, row: typeof goal.$inferInsert): Promise<GoalRow> => (await q.insert(goal).values(row).returning())[0];
/** Updates only while the row still has the version before `set.version` (optimistic concurrency); undefined when another writer got there first. */
export const updateGoalRow = async (q: Queryable, id: string, set: Partial<typeof goal.$inferInsert>): Promise<GoalRow | undefined> =>
  (await q.update(goal).set(set).where(set.version ? and(eq(goal.id, id), eq(goal.version, set.version - 1)) : eq(goal.id, id)).returning())[0];

/** A goal with the slug of its cooperation (the register service looks cooperations up by slug). */
export async function findGoalById(q: Queryable, id: string): Promise<{ goal: GoalRow; cooperationSlug: string } | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await q.select({ goal, cooperationSlug: cooperation.slug }).from(goal)
    .innerJoin(cooperation, eq(cooperation.id, goal.cooperationId)).where(eq(goal.id, id)).limit(1);
  return row;
}

export const goalsOfCooperation = (q: Queryable, cooperationId: string): Promise<GoalRow[]> =>
  q.select().from(goal).where(eq(goal.cooperationId, cooperationId)).orderBy(asc(goal.criterion), asc(goal.createdAt), asc(goal.id));

export const statusChangesOf = (q: Queryable, goalIds: string[]): Promise<StatusChangeRow[]> =>
  goalIds.length === 0 ? Promise.resolve([]) : q.select().from(goalStatusChange).where(inArray(goalStatusChange.goalId, goalIds))
    .orderBy(asc(goalStatusChange.decidedOn), asc(goalStatusChange.createdAt));
export const insertStatusChange = async (q: Queryable, row: typeof goalStatusChange.$inferInsert): Promise<StatusChangeRow> =>
  (await q.insert(goalStatusChange).values(row).returning())[0];

export const kpisOfGoals = (q: Queryable, goalIds: string[]): Promise<KpiRow[]> =>
  goalIds.length === 0 ? Promise.resolve([]) : q.select().from(kpi).where(inArray(kpi.goalId, goalIds)).orderBy(asc(kpi.createdAt), asc(kpi.name));
export const insertKpi = async (q: Queryable, row: typeof kpi.$inferInsert): Promise<KpiRow> => (await q.insert(kpi).values(row).returning())[0];
/** As updateGoalRow: conditional on the previous version. */
export const updateKpiRow = async (q: Queryable, id: string, set: Partial<typeof kpi.$inferInsert>): Promise<KpiRow | undefined> =>
  (await q.update(kpi).set(set).where(set.version ? and(eq(kpi.id, id), eq(kpi.version, set.version - 1)) : eq(kpi.id, id)).returning())[0];

/** A KPI with its goal and the slug of the goal's cooperation. */
export async function findKpiById(q: Queryable, id: string): Promise<{ kpi: KpiRow; goal: GoalRow; cooperationSlug: string } | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await q.select({ kpi, goal, cooperationSlug: cooperation.slug }).from(kpi)
    .innerJoin(goal, eq(goal.id, kpi.goalId)).innerJoin(cooperation, eq(cooperation.id, goal.cooperationId)).where(eq(kpi.id, id)).limit(1);
  return row;
}

export const targetsOfKpis = (q: Queryable, kpiIds: string[]): Promise<TargetRow[]> =>
  kpiIds.length === 0 ? Promise.resolve([]) : q.select().from(kpiTarget).where(inArray(kpiTarget.kpiId, kpiIds))
    .orderBy(asc(kpiTarget.targetDate), asc(kpiTarget.setOn));
export const insertTarget = async (q: Queryable, row: typeof kpiTarget.$inferInsert): Promise<TargetRow> =>
  (await q.insert(kpiTarget).values(row).returning())[0];

export const measurementsOfKpis = (q: Queryable, kpiIds: string[]): Promise<MeasurementRow[]> =>
  kpiIds.length === 0 ? Promise.resolve([]) : q.select().from(measurement).where(inArray(measurement.kpiId, kpiIds)).orderBy(asc(measurement.measuredOn));
export const insertMeasurements = async (q: Queryable, rows: (typeof measurement.$inferInsert)[]): Promise<MeasurementRow[]> =>
  rows.length === 0 ? [] : q.insert(measurement).values(rows).returning();
export const updateMeasurementRow = async (q: Queryable, id: string, set: Partial<typeof measurement.$inferInsert>): Promise<MeasurementRow> =>
  (await q.update(measurement).set(set).where(eq(measurement.id, id)).returning())[0];
export const deleteMeasurementRow = (q: Queryable, id: string) => q.delete(measurement).where(eq(measurement.id, id));

/** A measurement with the ids needed to check access (its KPI's goal). */
export async function findMeasurementById(q: Queryable, id: string) {
  if (!isUuid(id)) return undefined;
  const [row] = await q.select({ measurement, goalId: kpi.goalId }).from(measurement)
    .innerJoin(kpi, eq(kpi.id, measurement.kpiId)).where(eq(measurement.id, id)).limit(1);
  return row;
}

export const measurementOn = async (q: Queryable, kpiId: string, day: string): Promise<MeasurementRow | undefined> =>
  (await q.select().from(measurement).where(and(eq(measurement.kpiId, kpiId), eq(measurement.measuredOn, day))).limit(1))[0];

/** KPIs with a derivation, with their goal's title and cooperation, for the scheduled run. */
export const derivedKpis = (q: Queryable) =>
  q.select({ id: kpi.id, name: kpi.name, derivation: kpi.derivation, goalTitle: goal.title, cooperationSlug: cooperation.slug })
    .from(kpi).innerJoin(goal, eq(goal.id, kpi.goalId)).innerJoin(cooperation, eq(cooperation.id, goal.cooperationId))
    .where(isNotNull(kpi.derivation)).orderBy(asc(cooperation.slug), asc(goal.title), asc(kpi.name));
