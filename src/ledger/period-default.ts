/**
 * Which period a ledger view shows when the reader names none, and how a period is said
 * in words. A partial period must never pass for the answer: the default is the last
 * *complete* year with data (complete = it ended before today), else the last complete
 * quarter with data, else the running period up to the last day with data, labelled as
 * partial. Pure: dates are ISO `YYYY-MM-DD` strings, which compare correctly as strings.
 */
export interface DefaultPeriod {
  from: string;
  to: string;
  /** 'jaar' | 'kwartaal' for a whole calendar period, 'onvolledig' for a period that has not ended. */
  kind: 'jaar' | 'kwartaal' | 'onvolledig';
  /** In words, e.g. "heel 2025", "1e kwartaal 2026", "2026 tot en met 30-11-2026, onvolledig". */
  label: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const dutch = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
const quarterOf = (y: number, q: number) => ({ from: `${y}-${pad((q - 1) * 3 + 1)}-01`, to: `${y}-${pad(q * 3)}-${pad(lastDay(y, q * 3))}` });
const overlaps = (span: { first: string; last: string }, from: string, to: string) => span.first <= to && span.last >= from;

/** A period in words; "onvolledig" when it has not ended before `today`. */
export function periodWords(from: string, to: string, today: string): string {
  const y = Number(from.slice(0, 4));
  const partial = to >= today;
  if (from === `${y}-01-01` && to === `${y}-12-31`) return partial ? `${y} tot en met ${dutch(today)}, onvolledig` : `heel ${y}`;
  for (let q = 1; q <= 4; q++) {
    const p = quarterOf(y, q);
    if (from === p.from && to === p.to) return partial ? `${q}e kwartaal ${y} tot en met ${dutch(today)}, onvolledig` : `${q}e kwartaal ${y}`;
  }
  if (from === `${y}-01-01` && to.slice(0, 4) === from.slice(0, 4)) return `${y} tot en met ${dutch(to)}${to.slice(5) !== '12-31' ? ', onvolledig' : ''}`;
  return `${dutch(from)} tot en met ${dutch(to)}${partial ? ', onvolledig' : ''}`;
}

/**
 * The default period for hours recorded from `span.first` to `span.last`, seen on `today`.
 * @example defaultPeriod({ first: '2025-01-02', last: '2026-11-28' }, '2026-12-05') // heel 2025
 */
export function defaultPeriod(span: { first: string | null; last: string | null }, today: string): DefaultPeriod {
  const thisYear = Number(today.slice(0, 4));
  if (!span.first || !span.last) {
    const y = thisYear - 1;
    return { from: `${y}-01-01`, to: `${y}-12-31`, kind: 'jaar', label: `heel ${y}` };
  }
  const s = { first: span.first, last: span.last };
  for (let y = Math.min(Number(s.last.slice(0, 4)), thisYear - 1); y >= Number(s.first.slice(0, 4)); y--) {
    if (overlaps(s, `${y}-01-01`, `${y}-12-31`)) return { from: `${y}-01-01`, to: `${y}-12-31`, kind: 'jaar', label: `heel ${y}` };
  }
  // No complete year with data: the last complete quarter with data.
  for (let y = Number(s.last.slice(0, 4)); y >= Number(s.first.slice(0, 4)); y--) {
    for (let q = 4; q >= 1; q--) {
      const p = quarterOf(y, q);
      if (p.to < today && overlaps(s, p.from, p.to)) return { ...p, kind: 'kwartaal', label: `${q}e kwartaal ${y}` };
    }
  }
  // Only a period that has not ended: from the start of its year up to the last day with data, said to be partial.
  const y = Number(s.last.slice(0, 4));
  return { from: `${y}-01-01`, to: s.last, kind: 'onvolledig', label: `${y} tot en met ${dutch(s.last)}, onvolledig` };
}
