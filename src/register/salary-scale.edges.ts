/** Edges of the salary scale table: API (import, read, CSV export in the import format) and CLI. Mounted with the HR import. */
import type { Hono } from 'hono';
import { Readable } from 'node:stream';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { AppEnv } from '../platform/http/env.ts';
import { signedIn } from '../platform/http/edge.ts';
import { download } from '../platform/http/download.ts';
import { toCsv, type Column } from '../platform/export/table.ts';
import { importSalaryScale, salaryScale, type SalaryScaleImportResult } from './salary-scale.service.ts';
import type { SalaryRate } from './salary-scale.ts';
import type { Ctx } from '../platform/context.ts';

const columns: Column<SalaryRate>[] = [
  { header: 'schaal', value: (r) => r.scale },
  { header: 'trede', value: (r) => String(r.step) },
  { header: 'uurtarief', value: (r) => (r.hourlyRateCents / 100).toFixed(2).replace('.', ',') },
  { header: 'ingangsdatum', value: (r) => r.validFrom.split('-').reverse().join('-') },
];

export function salaryScaleRoutes(api: Hono<AppEnv>) {
  /** Body: CSV/XLSX with schaal;trede;uurtarief;ingangsdatum. Query `bron`: e.g. "cao Gemeenten 2025, loontabel + 48% werkgeverslasten". */
  api.post('/gemeenten/:cbs/salaristabel', async (c) => {
    const body = c.req.raw.body ? Readable.fromWeb(c.req.raw.body as never) : Readable.from([]);
    const result = await importSalaryScale(signedIn(c), c.req.param('cbs'), body, c.req.query('bron') ?? '');
    c.header('Cache-Control', 'no-store');
    return c.json(result, result.status === 'geimporteerd' ? 201 : 200);
  });
  api.get('/gemeenten/:cbs/salaristabel', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await salaryScale(signedIn(c), c.req.param('cbs')));
  });
  api.get('/gemeenten/:cbs/salaristabel.csv', async (c) => {
    const table = await salaryScale(signedIn(c), c.req.param('cbs'));
    return download(c, toCsv(columns, table.rates), 'text/csv; charset=utf-8', `salaristabel-${table.cbsCode}.csv`);
  });
}

const describe = (r: SalaryScaleImportResult) =>
  `${r.status === 'geimporteerd' ? 'Geïmporteerd' : 'Niets gewijzigd'}: ${r.rowsInFile} regels, ${r.added} nieuw, ${r.changed} gewijzigd, ${r.unchanged} ongewijzigd.`;

export function mountSalaryScaleCli(imp: Command, withCtx: <T>(work: (ctx: Ctx) => Promise<T>) => Promise<T>) {
  imp.command('salaristabel <bestand>').description('Importeer de salaristabel van een werkgever (schaal;trede;uurtarief;ingangsdatum), voor HR-exports met schaal en trede in plaats van een uurtarief')
    .requiredOption('--gemeente <cbs>', 'de werkgever, bijv. GM0397')
    .option('--bron <tekst>', 'bronvermelding, bijv. "cao Gemeenten 2025 + werkgeverslasten"', '')
    .action((file: string, o: { gemeente: string; bron: string }) => withCtx(async (ctx) => {
      console.log(describe(await importSalaryScale(ctx, o.gemeente, createReadStream(file), o.bron || basename(file))));
    }));
}
