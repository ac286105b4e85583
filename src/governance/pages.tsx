/** Governance pages per cooperation: decisions and matrix, commitments, route plan, forms of cooperation, joint agenda. */
import { Hono } from 'hono';
import type { AppEnv } from '../platform/http/env.ts';
import { decisionPages } from './decision.pages.tsx';
import { matrixPages } from './matrix.pages.tsx';
import { commitmentPages } from './commitment.pages.tsx';
import { routePlanPages } from './routeplan.pages.tsx';
import { formsPages } from './forms.pages.tsx';
import { agendaPages } from './agenda.pages.tsx';

export function governancePages() {
  const app = new Hono<AppEnv>();
  app.route('/', decisionPages());
  app.route('/', matrixPages());
  app.route('/', commitmentPages());
  app.route('/', routePlanPages());
  app.route('/', formsPages());
  app.route('/', agendaPages());
  return app;
}
