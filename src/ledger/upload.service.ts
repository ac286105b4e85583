/**
 * Uploads through the web page: the file is kept in the database between preview and
 * confirmation (so any app instance can confirm it), checked with a preview, and
 * imported on confirmation by the same importer as CLI and API.
 */
import { Readable } from 'node:stream';
import { isUuid } from '../platform/db/ids.ts';
import { VlechtError } from '../platform/errors.ts';
import { getCooperation } from '../register/cooperation.service.ts';
import { importHours, type ImportResult } from './import.service.ts';
import { deletePendingUpload, deleteStaleUploads, findPendingUpload, insertPendingUpload } from './ledger.queries.ts';
import { requireMutationAccess, type Ctx } from '../platform/context.ts';
import type { Scope } from '../platform/auth/policy.ts';

export const MAX_PAGE_UPLOAD_BYTES = 50 * 1024 * 1024;
const DAY_MS = 86_400_000;

export interface StagedPreview {
  uploadId: string;
  result: ImportResult;
}

/** The policy scope of a cooperation's ledger (reading it needs register:read). */
export async function ledgerScope(ctx: Ctx, cooperationSlug: string): Promise<Scope> {
  const coop = await getCooperation(ctx, cooperationSlug);
  return { cooperationId: coop.cooperation.id, memberMunicipalityIds: coop.members.map((m) => m.municipality.id) };
}

/** Stores the file and previews it; problems in the file come back as a VALIDATION error. */
export async function stageAndPreview(ctx: Ctx, cooperationSlug: string, fileName: string, content: Buffer, replacePeriod?: { from: string; to: string }): Promise<StagedPreview> {
  // Authorisation before the file is looked at: a refused upload learns nothing about its content.
  const scope = await ledgerScope(ctx, cooperationSlug);
  await requireMutationAccess(ctx, 'ledger:import', scope, { action: 'uren.importeren', objectType: 'samenwerking', objectId: scope.cooperationId! });
  if (content.length === 0) throw new VlechtError('VALIDATION', {}, [{ field: 'bestand', message: 'kies een bestand' }]);
  if (content.length > MAX_PAGE_UPLOAD_BYTES) throw new VlechtError('VALIDATION', {}, [{ field: 'bestand', message: 'groter dan 50 MB: gebruik de opdrachtregel (vlecht import uren) of de API' }]);
  const result = await importHours(ctx, { cooperationSlug, fileName, input: Readable.from([content]), preview: true, replacePeriod });
  const coop = await getCooperation(ctx, cooperationSlug);
  await deleteStaleUploads(ctx.db, new Date(ctx.clock().getTime() - DAY_MS));
  const uploadId = await insertPendingUpload(ctx.db, { userId: ctx.actor.userId, cooperationId: coop.cooperation.id, fileName: fileName.slice(0, 200), content });
  return { uploadId, result };
}

/** Imports a previewed upload of the same user, then forgets the file. */
export async function confirmUpload(ctx: Ctx, cooperationSlug: string, uploadId: string, replacePeriod?: { from: string; to: string }): Promise<ImportResult> {
  const upload = isUuid(uploadId) ? await findPendingUpload(ctx.db, uploadId, ctx.actor.userId) : undefined;
  if (!upload) throw new VlechtError('NOT_FOUND', { object: 'upload', key: uploadId });
  const result = await importHours(ctx, { cooperationSlug, fileName: upload.fileName, input: Readable.from([upload.content]), replacePeriod });
  await deletePendingUpload(ctx.db, upload.id);
  return result;
}
