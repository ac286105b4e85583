/**
 * Governance tables.
 * - gov_setup: one row per cooperation once its bodies and decision types exist; its
 *   version guards edits of the decision-rights matrix as a whole;
 * - gov_body: decision-making bodies (also councils and committees with their meeting
 *   calendar and lead time); a committee advises the council `committee_for_body_id`;
 * - gov_decision_type, gov_right: the decision-rights matrix (type × body → right);
 * - gov_decision: the decisions register, with the OR advice on record;
 * - gov_commitment: council questions, toezeggingen, moties, accountant findings;
 * - gov_milestone: the route plan (dependencies as a list of milestone ids);
 * - gov_meeting: meeting dates per body (hand, iCalendar or CSV);
 * - gov_form_note: the cooperation's own notes per form of cooperation.
 */
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, integer, boolean, date, timestamp, jsonb, index, unique, check } from 'drizzle-orm/pg-core';
import { cooperation, municipality, team } from '../register/tables.ts';
import { auditRecommendation } from '../goals/tables.ts';

const audited = {
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export interface DecisionLink { label: string; url: string | null; oriId: string | null }

export const govSetup = pgTable('gov_setup', {
  cooperationId: uuid('cooperation_id').primaryKey().references(() => cooperation.id),
  ...audited,
});

export const govBody = pgTable('gov_body', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperation.id),
  key: text('key').notNull(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  municipalityId: uuid('municipality_id').references(() => municipality.id),
  // No foreign key on purpose: backup/restore orders tables, not rows, so a self-reference
  // could be restored before the row it points to. The service checks it instead.
  committeeForBodyId: uuid('committee_for_body_id'),
  leadDays: integer('lead_days').notNull().default(0),
  sortOrder: integer('sort_order').notNull().default(0),
  ...audited,
}, (t) => [
  unique('gov_body_key').on(t.cooperationId, t.key),
  check('gov_body_kind', sql`${t.kind} in ('gezamenlijk-mt', 'directie', 'teammanager', 'college', 'raad', 'commissie', 'or', 'go')`),
  check('gov_body_lead_days', sql`${t.leadDays} between 0 and 365`),
]);

export const govDecisionType = pgTable('gov_decision_type', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperation.id),
  key: text('key').notNull(),
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  ...audited,
}, (t) => [unique('gov_decision_type_key').on(t.cooperationId, t.key)]);

export const govRight = pgTable('gov_right', {
  decisionTypeId: uuid('decision_type_id').notNull().references(() => govDecisionType.id),
  bodyId: uuid('body_id').notNull().references(() => govBody.id),
  right: text('right').notNull(),
}, (t) => [
  unique('gov_right_cell').on(t.decisionTypeId, t.bodyId),
  check('gov_right_right', sql`${t.right} in ('besluit', 'adviseert', 'geinformeerd')`),
]);

export const govDecision = pgTable('gov_decision', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperation.id),
  decidedOn: date('decided_on').notNull(),
  /** When the decision is planned to be taken (may lie ahead); decidedOn never does. */
  plannedOn: date('planned_on'),
  bodyId: uuid('body_id').notNull().references(() => govBody.id),
  decisionTypeId: uuid('decision_type_id').notNull().references(() => govDecisionType.id),
  subject: text('subject').notNull(),
  text: text('text').notNull().default(''),
  teamIds: jsonb('team_ids').$type<string[]>().notNull().default([]),
  documentStatus: text('document_status'),
  links: jsonb('links').$type<DecisionLink[]>().notNull().default([]),
  followUp: text('follow_up').notNull().default(''),
  orAdviceOn: date('or_advice_on'),
  orAdviceReference: text('or_advice_reference').notNull().default(''),
  source: text('source').notNull().default(''),
  synthetic: boolean('synthetic').notNull().default(false),
  ...audited,
}, (t) => [
  index('gov_decision_cooperation').on(t.cooperationId, t.decidedOn),
  check('gov_decision_document_status', sql`${t.documentStatus} is null or ${t.documentStatus} in ('A', 'B', 'C')`),
]);

export const govCommitment = pgTable('gov_commitment', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperation.id),
  kind: text('kind').notNull(),
  reference: text('reference').notNull().default(''),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  municipalityId: uuid('municipality_id').references(() => municipality.id),
  ownerName: text('owner_name').notNull().default(''),
  madeOn: date('made_on').notNull(),
  dueOn: date('due_on'),
  status: text('status').notNull().default('nieuw'),
  closedOn: date('closed_on'),
  followUp: text('follow_up').notNull().default(''),
  recommendationId: uuid('recommendation_id').references(() => auditRecommendation.id),
  decisionId: uuid('decision_id').references(() => govDecision.id),
  source: text('source').notNull().default(''),
  synthetic: boolean('synthetic').notNull().default(false),
  ...audited,
}, (t) => [
  index('gov_commitment_cooperation').on(t.cooperationId, t.dueOn),
  check('gov_commitment_kind', sql`${t.kind} in ('raadsvraag', 'toezegging', 'motie', 'accountantsbevinding', 'aanbeveling-rekenkamer')`),
  check('gov_commitment_status', sql`${t.status} in ('nieuw', 'in-behandeling', 'afgedaan')`),
  check('gov_commitment_closed', sql`(${t.status} = 'afgedaan') = (${t.closedOn} is not null)`),
]);

export const govMilestone = pgTable('gov_milestone', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperation.id),
  teamId: uuid('team_id').references(() => team.id),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  dueOn: date('due_on').notNull(),
  status: text('status').notNull().default('gepland'),
  completedOn: date('completed_on'),
  dependsOn: jsonb('depends_on').$type<string[]>().notNull().default([]),
  risks: text('risks').notNull().default(''),
  source: text('source').notNull().default(''),
  synthetic: boolean('synthetic').notNull().default(false),
  ...audited,
}, (t) => [
  index('gov_milestone_cooperation').on(t.cooperationId, t.dueOn),
  check('gov_milestone_status', sql`${t.status} in ('gepland', 'loopt', 'gereed', 'vervallen')`),
]);

export const govMeeting = pgTable('gov_meeting', {
  id: uuid('id').primaryKey().defaultRandom(),
  bodyId: uuid('body_id').notNull().references(() => govBody.id),
  meetingOn: date('meeting_on').notNull(),
  title: text('title').notNull().default(''),
  uid: text('uid').notNull().default(''),
  origin: text('origin').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  unique('gov_meeting_once').on(t.bodyId, t.meetingOn),
  check('gov_meeting_origin', sql`${t.origin} in ('hand', 'ics', 'csv', 'demo')`),
]);

export const govFormNote = pgTable('gov_form_note', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperation.id),
  formKey: text('form_key').notNull(),
  pros: text('pros').notNull().default(''),
  cons: text('cons').notNull().default(''),
  personnel: text('personnel').notNull().default(''),
  financial: text('financial').notNull().default(''),
  ...audited,
}, (t) => [unique('gov_form_note_once').on(t.cooperationId, t.formKey)]);
