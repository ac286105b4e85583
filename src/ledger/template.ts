/** The downloadable hours template (CSV and XLSX), generated from the column definitions. */
import { HOURS_COLUMNS } from './hours-format.ts';
import { toCsv, toXlsx, type Column } from '../platform/export/table.ts';

const EXAMPLE = [
  { personeelsnummer: 'S1000', werkgever: '', datum: '05-01-2026', uren: '7,5', gemeente: 'GM0397', activiteit: 'regulier', team: '', omschrijving: 'Voorbeeldregel' },
  { personeelsnummer: 'S1000', werkgever: '', datum: '05-01-2026', uren: '1:30', gemeente: 'Bloemendaal', activiteit: 'samenwerking', team: 'p-en-o', omschrijving: 'Overleg MT-Kzoom' },
];
type Example = (typeof EXAMPLE)[number];
const columns: Column<Example>[] = HOURS_COLUMNS.map((c) => ({ header: c.key, value: (r: Example) => r[c.key] }));

export const hoursTemplateCsv = () => toCsv(columns, EXAMPLE);
export const hoursTemplateXlsx = () => toXlsx('Uren', columns, EXAMPLE);
