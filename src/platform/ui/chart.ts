/**
 * Server-side charts: one ECharts option renders to SVG for pages and PDFs alike, with
 * Dutch number formatting. The SVG carries role="img" and a text alternative; pages also
 * show the figures as a table.
 */
import { createRequire } from 'node:module';
import type * as Echarts from 'echarts';

// echarts is loaded on the first chart, not at start: it costs ~0,45 s at every CLI start.
const require = createRequire(import.meta.url);
let loaded: typeof Echarts | undefined;
const echartsModule = (): typeof Echarts => (loaded ??= require('echarts') as typeof Echarts);

export interface ChartOptions {
  width?: number;
  height?: number;
  /** Short text alternative, read by screen readers. */
  label: string;
}

/** Colours with at least 3:1 contrast against white (WCAG 1.4.11). */
export const PALETTE = ['#14365f', '#b34700', '#2e7d32', '#6a1b9a', '#00695c', '#8d6e00'];

const nl = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
export const formatAxis = (v: number) => nl.format(v);

/**
 * A chart is a pure function of its option, size and label, and ECharts takes 20–100 ms to
 * lay one out: the SVG of recent charts is kept, keyed by those inputs (functions by their
 * source text). A per-process memo, not state — any instance renders the same SVG.
 */
const MEMO_ENTRIES = 200;
const memo = new Map<string, string>();

export function renderChart(option: Echarts.EChartsCoreOption, options: ChartOptions): string {
  const key = JSON.stringify([option, options], (_, v) => (typeof v === 'function' ? `fn:${v.toString()}` : v));
  const kept = memo.get(key);
  if (kept !== undefined) {
    memo.delete(key);
    memo.set(key, kept); // most recently used last
    return kept;
  }
  const svg = renderChartNow(option, options);
  memo.set(key, svg);
  if (memo.size > MEMO_ENTRIES) memo.delete(memo.keys().next().value!);
  return svg;
}

function renderChartNow(option: Echarts.EChartsCoreOption, { width = 720, height = 320, label }: ChartOptions): string {
  const chart = echartsModule().init(null, null, { renderer: 'svg', ssr: true, width, height, locale: 'EN' });
  try {
    chart.setOption({ animation: false, color: PALETTE, textStyle: { fontFamily: 'system-ui, sans-serif', color: '#1a1a1a' }, ...option });
    const svg = withoutInlineStyles(chart.renderToSVGString());
    const escaped = label.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
    return svg.replace('<svg ', `<svg role="img" aria-label="${escaped}" focusable="false" `);
  } finally {
    chart.dispose();
  }
}

/**
 * Our CSP forbids inline styles, so ECharts' `style="font-size:12px;…"` becomes SVG
 * presentation attributes, and its hover-only <style> block is dropped.
 */
export function withoutInlineStyles(svg: string): string {
  return svg
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ style="([^"]*)"/g, (_, decls: string) => decls.replace(/&quot;/g, "'").split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
      const [rawProp, ...rest] = d.split(':');
      const prop = rawProp.trim();
      const value = rest.join(':').trim();
      // SVG has no `font` presentation attribute: split the shorthand ("bold 12px sans-serif").
      if (prop === 'font') {
        const m = /(?:(bold|normal|\d{3})\s+)?(?:normal\s+)*(\d+(?:\.\d+)?)px\s+(.+)$/.exec(value);
        return m ? `${m[1] && m[1] !== 'normal' ? ` font-weight="${m[1]}"` : ''} font-size="${m[2]}" font-family="${m[3].replace(/"/g, "'")}"` : '';
      }
      return /^[a-z-]+$/.test(prop) ? ` ${prop}="${value.replace(/px$/, '').replace(/"/g, '&quot;')}"` : '';
    }).join(''));
}
