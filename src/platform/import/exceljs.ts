/**
 * exceljs, loaded on first use: it costs ~0,3 s at every start of the CLI and the server,
 * while most commands and requests never read or write a workbook.
 */
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

const require = createRequire(import.meta.url);
let loaded: typeof ExcelJS | undefined;

export const exceljs = (): typeof ExcelJS => (loaded ??= require('exceljs') as typeof ExcelJS);
