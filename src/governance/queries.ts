/** Named queries of governance. Private to this folder: other capabilities use report-data.ts or the services. */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { govBody, govCommitment, govDecision, govDecisionType, govFormNote, govMeeting, govMilestone, govRight, govSetup } from './tables.ts';
import { cooperation } from '../register/tables.ts';
import { isUuid } from '../platform/db/ids.ts';
import type { Queryable } from '../platform/db/types.ts';

export type BodyRow = typeof govBody.$inferSelect;
export type DecisionTypeRow = typeof govDecisionType.$inferSelect;
export type RightRow = typeof govRight.$inferSelect;
export type DecisionRow = typeof govDecision.$inferSelect;
export type CommitmentRow = typeof govCommitment.$inferSelect;
export type MilestoneRow = typeof govMilestone.$inferSelect;
export type MeetingRow = typeof govMeeting.$inferSelect;
export type FormNoteRow = typeof govFormNote.$inferSelect;
export type SetupRow = typeof govSetup.$inferSelect;

export const setupOf = async (q: Queryable, cooperationId: string): Promise<SetupRow | undefined> =>
  (await q.select().from(govSetup).where(eq(govSetup.cooperationId, cooperationId)).limit(1))[0];
/** Undefined when another transaction set the cooperation up first. */
export const insertSetup = async (q: Queryable, cooperationId: string) => (await q.insert(govSetup).values({ cooperationId }).onConflictDoNothing().returning())[0];
/** Bumps the matrix version only while it is still `version`; undefined when another writer won. */
export const bumpSetup = async (q: Queryable, cooperationId: string, version: number, at: Date) =>
  (await q.update(govSetup).set({ version: version + 1, updatedAt: at }).where(and(eq(govSetup.cooperationId, cooperationId), eq(govSetup.version, version))).returning())[0];

export const bodiesOf = (q: Queryable, cooperationId: string): Promise<BodyRow[]> =>
  q.select().from(govBody).where(eq(govBody.cooperationId, cooperationId)).orderBy(asc(govBody.sortOrder), asc(govBody.name));
export const insertBody = async (q: Queryable, row: typeof govBody.$inferInsert) => (await q.insert(govBody).values(row).returning())[0];
export const updateBodyRow = async (q: Queryable, id: string, version: number, set: Partial<typeof govBody.$inferInsert>) =>
  (await q.update(govBody).set(set).where(and(eq(govBody.id, id), eq(govBody.version, version))).returning())[0];

export const decisionTypesOf = (q: Queryable, cooperationId: string): Promise<DecisionTypeRow[]> =>
  q.select().from(govDecisionType).where(eq(govDecisionType.cooperationId, cooperationId)).orderBy(asc(govDecisionType.sortOrder), asc(govDecisionType.name));
export const insertDecisionType = async (q: Queryable, row: typeof govDecisionType.$inferInsert) => (await q.insert(govDecisionType).values(row).returning())[0];

export const rightsOf = (q: Queryable, typeIds: string[]): Promise<RightRow[]> =>
  typeIds.length === 0 ? Promise.resolve([]) : q.select().from(govRight).where(inArray(govRight.decisionTypeId, typeIds));
export const insertRights = async (q: Queryable, rows: (typeof govRight.$inferInsert)[]) => { if (rows.length) await q.insert(govRight).values(rows); };
export const deleteRight = (q: Queryable, decisionTypeId: string, bodyId: string) =>
  q.delete(govRight).where(and(eq(govRight.decisionTypeId, decisionTypeId), eq(govRight.bodyId, bodyId)));

export const decisionsOf = (q: Queryable, cooperationId: string): Promise<DecisionRow[]> =>
  q.select().from(govDecision).where(eq(govDecision.cooperationId, cooperationId)).orderBy(desc(govDecision.decidedOn), asc(govDecision.subject));
export async function findDecision(q: Queryable, id: string): Promise<{ decision: DecisionRow; cooperationSlug: string } | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await q.select({ decision: govDecision, cooperationSlug: cooperation.slug }).from(govDecision)
    .innerJoin(cooperation, eq(cooperation.id, govDecision.cooperationId)).where(eq(govDecision.id, id)).limit(1);
  return row;
}
export const insertDecision = async (q: Queryable, row: typeof govDecision.$inferInsert) => (await q.insert(govDecision).values(row).returning())[0];
export const updateDecisionRow = async (q: Queryable, id: string, version: number, set: Partial<typeof govDecision.$inferInsert>) =>
  (await q.update(govDecision).set(set).where(and(eq(govDecision.id, id), eq(govDecision.version, version))).returning())[0];

