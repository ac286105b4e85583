/** Renders a page inside the layout with the request's locale, user and demo flag. */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { Layout } from '../ui/layout.tsx';
import { markCurrentPage, scrollableTables } from '../ui/table-regions.ts';
import type { AppEnv } from './env.ts';

export interface RenderOptions {
  status?: 200 | 201 | 400 | 401 | 403 | 404 | 409 | 412 | 422 | 428 | 429 | 500 | 502;
  breadcrumbs?: { href: string; label: string }[];
}

export function renderPage(c: Context<AppEnv>, title: string, body: Child, options: RenderOptions = {}) {
  const demo = c.get('demo');
  const html = (
    <Layout title={title} locale={c.get('locale')} demo={!!demo} user={c.get('user')} csrfToken={c.get('csrfToken')} breadcrumbs={options.breadcrumbs}>
      {body}
    </Layout>
  );
  return c.html(markCurrentPage(scrollableTables(`<!doctype html>${html}`), c.req.path), options.status ?? 200);
}
