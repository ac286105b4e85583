/**
 * Pure logic of the HR-system import: the columns of an export, one row to a typed
 * record, and the difference with the register (new, changed, left) — so a later export
 * becomes new validity periods, never overwritten history.
 */
import { cellText, parseDay, parseDecimal, type ColumnSpec, type RawValue } from '../platform/import/columns.ts';
import { normaliseScale, parseStep, rateOn, type SalaryRate } from './salary-scale.ts';

export type EmployeeColumn = 'personeelsnummer' | 'naam' | 'team' | 'functie' | 'fte' | 'uurtarief' | 'schaal' | 'trede' | 'ingangsdatum' | 'einddatum';

export const EMPLOYEE_COLUMNS: ColumnSpec<EmployeeColumn>[] = [
  { key: 'personeelsnummer', required: true, aliases: ['personeelsnummer', 'persnr', 'personnel number', 'medewerkernummer'], help: 'Uniek per werkgever.' },
  { key: 'naam', required: true, aliases: ['naam', 'volledige naam', 'name'], help: 'Naam van de medewerker.' },
  { key: 'team', required: true, aliases: ['team', 'afdeling', 'organisatie-eenheid'], help: 'Korte naam of naam van het team; bij gelijke namen samenwerking/team.' },
  { key: 'functie', required: false, aliases: ['functie', 'functienaam'], help: 'Naam van een functie van het team.' },
  { key: 'fte', required: true, aliases: ['fte', 'deeltijdfactor', 'werktijdfactor'], help: 'Bijv. 0,8 (hoogstens 1,5).' },
  { key: 'uurtarief', required: false, aliases: ['uurtarief', 'integraal uurtarief', 'kostprijs per uur'], help: 'In euro, bijv. 65,50. Leeg: uit de salaristabel via schaal en trede.' },
  { key: 'schaal', required: false, aliases: ['schaal', 'salarisschaal', 'salary scale'], help: 'Bijv. 10; met trede, als het uurtarief ontbreekt.' },
  { key: 'trede', required: false, aliases: ['trede', 'salaristrede', 'periodiek'], help: 'Geheel getal; het tarief komt uit de salaristabel van de werkgever.' },
  { key: 'ingangsdatum', required: false, aliases: ['ingangsdatum', 'datum in dienst', 'startdatum'], help: 'dd-mm-jjjj; leeg = peildatum.' },
  { key: 'einddatum', required: false, aliases: ['einddatum', 'datum uit dienst'], help: 'dd-mm-jjjj; ingevuld = vertrekt per die datum.' },
];

export interface TeamRef { id: string; slug: string; name: string; cooperationSlug: string; functions: { id: string; name: string }[] }

export interface EmployeeRow {
  row: number;
  personnelNumber: string;
  name: string;
  teamId: string;
  functionId: string | null;
  fteMilli: number;
  rateCents: number | null;
  from: string | null;
  to: string | null;
}

export interface RowProblem { row: number; column: string; value: string; reason: string }

function findTeam(teams: readonly TeamRef[], text: string): TeamRef | TeamRef[] | undefined {
  const t = text.toLowerCase();
  if (t.includes('/')) return teams.find((x) => `${x.cooperationSlug}/${x.slug}` === t);
  const hits = teams.filter((x) => x.slug === t || x.name.toLowerCase() === t);
  return hits.length > 1 ? hits : hits[0];
}

/** The employer's salary scale table and the export's date, for rows with scale and step instead of a rate. */
export interface ScaleLookup { table: readonly SalaryRate[]; peildatum: string }

