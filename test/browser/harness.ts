/**
 * Browser test harness: the app in-process on a free port (PGlite in memory with the
 * demo), Debian's Chromium through playwright-core, sign-in and axe-core helpers.
 * Without Chromium the tests skip (or fail when VLECHT_REQUIRE_BROWSER=1).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { demoDatabase } from '../support/demo.ts';
import { createApp } from '../../src/platform/http/app.tsx';
import type { Database } from '../../src/platform/db/open.ts';

export const CHROMIUM = process.env.VLECHT_CHROMIUM ?? '/usr/bin/chromium';
export const BROWSER_REQUIRED = process.env.VLECHT_REQUIRE_BROWSER === '1';
export const PASSWORD = 'vlecht-demo-2026';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Why the browser tests cannot run here, or null when they can. */
export function missingBrowser(): string | null {
  if (existsSync(CHROMIUM)) return null;
  const reason = `Chromium not found at ${CHROMIUM} (install the Debian package chromium or set VLECHT_CHROMIUM)`;
  if (BROWSER_REQUIRED) throw new Error(`${reason}; VLECHT_REQUIRE_BROWSER=1`);
  return reason;
}

export interface Harness {
  baseUrl: string;
  browser: Browser;
  database: Database;
  stop(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const database = await demoDatabase('pglite');
  const app = createApp({ db: database.db, bulk: database.bulk, demo: true });
  let server: ServerType | undefined;
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port));
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    database,
    async stop() {
      await browser.close();
      await new Promise<void>((resolve) => server!.close(() => resolve()));
      await database.close();
    },
  };
}

/**
 * A fresh browser profile in Dutch. `forAxe` lifts the content security policy, because
 * axe is injected as an inline script; the flows run with the CSP enforced, and any CSP
 * violation on a page is collected in `cspErrors`.
 */
export async function newContext(h: Harness, { forAxe = false } = {}) {
  const context = await h.browser.newContext({ baseURL: h.baseUrl, locale: 'nl-NL', bypassCSP: forAxe, viewport: { width: 1200, height: 900 } });
  const cspErrors: string[] = [];
  context.on('console', (m) => { if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text()); });
  return { context, cspErrors };
}

export async function signIn(context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/aanmelden');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await Promise.all([page.waitForURL('**/samenwerkingen'), page.getByRole('button', { name: 'Aanmelden', exact: true }).click()]);
  return page;
}

/** Clicks a submit button and returns the HTTP status of the page the form led to. */
export async function submit(page: Page, buttonName: string): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
    page.getByRole('button', { name: buttonName, exact: true }).click(),
  ]);
  await page.waitForLoadState('domcontentloaded');
  return response.status();
}

const AXE_SOURCE = readFileSync(join(dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'), 'utf8');

interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: string[]; html: string }[] }

/** Serious and critical axe-core violations on the current page, printed for the failure message. */
export async function seriousViolations(page: Page): Promise<{ count: number; report: string }> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html })) }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}  ${n.html.slice(0, 160)}`).join('\n')}`).join('\n');
  return { count: serious.length, report };
}

/** Saves a full-page screenshot when VLECHT_SCREENSHOT_DIR is set (for a human look). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.VLECHT_SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
