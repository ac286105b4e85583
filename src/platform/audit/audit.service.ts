/** Reading and verifying the audit trail (beheerder only: it holds before/after values). */
import { latestEvents } from './queries.ts';
import { verifyAuditTrail } from './trail.ts';
import { requireAccess, type Ctx } from '../context.ts';

export async function listAuditEvents(ctx: Ctx, options: { before?: number; limit?: number; objectId?: string }) {
  requireAccess(ctx, 'audit:read');
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
  return latestEvents(ctx.db, { ...options, limit });
}

export async function verifyAudit(ctx: Ctx) {
  requireAccess(ctx, 'audit:read');
  return verifyAuditTrail(ctx.db);
}
