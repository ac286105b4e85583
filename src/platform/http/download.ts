import type { Context } from 'hono';

/** A file download: attachment, safe file name, never cached (exports may hold personal data). */
export function download(c: Context, body: string | Buffer, type: string, fileName: string) {
  c.header('Content-Type', type);
  c.header('Content-Disposition', `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`);
  c.header('Cache-Control', 'no-store');
  return c.body(typeof body === 'string' ? body : new Uint8Array(body));
}
