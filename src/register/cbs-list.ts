/** The CBS municipality list shipped with the app (division of 2023), `;`-separated. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export const CBS_LIST_2023 = {
  path: fileURLToPath(new URL('../../reference/cbs-gemeenten-2023.csv', import.meta.url)),
  source: 'CBS gemeentelijke indeling 2023',
};

export function readCbsList(path = CBS_LIST_2023.path): { cbsCode: string; name: string }[] {
  const rows = parse(readFileSync(path, 'utf8'), { delimiter: ';', columns: true, bom: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  return rows.map((r) => ({ cbsCode: r.gemeentecode, name: r.gemeentenaam }));
}
