/**
 * The first sheet of an XLSX file as `;`-separated text, for importers that validate text
 * (one parser, one set of row messages for both formats). Dates become dd-mm-jjjj, numbers
 * keep a decimal comma, formulas their cached result, and every field is quoted.
 */
import ExcelJS from 'exceljs';
import { VlechtError } from '../errors.ts';

const pad = (n: number) => String(n).padStart(2, '0');

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `${pad(v.getUTCDate())}-${pad(v.getUTCMonth() + 1)}-${v.getUTCFullYear()}`;
  if (typeof v === 'number') return String(v).replace('.', ',');
  if (typeof v === 'string' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object') {
    if ('result' in v && v.result !== undefined) return cellText(v.result as ExcelJS.CellValue);
    if ('formula' in v) return `=${String((v as { formula: string }).formula)}`;
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
    if ('text' in v) return String((v as { text: unknown }).text);
  }
  return '';
}

export async function xlsxToText(bytes: ArrayBuffer): Promise<string> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes);
  } catch {
    throw new VlechtError('VALIDATION', {}, [{ field: 'bestand', message: 'dit is geen leesbaar Excel-bestand (.xlsx)' }]);
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new VlechtError('VALIDATION', {}, [{ field: 'bestand', message: 'het Excel-bestand heeft geen werkblad' }]);
  const lines: string[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
    lines.push(values.map((t) => `"${t.replace(/"/g, '""')}"`).join(';'));
  });
  return lines.join('\n');
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
