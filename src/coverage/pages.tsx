/** Pages of the coverage capability: risk summary and team coverage, portfolio, scenarios. */
import { Hono } from 'hono';
import type { AppEnv } from '../platform/http/env.ts';
import { riskPages } from './risk.pages.tsx';
import { portfolioPages } from './portfolio.pages.tsx';
import { scenarioPages } from './scenario.pages.tsx';

export function coveragePages() {
  const app = new Hono<AppEnv>();
  app.route('/', riskPages());
  app.route('/', portfolioPages());
  app.route('/', scenarioPages());
  return app;
}
