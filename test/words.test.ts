/**
 * Words for people (issue 16, item 4): no page a controller or a raadslid can reach shows
 * developer words in its visible text: "seed", a file name, an API path, or a CBS code
 * where a municipality's name belongs. The pages are found by following every link in the
 * main content from the start pages (one page per route shape), so a new page is checked
 * without editing a list. A slug (heemstede-bloemendaal) may not be a breadcrumb's text. Tags, scripts, styles and attribute values are stripped first:
 * a download link may point at /api/v1/…; its text may not say so.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { demoDatabase } from './support/demo.ts';
import { rowsOf } from '../src/platform/db/raw.ts';
import { createApp } from '../src/platform/http/app.tsx';
import type { Database } from '../src/platform/db/open.ts';

type App = ReturnType<typeof createApp>;
const HB = '/samenwerkingen/heemstede-bloemendaal';
const START = ['/samenwerkingen', '/gemeenten', HB, '/samenwerkingen/bel-combinatie', `${HB}/uren`, `${HB}/doelen`, `${HB}/besluiten`, `${HB}/rapporten`];

const FORBIDDEN: [string, RegExp][] = [
  ['the word "seed"', /\bseed\b/i],
  ['a file name', /\b[\w-]+\.(md|csv|ts|json)\b/],
  ['an API path', /\/api\/v1/],
  ['a CBS code', /\bGM\d{4}\b/],
];

/**
 * Where a code is what the page is about, and so allowed: a municipality's own page and
 * the list of municipalities name the CBS code next to the name (it is how a municipality
 * is identified in CBS and BBV figures); a download's file format is named (".csv") only
 * as a word of the link text, never as a file name.
 */
const ALLOWED: { path: RegExp; rule: string }[] = [
  { path: /^\/gemeenten(\/GM\d{4})?$/, rule: 'a CBS code' },
  // The hours import explains which values the column "gemeente" accepts: a CBS code or a name.
  { path: /^\/samenwerkingen\/[^/]+\/uren\/import$/, rule: 'a CBS code' },
];

/** A CBS code right after its own municipality's name ("Heemstede (GM0397)") is shown beside the name, not instead of it. */
const besideName = (text: string, index: number, names: Map<string, string>, code: string) => {
  const name = names.get(code);
  return !!name && /\S+ \(?$/.test(text.slice(0, index)) && text.slice(Math.max(0, index - name.length - 2), index).includes(name);
};

const shape = (path: string) => path.split('?')[0]!.replace(/\/[0-9a-f]{8}-[0-9a-f-]{27,}/g, '/:id').replace(/\/\d+(?=\/|$)/g, '/:n').replace(/\/GM\d{4}/g, '/:cbs');

/** The text a reader sees: scripts, styles, tags and attributes removed, entities decoded. */
function visibleText(html: string): string {
  return html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ');
}

async function signInCookie(app: App, email: string): Promise<string> {
  const res = await app.request('/aanmelden', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email, password: 'vlecht-demo-2026' }).toString() });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

describe('words for people [pglite]', () => {
  let database: Database;
  let app: App;
  const names = new Map<string, string>();
  before(async () => {
    database = await demoDatabase('pglite');
    app = createApp({ db: database.db, bulk: database.bulk, demo: true });
    for (const r of await rowsOf<{ cbs_code: string; name: string }>(database.db, sql`select cbs_code, name from municipality`)) names.set(r.cbs_code, r.name);
  });
  after(() => database.close());

  for (const email of ['controller.heemstede@vlecht.demo', 'raadslid.heemstede@vlecht.demo']) {
    test(`${email}: no "seed", file names, API paths or CBS codes on any page`, async () => {
      const cookie = await signInCookie(app, email);
      const queue = [...START];
      const seen = new Set<string>();
      const problems: string[] = [];
      let pages = 0;
      while (queue.length > 0 && pages < 300) {
        const path = queue.shift()!;
        if (seen.has(shape(path)) || /\.(csv|xlsx|pdf|json|ics)$|^\/api\/|^\/static\/|^\/taal\//.test(path.split('?')[0]!)) continue;
        seen.add(shape(path));
        const res = await app.request(path, { headers: { cookie } });
        if (res.status !== 200 || !(res.headers.get('content-type') ?? '').includes('text/html')) continue;
        pages++;
        const html = await res.text();
        const text = visibleText(html);
        for (const [rule, re] of FORBIDDEN) {
          if (ALLOWED.some((a) => a.rule === rule && a.path.test(path.split('?')[0]!))) continue;
          const m = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
          const hits = [...text.matchAll(m)].filter((x) => rule !== 'a CBS code' || !besideName(text, x.index!, names, x[0])).map((x) => text.slice(Math.max(0, x.index! - 40), x.index! + x[0].length + 20).trim());
          if (hits.length) problems.push(`${path}: ${rule}: ${hits.slice(0, 3).map((h) => `"…${h}…"`).join(' | ')}${hits.length > 3 ? ` (+${hits.length - 3})` : ''}`);
        }
        const crumbs = /<nav aria-label="Kruimelpad"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
        for (const m of crumbs.matchAll(/<a [^>]*>([^<]*)<\/a>/g)) if (/^[a-z0-9]+(-[a-z0-9]+)+$/.test(m[1]!.trim())) problems.push(`${path}: a slug as breadcrumb: "${m[1]}"`);
        const main = /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
        for (const m of main.matchAll(/href="(\/[^"#]*)"/g)) queue.push(m[1]!.replace(/&amp;/g, '&'));
      }
      assert.ok(pages >= 30, `only ${pages} pages reached`);
      assert.deepEqual(problems, [], `${problems.length} pages with developer words (of ${pages}):\n${problems.join('\n')}`);
    });
  }
});
