/**
 * Exact decimals for KPI values, as stored in numeric(18,4): a canonical string ("41.2",
 * "-3", "30000") in and out, BigInt units of 0.0001 inside. Nothing is computed in
 * floating point; `toNumber` exists only to draw charts. Pure.
 */

export const SCALE = 4;
const FACTOR = 10n ** BigInt(SCALE);
/** numeric(18,4) holds at most 14 digits before the decimal point. */
const LIMIT = 10n ** 18n;

const CANONICAL = /^-?\d+(\.\d+)?$/;

function fromParts(sign: string, whole: string, fraction: string): string | null {
  if (fraction.length > SCALE) return null;
  const units = BigInt(whole || '0') * FACTOR + BigInt((fraction || '').padEnd(SCALE, '0') || '0');
  if (units >= LIMIT) return null;
  return fromUnits(sign === '-' ? -units : units);
}

/** A canonical decimal ("41.2", "-3.25"); null when not one, with more than 4 decimals, or too large. */
export function parseDecimal(input: string | number): string | null {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return null;
    const text = String(input);
    return /e/i.test(text) ? null : parseDecimal(text);
  }
  const s = input.trim();
  if (!CANONICAL.test(s)) return null;
  const negative = s.startsWith('-');
  const [whole, fraction = ''] = s.replace(/^-/, '').split('.');
  return fromParts(negative ? '-' : '', whole, fraction);
}

/**
 * A decimal as a Dutch person types it: "1.234,56", "41,2", "€ 30.000", "45%", "-3".
 * Without a comma, "30.000" (groups of three) means thirty thousand and "41.2" means 41,2.
 */
export function parseDutchDecimal(input: string): string | null {
  const s = input.trim().replace(/[\s\u00a0€%]/g, '');
  if (s === '') return null;
  if (s.includes(',')) {
    if (!/^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+(,\d+)?$/.test(s)) return null;
    return parseDecimal(s.replace(/\./g, '').replace(',', '.'));
  }
  if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) return parseDecimal(s.replace(/\./g, ''));
  return parseDecimal(s);
}

/** Units of 0.0001 of a canonical or database decimal ("41.2000"). */
export function toUnits(value: string): bigint {
  const s = value.trim();
  if (!CANONICAL.test(s)) throw new Error(`not a decimal: ${value}`);
  const negative = s.startsWith('-');
  const [whole, fraction = ''] = s.replace(/^-/, '').split('.');
  const units = BigInt(whole) * FACTOR + BigInt(fraction.slice(0, SCALE).padEnd(SCALE, '0'));
  return negative ? -units : units;
}

export function fromUnits(units: bigint): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const whole = abs / FACTOR;
  const fraction = (abs % FACTOR).toString().padStart(SCALE, '0').replace(/0+$/, '');
  const text = fraction ? `${whole}.${fraction}` : `${whole}`;
  return negative && abs !== 0n ? `-${text}` : text;
}

/** "41.2000" from the database → "41.2". */
export const normalise = (value: string): string => fromUnits(toUnits(value));

export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  const d = toUnits(a) - toUnits(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

export const subtractDecimal = (a: string, b: string): string => fromUnits(toUnits(a) - toUnits(b));

/** Integer division rounded half away from zero. */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new Error('division by zero');
  const negative = (numerator < 0n) !== (denominator < 0n);
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n * 2n + d) / (2n * d);
  return negative ? -q : q;
}

/**
 * numerator / denominator as a canonical decimal rounded to `decimals` (≤ 4), half away
 * from zero — as PostgreSQL's round(numeric, decimals) does.
 */
export function quotient(numerator: bigint, denominator: bigint, decimals: number): string {
  if (decimals < 0 || decimals > SCALE) throw new Error(`decimals must be 0..${SCALE}`);
  const step = 10n ** BigInt(SCALE - decimals);
  return fromUnits(divideRounded(numerator * FACTOR, denominator * step) * step);
}

/** Whole percent of `part` in `whole` (both decimals), rounded; null when `whole` is zero. */
export function percentOf(part: string, whole: string): number | null {
  const w = toUnits(whole);
  return w === 0n ? null : Number(divideRounded(toUnits(part) * 100n, w));
}

const grouped = new Intl.NumberFormat('nl-NL');

/** Dutch notation of a decimal: "1234.5" → "1.234,5"; at least `minDecimals` decimals. */
export function formatDecimal(value: string, minDecimals = 0): string {
  const canonical = normalise(value);
  const negative = canonical.startsWith('-');
  const [whole, fraction = ''] = canonical.replace(/^-/, '').split('.');
  const digits = fraction.padEnd(minDecimals, '0');
  const text = `${grouped.format(BigInt(whole))}${digits ? `,${digits}` : ''}`;
  return negative ? `-${text}` : text;
}

/** For CSV: the decimal with a comma and no grouping ("-1234,5"), as Dutch spreadsheets read it. */
export const csvDecimal = (value: string): string => normalise(value).replace('.', ',');

/** For drawing only: charts need numbers. Never sum these. */
export const toNumber = (value: string): number => Number(normalise(value));
