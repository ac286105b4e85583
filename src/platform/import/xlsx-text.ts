/**
 * The first sheet of an XLSX file as `;`-separated text, for importers that validate text
 * (one parser, one set of row messages for both formats). Dates become dd-mm-jjjj, numbers
 * keep a decimal comma, formulas their cached result, and every field is quoted.
 */
import type ExcelJSTypes from 'exceljs';
import { exceljs } from './exceljs.ts';
import { VlechtError } from '../errors.ts';
import { cellValue } from './table-file.ts';

const pad = (n: number) => String(n).padStart(2, '0');

function cellText(v: ExcelJSTypes.CellValue): string {
  const raw = cellValue(v);
  if (raw === null || raw === undefined) return '';
  if (raw instanceof Date) return `${pad(raw.getUTCDate())}-${pad(raw.getUTCMonth() + 1)}-${raw.getUTCFullYear()}`;
  if (typeof raw === 'number') return String(raw).replace('.', ',');
  return String(raw);
}

export async function xlsxToText(bytes: ArrayBuffer): Promise<string> {
  const book = new (exceljs()).Workbook();
  try {
    await book.xlsx.load(bytes);
  } catch {
    throw new VlechtError('VALIDATION', {}, [{ field: 'bestand', message: 'dit is geen leesbaar Excel-bestand (.xlsx)' }]);
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new VlechtError('VALIDATION', {}, [{ field: 'bestand', message: 'het Excel-bestand heeft geen werkblad' }]);
  const lines: string[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = (row.values as ExcelJSTypes.CellValue[]).slice(1).map(cellText);
    lines.push(values.map((t) => `"${t.replace(/"/g, '""')}"`).join(';'));
  });
  return lines.join('\n');
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
