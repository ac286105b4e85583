/**
 * The column mapping of an HR export, remembered per municipality: the next export of
 * the same system imports as it comes, for every user and on every app instance.
 * Seeing or changing it is part of running the import (personal data), so it needs the
 * same permission.
 */
import { sql } from 'drizzle-orm';
import * as q from './queries.ts';
import { importColumnMapping } from './tables.ts';
import { requireAccess, type Ctx } from '../platform/context.ts';
import { writeAudit } from '../platform/audit/trail.ts';
import { VlechtError } from '../platform/errors.ts';
import type { Actor } from '../platform/auth/actor.ts';
import type { Tx } from '../platform/db/types.ts';

export type ColumnMapping = Record<string, string>;

const sameMapping = (a: ColumnMapping, b: ColumnMapping) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** The mapping last used for `kind` imports into the municipality; `{}` when none. */
export async function rememberedMapping(ctx: Ctx, cbsCode: string, kind: string): Promise<{ mapping: ColumnMapping; updatedBy: string | null; updatedAt: string | null }> {
  const m = await q.findMunicipalityByCode(ctx.db, cbsCode.toUpperCase());
  if (!m) throw new VlechtError('NOT_FOUND', { object: 'gemeente', key: cbsCode });
  requireAccess(ctx, 'personal:write', { municipalityId: m.id });
  const row = await q.rememberedMapping(ctx.db, m.id, kind);
  return { mapping: row?.mapping ?? {}, updatedBy: row?.updatedBy ?? null, updatedAt: row?.updatedAt.toISOString() ?? null };
}

/** Inside the import's transaction: store the mapping when it differs from the remembered one (audited). */
export async function rememberMapping(tx: Tx, actor: Actor, origin: string, municipalityId: string, kind: string, mapping: ColumnMapping, now: Date): Promise<boolean> {
  const current = await q.rememberedMapping(tx, municipalityId, kind);
  if (current && sameMapping(current.mapping, mapping)) return false;
  await tx.insert(importColumnMapping).values({ municipalityId, kind, mapping, updatedBy: actor.label, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [importColumnMapping.municipalityId, importColumnMapping.kind],
      set: { mapping, updatedBy: actor.label, updatedAt: now, version: sql`${importColumnMapping.version} + 1` },
    });
  await writeAudit(tx, actor, origin, {
    action: 'importkoppeling.onthouden', objectType: 'gemeente', objectId: municipalityId,
    oldValue: current ? { kind, mapping: current.mapping } : null, newValue: { kind, mapping },
  }, now);
  return true;
}
