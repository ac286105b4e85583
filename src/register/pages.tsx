/** Register pages (server-rendered). */
import { Hono } from 'hono';
import type { AppEnv } from '../platform/http/env.ts';
import { signedIn } from '../platform/http/edge.ts';
import { renderPage } from '../platform/http/render.tsx';
import { listCooperations } from './cooperation.service.ts';

export function registerPages() {
  const app = new Hono<AppEnv>();
  app.get('/samenwerkingen', async (c) => {
    const list = await listCooperations(signedIn(c));
    return renderPage(c, 'Samenwerkingen', (
      <>
        <h1 class="utrecht-heading-1">Samenwerkingen</h1>
        <ul>{list.map((s) => <li><a class="utrecht-link" href={`/samenwerkingen/${s.slug}`}>{s.name}</a></li>)}</ul>
      </>
    ));
  });
  return app;
}
