/**
 * The one error type domain code throws. The HTTP edge maps `code` to a status and a
 * Dutch message (i18n); the CLI maps it to an exit code. Never carries SQL or stack text
 * to users.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  | 'DUPLICATE'
  | 'PRECONDITION_REQUIRED'
  | 'PRECONDITION_FAILED'
  | 'TOO_MANY_ATTEMPTS'
  | 'DATA_DIR_LOCKED'
  | 'BAD_CREDENTIALS'
  | 'SECOND_FACTOR_REQUIRED'
  | 'SECOND_FACTOR_ENROLMENT_REQUIRED'
  | 'SECOND_FACTOR_ALREADY_SET'
  | 'SETUP_TOKEN_INVALID'
  | 'RESTORE_TARGET_NOT_EMPTY'
  | 'BACKUP_INVALID'
  | 'UNAVAILABLE'
  | 'MIGRATIONS_NOT_PERMITTED'
  | 'DATABASE_ROLE';

export interface FieldIssue {
  /** Field path as the client sent it, e.g. `naam` or `regels.3.uren`. */
  field: string;
  message: string;
  value?: unknown;
  row?: number;
}

export class VlechtError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
    readonly issues: FieldIssue[] = [],
  ) {
    super(code);
    this.name = 'VlechtError';
  }
}

export const isVlechtError = (e: unknown): e is VlechtError => e instanceof VlechtError;
