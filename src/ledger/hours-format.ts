/**
 * The hours file format, pure: which columns exist (with the Dutch and English names
 * people actually use), and how one record becomes a typed row or a list of Dutch
 * problems naming row, column and value. No I/O: lookups are passed in.
 */
import { ACTIVITIES, type Activity } from './tables.ts';
import { cellText, parseDay, type ColumnSpec, type RawValue } from '../platform/import/columns.ts';

export type { RawValue };

export type ColumnKey = 'personeelsnummer' | 'werkgever' | 'datum' | 'uren' | 'gemeente' | 'activiteit' | 'team' | 'omschrijving';

export const HOURS_COLUMNS: ColumnSpec<ColumnKey>[] = [
  { key: 'personeelsnummer', required: true, aliases: ['personeelsnummer', 'persnr', 'medewerker', 'personnel number', 'employee'], help: 'Personeelsnummer zoals in het register (bijv. S1001).' },
  { key: 'werkgever', required: false, aliases: ['werkgever', 'werkgever cbs', 'employer'], help: 'Alleen nodig als hetzelfde personeelsnummer bij twee werkgevers voorkomt: CBS-code of naam.' },
  { key: 'datum', required: true, aliases: ['datum', 'date', 'werkdatum'], help: 'dd-mm-jjjj (of jjjj-mm-dd).' },
  { key: 'uren', required: true, aliases: ['uren', 'aantal uren', 'hours', 'tijd'], help: 'Uren met komma of punt (7,5) of als uu:mm (7:30); 0 < uren ≤ 24.' },
  { key: 'gemeente', required: true, aliases: ['gemeente', 'voor gemeente', 'bediende gemeente', 'municipality served', 'municipality'], help: 'De gemeente waarvoor gewerkt is: CBS-code (GM0397) of naam (Heemstede).' },
  { key: 'activiteit', required: true, aliases: ['activiteit', 'soort', 'activity'], help: 'regulier, vervanging, samenwerking (coördinatie, overleg, reistijd voor de samenwerking zelf) of project.' },
  { key: 'team', required: false, aliases: ['team', 'taakveld'], help: 'Korte naam of naam van het team; leeg = het team waarin de medewerker op die datum werkt.' },
  { key: 'omschrijving', required: false, aliases: ['omschrijving', 'toelichting', 'description'], help: 'Vrije tekst, maximaal 500 tekens.' },
];

export interface Problem {
  row: number;
  column: string;
  value: string;
  reason: string;
}

/** A work date in any of the accepted forms → ISO, or null. */
export const parseWorkDate = parseDay;

/** Hours as `7,5`, `7.5`, `7:30` or a number → whole minutes, or null when not a time. */
export function parseMinutes(v: RawValue): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? Math.round(v * 60) : null;
  const s = String(v ?? '').trim();
  let m = /^(\d{1,2}):([0-5]\d)$/.exec(s);
  if (m) return +m[1] * 60 + +m[2];
  m = /^(\d{1,4})(?:[.,](\d{1,4}))?$/.exec(s);
  if (!m) return null;
  return Math.round(Number(`${m[1]}.${m[2] ?? '0'}`) * 60);
}

const ACTIVITY_ALIASES: Record<string, Activity> = {
  regulier: 'regulier', regular: 'regulier', vervanging: 'vervanging', substitution: 'vervanging', achtervang: 'vervanging',
  samenwerking: 'samenwerking', 'samenwerking (overhead)': 'samenwerking', overhead: 'samenwerking', cooperation: 'samenwerking',
  project: 'project',
};

export interface Lookups {
  /** Employees by personnel number (may be several when two employers use the same number). */
  employeesByNumber: Map<string, { id: string; employerId: string; employerCode: string; employerName: string }[]>;
  /** Member municipalities by CBS code and by lower-cased name. */
  municipalities: Map<string, { id: string; cbsCode: string; name: string }>;
  /** Teams of the cooperation by lower-cased slug and name. */
  teams: Map<string, { id: string; name: string }>;
  /** The team an employee works in on a date (from assignments), or undefined. */
  teamOn(employeeId: string, isoDate: string): string | undefined;
}

export interface HoursRow {
  employeeId: string;
  employerMunicipalityId: string;
  teamId: string;
  servedMunicipalityId: string;
  workDate: string;
  minutes: number;
  activity: Activity;
  description: string;
}

const text = cellText;

/** One record → a row, or the problems with it (all of them, not just the first). */
export function parseHoursRecord(row: number, record: Partial<Record<ColumnKey, RawValue>>, lookups: Lookups): { row?: HoursRow; problems: Problem[] } {
  const problems: Problem[] = [];
  const problem = (column: ColumnKey, reason: string) => problems.push({ row, column, value: text(record[column]).slice(0, 80), reason });

  const number = text(record.personeelsnummer);
  let employee: { id: string; employerId: string } | undefined;
  const candidates = lookups.employeesByNumber.get(number) ?? [];
  if (!number) problem('personeelsnummer', 'verplicht');
  else if (candidates.length === 0) problem('personeelsnummer', 'onbekende medewerker in deze samenwerking');
  else if (candidates.length === 1) employee = candidates[0];
  else {
    const employer = text(record.werkgever).toLowerCase();
    employee = candidates.find((c) => c.employerCode.toLowerCase() === employer || c.employerName.toLowerCase() === employer);
    if (!employee) problem('werkgever', `personeelsnummer komt bij meerdere werkgevers voor (${candidates.map((c) => c.employerCode).join(', ')}): vul de werkgever in`);
  }

  const workDate = parseWorkDate(record.datum ?? null);
  if (!workDate) problem('datum', text(record.datum) ? 'geen geldige datum (gebruik dd-mm-jjjj)' : 'verplicht');

  const minutes = parseMinutes(record.uren ?? null);
  if (minutes === null) problem('uren', text(record.uren) ? 'geen geldig aantal uren (bijv. 7,5 of 7:30)' : 'verplicht');
  else if (minutes <= 0 || minutes > 24 * 60) problem('uren', 'moet meer dan 0 en hoogstens 24 uur zijn');

  const served = lookups.municipalities.get(text(record.gemeente).toUpperCase()) ?? lookups.municipalities.get(text(record.gemeente).toLowerCase());
  if (!served) problem('gemeente', text(record.gemeente) ? 'geen gemeente van deze samenwerking' : 'verplicht');

  const activity = ACTIVITY_ALIASES[text(record.activiteit).toLowerCase()];
  if (!activity) problem('activiteit', text(record.activiteit) ? `onbekende activiteit; kies uit ${ACTIVITIES.join(', ')}` : 'verplicht');

  let teamId: string | undefined;
  const teamText = text(record.team);
  if (teamText) {
    teamId = lookups.teams.get(teamText.toLowerCase())?.id;
    if (!teamId) problem('team', 'onbekend team in deze samenwerking');
  } else if (employee && workDate) {
    teamId = lookups.teamOn(employee.id, workDate);
    if (!teamId) problem('team', `medewerker werkt op ${workDate.split('-').reverse().join('-')} niet in een team van deze samenwerking; vul het team in`);
  }

  const description = text(record.omschrijving);
  if (description.length > 500) problem('omschrijving', 'langer dan 500 tekens');

  if (problems.length || !employee || !workDate || minutes === null || !served || !activity || !teamId) return { problems };
  return {
    problems,
    row: { employeeId: employee.id, employerMunicipalityId: employee.employerId, teamId, servedMunicipalityId: served.id, workDate, minutes, activity, description },
  };
}
