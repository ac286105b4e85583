/**
 * The CBS municipality list shipped with the app (division of 2023), `;`-separated, and
 * the code changes by municipal mergers (`cbs-gemeentewijzigingen.csv`): old codes end,
 * new ones start, each with its source.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export const CBS_LIST_2023 = {
  path: fileURLToPath(new URL('../../reference/cbs-gemeenten-2023.csv', import.meta.url)),
  source: 'CBS gemeentelijke indeling 2023',
};
export const CBS_CHANGES = {
  path: fileURLToPath(new URL('../../reference/cbs-gemeentewijzigingen.csv', import.meta.url)),
  source: 'Gemeentelijke herindelingen (reference/cbs-gemeentewijzigingen.csv)',
};

export interface ReferenceMunicipality {
  cbsCode: string;
  name: string;
  validFrom: string | null;
  validTo: string | null;
  successorCbsCode: string | null;
}

const readSemicolonCsv = (path: string) =>
  parse(readFileSync(path, 'utf8'), { delimiter: ';', columns: true, bom: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];

export function readCbsList(path = CBS_LIST_2023.path): { cbsCode: string; name: string }[] {
  return readSemicolonCsv(path).map((r) => ({ cbsCode: r.gemeentecode, name: r.gemeentenaam }));
}

/** The list with the validity period of every code: codes that ended by a merger are added, with their successor. */
export function readCbsReference(listPath = CBS_LIST_2023.path, changesPath = CBS_CHANGES.path): ReferenceMunicipality[] {
  const byCode = new Map<string, ReferenceMunicipality>(
    readCbsList(listPath).map((m) => [m.cbsCode, { ...m, validFrom: null, validTo: null, successorCbsCode: null }]),
  );
  for (const r of readSemicolonCsv(changesPath)) {
    byCode.set(r.gemeentecode, {
      cbsCode: r.gemeentecode, name: r.gemeentenaam,
      validFrom: r.geldig_van || null, validTo: r.geldig_tot || null, successorCbsCode: r.opgegaan_in || null,
    });
  }
  return [...byCode.values()];
}
