/**
 * Table exports as CSV (`;`, UTF-8 with BOM, for Dutch Excel) and XLSX. Text that a
 * spreadsheet would run as a formula (= + - @, tab, CR) is neutralised with a leading
 * apostrophe (OWASP CSV injection).
 */
import { stringify } from 'csv-stringify/sync';
import type ExcelJSTypes from 'exceljs';
import { exceljs } from '../import/exceljs.ts';

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null;
}

export function neutralise(v: string | number | null): string | number | null {
  if (typeof v !== 'string') return v;
  // A plain (Dutch) number such as -27.173,25 is data, not a formula.
  if (/^-?\d[\d.]*(,\d+)?$/.test(v)) return v;
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export function toCsv<T>(columns: Column<T>[], rows: Iterable<T>): string {
  const records = [columns.map((c) => c.header)];
  for (const row of rows) records.push(columns.map((c) => { const v = neutralise(c.value(row)); return v === null ? '' : String(v); }));
  return `\uFEFF${stringify(records, { delimiter: ';' })}`;
}

export async function toXlsx<T>(sheetName: string, columns: Column<T>[], rows: Iterable<T>): Promise<Buffer> {
  const workbook = new (exceljs()).Workbook();
  workbook.creator = 'Vlecht';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow(columns.map((c) => c.header)).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => neutralise(c.value(row))));
  sheet.columns.forEach((col) => { col.width = 18; });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
