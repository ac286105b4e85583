/**
 * CSV/XLSX row schema for a benchmark import: one row per taakveld and year. Numbers are
 * parsed exactly from their text (never through a float): fte to thousandths, euros to
 * cents, percentages to millionths.
 *
 * Kolommen (kopregel; volgorde vrij, namen in kleine letters):
 *
 * | kolom                | verplicht | inhoud                                                                                  |
 * |----------------------|-----------|-----------------------------------------------------------------------------------------|
 * | `taakveld`           | ja        | sleutel of naam van het taakveld, bijv. `juridische-zaken`                                |
 * | `jaar`               | ja        | jaar van de benchmark, bijv. `2017`                                                      |
 * | `eigen_fte`          | ja        | eigen formatie van het taakveld in fte, hoogstens 3 decimalen (`8,75`)                     |
 * | `totale_fte`         | nee*      | eigen totale formatie (primair proces en overhead), nodig bij `referentie_aandeel`        |
 * | `referentie_fte`     | een van*  | formatie van de referentiegroep, omgerekend naar de eigen omvang, in fte                  |
 * | `referentie_aandeel` | een van*  | formatie van de referentiegroep als % van de totale formatie (`1,7`), hoogstens 4 decimalen |
 * | `eigen_kosten`       | nee       | eigen kosten van het taakveld in euro (`294.556` of `294556,00`)                          |
 * | `referentie_kosten`  | nee*      | kosten van de referentiegroep in euro, op de eigen omvang                                 |
 * | `afwijking_kosten`   | nee*      | in plaats van `referentie_kosten`: eigen min referentie in euro, met teken (`-5.378`), zoals een benchmarkrapport die drukt |
 * | `bron`               | nee       | herkomst, bijv. `Berenschot-benchmarkonderzoek 2017`                                      |
 *
 * Precies één van `referentie_fte` en `referentie_aandeel`. Bij `eigen_kosten` hoort precies
 * één van `referentie_kosten` en `afwijking_kosten`, en omgekeerd. Getallen met komma als
 * decimaalteken en punt voor duizendtallen (`1.234,5`), of met punt als decimaalteken
 * zonder duizendtallen (`1234.5`). Bij bedragen is `5.378` vijfduizend; bij fte is `2.950`
 * zonder komma dubbelzinnig en wordt het geweigerd.
 */
import { z } from 'zod';
import type { BenchmarkInput } from './benchmark.ts';

/** One column of the import, for the template, the documentation and header matching. */
export interface BenchmarkColumn {
  key: 'taakveld' | 'jaar' | 'eigen_fte' | 'totale_fte' | 'referentie_fte' | 'referentie_aandeel' | 'eigen_kosten' | 'referentie_kosten' | 'afwijking_kosten' | 'bron';
  verplicht: boolean;
  uitleg: string;
}

/** The columns in template order. */
export const BENCHMARK_COLUMNS: readonly BenchmarkColumn[] = [
  { key: 'taakveld', verplicht: true, uitleg: 'Sleutel of naam van het taakveld, bijv. juridische-zaken.' },
  { key: 'jaar', verplicht: true, uitleg: 'Jaar van de benchmark, bijv. 2017.' },
  { key: 'eigen_fte', verplicht: true, uitleg: 'Eigen formatie van het taakveld in fte, hoogstens 3 decimalen (8,75).' },
  { key: 'totale_fte', verplicht: false, uitleg: 'Eigen totale formatie in fte (primair proces en overhead); nodig bij referentie_aandeel.' },
  { key: 'referentie_fte', verplicht: false, uitleg: 'Formatie van de referentiegroep op de eigen omvang, in fte. Vul dit of referentie_aandeel.' },
  { key: 'referentie_aandeel', verplicht: false, uitleg: 'Formatie van de referentiegroep als % van de totale formatie (1,7), hoogstens 4 decimalen. Vul dit of referentie_fte.' },
  { key: 'eigen_kosten', verplicht: false, uitleg: 'Eigen kosten van het taakveld in euro (294.556).' },
  { key: 'referentie_kosten', verplicht: false, uitleg: 'Kosten van de referentiegroep op de eigen omvang, in euro.' },
  { key: 'afwijking_kosten', verplicht: false, uitleg: 'In plaats van referentie_kosten: eigen kosten min referentie in euro, met teken (-5.378).' },
  { key: 'bron', verplicht: false, uitleg: 'Herkomst van de cijfers, bijv. Berenschot-benchmarkonderzoek 2017.' },
];

/** The header line of the template, in column order. */
export const BENCHMARK_CSV_HEADER: readonly string[] = BENCHMARK_COLUMNS.map((c) => c.key);

type Parsed = { ok: true; value: bigint } | { ok: false; reden: string };

/**
 * Reads a Dutch or plain decimal exactly and returns it × 10^maxDecimals.
 * @example parseExactDecimal('1.234,5', 2) // { ok: true, value: 123450n }
 */
