/**
 * Reports as PDF: the same body as the page, in a standalone A4 document with the NL
 * Design System CSS inlined, printed by Debian's Chromium through playwright-core, with
 * the title and page numbers in the footer of every page. One shared browser for the whole
 * process (launched on first use, launched again after a crash, closed on shutdown) and a
 * bounded queue: twelve requests never start twelve browsers. Published versions are printed
 * once and served from storage (publication-pdf.service.ts); this prints concepts and fills
 * that store.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { stylesheet } from '../platform/ui/styles.ts';
import { VlechtError } from '../platform/errors.ts';

export const CHROMIUM = process.env.VLECHT_CHROMIUM ?? '/usr/bin/chromium';

const PRINT_CSS = `
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
body { font-family: system-ui, sans-serif; font-size: 10.5pt; color: #1a1a1a; }
h1 { font-size: 20pt; margin: 0 0 6pt; } h2 { font-size: 14pt; margin: 14pt 0 4pt; break-after: avoid; }
table { width: 100%; border-collapse: collapse; font-size: 9pt; break-inside: auto; } tr { break-inside: avoid; }
th, td { text-align: left; vertical-align: top; padding: 2pt 4pt; border-bottom: 0.5pt solid #bbb; }
.vlecht-num { text-align: right; white-space: nowrap; }
caption { text-align: left; font-weight: bold; padding: 4pt 0; }
figure { margin: 6pt 0; break-inside: avoid; } figure svg { max-width: 100%; height: auto; }
.vlecht-source { color: #444; font-size: 8.5pt; }
`;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The standalone HTML document of a report (also offered as download). */
export function reportDocument(title: string, bodyHtml: string): string {
  const css = ['theme.css', 'utrecht.css', 'vlecht.css'].map((n) => stylesheet(n) ?? '').join('\n');
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${escape(title)}</title><style>${css}\n${PRINT_CSS}</style></head>`
    + `<body class="utrecht-document voorbeeld-theme"><main><h1 class="utrecht-heading-1">${escape(title)}</h1>${bodyHtml}</main></body></html>`;
}

/** How many PDFs print at once, and how many may wait; beyond that a request gets 503 with Retry-After. */
export const PDF_CONCURRENCY = 2;
export const PDF_QUEUE_LIMIT = Number(process.env.VLECHT_PDF_QUEUE ?? 6);
/** Seconds a refused caller is asked to wait (about one print). */
export const PDF_RETRY_AFTER = 5;

/** Counters for tests and the benchmark: prints done, prints running now, the most ever running at once, refusals. */
export const pdfStats = { renders: 0, active: 0, peakActive: 0, waiting: 0, refused: 0 };

let browserPromise: Promise<Browser> | null = null;

/** The one shared browser, launched on first use; a crashed or closed browser is launched again on the next print. */
function sharedBrowser(): Promise<Browser> {
  if (!browserPromise) {
    // playwright-core is loaded on first print: it costs ~0,4 s at every CLI start otherwise.
    const launching = import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] }));
    browserPromise = launching;
    launching.then((b) => b.on('disconnected', () => { if (browserPromise === launching) browserPromise = null; }), () => { if (browserPromise === launching) browserPromise = null; });
  }
  return browserPromise;
}

/** Closes the shared browser (server shutdown, end of a test or benchmark). */
export async function closePdfBrowser(): Promise<void> {
  const b = browserPromise;
  browserPromise = null;
  if (b) await (await b.catch(() => null))?.close();
}

const waiters: (() => void)[] = [];

/** Waits for one of the PDF_CONCURRENCY print slots; refuses at once when the queue is full. */
async function acquireSlot(): Promise<void> {
  if (pdfStats.active < PDF_CONCURRENCY) { pdfStats.active++; return; }
  if (waiters.length >= PDF_QUEUE_LIMIT) {
    pdfStats.refused++;
    throw new VlechtError('UNAVAILABLE', { what: `er worden nu al ${PDF_CONCURRENCY + waiters.length} PDF's gemaakt; probeer het over ${PDF_RETRY_AFTER} seconden opnieuw`, retryAfter: PDF_RETRY_AFTER });
  }
  pdfStats.waiting++;
  // The releasing print hands its slot over directly: `active` stays counted.
  await new Promise<void>((resolve) => waiters.push(resolve));
  pdfStats.waiting--;
}

function releaseSlot() {
  const next = waiters.shift();
  if (next) next(); else pdfStats.active--;
}

/**
 * The PDF bytes of a report; a clear Dutch error when Chromium is not installed, and
 * UNAVAILABLE (503, Retry-After) when more prints wait than the queue holds. All prints
 * share one browser, at most PDF_CONCURRENCY pages at a time.
 */
export async function renderPdf(title: string, bodyHtml: string): Promise<Buffer> {
  if (!existsSync(CHROMIUM)) throw new VlechtError('UNAVAILABLE', { what: `PDF: Chromium niet gevonden op ${CHROMIUM} (installeer het Debian-pakket chromium of zet VLECHT_CHROMIUM)` });
  await acquireSlot();
  pdfStats.peakActive = Math.max(pdfStats.peakActive, pdfStats.active);
  try {
    const browser = await sharedBrowser();
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      // No network: everything the document needs is inline.
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      await page.setContent(reportDocument(title, bodyHtml), { waitUntil: 'load' });
      const pdf = await page.pdf({
        format: 'A4', printBackground: true, displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: `<div style="font-size:8px;width:100%;padding:0 16mm;display:flex;justify-content:space-between;font-family:system-ui,sans-serif;color:#444"><span>${escape(title)}</span><span>pagina <span class="pageNumber"></span> van <span class="totalPages"></span></span></div>`,
        margin: { top: '18mm', bottom: '20mm', left: '16mm', right: '16mm' },
      });
      pdfStats.renders++;
      return Buffer.from(pdf);
    } finally {
      await context.close().catch(() => {});
    }
  } finally {
    releaseSlot();
  }
}
