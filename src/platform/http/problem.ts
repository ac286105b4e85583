/**
 * Maps errors to HTTP once, at the edge: status codes and Dutch problem+json bodies
 * (RFC 9457, with `invalidParams` as in the Dutch API design rules). Nothing internal leaks.
 */
import { isVlechtError, type ErrorCode, type VlechtError } from '../errors.ts';
import { fieldLabel, t, type Locale, type MessageKey } from '../i18n/index.ts';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  CONFLICT: 409,
  DUPLICATE: 409,
  PRECONDITION_REQUIRED: 428,
  PRECONDITION_FAILED: 412,
  TOO_MANY_ATTEMPTS: 429,
  DATA_DIR_LOCKED: 503,
  BAD_CREDENTIALS: 401,
  SECOND_FACTOR_REQUIRED: 401,
  SECOND_FACTOR_ENROLMENT_REQUIRED: 403,
  SECOND_FACTOR_ALREADY_SET: 409,
  SETUP_TOKEN_INVALID: 400,
  RESTORE_TARGET_NOT_EMPTY: 409,
  BACKUP_INVALID: 400,
  UNAVAILABLE: 503,
  MIGRATIONS_NOT_PERMITTED: 503,
  DATABASE_ROLE: 500,
};

export interface InvalidParam {
  name: string;
  label: string;
  reason: string;
  value?: unknown;
  row?: number;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  invalidParams?: InvalidParam[];
  instance?: string;
}

/** Short, safe rendering of a received value for messages. */
export function showValue(v: unknown): string {
  if (v === undefined) return '(leeg)';
  const s = typeof v === 'string' ? `"${v}"` : JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

export function invalidParamText(locale: Locale, p: InvalidParam): string {
  const base = t(locale, 'error.field', { label: p.label, message: p.reason });
  return p.value === undefined ? base : `${base} ${t(locale, 'error.received', { value: showValue(p.value) })}`;
}

export function problemFromError(e: VlechtError, locale: Locale): Problem {
  const status = STATUS[e.code];
  const params = { ...e.params };
  if (typeof params.field === 'string') params.field = fieldLabel(locale, params.field);
  const invalidParams = e.issues.map((i) => ({
    name: i.field, label: fieldLabel(locale, i.field), reason: i.message,
    ...(i.value !== undefined ? { value: i.value } : {}), ...(i.row !== undefined ? { row: i.row } : {}),
  }));
  const detail = invalidParams.length
    ? invalidParams.map((p) => invalidParamText(locale, p)).join(' ')
    : t(locale, `error.${e.code}` as MessageKey, params);
  return {
    type: `https://vlecht.nl/problemen/${e.code.toLowerCase().replace(/_/g, '-')}`,
    title: t(locale, `error.${e.code}` as MessageKey, params),
    status,
    detail,
    code: e.code,
    ...(invalidParams.length ? { invalidParams } : {}),
  };
}

export function internalProblem(locale: Locale, ref: string): Problem {
  return { type: 'https://vlecht.nl/problemen/intern', title: t(locale, 'error.INTERNAL', { ref }), status: 500, detail: t(locale, 'error.INTERNAL', { ref }), code: 'INTERNAL' };
}

export { isVlechtError };
