/**
 * Reports as PDF: the same body as the page, in a standalone A4 document with the NL
 * Design System CSS inlined, printed by Debian's Chromium through playwright-core, with
 * the title and page numbers in the footer of every page. One browser per call: reports
 * are printed rarely, and a crashed browser can then never take the next print down.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
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

/** The PDF bytes of a report; a clear Dutch error when Chromium is not installed. */
export async function renderPdf(title: string, bodyHtml: string): Promise<Buffer> {
  if (!existsSync(CHROMIUM)) throw new VlechtError('UNAVAILABLE', { what: `PDF: Chromium niet gevonden op ${CHROMIUM} (installeer het Debian-pakket chromium of zet VLECHT_CHROMIUM)` });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    // No network: everything the document needs is inline.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(reportDocument(title, bodyHtml), { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4', printBackground: true, displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="font-size:8px;width:100%;padding:0 16mm;display:flex;justify-content:space-between;font-family:system-ui,sans-serif;color:#444"><span>${escape(title)}</span><span>pagina <span class="pageNumber"></span> van <span class="totalPages"></span></span></div>`,
      margin: { top: '18mm', bottom: '20mm', left: '16mm', right: '16mm' },
    });
    return Buffer.from(pdf);
  } finally {
    await browser.close();
  }
}