export const commitmentsOf = (q: Queryable, cooperationId: string): Promise<CommitmentRow[]> =>
  q.select().from(govCommitment).where(eq(govCommitment.cooperationId, cooperationId)).orderBy(asc(govCommitment.dueOn), asc(govCommitment.madeOn), asc(govCommitment.title));
export async function findCommitment(q: Queryable, id: string): Promise<{ commitment: CommitmentRow; cooperationSlug: string } | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await q.select({ commitment: govCommitment, cooperationSlug: cooperation.slug }).from(govCommitment)
    .innerJoin(cooperation, eq(cooperation.id, govCommitment.cooperationId)).where(eq(govCommitment.id, id)).limit(1);
  return row;
}
export const insertCommitment = async (q: Queryable, row: typeof govCommitment.$inferInsert) => (await q.insert(govCommitment).values(row).returning())[0];
export const updateCommitmentRow = async (q: Queryable, id: string, version: number, set: Partial<typeof govCommitment.$inferInsert>) =>
  (await q.update(govCommitment).set(set).where(and(eq(govCommitment.id, id), eq(govCommitment.version, version))).returning())[0];

export const milestonesOf = (q: Queryable, cooperationId: string): Promise<MilestoneRow[]> =>
  q.select().from(govMilestone).where(eq(govMilestone.cooperationId, cooperationId)).orderBy(asc(govMilestone.dueOn), asc(govMilestone.title));
export async function findMilestone(q: Queryable, id: string): Promise<{ milestone: MilestoneRow; cooperationSlug: string } | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await q.select({ milestone: govMilestone, cooperationSlug: cooperation.slug }).from(govMilestone)
    .innerJoin(cooperation, eq(cooperation.id, govMilestone.cooperationId)).where(eq(govMilestone.id, id)).limit(1);
  return row;
}
export const insertMilestone = async (q: Queryable, row: typeof govMilestone.$inferInsert) => (await q.insert(govMilestone).values(row).returning())[0];
export const updateMilestoneRow = async (q: Queryable, id: string, version: number, set: Partial<typeof govMilestone.$inferInsert>) =>
  (await q.update(govMilestone).set(set).where(and(eq(govMilestone.id, id), eq(govMilestone.version, version))).returning())[0];

export const meetingsOf = (q: Queryable, bodyIds: string[]): Promise<MeetingRow[]> =>
  bodyIds.length === 0 ? Promise.resolve([]) : q.select().from(govMeeting).where(inArray(govMeeting.bodyId, bodyIds)).orderBy(asc(govMeeting.meetingOn));
/** Inserts meetings that are not there yet (same body and day); returns the rows actually added. */
export const insertMeetings = async (q: Queryable, rows: (typeof govMeeting.$inferInsert)[]) =>
  rows.length === 0 ? [] : q.insert(govMeeting).values(rows).onConflictDoNothing({ target: [govMeeting.bodyId, govMeeting.meetingOn] }).returning();
export const deleteMeeting = async (q: Queryable, id: string) => (await q.delete(govMeeting).where(eq(govMeeting.id, id)).returning())[0];
export async function findMeeting(q: Queryable, id: string) {
  if (!isUuid(id)) return undefined;
  const [row] = await q.select({ meeting: govMeeting, body: govBody, cooperationSlug: cooperation.slug }).from(govMeeting)
    .innerJoin(govBody, eq(govBody.id, govMeeting.bodyId)).innerJoin(cooperation, eq(cooperation.id, govBody.cooperationId))
    .where(eq(govMeeting.id, id)).limit(1);
  return row;
}

export const formNotesOf = (q: Queryable, cooperationId: string): Promise<FormNoteRow[]> =>
  q.select().from(govFormNote).where(eq(govFormNote.cooperationId, cooperationId));
export const insertFormNote = async (q: Queryable, row: typeof govFormNote.$inferInsert) => (await q.insert(govFormNote).values(row).returning())[0];
export const updateFormNoteRow = async (q: Queryable, id: string, version: number, set: Partial<typeof govFormNote.$inferInsert>) =>
  (await q.update(govFormNote).set(set).where(and(eq(govFormNote.id, id), eq(govFormNote.version, version))).returning())[0];

/** The slug of a cooperation by id (report-data.ts takes ids; the services take slugs). */
export async function cooperationSlugById(q: Queryable, id: string): Promise<string | undefined> {
  if (!isUuid(id)) return undefined;
  return (await q.select({ slug: cooperation.slug }).from(cooperation).where(eq(cooperation.id, id)).limit(1))[0]?.slug;
}
