/**
 * Meeting calendars from files (pure): iCalendar (.ics) and CSV. Every bad row or event
 * is reported in Dutch with its line/row number; the service writes nothing when there
 * is one problem.
 *
 * iCalendar: we read the VEVENT subset a council calendar export (iBabs, Notubiz,
 * Outlook) holds — DTSTART (date, UTC or TZID date-time; the day in Europe/Amsterdam),
 * SUMMARY, UID, STATUS — with line unfolding and text unescaping (RFC 5545 §3.1, §3.3.11).
 * A recurring event (RRULE) is reported, not expanded: council meetings are exported as
 * single events, and guessing exceptions of a series would invent meeting dates. This
 * subset is ~100 lines, so no parser dependency (ical.js would add ~200 kB for features
 * we must refuse anyway).
 */
import { parse } from 'csv-parse/sync';

export interface CalendarRow { row: number; meetingOn: string; title: string; uid: string; bodyKey: string | null }
export interface CalendarProblem { row: number; field: string; message: string; value?: string }
export interface ParsedCalendar { rows: CalendarRow[]; problems: CalendarProblem[] }

export const MAX_CALENDAR_ROWS = 5000;
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

const isRealDate = (y: number, m: number, d: number) => {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return y >= MIN_YEAR && y <= MAX_YEAR && dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
};

const amsterdamDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day of an iCalendar DTSTART value; null when it is not a real date. */
export function icsDay(value: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(value.trim());
  if (!m || !isRealDate(+m[1], +m[2], +m[3])) return null;
  if (m[7] === 'Z') {
    const instant = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
    return Number.isNaN(instant.getTime()) ? null : amsterdamDay.format(instant);
  }
  return `${m[1]}-${m[2]}-${m[3]}`;
}

const unescapeText = (s: string) => s.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? ' ' : c)).trim();

export function parseIcs(text: string): ParsedCalendar {
  const content = text.replace(/^\uFEFF/, '');
  const physical = content.split(/\r?\n/);
  // Unfold: a line starting with a space or tab continues the previous one; keep the first line number.
  const lines: { no: number; text: string }[] = [];
  physical.forEach((l, i) => {
    if ((l.startsWith(' ') || l.startsWith('\t')) && lines.length) lines[lines.length - 1].text += l.slice(1);
    else if (l !== '') lines.push({ no: i + 1, text: l });
  });
  const problems: CalendarProblem[] = [];
  const rows: CalendarRow[] = [];
  if (!lines.some((l) => l.text.trim().toUpperCase() === 'BEGIN:VCALENDAR')) {
    return { rows, problems: [{ row: 1, field: 'bestand', message: 'dit is geen iCalendar-bestand (BEGIN:VCALENDAR ontbreekt)' }] };
  }
  let event: { no: number; props: Map<string, { params: string; value: string }> } | null = null;
  for (const { no, text: line } of lines) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const head = line.slice(0, colon);
    const value = line.slice(colon + 1);
    const [name, ...params] = head.split(';');
    const upper = name.toUpperCase();
    if (upper === 'BEGIN' && value.trim().toUpperCase() === 'VEVENT') { event = { no, props: new Map() }; continue; }
    if (upper === 'END' && value.trim().toUpperCase() === 'VEVENT' && event) {
      const p = event.props;
      const start = p.get('DTSTART');
      if ((p.get('STATUS')?.value ?? '').toUpperCase() === 'CANCELLED') { event = null; continue; }
      if (p.has('RRULE')) problems.push({ row: event.no, field: 'RRULE', message: 'een herhalende vergadering (RRULE) wordt niet ondersteund; exporteer de vergaderingen als losse afspraken', value: p.get('RRULE')!.value });
      else if (!start) problems.push({ row: event.no, field: 'DTSTART', message: 'de afspraak heeft geen begindatum (DTSTART)' });
      else {
        const day = icsDay(start.value);
        if (!day) problems.push({ row: event.no, field: 'DTSTART', message: `geen geldige datum tussen ${MIN_YEAR} en ${MAX_YEAR}; verwacht bijv. 20260129 of 20260129T193000`, value: start.value });
        else rows.push({ row: event.no, meetingOn: day, title: unescapeText(p.get('SUMMARY')?.value ?? '').slice(0, 300), uid: (p.get('UID')?.value ?? '').trim().slice(0, 300), bodyKey: null });
      }
      event = null;
      continue;
    }
    if (event && !event.props.has(upper)) event.props.set(upper, { params: params.join(';'), value });
  }
  if (event) problems.push({ row: event.no, field: 'END', message: 'de afspraak is niet afgesloten (END:VEVENT ontbreekt)' });
  if (rows.length + problems.length > MAX_CALENDAR_ROWS) return { rows: [], problems: [{ row: 1, field: 'bestand', message: `het bestand heeft meer dan ${MAX_CALENDAR_ROWS} afspraken; splits het op` }] };
  return { rows, problems };
}

