/**
 * Tables that read well (issue 16, item 3): on every page with a table, at 1366 and 768 px,
 * no word in a table cell is split over two lines, every table sits in a focusable, named
 * scroll region, and the page itself never scrolls sideways. The pages are found by
 * crawling the links a controller, a raadslid and the beheerder can follow from the start
 * pages below (one page per route shape, ids folded), so a new page with a table is
 * checked without editing this list. Screenshots of each page go to test-results/tables/.
 */
import { describe, test, before, after, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { missingBrowser, newContext, signIn, startHarness, type Harness } from './harness.ts';

const HB = '/samenwerkingen/heemstede-bloemendaal';
const BEL = '/samenwerkingen/bel-combinatie';
const WIDTHS = [1366, 768];
const SHOTS = join(process.cwd(), 'test-results', 'tables');

/** Where the crawl starts: the sections of both cooperations and the global pages. */
const START = [
  '/samenwerkingen', '/gemeenten', HB, BEL,
  `${HB}/uren`, `${HB}/kosten`, `${HB}/btw-signaal`, `${HB}/doelen`, `${HB}/aanbevelingen`,
  `${HB}/peilingen`, `${HB}/benchmark`, `${HB}/kwetsbaarheid`, `${HB}/applicaties`, `${HB}/scenarios`,
  `${HB}/besluiten`, `${HB}/toezeggingen`, `${HB}/routeplan`, `${HB}/agenda?gereed=2027-03-01`, `${HB}/besluitvormingsmatrix`, `${HB}/samenwerkingsvormen`,
  `${HB}/rapporten`, `${BEL}/uren`, `${BEL}/doelen`, `${BEL}/besluiten`,
];

/** Pages every crawl must have found with a table (the issue's list): exact paths, or prefixes ending in '/'. */
const MUST_COVER = [
  `${HB}`, `${HB}/uren`, `${HB}/kosten`, `${HB}/doelen`, `${HB}/peilingen`, `${HB}/benchmark`, `${HB}/kwetsbaarheid`,
  `${HB}/scenarios`, `${HB}/teams/`, `${HB}/besluiten`, `${HB}/toezeggingen`, `${HB}/routeplan`, `${HB}/agenda?gereed=2027-03-01`, `${HB}/besluitvormingsmatrix`, `${HB}/rapporten`,
];

/** One visit per route shape: numeric ids, uuids and years are folded. */
const shape = (path: string) => path.split('?')[0]!.replace(/\/[0-9a-f]{8}-[0-9a-f-]{27,}/g, '/:id').replace(/\/\d+(?=\/|$)/g, '/:n');

const SKIP = /\.(csv|xlsx|pdf|json|ics)$|^\/api\/|\/afmelden|\/taal\/|\/static\//;

interface Finding { words: string[]; unlabelled: number; pageOverflow: number; tables: number }

/** Runs in the page: split words in table cells, tables outside a named focusable scroll region, sideways page scroll. */
function inspect(): Finding {
  const words: string[] = [];
  for (const cell of Array.from(document.querySelectorAll('main table th, main table td'))) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const re = /[^\s\-–—/]+/g; // a break after a dash or slash is a line break between parts, not inside a word
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) words.push(`${m[0]} (in "${(cell.textContent ?? '').trim().slice(0, 60)}")`);
      }
    }
  }
  let unlabelled = 0;
  const tables = Array.from(document.querySelectorAll('main table'));
  for (const table of tables) {
    const region = table.closest('[role="region"]');
    if (!region || region.getAttribute('tabindex') !== '0' || !(region.getAttribute('aria-label') ?? '').trim()) unlabelled++;
  }
  const pageOverflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
  return { words, unlabelled, pageOverflow, tables: tables.length };
}

/**
 * Follows links from START, one page per route shape, and calls `visit` on each HTML page
 * while it is open (so every page is loaded once, not again per width).
 */
async function crawl(page: Page, visit: (path: string) => Promise<void>): Promise<string[]> {
  const seen = new Set<string>();
  const shapes = new Set<string>();
  const queue = [...START];
  const pages: string[] = [];
  while (queue.length > 0 && pages.length < 200) {
    const path = queue.shift()!;
    if (seen.has(path) || SKIP.test(path.split('?')[0]!)) continue;
    seen.add(path);
    if (shapes.has(shape(path))) continue;
    shapes.add(shape(path));
    await page.setViewportSize({ width: WIDTHS[0]!, height: 900 });
    const response = await page.goto(path);
    if (!response || response.status() !== 200 || !(response.headers()['content-type'] ?? '').includes('text/html')) continue;
    pages.push(path);
    const links = await page.$$eval('main a[href^="/"]', (as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!.split('#')[0]!.split('?')[0]!));
    for (const l of links) if (!seen.has(l)) queue.push(l);
    await visit(path);
  }
  return pages;
}

describe('tables read well at 1366 and 768 px', () => {
  const skipReason = missingBrowser();
  let h: Harness | undefined;
  before(async () => { if (!skipReason) { h = await startHarness(); mkdirSync(SHOTS, { recursive: true }); } });
  after(async () => { await h?.stop(); });
  const ready = (t: TestContext): Harness | undefined => {
    if (skipReason) t.skip(skipReason);
    return skipReason ? undefined : h;
  };

  for (const email of ['controller.heemstede@vlecht.demo', 'raadslid.heemstede@vlecht.demo', 'beheerder@vlecht.demo']) {
    test(`${email}: no split words, every table in a named scroll region, no sideways page`, async (t) => {
      const harness = ready(t);
      if (!harness) return;
      const { context } = await newContext(harness);
      const page = await signIn(context, email);
      const start = email.startsWith('beheerder') ? ['/toegangsoverzicht', '/audit'] : [];
      START.unshift(...start);
      const problems: string[] = [];
      const withTables: string[] = [];
      const role = email.split('.')[0]!;
      // Server-rendered pages need no reload at another width: resizing reflows the same page.
      const visit = async (path: string) => {
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          const f = await page.evaluate(inspect);
          if (f.tables === 0) break;
          if (width === WIDTHS[0]) withTables.push(path);
          const name = `${role}-${width}-${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'start'}`;
          await page.screenshot({ path: join(SHOTS, `${name}.jpeg`), type: 'jpeg', quality: 70, fullPage: true });
          if (f.words.length) problems.push(`${path} @${width}: split ${f.words.slice(0, 6).join('; ')}${f.words.length > 6 ? ` … (${f.words.length})` : ''}`);
          if (f.unlabelled) problems.push(`${path} @${width}: ${f.unlabelled} of ${f.tables} tables not in a focusable named region`);
          if (f.pageOverflow > 1) problems.push(`${path} @${width}: page scrolls sideways by ${f.pageOverflow}px`);
        }
      };
      await crawl(page, visit);
      START.splice(0, start.length);
      await context.close();
      if (!email.startsWith('beheerder')) {
        for (const prefix of MUST_COVER) {
          assert.ok(withTables.some((p) => p === prefix || (prefix.endsWith('/') ? p.startsWith(prefix) : p === prefix)), `no page with a table found under ${prefix}; found: ${withTables.join(', ')}`);
        }
      } else {
        assert.ok(withTables.includes('/toegangsoverzicht'), 'the access review is checked');
      }
      assert.deepEqual(problems, [], `${problems.length} problems on ${withTables.length} pages with tables:\n${problems.join('\n')}`);
    });
  }
});
