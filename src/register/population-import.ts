/**
 * Pure logic of the population import from a CBS StatLine download (table 70072NED
 * Regionale kerncijfers, or a municipality list with population): which columns, and one
 * row to (CBS code, year, inhabitants) or problems. Regions that are not municipalities
 * (Nederland, provinces, COROP areas) are skipped, not errors.
 */
import { cellText, type ColumnSpec, type RawValue } from '../platform/import/columns.ts';

export type PopulationColumn = 'regio' | 'periode' | 'inwoners';

export const POPULATION_COLUMNS: ColumnSpec<PopulationColumn>[] = [
  { key: 'regio', required: true, aliases: ["regio's", 'regios', 'regio', 'gemeente', 'gemeentecode', 'regiocode', 'code'], help: 'CBS-code (GM0397) of gemeentenaam.' },
  { key: 'periode', required: true, aliases: ['perioden', 'periode', 'jaar'], help: 'Jaar, zoals 2023 of 2023JJ00.' },
  { key: 'inwoners', required: true, aliases: ['totale bevolking', 'totalebevolking 1', 'bevolking', 'inwoners', 'aantal inwoners', 'bevolking/bevolkingssamenstelling op 1 januari/totale bevolking (aantal)', 'bevolking op 1 januari'], help: 'Aantal inwoners op 1 januari.' },
];

export interface PopulationRow { row: number; cbsCode: string; year: number; inhabitants: number }
export interface PopulationProblem { row: number; column: string; value: string; reason: string }

/** Region codes of other kinds in StatLine (NL01 Nederland, PV provinces, LD parts, CR COROP …). */
const OTHER_REGION = /^(NL|PV|LD|CR|GG|RE|WK|BU)\d*/i;

export function parsePopulationRecord(row: number, record: Partial<Record<PopulationColumn, RawValue>>, codeByName: (name: string) => string | undefined):
  { row?: PopulationRow; skipped?: boolean; problems: PopulationProblem[] } {
  const problems: PopulationProblem[] = [];
  const problem = (column: PopulationColumn, reason: string) => problems.push({ row, column, value: cellText(record[column]).slice(0, 80), reason });
  const region = cellText(record.regio).replace(/\s+$/, '');
  let cbsCode: string | undefined;
  if (/^GM\d{4}$/i.test(region)) cbsCode = region.toUpperCase();
  else if (OTHER_REGION.test(region) || /^nederland$/i.test(region) || /\(PV\)|\(LD\)|\(CR\)/.test(region)) return { skipped: true, problems };
  else cbsCode = codeByName(region);
  if (!region) problem('regio', 'verplicht');
  else if (!cbsCode) problem('regio', 'geen gemeente in de CBS-lijst (gebruik de CBS-code, bijv. GM0397)');
  const m = /^(\d{4})(JJ00)?$/i.exec(cellText(record.periode));
  if (!m) problem('periode', 'geen jaar (bijv. 2023 of 2023JJ00)');
  const digits = cellText(record.inwoners).replace(/[.\s]/g, '');
  const inhabitants = /^\d{1,7}$/.test(digits) ? Number(digits) : NaN;
  if (!Number.isInteger(inhabitants)) problem('inwoners', cellText(record.inwoners) ? 'geen geheel aantal' : 'verplicht (een leeg of geheim gehouden cijfer, "." bij CBS, kan niet worden gebruikt)');
  if (problems.length || !cbsCode || !m) return { problems };
  return { problems, row: { row, cbsCode, year: Number(m[1]), inhabitants } };
}
