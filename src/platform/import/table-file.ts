/**
 * Streams the records of an uploaded table file, CSV or XLSX, without holding the file
 * in memory. CSV: `;` or `,` (detected from the header), UTF-8 with or without BOM,
 * quotes as RFC 4180. XLSX: the first worksheet, read with exceljs's streaming reader.
 * Row numbers are as a spreadsheet shows them: the header is row 1.
 */
import { Readable, PassThrough } from 'node:stream';
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse';
import type ExcelJSTypes from 'exceljs';
import { exceljs } from './exceljs.ts';
import { VlechtError } from '../errors.ts';
import { matchHeader, type ColumnSpec, type RawValue } from './columns.ts';

export interface TableRecord<K extends string = string> {
  row: number;
  record: Partial<Record<K, RawValue>>;
  /** Set when the row had bytes that are not UTF-8. */
  badEncoding: boolean;
}

export interface TableFile<K extends string = string> {
  records: AsyncGenerator<TableRecord<K>>;
  /** SHA-256 of the bytes read; complete once `records` is exhausted. */
  sha256(): string;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Splits the first chunk off so the format can be sniffed, then replays it. */
async function peek(input: Readable): Promise<{ head: Buffer; stream: Readable }> {
  const iterator = input[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head: Buffer = first.done ? Buffer.alloc(0) : Buffer.from(first.value);
  async function* replay() {
    if (head.length) yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield Buffer.from(next.value);
    }
  }
  return { head, stream: Readable.from(replay()) };
}

function detectDelimiter(head: Buffer): ';' | ',' {
  const firstLine = head.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  const count = (c: string) => firstLine.split(c).length - 1;
  return count(';') >= count(',') && count(';') > 0 ? ';' : ',';
}

function headerProblem(missing: { key: string }[]): never {
  throw new VlechtError('VALIDATION', {}, missing.map((m) => ({ row: 1, field: m.key, message: 'verplichte kolom ontbreekt in de kopregel' })));
}

function toRecord<K extends string>(cells: RawValue[], map: Map<number, K>) {
  const record: Partial<Record<K, RawValue>> = {};
  let badEncoding = false;
  for (const [i, key] of map) {
    const v = cells[i];
    if (typeof v === 'string' && v.includes('\uFFFD')) badEncoding = true;
    record[key] = v;
  }
  return { record, badEncoding };
}

interface HeaderSpec<K extends string> {
  columns: readonly ColumnSpec<K>[];
  mapping?: Partial<Record<K, string>>;
}

async function* csvRecords<K extends string>(stream: Readable, delimiter: string, spec: HeaderSpec<K>): AsyncGenerator<TableRecord<K>> {
  const parser = stream.pipe(parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, max_record_size: 1_000_000 }));
  let map: Map<number, K> | null = null;
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      row++;
      if (!map) {
        const header = matchHeader(cells, spec.columns, spec.mapping);
        if (header.missing.length) headerProblem(header.missing);
        map = header.map;
        continue;
      }
      yield { row, ...toRecord(cells, map) };
    }
  } catch (e) {
    if (e instanceof VlechtError) throw e;
    const err = e as { code?: string; lines?: number; message?: string };
    throw new VlechtError('VALIDATION', {}, [{ row: (err.lines ?? row) || 1, field: '(bestand)', message: `het CSV-bestand is niet te lezen (${err.code ?? 'onbekende fout'}); controleer aanhalingstekens en scheidingsteken` }]);
  }
  if (!map) throw new VlechtError('VALIDATION', {}, [{ row: 1, field: '(bestand)', message: 'het bestand is leeg' }]);
}

/** One XLSX cell as the importers read it: cached formula results, rich text, never '[object Object]'. */
export function cellValue(v: ExcelJSTypes.CellValue): RawValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'object') {
    if ('result' in v) return cellValue(v.result as ExcelJSTypes.CellValue);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('error' in v) return String(v.error);
    // A formula without a cached result: shown as written, never evaluated. Found by test/import-fuzz.test.ts.
    if ('formula' in v || 'sharedFormula' in v) return `=${String((v as { formula?: string; sharedFormula?: string }).formula ?? (v as { sharedFormula?: string }).sharedFormula)}`;
    return ''; // another cell object (hyperlink without text, …): never '[object Object]' in a message
  }
  return String(v);
}

async function* xlsxRecords<K extends string>(stream: Readable, spec: HeaderSpec<K>): AsyncGenerator<TableRecord<K>> {
  const reader = new (exceljs()).stream.xlsx.WorkbookReader(stream, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
  let map: Map<number, K> | null = null;
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        // exceljs rows are 1-based arrays; shift to 0-based cells.
        const cells = (row.values as ExcelJSTypes.CellValue[]).slice(1).map(cellValue);
        if (!map) {
          const header = matchHeader(cells.map((c) => String(c ?? '')), spec.columns, spec.mapping);
          if (header.missing.length) headerProblem(header.missing);
          map = header.map;
          continue;
        }
        if (cells.every((c) => c === null || c === '')) continue;
        yield { row: row.number, ...toRecord(cells, map) };
      }
      break; // only the first worksheet
    }
  } catch (e) {
    if (e instanceof VlechtError) throw e;
    throw new VlechtError('VALIDATION', {}, [{ row: 1, field: '(bestand)', message: 'het XLSX-bestand is beschadigd of geen Excel-werkmap' }]);
  }
  if (!map) throw new VlechtError('VALIDATION', {}, [{ row: 1, field: '(bestand)', message: 'het werkblad is leeg' }]);
}

/** Opens a CSV or XLSX stream whose header is matched against `columns` (and the user's `mapping`). */
export async function openTableFile<K extends string>(input: Readable, columns: readonly ColumnSpec<K>[], mapping?: Partial<Record<K, string>>): Promise<TableFile<K>> {
  const hash = createHash('sha256');
  const tapped = input.pipe(new PassThrough({ transform(chunk, _enc, done) { hash.update(chunk); done(null, chunk); } }));
  const { head, stream } = await peek(tapped);
  const isXlsx = head.subarray(0, 4).equals(ZIP_MAGIC);
  let digest: string | null = null;
  return {
    records: isXlsx ? xlsxRecords(stream, { columns, mapping }) : csvRecords(stream, detectDelimiter(head), { columns, mapping }),
    sha256: () => (digest ??= hash.digest('hex')),
  };
}

/** The header cells of a CSV or XLSX file as written, for a column-mapping step. */
export async function headerOf(input: Readable): Promise<string[]> {
  const { head, stream } = await peek(input);
  if (head.subarray(0, 4).equals(ZIP_MAGIC)) {
    const reader = new (exceljs()).stream.xlsx.WorkbookReader(stream, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'emit' });
    try {
      for await (const worksheet of reader) {
        for await (const row of worksheet) return (row.values as ExcelJSTypes.CellValue[]).slice(1).map((v) => String(cellValue(v) ?? '').trim());
      }
    } catch {
      throw new VlechtError('VALIDATION', {}, [{ row: 1, field: 'bestand', message: 'het XLSX-bestand is beschadigd of geen Excel-werkmap' }]);
    }
    return [];
  }
  const parser = stream.pipe(parse({ delimiter: detectDelimiter(head), bom: true, relax_column_count: true, trim: true, to_line: 1 }));
  try {
    for await (const cells of parser as AsyncIterable<string[]>) return cells;
  } catch {
    throw new VlechtError('VALIDATION', {}, [{ row: 1, field: 'bestand', message: 'de kopregel van het CSV-bestand is niet te lezen' }]);
  }
  return [];
}
