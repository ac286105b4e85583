/** Dutch formatting: dates dd-mm-jjjj, money € 1.234,56 from integer cents, FTE with a comma. */

const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
const number = new Intl.NumberFormat('nl-NL');

/** `2017-04-01` → `01-04-2017`. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}

/** Date and time in Dutch local time, for the audit trail. */
export function formatDateTime(d: Date | string): string {
  const date = typeof d === 'string' ? new Date(d) : d;
  return new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
  }).format(date).replace(/\//g, '-');
}

/** Integer cents → `€ 1.234,56`. */
export const formatCents = (cents: number): string => euro.format(cents / 100);

/** Thousandths of FTE → `0,889`. */
export const formatFte = (milli: number): string =>
  new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 3 }).format(milli / 1000);

export const formatNumber = (n: number): string => number.format(n);

/** `01-04-2017` (or ISO) → `2017-04-01`; anything else is returned unchanged for validation to reject. */
export function parseDutchDate(input: string): string {
  const m = /^\s*(\d{1,2})-(\d{1,2})-(\d{4})\s*$/.exec(input);
  return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : input.trim();
}

/** `1.234,56` or `1234.56` → 1234.56; NaN when not a number. */
export function parseDutchNumber(input: string): number {
  const s = input.trim().replace(/\s|€/g, '');
  if (s === '') return Number.NaN;
  const normalised = s.includes(',') ? s.replace(/\./g, '').replace(',', '.') : s;
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : Number.NaN;
}
