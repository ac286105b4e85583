/** Named queries of the reports capability. */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db/types.ts';
import { cooperation } from '../register/tables.ts';
import { report, reportPublication, reportPublicationPdf } from './tables.ts';

export type ReportRow = typeof report.$inferSelect;
export type PublicationRow = typeof reportPublication.$inferSelect;
export type PublicationMeta = Omit<PublicationRow, 'content' | 'html'>;

const publicationMeta = {
  id: reportPublication.id, reportId: reportPublication.reportId, number: reportPublication.number,
  reportVersion: reportPublication.reportVersion, publishedAt: reportPublication.publishedAt,
  publishedBy: reportPublication.publishedBy, dataDate: reportPublication.dataDate,
};

export const reportsOf = (db: Db | Tx, cooperationId: string): Promise<ReportRow[]> =>
  db.select().from(report).where(eq(report.cooperationId, cooperationId)).orderBy(desc(report.periodTo), asc(report.kind), asc(report.title));

export async function findReport(db: Db | Tx, id: string): Promise<ReportRow | null> {
  const [row] = await db.select().from(report).where(eq(report.id, id));
  return row ?? null;
}

export async function insertReport(tx: Tx, values: typeof report.$inferInsert): Promise<ReportRow> {
  const [row] = await tx.insert(report).values(values).returning();
  return row;
}

/** Conditional on the version read: a concurrent edit makes this return null (→ 412). */
export async function updateReportTexts(tx: Tx, id: string, version: number, texts: Record<string, string>, now: Date): Promise<ReportRow | null> {
  const [row] = await tx.update(report).set({ texts, version: version + 1, updatedAt: now })
    .where(and(eq(report.id, id), eq(report.version, version))).returning();
  return row ?? null;
}

export const publicationsOf = (db: Db | Tx, reportIds: string[]): Promise<PublicationMeta[]> =>
  reportIds.length === 0 ? Promise.resolve([]) : db.select(publicationMeta).from(reportPublication)
    .where(inArray(reportPublication.reportId, reportIds)).orderBy(asc(reportPublication.reportId), asc(reportPublication.number));

export async function findPublication(db: Db | Tx, reportId: string, number: number): Promise<PublicationRow | null> {
  const [row] = await db.select().from(reportPublication).where(and(eq(reportPublication.reportId, reportId), eq(reportPublication.number, number)));
  return row ?? null;
}

/** Locks the report row so two publications of one report get consecutive numbers. */
export async function lockReport(tx: Tx, id: string): Promise<ReportRow | null> {
  const [row] = await tx.select().from(report).where(eq(report.id, id)).for('update');
  return row ?? null;
}

export async function nextPublicationNumber(tx: Tx, reportId: string): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`coalesce(max(${reportPublication.number}), 0)::int` }).from(reportPublication).where(eq(reportPublication.reportId, reportId));
  return Number(row.n) + 1;
}

export async function insertPublication(tx: Tx, values: typeof reportPublication.$inferInsert): Promise<PublicationMeta> {
  const [row] = await tx.insert(reportPublication).values(values).returning(publicationMeta);
  return row;
}

export async function cooperationSlugOf(db: Db | Tx, cooperationId: string): Promise<string> {
  const [row] = await db.select({ slug: cooperation.slug }).from(cooperation).where(eq(cooperation.id, cooperationId));
  return row.slug;
}

export async function bumpReportVersion(tx: Tx, id: string, version: number, now: Date): Promise<ReportRow> {
  const [row] = await tx.update(report).set({ version: version + 1, updatedAt: now }).where(and(eq(report.id, id), eq(report.version, version))).returning();
  return row;
}

export type StoredPdfMeta = { sha256: string; byteSize: number };

/** The hash of the stored PDF of a publication, without its bytes (null: not printed yet). */
export async function storedPdfMeta(db: Db | Tx, publicationId: string): Promise<StoredPdfMeta | null> {
  const [row] = await db.select({ sha256: reportPublicationPdf.sha256, byteSize: reportPublicationPdf.byteSize }).from(reportPublicationPdf).where(eq(reportPublicationPdf.publicationId, publicationId));
  return row ?? null;
}

export async function storedPdf(db: Db | Tx, publicationId: string): Promise<(StoredPdfMeta & { pdf: Buffer }) | null> {
  const [row] = await db.select({ sha256: reportPublicationPdf.sha256, byteSize: reportPublicationPdf.byteSize, pdf: reportPublicationPdf.pdf }).from(reportPublicationPdf).where(eq(reportPublicationPdf.publicationId, publicationId));
  return row ?? null;
}

/** Stores a publication's PDF once; a second print of the same publication (a race) keeps the first. */
export async function insertPdfOnce(db: Db | Tx, values: typeof reportPublicationPdf.$inferInsert): Promise<void> {
  await db.insert(reportPublicationPdf).values(values).onConflictDoNothing({ target: reportPublicationPdf.publicationId });
}
