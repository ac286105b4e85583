/** Serves the stylesheets: NL Design System CSS from node_modules and our own layout CSS. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';

const require = createRequire(import.meta.url);

const FILES: Record<string, () => string> = {
  'utrecht.css': () => require.resolve('@utrecht/component-library-css/dist/index.css'),
  'theme.css': () => require.resolve('@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css'),
  'vlecht.css': () => fileURLToPath(new URL('../ui/vlecht.css', import.meta.url)),
};

export function staticFiles() {
  const cache = new Map<string, string>();
  const app = new Hono();
  app.get('/:file', (c) => {
    const name = c.req.param('file');
    const locate = FILES[name];
    if (!locate) return c.notFound();
    if (!cache.has(name)) cache.set(name, readFileSync(locate(), 'utf8'));
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(cache.get(name)!);
  });
  return app;
}
