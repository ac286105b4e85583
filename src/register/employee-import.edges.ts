/** Edges of the HR import: API route and CLI command. */
import { Hono } from 'hono';
import { Readable } from 'node:stream';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import type { AppEnv } from '../platform/http/env.ts';
import { signedIn } from '../platform/http/edge.ts';
import { dutchDay, parseInput } from '../platform/validation.ts';
import { parseDutchDate } from '../platform/i18n/format.ts';
import { importEmployees, MAPPING_KIND, type EmployeeImportResult } from './employee-import.service.ts';
import { rememberedMapping } from './import-mapping.service.ts';
import { mountSalaryScaleCli, salaryScaleRoutes } from './salary-scale.edges.ts';
import { EMPLOYEE_COLUMNS, type EmployeeColumn } from './employee-import.ts';
import type { Ctx } from '../platform/context.ts';
import { exportEmployees, employeeExportColumns } from './employee-export.service.ts';
import { toCsv, toXlsx } from '../platform/export/table.ts';
import { download } from '../platform/http/download.ts';

const options = z.object({ bestandsnaam: z.string().max(200).default('medewerkers.csv'), peildatum: dutchDay.optional(), voorbeeld: z.enum(['ja', 'nee']).default('nee') });

/** `kolom.naam=Volledige naam` query parameters (API) or `naam=Volledige naam` arguments (CLI) → mapping. */
function mappingOf(pairs: [string, string][]): Partial<Record<EmployeeColumn, string>> {
  const keys = new Set(EMPLOYEE_COLUMNS.map((c) => c.key as string));
  return Object.fromEntries(pairs.filter(([k]) => keys.has(k))) as Partial<Record<EmployeeColumn, string>>;
}

export function employeeImportApi() {
  const api = new Hono<AppEnv>();
  /** Body: the CSV or XLSX export. Column mapping as `kolom.<veld>=<kop in het bestand>`. */
  api.post('/gemeenten/:cbs/medewerkers/import', async (c) => {
    const o = parseInput(options, c.req.query());
    const mapping = mappingOf(Object.entries(c.req.query()).filter(([k]) => k.startsWith('kolom.')).map(([k, v]) => [k.slice(6), v]));
    const body = c.req.raw.body ? Readable.fromWeb(c.req.raw.body as never) : Readable.from([]);
    const result = await importEmployees(signedIn(c), { cbsCode: c.req.param('cbs'), fileName: o.bestandsnaam, input: body, mapping, peildatum: o.peildatum, preview: o.voorbeeld === 'ja' });
    c.header('Cache-Control', 'no-store');
    return c.json(result, result.status === 'geimporteerd' ? 201 : 200);
  });
  /** The column mapping remembered for this municipality's HR exports (used when an import names none). */
  api.get('/gemeenten/:cbs/medewerkers/import/koppeling', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await rememberedMapping(signedIn(c), c.req.param('cbs'), MAPPING_KIND));
  });
  salaryScaleRoutes(api);
  api.get('/gemeenten/:cbs/medewerkers.csv', async (c) => {
    const { employer, rows } = await exportEmployees(signedIn(c), c.req.param('cbs'));
    return download(c, toCsv(employeeExportColumns, rows), 'text/csv; charset=utf-8', `medewerkers-${employer.cbsCode}.csv`);
  });
  api.get('/gemeenten/:cbs/medewerkers.xlsx', async (c) => {
    const { employer, rows } = await exportEmployees(signedIn(c), c.req.param('cbs'));
    return download(c, await toXlsx('Medewerkers', employeeExportColumns, rows), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `medewerkers-${employer.cbsCode}.xlsx`);
  });
  return api;
}

export function describeEmployeeImport(r: EmployeeImportResult): string[] {
  const head = { voorbeeld: 'Voorbeeld (niets opgeslagen)', ongewijzigd: 'Niets gewijzigd: het register komt al overeen met dit bestand', geimporteerd: 'Geïmporteerd' }[r.status];
  return [
    `${head}. ${r.rowsInFile} regels, peildatum ${r.peildatum.split('-').reverse().join('-')}.`,
    `  nieuw: ${r.new.length}, gewijzigd: ${r.changed.length}, vertrokken: ${r.left.length}, ongewijzigd: ${r.unchanged}`,
    ...r.changed.map((x) => `  gewijzigd ${x.personnelNumber}: ${x.what.join(', ')} vanaf ${x.validFrom.split('-').reverse().join('-')}`),
    ...r.left.map((x) => `  vertrokken ${x.personnelNumber} per ${x.validTo.split('-').reverse().join('-')}`),
  ];
}

export function mountEmployeeImportCli(program: Command, withCtx: <T>(work: (ctx: Ctx) => Promise<T>) => Promise<T>) {
  const imp = program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('Gegevens importeren');
  mountSalaryScaleCli(imp, withCtx);
  imp.command('medewerkers <bestand>').description('Importeer een export uit het HR-systeem (CSV of XLSX) voor één werkgever')
    .requiredOption('--gemeente <cbs>', 'de werkgever, bijv. GM0397')
    .option('--peildatum <datum>', 'datum van de export (dd-mm-jjjj); standaard vandaag')
    .option('--kolom <veld=kop...>', `koppeling als de export andere kolomnamen heeft; velden: ${EMPLOYEE_COLUMNS.map((c) => c.key).join(', ')}`)
    .option('--voorbeeld', 'alleen tonen wat er zou veranderen', false)
    .action((file: string, o: { gemeente: string; peildatum?: string; kolom?: string[]; voorbeeld: boolean }) => withCtx(async (ctx) => {
      const mapping = mappingOf((o.kolom ?? []).map((kv) => { const i = kv.indexOf('='); return [kv.slice(0, i), kv.slice(i + 1)] as [string, string]; }));
      const result = await importEmployees(ctx, {
        cbsCode: o.gemeente, fileName: basename(file), input: createReadStream(file), mapping,
        peildatum: o.peildatum ? parseDutchDate(o.peildatum) : undefined, preview: o.voorbeeld,
      });
      for (const line of describeEmployeeImport(result)) console.log(line);
    }));
}
