import type { Context } from 'hono';

/**
 * Content-Disposition for a download (RFC 6266): an ASCII `filename` for old clients
 * (diacritics folded: "Financiële" → "Financiele") and `filename*=UTF-8''…` with the
 * name as it is, which every current browser uses.
 * @example attachmentDisposition('Factsheet Financiële Administratie 2025.pdf')
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\w. -]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A file download: attachment, safe file name, never cached (exports may hold personal data). */
export function download(c: Context, body: string | Buffer, type: string, fileName: string) {
  c.header('Content-Type', type);
  c.header('Content-Disposition', attachmentDisposition(fileName));
  c.header('Cache-Control', 'no-store');
  return c.body(typeof body === 'string' ? body : new Uint8Array(body));
}
