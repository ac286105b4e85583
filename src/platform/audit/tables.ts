/** The append-only, hash-chained audit trail (BIO2 8.15.01). */
import { pgTable, bigint, text, uuid, jsonb } from 'drizzle-orm/pg-core';

export const auditEvent = pgTable('audit_event', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  occurredAt: text('occurred_at').notNull(),
  actorUserId: uuid('actor_user_id'),
  actorLabel: text('actor_label').notNull(),
  roleContext: text('role_context').notNull(),
  action: text('action').notNull(),
  objectType: text('object_type').notNull(),
  objectId: text('object_id').notNull(),
  result: text('result').notNull(),
  origin: text('origin').notNull(),
  oldValue: jsonb('old_value'),
  newValue: jsonb('new_value'),
  reason: text('reason'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});