export function parseEmployeeRecord(row: number, record: Partial<Record<EmployeeColumn, RawValue>>, teams: readonly TeamRef[], scales?: ScaleLookup): { row?: EmployeeRow; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const problem = (column: EmployeeColumn, reason: string) => problems.push({ row, column, value: cellText(record[column]).slice(0, 80), reason });
  const personnelNumber = cellText(record.personeelsnummer);
  if (!personnelNumber) problem('personeelsnummer', 'verplicht');
  else if (personnelNumber.length > 40) problem('personeelsnummer', 'langer dan 40 tekens');
  const name = cellText(record.naam);
  if (!name) problem('naam', 'verplicht');
  const found = findTeam(teams, cellText(record.team));
  let team: TeamRef | undefined;
  if (!cellText(record.team)) problem('team', 'verplicht');
  else if (Array.isArray(found)) problem('team', `meerdere teams heten zo (${found.map((f) => `${f.cooperationSlug}/${f.slug}`).join(', ')}): schrijf samenwerking/team`);
  else if (!found) problem('team', 'onbekend team in de samenwerkingen van deze gemeente');
  else team = found;
  let functionId: string | null = null;
  const fn = cellText(record.functie);
  if (fn && team) {
    functionId = team.functions.find((f) => f.name.toLowerCase() === fn.toLowerCase())?.id ?? null;
    if (!functionId) problem('functie', `onbekende functie in team ${team.name}`);
  }
  const fte = parseDecimal(record.fte);
  if (fte === null) problem('fte', cellText(record.fte) ? 'geen getal (bijv. 0,8)' : 'verplicht');
  else if (fte <= 0 || fte > 1.5) problem('fte', 'moet meer dan 0 en hoogstens 1,5 zijn');
  let rate = cellText(record.uurtarief) ? parseDecimal(record.uurtarief) : null;
  if (cellText(record.uurtarief) && (rate === null || rate < 0 || rate > 10_000)) problem('uurtarief', 'geen geldig bedrag in euro (bijv. 65,50)');
  const from = cellText(record.ingangsdatum) ? parseDay(record.ingangsdatum) : null;
  if (cellText(record.ingangsdatum) && !from) problem('ingangsdatum', 'geen geldige datum (dd-mm-jjjj)');
  // No rate but a scale: the employer's table gives the rate valid from the row's start (or the export's date).
  const scale = normaliseScale(cellText(record.schaal));
  if (!cellText(record.uurtarief) && scale) {
    const step = parseStep(record.trede);
    const day = from ?? scales?.peildatum;
    if (step === null) problem('trede', cellText(record.trede) ? 'geen trede: een geheel getal van 0 t/m 30' : 'verplicht bij een schaal zonder uurtarief');
    else if (day) {
      const cents = rateOn(scales?.table ?? [], scale, step, day);
      if (cents === null) problem('schaal', `geen uurtarief voor schaal ${scale} trede ${step} op ${day.split('-').reverse().join('-')} in de salaristabel van de werkgever`);
      else rate = cents / 100;
    }
  }
  const to = cellText(record.einddatum) ? parseDay(record.einddatum) : null;
  if (cellText(record.einddatum) && !to) problem('einddatum', 'geen geldige datum (dd-mm-jjjj)');
  if (from && to && to <= from) problem('einddatum', 'ligt niet na de ingangsdatum');
  if (problems.length || !team || fte === null) return { problems };
  return { problems, row: { row, personnelNumber, name, teamId: team.id, functionId, fteMilli: Math.round(fte * 1000), rateCents: rate === null ? null : Math.round(rate * 100), from, to } };
}

export interface CurrentEmployee {
  id: string;
  personnelNumber: string;
  name: string;
  assignment: { id: string; teamId: string; functionId: string | null; fteMilli: number; validFrom: string } | null;
  rate: { id: string; hourlyRateCents: number; validFrom: string } | null;
}

export type Change =
  | { kind: 'nieuw'; row: EmployeeRow; validFrom: string }
  | { kind: 'gewijzigd'; row: EmployeeRow; current: CurrentEmployee; name: boolean; assignment: boolean; rate: boolean; leaves: boolean; validFrom: string }
  | { kind: 'vertrokken'; current: CurrentEmployee; validTo: string };

/**
 * What applying the export changes. `peildatum` is the export's date: changes without
 * their own date take effect then, and people with an open assignment who are missing
 * from the export leave then.
 */
export function diffRoster(current: readonly CurrentEmployee[], rows: readonly EmployeeRow[], peildatum: string): { changes: Change[]; unchanged: number } {
  const byNumber = new Map(current.map((c) => [c.personnelNumber, c]));
  const seen = new Set<string>();
  const changes: Change[] = [];
  let unchanged = 0;
  for (const row of rows) {
    seen.add(row.personnelNumber);
    const cur = byNumber.get(row.personnelNumber);
    if (!cur) { changes.push({ kind: 'nieuw', row, validFrom: row.from ?? peildatum }); continue; }
    const a = cur.assignment;
    const assignment = !a || a.teamId !== row.teamId || a.functionId !== row.functionId || a.fteMilli !== row.fteMilli;
    const rate = row.rateCents !== null && cur.rate?.hourlyRateCents !== row.rateCents;
    const name = cur.name !== row.name;
    const leaves = row.to !== null && !!a;
    if (!assignment && !rate && !name && !leaves) { unchanged++; continue; }
    // A change takes effect on its own date when that follows the running period, else on the peildatum.
    const validFrom = row.from && (!a || row.from > a.validFrom) ? row.from : peildatum;
    changes.push({ kind: 'gewijzigd', row, current: cur, name, assignment, rate, leaves, validFrom });
  }
  for (const cur of current) {
    if (!seen.has(cur.personnelNumber) && cur.assignment) changes.push({ kind: 'vertrokken', current: cur, validTo: peildatum });
  }
  return { changes, unchanged };
}
