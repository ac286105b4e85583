/**
 * Register pages (server-rendered, Dutch, NL Design System): cooperations, teams,
 * employees and municipalities. Each file holds one object's pages; forms follow
 * POST-redirect-GET and re-render with field messages on a service error.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../platform/http/env.ts';
import { cooperationPages } from './cooperation.pages.tsx';
import { teamPages } from './team.pages.tsx';
import { employeePages } from './employee.pages.tsx';
import { municipalityPages } from './municipality.pages.tsx';

import { employeeImportPages } from './employee-import.pages.tsx';

export function registerPages() {
  const app = new Hono<AppEnv>();
  app.route('/', cooperationPages());
  app.route('/', teamPages());
  app.route('/', employeePages());
  app.route('/', municipalityPages());
  app.route('/', employeeImportPages());
  return app;
}
