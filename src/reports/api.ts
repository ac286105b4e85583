/** HTTP API of reports: list, create, texts (If-Match), publish (If-Match), and each version as JSON, HTML and PDF. */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../platform/http/env.ts';
import { ifMatchVersion, jsonBody, signedIn, withEtag } from '../platform/http/edge.ts';
import { attachmentDisposition, download } from '../platform/http/download.ts';
import { createReport, getReport, listReports, publicationPdf, publishReport, renderConcept, renderPublication, saveTexts, type RenderedReport } from './report.service.ts';
import { renderPdf, reportDocument } from './pdf.ts';

const fileName = (r: RenderedReport, ext: string) => `${r.title}${r.publication ? ` v${r.publication.number}` : ' concept'}.${ext}`;

/** A rendered report as standalone HTML or PDF; `inline` for the browser's viewer. */
export async function sendRendered(c: Context, r: RenderedReport, ext: 'html' | 'pdf') {
  if (ext === 'html') return download(c, reportDocument(r.title, r.html), 'text/html; charset=utf-8', fileName(r, 'html'));
  return download(c, await renderPdf(r.title, r.html), 'application/pdf', fileName(r, 'pdf'));
}

/**
 * A published PDF from storage: the same bytes on every download, so the ETag is their
 * SHA-256 and a browser may keep them (private: only signed-in readers may fetch them).
 */
function sendStoredPdf(c: Context, p: { title: string; number: number; sha256: string; pdf: Buffer }) {
  const etag = `"${p.sha256}"`;
  c.header('ETag', etag);
  c.header('Cache-Control', 'private, max-age=31536000, immutable');
  c.header('Content-Disposition', attachmentDisposition(`${p.title} v${p.number}.pdf`));
  const wanted = c.req.header('if-none-match');
  if (wanted && wanted.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return c.body(null, 304);
  c.header('Content-Type', 'application/pdf');
  return c.body(new Uint8Array(p.pdf));
}

export function reportsApi() {
  const api = new Hono<AppEnv>();
  api.get('/samenwerkingen/:slug/rapporten', async (c) => c.json(await listReports(signedIn(c), c.req.param('slug'))));
  api.post('/samenwerkingen/:slug/rapporten', async (c) => {
    const v = await createReport(signedIn(c), c.req.param('slug'), await jsonBody(c));
    return withEtag(c, v, v, 201);
  });
  api.get('/rapporten/:id', async (c) => {
    const v = await getReport(signedIn(c), c.req.param('id'));
    return withEtag(c, v, v.report);
  });
  api.put('/rapporten/:id/teksten', async (c) => {
    const v = await saveTexts(signedIn(c), c.req.param('id'), ifMatchVersion(c), await jsonBody(c));
    return withEtag(c, v, v);
  });
  api.post('/rapporten/:id/publicaties', async (c) => {
    const body = await c.req.json().catch(() => ({})) as { bevestigOntbrekend?: unknown } | null;
    const v = await publishReport(signedIn(c), c.req.param('id'), ifMatchVersion(c), { confirmMissing: body?.bevestigOntbrekend === true });
    return withEtag(c, v, v.report, 201);
  });
  api.get('/rapporten/:id/:file{concept\\.(html|pdf)}', async (c) => {
    const r = await renderConcept(signedIn(c), c.req.param('id'));
    return sendRendered(c, r, c.req.param('file').endsWith('.pdf') ? 'pdf' : 'html');
  });
  api.get('/rapporten/:id/publicaties/:file{[0-9]{1,6}\\.(html|pdf)}', async (c) => {
    const [nr, ext] = c.req.param('file').split('.');
    if (ext === 'pdf') return sendStoredPdf(c, await publicationPdf(signedIn(c), c.req.param('id'), Number(nr)));
    const r = await renderPublication(signedIn(c), c.req.param('id'), Number(nr));
    return sendRendered(c, r, ext as 'html' | 'pdf');
  });
  api.get('/rapporten/:id/publicaties/:nr{[0-9]{1,6}}', async (c) => {
    const r = await renderPublication(signedIn(c), c.req.param('id'), Number(c.req.param('nr')));
    return c.json({ title: r.title, publication: r.publication, content: r.content });
  });
  return api;
}
