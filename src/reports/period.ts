/**
 * Report periods as people say them: a year ("2019"), a quarter ("2019-K3" or "2019-Q3"),
 * a half year ("2019-H1") or two Dutch dates ("01-03-2019/31-08-2019"). Pure.
 */
export interface ReportPeriod { from: string; to: string; label: string }

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function isoFromDutch(s: string): string | null {
  const m = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(s.trim());
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > lastDay(y, mo)) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** The period, or null when the text is not one of the forms above (the caller names the field). */
export function parseReportPeriod(input: string): ReportPeriod | null {
  const s = input.trim();
  let m = /^(\d{4})$/.exec(s);
  if (m) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31`, label: m[1] };
  m = /^(\d{4})-[KkQq]([1-4])$/.exec(s);
  if (m) {
    const y = Number(m[1]); const q = Number(m[2]);
    const first = (q - 1) * 3 + 1; const last = q * 3;
    return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(last)}-${pad(lastDay(y, last))}`, label: `${q}e kwartaal ${y}` };
  }
  m = /^(\d{4})-[Hh]([12])$/.exec(s);
  if (m) {
    const y = Number(m[1]); const h = Number(m[2]);
    return h === 1 ? { from: `${y}-01-01`, to: `${y}-06-30`, label: `1e halfjaar ${y}` } : { from: `${y}-07-01`, to: `${y}-12-31`, label: `2e halfjaar ${y}` };
  }
  const parts = s.split('/');
  if (parts.length === 2) {
    const from = isoFromDutch(parts[0]); const to = isoFromDutch(parts[1]);
    if (from && to && from <= to) return { from, to, label: `${parts[0].trim()} t/m ${parts[1].trim()}` };
  }
  return null;
}

export const PERIOD_HINT = 'schrijf de periode als jaar (2019), kwartaal (2019-K3), halfjaar (2019-H1) of dd-mm-jjjj/dd-mm-jjjj';
