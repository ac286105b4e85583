/**
 * Pure helpers for importing tables: column definitions with the names people use, header
 * matching (with an optional explicit mapping chosen by the user), and parsing Dutch
 * dates and numbers from cells.
 */

export interface ColumnSpec<K extends string = string> {
  key: K;
  required: boolean;
  /** Lower-case header names that mean this column. */
  aliases: string[];
  help: string;
}

export type RawValue = string | number | Date | null | undefined;

const normalise = (s: string) => s.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[_\s]+/g, ' ');

/**
 * Maps header cells to column keys. `mapping` (key → header text as in the file) wins
 * over the aliases, so an export with unfamiliar names is used as it comes.
 */
export function matchHeader<K extends string>(header: string[], columns: readonly ColumnSpec<K>[], mapping: Partial<Record<K, string>> = {}) {
  const map = new Map<number, K>();
  const unknown: string[] = [];
  // A mapped header this file does not have (a remembered mapping, another export) is
  // ignored, so the column can still be found under its usual names.
  const present = new Set(header.map((cell) => normalise(String(cell ?? ''))));
  const explicit = new Map(Object.entries(mapping).filter(([, v]) => v && present.has(normalise(String(v)))).map(([k, v]) => [normalise(String(v)), k as K]));
  header.forEach((cell, i) => {
    const name = normalise(String(cell ?? ''));
    if (!name) return;
    // An explicitly mapped column is found only under the header the user chose.
    const key = explicit.get(name) ?? columns.find((c) => c.aliases.includes(name) && ![...explicit.values()].includes(c.key))?.key;
    if (key && ![...map.values()].includes(key)) map.set(i, key);
    else unknown.push(String(cell));
  });
  const found = new Set(map.values());
  return { map, missing: columns.filter((c) => c.required && !found.has(c.key)), unknown };
}

const isRealDate = (y: number, m: number, d: number) => {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
};

/** dd-mm-jjjj, d-m-jjjj, dd/mm/jjjj, jjjj-mm-dd or a spreadsheet date → ISO, or null. */
export function parseDay(v: RawValue): string | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  const s = String(v ?? '').trim();
  let m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m) return isRealDate(+m[3], +m[2], +m[1]) ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : null;
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return isRealDate(+m[1], +m[2], +m[3]) ? s : null;
  return null;
}

/** `1.234,56`, `1234.56`, `0,8` or a number → number; null when not a number. */
export function parseDecimal(v: RawValue): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const s = String(v ?? '').trim().replace(/\s|€/g, '');
  if (!s) return null;
  const normalised = s.includes(',') ? s.replace(/\./g, '').replace(',', '.') : s;
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : null;
}

/** A cell as trimmed text (dates as ISO). */
export const cellText = (v: RawValue): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '').trim());
