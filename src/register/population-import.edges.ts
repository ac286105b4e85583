/** Edges of the population import: API route and CLI command. */
import { Hono } from 'hono';
import { Readable } from 'node:stream';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { AppEnv } from '../platform/http/env.ts';
import { signedIn } from '../platform/http/edge.ts';
import { importPopulation, type PopulationImportResult } from './population-import.service.ts';
import type { Ctx } from '../platform/context.ts';

export function populationImportApi() {
  const api = new Hono<AppEnv>();
  /** Body: a CBS StatLine CSV; query `bron` names the source shown next to every figure. */
  api.post('/gemeenten/inwoners/import', async (c) => {
    const body = c.req.raw.body ? Readable.fromWeb(c.req.raw.body as never) : Readable.from([]);
    const result = await importPopulation(signedIn(c), body, c.req.query('bron') ?? 'CBS StatLine');
    return c.json(result, result.status === 'geimporteerd' ? 201 : 200);
  });
  return api;
}

const describe = (r: PopulationImportResult) =>
  `${r.status === 'geimporteerd' ? 'Geïmporteerd' : 'Niets gewijzigd'}: ${r.added} nieuw, ${r.changed} gewijzigd, ${r.unchanged} ongewijzigd, ${r.skippedRegions} regio's die geen gemeente zijn overgeslagen. Bron: ${r.source}.`;

export function mountPopulationImportCli(program: Command, withCtx: <T>(work: (ctx: Ctx) => Promise<T>) => Promise<T>) {
  const imp = program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('Gegevens importeren');
  imp.command('inwoners <bestand>').description('Importeer inwonertallen uit een CBS StatLine-CSV (tabel 70072NED of een gemeentelijst met bevolking)')
    .option('--bron <tekst>', 'bronvermelding bij elk cijfer', '')
    .action((file: string, o: { bron: string }) => withCtx(async (ctx) => {
      console.log(describe(await importPopulation(ctx, createReadStream(file), o.bron || `CBS StatLine (${basename(file)})`)));
    }));
}
