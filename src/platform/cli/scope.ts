/** Turns CLI scope options (CBS code, cooperation slug) into a role grant. */
import { sql } from 'drizzle-orm';
import { rowsOf } from '../db/raw.ts';
import { VlechtError } from '../errors.ts';
import type { Ctx } from '../context.ts';
import type { Role } from '../auth/roles.ts';

export async function scopeGrant(ctx: Ctx, role: Role, cbsCode?: string, cooperationSlug?: string) {
  if (cbsCode) {
    const [m] = await rowsOf<{ id: string }>(ctx.db, sql`select id from municipality where cbs_code = ${cbsCode.toUpperCase()}`);
    if (!m) throw new VlechtError('VALIDATION', {}, [{ field: 'gemeente', message: 'onbekende gemeente', value: cbsCode }]);
    return { role, municipalityId: m.id };
  }
  if (cooperationSlug) {
    const [c] = await rowsOf<{ id: string }>(ctx.db, sql`select id from cooperation where slug = ${cooperationSlug}`);
    if (!c) throw new VlechtError('VALIDATION', {}, [{ field: 'samenwerking', message: 'onbekende samenwerking', value: cooperationSlug }]);
    return { role, cooperationId: c.id };
  }
  return { role };
}
