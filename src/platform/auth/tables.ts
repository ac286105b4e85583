/** Accounts, role grants, sessions, login throttling and the one-time setup token. */
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, integer, bigint, boolean, timestamp, check, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { cooperation, municipality, team } from '../../register/tables.ts';

export const appUser = pgTable('app_user', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  active: boolean('active').notNull().default(true),
  locale: text('locale').notNull().default('nl'),
  /**
   * TOTP second factor (RFC 6238, BIO2 5.17.01): the base32 secret, pending until
   * `totpConfirmedAt` is set by a first correct code. `totpLastCounter` is the time step of
   * the last accepted code, so a code works once (replay protection).
   */
  totpSecret: text('totp_secret'),
  totpConfirmedAt: timestamp('totp_confirmed_at', { withTimezone: true }),
  totpLastCounter: bigint('totp_last_counter', { mode: 'number' }),
  /**
   * The identity provider's account bound at the first OIDC sign-in (`iss` + `sub`): later
   * sign-ins must come from that same account, so an e-mail address reassigned at the
   * provider does not open this account. Cleared by a beheerder (`vlecht user reset-oidc`).
   */
  oidcIssuer: text('oidc_issuer'),
  oidcSubject: text('oidc_subject'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('app_user_oidc_account').on(t.oidcIssuer, t.oidcSubject)]);

/**
 * A role for a user within one scope. beheerder may be global (no scope); other roles are
 * granted per municipality, per cooperation or (teammanager) per team.
 */
export const roleGrant = pgTable('role_grant', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => appUser.id, { onDelete: 'cascade' }),
  role: text('role').notNull(),
  municipalityId: uuid('municipality_id').references(() => municipality.id),
  cooperationId: uuid('cooperation_id').references(() => cooperation.id),
  teamId: uuid('team_id').references(() => team.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('role_grant_user').on(t.userId),
  check('role_grant_one_scope', sql`num_nonnulls(${t.municipalityId}, ${t.cooperationId}, ${t.teamId}) <= 1`),
]);

/** Server-side session; only the SHA-256 of the token is stored. */
export const session = pgTable('session', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull().references(() => appUser.id, { onDelete: 'cascade' }),
  csrfToken: text('csrf_token').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  /** Last request on this session, kept to the minute: idle sessions end (auth.service.ts). */
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  /** The session was opened with a TOTP code, or right after setting one up (second-factor.service.ts). */
  secondFactor: boolean('second_factor').notNull().default(false),
});

/** Failed logins per key (e-mail or address) in a window; shared by all app instances. */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

export const setupToken = pgTable('setup_token', {
  tokenHash: text('token_hash').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});
