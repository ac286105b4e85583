/** Serves the stylesheets: NL Design System CSS from node_modules and our own layout CSS. */
import { Hono } from 'hono';
import { stylesheet } from '../ui/styles.ts';

export function staticFiles() {
  const app = new Hono();
  app.get('/:file', (c) => {
    const css = stylesheet(c.req.param('file'));
    if (css === null) return c.notFound();
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(css);
  });
  return app;
}
