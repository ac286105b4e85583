/**
 * The measurement file format, pure: a CSV with a header `datum;waarde;bron` (any order;
 * `;`, tab or `,` as separator; `bron` optional when the whole file has one source).
 * Every bad row is reported with its row number (the header is row 1); nothing is
 * half-accepted. Dates dd-mm-jjjj or jjjj-mm-dd, values as Dutch decimals (41,2).
 */
import { parse } from 'csv-parse/sync';
import { parseDutchDecimal } from './decimal.ts';
import { formatDate } from '../platform/i18n/format.ts';

export const MEASUREMENT_COLUMNS = [
  { key: 'datum', required: true, aliases: ['datum', 'meetdatum', 'date', 'peildatum'], help: 'De datum waarop de waarde gold: dd-mm-jjjj (of jjjj-mm-dd); niet in de toekomst.' },
  { key: 'waarde', required: true, aliases: ['waarde', 'realisatie', 'value', 'meting'], help: 'Getal met een komma voor decimalen, bijv. 41,2 of 30.000; hoogstens 4 decimalen.' },
  { key: 'bron', required: false, aliases: ['bron', 'source'], help: 'Waar de waarde vandaan komt; leeg = de bron die u voor het hele bestand opgeeft.' },
] as const;

type ColumnKey = (typeof MEASUREMENT_COLUMNS)[number]['key'];

export const MAX_MEASUREMENT_ROWS = 10_000;

export interface ParsedMeasurement {
  row: number;
  measuredOn: string;
  value: string;
  source: string;
}

export interface RowProblem {
  row: number;
  field: string;
  message: string;
  value?: string;
}

const isRealDate = (y: number, m: number, d: number) => {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
};

/** dd-mm-jjjj, d-m-jjjj or jjjj-mm-dd → ISO; null when not a real date. */
export function parseMeasurementDate(text: string): string | null {
  const s = text.trim();
  let m = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(s);
  if (m) return isRealDate(+m[3], +m[2], +m[1]) ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : null;
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m && isRealDate(+m[1], +m[2], +m[3]) ? s : null;
}

function delimiterOf(firstLine: string): string {
  if (firstLine.includes(';')) return ';';
  if (firstLine.includes('\t')) return '\t';
  return ',';
}

/** Parses the file; `today` (ISO) bounds the dates, `defaultSource` fills an empty `bron`. */
export function parseMeasurementCsv(text: string, today: string, defaultSource: string): { rows: ParsedMeasurement[]; problems: RowProblem[] } {
  const content = text.replace(/^\uFEFF/, '');
  const firstLine = content.split(/\r?\n/)[0] ?? '';
  let records: string[][];
  try {
    records = parse(content, { delimiter: delimiterOf(firstLine), relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch {
    return { rows: [], problems: [{ row: 1, field: 'bestand', message: 'dit is geen leesbaar CSV-bestand (controleer aanhalingstekens en scheidingsteken)' }] };
  }
  const header = (records[0] ?? []).map((h) => h.toLowerCase());
  const index = new Map(MEASUREMENT_COLUMNS.map((c) => [c.key, header.findIndex((h) => (c.aliases as readonly string[]).includes(h))]));
  const missing = MEASUREMENT_COLUMNS.filter((c) => c.required && index.get(c.key)! < 0);
  if (missing.length) {
    return { rows: [], problems: missing.map((c) => ({ row: 1, field: c.key, message: `de kolom ${c.key} ontbreekt in de kopregel (verwacht: datum;waarde;bron)` })) };
  }
  if (records.length < 2) return { rows: [], problems: [{ row: 1, field: 'bestand', message: 'het bestand bevat geen metingen onder de kopregel' }] };
  if (records.length - 1 > MAX_MEASUREMENT_ROWS) {
    return { rows: [], problems: [{ row: 1, field: 'bestand', message: `het bestand bevat meer dan ${MAX_MEASUREMENT_ROWS} metingen; splits het op` }] };
  }
  const rows: ParsedMeasurement[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  const cell = (r: string[], key: ColumnKey) => { const i = index.get(key)!; return i < 0 ? '' : (r[i] ?? '').trim(); };
  records.slice(1).forEach((r, i) => {
    const row = i + 2;
    const dateText = cell(r, 'datum');
    const valueText = cell(r, 'waarde');
    const source = cell(r, 'bron') || defaultSource.trim();
    const measuredOn = parseMeasurementDate(dateText);
    const value = parseDutchDecimal(valueText);
    const before = problems.length;
    if (!measuredOn) problems.push({ row, field: 'datum', message: 'geen bestaande datum; schrijf dd-mm-jjjj, bijv. 31-12-2025', value: dateText });
    else if (measuredOn > today) problems.push({ row, field: 'datum', message: 'de datum ligt in de toekomst', value: dateText });
    else if (seen.has(measuredOn)) problems.push({ row, field: 'datum', message: `deze datum staat ook op regel ${seen.get(measuredOn)}: één meting per datum`, value: formatDate(measuredOn) });
    if (value === null) problems.push({ row, field: 'waarde', message: 'geen getal; gebruik een komma voor decimalen (41,2), hoogstens 4 decimalen', value: valueText });
    if (!source) problems.push({ row, field: 'bron', message: 'de bron ontbreekt: vul de kolom bron of geef één bron voor het hele bestand' });
    if (source.length > 300) problems.push({ row, field: 'bron', message: 'gebruik hoogstens 300 tekens', value: `${source.slice(0, 40)}…` });
    if (measuredOn && !seen.has(measuredOn)) seen.set(measuredOn, row);
    if (problems.length === before) rows.push({ row, measuredOn: measuredOn!, value: value!, source });
  });
  return { rows, problems };
}
