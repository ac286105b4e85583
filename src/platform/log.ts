/** Structured logs with pino; secrets and personal data are redacted. */
import pino from 'pino';

export const logger = pino({
  level: process.env.VLECHT_LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  redact: ['password', '*.password', 'token', '*.token', 'secret', '*.secret', 'totpSecret', '*.totpSecret', '*.*.totpSecret', 'req.headers.cookie', 'req.headers.authorization', '*.hourlyRateCents'],
});