export function parseExactDecimal(text: string, maxDecimals: number): Parsed {
  const s = text.replace(/[\s\u00a0€%]/g, '').replace(/^\+/, '');
  let plain: string;
  if (/^-?(\d{1,3}(\.\d{3})+|\d+),\d+$/.test(s)) plain = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?[1-9]\d{0,2}(\.\d{3}){2,}$/.test(s)) plain = s.replace(/\./g, '');
  else if (/^-?[1-9]\d{0,2}\.\d{3}$/.test(s)) {
    // With at most 2 decimals (euros) three digits after the point can only be thousands.
    if (maxDecimals >= 3) return { ok: false, reden: `"${text.trim()}" is dubbelzinnig: schrijf ${s.replace('.', '')} of ${s.replace('.', ',')}` };
    plain = s.replace('.', '');
  }
  else if (/^-?\d+(\.\d+)?$/.test(s)) plain = s;
  else return { ok: false, reden: `"${text.trim()}" is geen getal` };
  const [whole, fraction = ''] = plain.replace('-', '').split('.');
  if (fraction.length > maxDecimals) return { ok: false, reden: `"${text.trim()}" heeft meer dan ${maxDecimals} decimalen` };
  const value = BigInt(whole + fraction.padEnd(maxDecimals, '0'));
  return { ok: true, value: plain.startsWith('-') ? -value : value };
}

/**
 * An empty cell counts as not given. A spreadsheet number is written with a decimal comma,
 * so 2.955 fte from a number cell is never mistaken for two thousand.
 */
const cell = z.preprocess(
  (v) => (v === null || v === undefined || (typeof v === 'string' && v.trim() === '') ? undefined : typeof v === 'number' ? String(v).replace('.', ',') : v),
  z.string().optional(),
);

const exact = (decimals: number, min: bigint, max: bigint, what: string) => cell.transform((v, ctx) => {
  if (v === undefined) return undefined;
  const parsed = parseExactDecimal(v, decimals);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.reden });
    return z.NEVER;
  }
  if (parsed.value < min || parsed.value > max) {
    ctx.addIssue({ code: 'custom', message: `${what} valt buiten het toegestane bereik` });
    return z.NEVER;
  }
  return Number(parsed.value);
});

const FTE = exact(3, 0n, 100_000_000n, 'de formatie');
const EURO = exact(2, 0n, 1_000_000_000_000n, 'het bedrag');

/** One import row → a typed BenchmarkInput plus its source; Dutch issues per column. */
export const benchmarkCsvRow = z.object({
  taakveld: z.string().trim().min(1, 'het taakveld ontbreekt').max(100),
  jaar: z.coerce.number().int('het jaar is een geheel getal').min(1900).max(2100),
  eigen_fte: FTE.refine((v) => v !== undefined, 'de eigen formatie ontbreekt'),
  totale_fte: FTE,
  referentie_fte: FTE,
  referentie_aandeel: exact(4, 0n, 1_000_000n, 'het referentieaandeel (0–100%)'),
  eigen_kosten: EURO,
  referentie_kosten: EURO,
  afwijking_kosten: exact(2, -1_000_000_000_000n, 1_000_000_000_000n, 'de afwijking'),
  bron: cell.transform((v) => v?.trim() ?? '').pipe(z.string().max(300)),
}).superRefine((r, ctx) => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if ((r.referentie_fte === undefined) === (r.referentie_aandeel === undefined)) {
    issue('referentie_fte', 'vul precies één van referentie_fte en referentie_aandeel');
  }
  if (r.referentie_aandeel !== undefined && r.totale_fte === undefined) {
    issue('totale_fte', 'bij referentie_aandeel hoort de eigen totale formatie (totale_fte)');
  }
  if (r.totale_fte !== undefined && r.eigen_fte !== undefined && r.eigen_fte > r.totale_fte) {
    issue('eigen_fte', 'de formatie van het taakveld is groter dan de totale formatie');
  }
  const refCost = r.referentie_kosten !== undefined;
  const deviation = r.afwijking_kosten !== undefined;
  if (refCost && deviation) issue('afwijking_kosten', 'vul referentie_kosten of afwijking_kosten, niet allebei');
  if (r.eigen_kosten === undefined && (refCost || deviation)) issue('eigen_kosten', 'bij referentiekosten of een kostenafwijking horen de eigen kosten');
  if (r.eigen_kosten !== undefined && !refCost && !deviation) issue('referentie_kosten', 'bij eigen kosten hoort referentie_kosten of afwijking_kosten');
  if (r.eigen_kosten !== undefined && deviation && r.eigen_kosten - r.afwijking_kosten! < 0) {
    issue('afwijking_kosten', 'de afwijking is groter dan de eigen kosten: de referentiekosten zouden negatief worden');
  }
}).transform((r): BenchmarkInput & { bron: string } => {
  const eigenKostenCents = r.eigen_kosten ?? null;
  return {
    taakveld: r.taakveld,
    jaar: r.jaar,
    eigenMilliFte: r.eigen_fte!,
    totaleMilliFte: r.totale_fte ?? null,
    referentie: r.referentie_fte !== undefined ? { soort: 'fte', milliFte: r.referentie_fte } : { soort: 'aandeel', ppm: r.referentie_aandeel! },
    eigenKostenCents,
    referentieKostenCents: eigenKostenCents === null ? null : r.referentie_kosten ?? eigenKostenCents - r.afwijking_kosten!,
    bron: r.bron,
  };
});

/** A row as it comes from the file (column → cell). */
export type BenchmarkCsvRow = z.input<typeof benchmarkCsvRow>;