/** dd-mm-jjjj, d-m-jjjj or jjjj-mm-dd → ISO; null when not a real date. */
export function parseCsvDay(text: string): string | null {
  const s = text.trim();
  let m = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(s);
  if (m) return isRealDate(+m[3], +m[2], +m[1]) ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : null;
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m && isRealDate(+m[1], +m[2], +m[3]) ? s : null;
}

export const CALENDAR_CSV_COLUMNS = [
  { key: 'datum', aliases: ['datum', 'vergaderdatum', 'date'], help: 'De vergaderdatum: dd-mm-jjjj (of jjjj-mm-dd).' },
  { key: 'orgaan', aliases: ['orgaan', 'gremium', 'body'], help: 'De korte naam van het orgaan, bijv. raad-gm0397; leeg = het orgaan dat u bij het importeren kiest.' },
  { key: 'omschrijving', aliases: ['omschrijving', 'titel', 'onderwerp', 'summary'], help: 'Optioneel: bijv. Raadsvergadering.' },
] as const;

/** CSV with a header; `datum` required, `orgaan` and `omschrijving` optional; `;`, tab or `,`. */
export function parseCalendarCsv(text: string): ParsedCalendar {
  const content = text.replace(/^\uFEFF/, '');
  const first = content.split(/\r?\n/)[0] ?? '';
  const delimiter = first.includes(';') ? ';' : first.includes('\t') ? '\t' : ',';
  let records: string[][];
  try {
    records = parse(content, { delimiter, relax_column_count: true, skip_empty_lines: true, bom: true });
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    return { rows: [], problems: [{ row: line ?? 1, field: 'bestand', message: 'het bestand is geen geldige CSV (controleer aanhalingstekens)' }] };
  }
  if (records.length === 0) return { rows: [], problems: [{ row: 1, field: 'bestand', message: 'het bestand is leeg' }] };
  if (records.length - 1 > MAX_CALENDAR_ROWS) return { rows: [], problems: [{ row: 1, field: 'bestand', message: `het bestand heeft meer dan ${MAX_CALENDAR_ROWS} regels; splits het op` }] };
  const header = records[0].map((h) => h.trim().toLowerCase());
  const index = (key: (typeof CALENDAR_CSV_COLUMNS)[number]['key']) => header.findIndex((h) => (CALENDAR_CSV_COLUMNS.find((c) => c.key === key)!.aliases as readonly string[]).includes(h));
  const iDate = index('datum');
  if (iDate < 0) return { rows: [], problems: [{ row: 1, field: 'datum', message: 'verplichte kolom ontbreekt in de kopregel', value: records[0].join(delimiter) }] };
  const iBody = index('orgaan');
  const iTitle = index('omschrijving');
  const rows: CalendarRow[] = [];
  const problems: CalendarProblem[] = [];
  records.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const raw = (cells[iDate] ?? '').trim();
    const day = parseCsvDay(raw);
    if (!day) {
      problems.push({ row, field: 'datum', message: raw === '' ? 'vul de vergaderdatum in (dd-mm-jjjj)' : `geen bestaande datum tussen ${MIN_YEAR} en ${MAX_YEAR}; schrijf dd-mm-jjjj, bijv. 29-01-2026`, ...(raw ? { value: raw } : {}) });
      return;
    }
    const bodyKey = iBody >= 0 ? (cells[iBody] ?? '').trim().toLowerCase() || null : null;
    rows.push({ row, meetingOn: day, title: iTitle >= 0 ? (cells[iTitle] ?? '').trim().slice(0, 300) : '', uid: '', bodyKey });
  });
  return { rows, problems };
}
