/**
 * A small inline SVG line for a trend, drawn on the server (no JavaScript). Pure: values
 * in, markup out. The figure beside it carries the meaning; the line only shows direction,
 * so it is `aria-hidden` and the caller states the values in words.
 */
export interface SparklineOptions { width?: number; height?: number; zeroLine?: boolean }

const round = (n: number) => Math.round(n * 10) / 10;

/** Points of the line in SVG coordinates (top-left origin), with 2 px padding. */
export function sparklinePoints(values: readonly number[], width: number, height: number, zeroLine = false): [number, number][] {
  if (values.length === 0) return [];
  const lo = Math.min(...values, ...(zeroLine ? [0] : []));
  const hi = Math.max(...values, ...(zeroLine ? [0] : []));
  const span = hi - lo || 1;
  const step = values.length > 1 ? (width - 4) / (values.length - 1) : 0;
  return values.map((v, i) => [round(2 + i * step), round(height - 2 - ((v - lo) / span) * (height - 4))]);
}

export function sparkline(values: readonly number[], options: SparklineOptions = {}): string {
  const width = options.width ?? 96;
  const height = options.height ?? 24;
  if (values.length < 2) return '';
  const pts = sparklinePoints(values, width, height, options.zeroLine);
  const lo = Math.min(...values, 0);
  const hi = Math.max(...values, 0);
  const zeroY = options.zeroLine && lo < 0 && hi > 0 ? round(height - 2 - ((0 - lo) / (hi - lo)) * (height - 4)) : null;
  const [lx, ly] = pts[pts.length - 1];
  return `<svg class="vlecht-sparkline" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-hidden="true" focusable="false">`
    + (zeroY === null ? '' : `<line x1="0" x2="${width}" y1="${zeroY}" y2="${zeroY}" stroke="#8a8a8a" stroke-width="1" stroke-dasharray="2 2"/>`)
    + `<polyline fill="none" stroke="#154273" stroke-width="1.5" points="${pts.map(([x, y]) => `${x},${y}`).join(' ')}"/>`
    + `<circle cx="${lx}" cy="${ly}" r="2" fill="#154273"/></svg>`;
}
