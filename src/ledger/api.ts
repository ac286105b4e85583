/** HTTP API of the hours ledger under /api/v1. */
import { Hono, type Context } from 'hono';
import { Readable } from 'node:stream';
import type { AppEnv } from '../platform/http/env.ts';
import { jsonBody, signedIn } from '../platform/http/edge.ts';
import { vatSignalOf } from './vat.service.ts';
import { allocateCostItem, createCostItem, listCostItems } from './cost.service.ts';
import { parseInput } from '../platform/validation.ts';
import { importHours } from './import.service.ts';
import { ledgerOverview, listImports } from './ledger.service.ts';
import { importOptions } from './ledger.schema.ts';
import { hoursTemplateCsv, hoursTemplateXlsx } from './template.ts';
import { allocationColumns, allocationRows, balanceColumns, balanceRows, ledgerCellColumns } from './exports.ts';
import { toCsv, toXlsx } from '../platform/export/table.ts';
import { download } from '../platform/http/download.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/** The request body as a stream, so a large file is never held in memory. */
function bodyStream(c: Context): Readable {
  const body = c.req.raw.body;
  if (!body) return Readable.from([]);
  let seen = 0;
  return Readable.fromWeb(body as never).map((chunk: Buffer) => {
    seen += chunk.length;
    if (seen > MAX_UPLOAD_BYTES) throw new Error('upload too large');
    return chunk;
  });
}

export function ledgerApi() {
  const api = new Hono<AppEnv>();

  api.get('/uren/sjabloon.csv', (c) => download(c, hoursTemplateCsv(), 'text/csv; charset=utf-8', 'uren-sjabloon.csv'));
  api.get('/uren/sjabloon.xlsx', async (c) => download(c, await hoursTemplateXlsx(), XLSX, 'uren-sjabloon.xlsx'));

  api.get('/samenwerkingen/:slug/uren', async (c) => {
    const { cells: _cells, ...overview } = await ledgerOverview(signedIn(c), c.req.param('slug'), c.req.query());
    return c.json(overview);
  });
  api.get('/samenwerkingen/:slug/uren/cellen', async (c) => c.json((await ledgerOverview(signedIn(c), c.req.param('slug'), c.req.query())).cells));
  api.get('/samenwerkingen/:slug/uren/cellen.csv', async (c) => {
    const v = await ledgerOverview(signedIn(c), c.req.param('slug'), c.req.query());
    return download(c, toCsv(ledgerCellColumns, v.cells), 'text/csv; charset=utf-8', `uren-${v.cooperation.slug}-${v.period.from}-${v.period.to}.csv`);
  });
  api.get('/samenwerkingen/:slug/uren/cellen.xlsx', async (c) => {
    const v = await ledgerOverview(signedIn(c), c.req.param('slug'), c.req.query());
    return download(c, await toXlsx('Uren', ledgerCellColumns, v.cells), XLSX, `uren-${v.cooperation.slug}-${v.period.from}-${v.period.to}.xlsx`);
  });
  api.get('/samenwerkingen/:slug/uren/:file{saldo\\.(csv|xlsx)}', async (c) => {
    const v = await ledgerOverview(signedIn(c), c.req.param('slug'), c.req.query());
    const name = `saldo-${v.cooperation.slug}-${v.period.from}-${v.period.to}`;
    return c.req.param('file').endsWith('.csv')
      ? download(c, toCsv(balanceColumns, balanceRows(v)), 'text/csv; charset=utf-8', `${name}.csv`)
      : download(c, await toXlsx('Saldo', balanceColumns, balanceRows(v)), XLSX, `${name}.xlsx`);
  });
  api.get('/samenwerkingen/:slug/uren/imports', async (c) => c.json(await listImports(signedIn(c), c.req.param('slug'))));

  /** Body: the CSV or XLSX file itself (Content-Type text/csv, the XLSX type or application/octet-stream). */
  api.post('/samenwerkingen/:slug/uren/import', async (c) => {
    const ctx = signedIn(c);
    const options = parseInput(importOptions, c.req.query());
    const result = await importHours(ctx, {
      cooperationSlug: c.req.param('slug'), fileName: options.bestandsnaam, input: bodyStream(c),
      preview: options.voorbeeld === 'ja',
      replacePeriod: options.vervangVan && options.vervangTot ? { from: options.vervangVan, to: options.vervangTot } : undefined,
    });
    return c.json(result, result.status === 'geimporteerd' ? 201 : 200);
  });

  api.get('/samenwerkingen/:slug/btw-signaal', async (c) => {
    const ctx = signedIn(c);
    const v = await vatSignalOf(ctx, c.req.param('slug'), c.req.query());
    if (v.employees) c.header('Cache-Control', 'no-store'); // personal data
    return c.json(v);
  });

  api.get('/samenwerkingen/:slug/kosten', async (c) => c.json(await listCostItems(signedIn(c), c.req.param('slug'))));
  api.post('/samenwerkingen/:slug/kosten', async (c) => c.json(await createCostItem(signedIn(c), c.req.param('slug'), await jsonBody(c)), 201));
  api.get('/samenwerkingen/:slug/kosten/:file{verdeling\\.(csv|xlsx)}', async (c) => {
    const ctx = signedIn(c);
    const items = await listCostItems(ctx, c.req.param('slug'));
    const rows = allocationRows(await Promise.all(items.map((i) => allocateCostItem(ctx, i.id))));
    const name = `kostenverdeling-${c.req.param('slug')}`;
    return c.req.param('file').endsWith('.csv')
      ? download(c, toCsv(allocationColumns, rows), 'text/csv; charset=utf-8', `${name}.csv`)
      : download(c, await toXlsx('Kostenverdeling', allocationColumns, rows), XLSX, `${name}.xlsx`);
  });
  api.get('/kosten/:id/verdeling', async (c) => c.json(await allocateCostItem(signedIn(c), c.req.param('id'))));

  return api;
}
