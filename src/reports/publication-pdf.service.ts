/**
 * Published PDFs are printed once and served from storage: the bytes and their SHA-256
 * sit beside the publication's HTML in `report_publication_pdf` (append-only, backed up
 * with every table). A publication is printed right after it is published (in the
 * background, when the server turns that on) or, for publications older than the table
 * or printed while Chromium was missing, on its first download; concurrent first downloads
 * of one publication share one print. Reading needs what reading the publication needs.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../platform/db/types.ts';
import { logger } from '../platform/log.ts';
import { renderPdf } from './pdf.ts';
import * as q from './queries.ts';

/** Whether publishing starts the print at once (the server turns this on; tests and the CLI print on first download). */
export const pdfPrinting = { onPublish: false };

const inFlight = new Map<string, Promise<q.StoredPdfMeta & { pdf: Buffer }>>();

/** SHA-256 of the bytes, lowercase hex. */
export const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * The stored PDF of a publication, printing and storing it first when it is not there yet.
 * The stored row wins a race: what is returned is always what is in the database.
 */
export function ensurePublicationPdf(db: Db, publicationId: string, title: string, html: () => Promise<string>, now: () => Date): Promise<q.StoredPdfMeta & { pdf: Buffer }> {
  // Registered before the first await, so parallel callers always find each other's job.
  let job = inFlight.get(publicationId);
  if (!job) {
    job = (async () => {
      const stored = await q.storedPdf(db, publicationId);
      if (stored) return stored;
      const pdf = await renderPdf(title, await html());
      await q.insertPdfOnce(db, { publicationId, sha256: sha256Hex(pdf), byteSize: pdf.length, pdf, renderedAt: now() });
      const row = await q.storedPdf(db, publicationId);
      if (!row) throw new Error(`stored PDF of publication ${publicationId} not found after insert`);
      return row;
    })().finally(() => inFlight.delete(publicationId));
    inFlight.set(publicationId, job);
  }
  return job;
}

/** Starts the print of a fresh publication without waiting; a failure only means the first download prints it. */
export function printInBackground(db: Db, publicationId: string, title: string, html: string, now: () => Date): void {
  if (!pdfPrinting.onPublish) return;
  ensurePublicationPdf(db, publicationId, title, async () => html, now)
    .catch((err) => logger.warn({ err: String(err), publicationId }, 'PDF of publication not printed at publication; printed on first download'));
}

/** Whether a print of this publication is running now (the page then says the PDF is being prepared). */
export const isPrinting = (publicationId: string) => inFlight.has(publicationId);

/** Waits for every print that is running (tests, benchmark, shutdown). */
export async function settlePrints(): Promise<void> {
  await Promise.allSettled([...inFlight.values()]);
}
