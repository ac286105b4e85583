/** Turns CLI scope options (CBS code, cooperation slug) into a role grant. */
import { sql } from 'drizzle-orm';
import { rowsOf } from '../db/raw.ts';
import { VlechtError } from '../errors.ts';
import type { Ctx } from '../context.ts';
import type { Role } from '../auth/roles.ts';

export async function scopeGrant(ctx: Ctx, role: Role, cbsCode?: string, cooperationSlug?: string, teamPath?: string) {
  if (teamPath) {
    const [coop, team] = teamPath.split('/');
    const [t] = await rowsOf<{ id: string }>(ctx.db, sql`select t.id from team t join cooperation c on c.id = t.cooperation_id where c.slug = ${coop ?? ''} and t.slug = ${team ?? ''}`);
    if (!t) throw new VlechtError('VALIDATION', {}, [{ field: 'team', message: 'onbekend team; schrijf samenwerking/team, bijv. heemstede-bloemendaal/p-en-o', value: teamPath }]);
    return { role, teamId: t.id };
  }
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
