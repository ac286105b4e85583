/**
 * Goals pages (server-rendered, Dutch, NL Design System): the dashboard per cooperation,
 * the page per goal and per KPI. Each file holds one object's pages.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../platform/http/env.ts';
import { dashboardPages } from './dashboard.pages.tsx';
import { goalPages } from './goal.pages.tsx';
import { kpiPages } from './kpi.pages.tsx';

export function goalsPages() {
  const app = new Hono<AppEnv>();
  app.route('/', dashboardPages());
  app.route('/', goalPages());
  app.route('/', kpiPages());
  return app;
}
