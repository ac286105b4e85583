/** Shared by the benchmarks: time a piece of work after a warm-up, and one table row against a same-run baseline. */
import { performance } from 'node:perf_hooks';

export interface Timing { n: number; medianMs: number; p95Ms: number }

export async function time(n: number, work: (i: number) => unknown, warmup = Math.min(10, n)): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await work(i);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await work(i);
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { n, medianMs: samples[Math.floor(samples.length / 2)], p95Ms: samples[Math.min(samples.length - 1, Math.floor(0.95 * samples.length))] };
}

export const baselineRow = (engine: string, benchmark: string, r: Timing, b: Timing, digits = 2): Record<string, string | number> => ({
  engine, benchmark, n: r.n, 'median ms': r.medianMs.toFixed(digits), 'p95 ms': r.p95Ms.toFixed(digits),
  'baseline median ms': b.medianMs.toFixed(digits), 'x baseline': (r.medianMs / b.medianMs).toFixed(1),
});
