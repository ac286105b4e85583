/** HTTP API of goals, KPIs and measurements under /api/v1: validate → one service call → present. */
import { xlsxToText, XLSX_TYPE } from '../platform/import/xlsx-text.ts';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../platform/http/env.ts';
import { ifMatchVersion, jsonBody, signedIn, withEtag } from '../platform/http/edge.ts';
import { parseInput } from '../platform/validation.ts';
import { VlechtError } from '../platform/errors.ts';
import { toCsv, toXlsx } from '../platform/export/table.ts';
import { createGoal, createRecommendation, listRecommendations, transitionGoal, updateGoal } from './goal.service.ts';
import { addTarget, createKpi, updateKpi } from './kpi.service.ts';
import { deleteMeasurement, importMeasurements, recordMeasurement } from './measurement.service.ts';
import { deriveMeasurements } from './derive.service.ts';
import { cooperationGoals, goalDetail, kpiDetail } from './view.service.ts';
import { dashboardColumns, dashboardRows, measurementColumns, measurementRows } from './exports.ts';
import { importQuery } from './schema.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_CSV_CHARS = 2_000_000;

function download(c: Context, body: string | Buffer, type: string, fileName: string) {
  c.header('Content-Type', type);
  c.header('Content-Disposition', `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`);
  c.header('Cache-Control', 'no-store');
  return c.body(typeof body === 'string' ? body : new Uint8Array(body));
}

export function goalsApi() {
  const api = new Hono<AppEnv>();

  api.get('/samenwerkingen/:slug/doelen', async (c) => c.json(await cooperationGoals(signedIn(c), c.req.param('slug'))));
  api.post('/samenwerkingen/:slug/doelen', async (c) => {
    const ctx = signedIn(c);
    const row = await createGoal(ctx, c.req.param('slug'), await jsonBody(c));
    return withEtag(c, (await goalDetail(ctx, row.id)).goal, row, 201);
  });
  api.get('/samenwerkingen/:slug/doelen.csv', async (c) => {
    const v = await cooperationGoals(signedIn(c), c.req.param('slug'));
    return download(c, toCsv(dashboardColumns, dashboardRows(v)), 'text/csv; charset=utf-8', `doelen-${v.cooperation.slug}-${v.today}.csv`);
  });
  api.get('/samenwerkingen/:slug/doelen.xlsx', async (c) => {
    const v = await cooperationGoals(signedIn(c), c.req.param('slug'));
    return download(c, await toXlsx('Doelen', dashboardColumns, dashboardRows(v)), XLSX, `doelen-${v.cooperation.slug}-${v.today}.xlsx`);
  });
  api.get('/samenwerkingen/:slug/aanbevelingen', async (c) => c.json(await listRecommendations(signedIn(c), c.req.param('slug'))));
  api.post('/samenwerkingen/:slug/aanbevelingen', async (c) => {
    const row = await createRecommendation(signedIn(c), c.req.param('slug'), await jsonBody(c));
    return withEtag(c, row, row, 201);
  });

  api.get('/doelen/:id', async (c) => {
    const v = await goalDetail(signedIn(c), c.req.param('id'));
    return withEtag(c, v.goal, v.goal);
  });
  api.patch('/doelen/:id', async (c) => {
    const ctx = signedIn(c);
    const row = await updateGoal(ctx, c.req.param('id'), ifMatchVersion(c), await jsonBody(c));
    return withEtag(c, (await goalDetail(ctx, row.id)).goal, row);
  });
  api.post('/doelen/:id/status', async (c) => {
    const ctx = signedIn(c);
    const { goal } = await transitionGoal(ctx, c.req.param('id'), ifMatchVersion(c), await jsonBody(c));
    return withEtag(c, (await goalDetail(ctx, goal.id)).goal, goal);
  });
  api.post('/doelen/:id/indicatoren', async (c) => {
    const ctx = signedIn(c);
    const row = await createKpi(ctx, c.req.param('id'), await jsonBody(c));
    return withEtag(c, (await kpiDetail(ctx, row.id)).kpi, row, 201);
  });
  api.get('/doelen/:id/metingen.csv', async (c) => {
    const v = await goalDetail(signedIn(c), c.req.param('id'));
    return download(c, toCsv(measurementColumns, measurementRows(v.goal)), 'text/csv; charset=utf-8', `metingen-${v.cooperation.slug}-${v.today}.csv`);
  });
  api.get('/doelen/:id/metingen.xlsx', async (c) => {
    const v = await goalDetail(signedIn(c), c.req.param('id'));
    return download(c, await toXlsx('Metingen', measurementColumns, measurementRows(v.goal)), XLSX, `metingen-${v.cooperation.slug}-${v.today}.xlsx`);
  });

  api.get('/indicatoren/:id', async (c) => {
    const v = await kpiDetail(signedIn(c), c.req.param('id'));
    return withEtag(c, v.kpi, v.kpi);
  });
  api.patch('/indicatoren/:id', async (c) => {
    const ctx = signedIn(c);
    const row = await updateKpi(ctx, c.req.param('id'), ifMatchVersion(c), await jsonBody(c));
    return withEtag(c, (await kpiDetail(ctx, row.id)).kpi, row);
  });
  api.post('/indicatoren/:id/streefwaarden', async (c) => {
    const ctx = signedIn(c);
    await addTarget(ctx, c.req.param('id'), await jsonBody(c));
    return c.json((await kpiDetail(ctx, c.req.param('id'))).kpi, 201);
  });
  api.post('/indicatoren/:id/metingen', async (c) => c.json(await recordMeasurement(signedIn(c), c.req.param('id'), await jsonBody(c)), 201));
  /** Body: the CSV file itself (text/csv) or an XLSX file (its first sheet); query `bron`: the source for rows without one. */
  api.post('/indicatoren/:id/metingen/import', async (c) => {
    const ctx = signedIn(c);
    const { bron } = parseInput(importQuery, c.req.query());
    const isXlsx = (c.req.header('content-type') ?? '').startsWith(XLSX_TYPE);
    const bytes = isXlsx ? await c.req.arrayBuffer() : null;
    if (bytes && bytes.byteLength > MAX_CSV_CHARS) throw new VlechtError('VALIDATION', {}, [{ field: 'bestand', message: 'het bestand is groter dan 2 MB; splits het op' }]);
    const text = bytes ? await xlsxToText(bytes) : await c.req.text();
    if (text.length > MAX_CSV_CHARS) throw new VlechtError('VALIDATION', {}, [{ field: 'bestand', message: 'het bestand is groter dan 2 MB; splits het op' }]);
    return c.json(await importMeasurements(ctx, c.req.param('id'), text, bron), 201);
  });
  api.post('/indicatoren/:id/afleiden', async (c) => c.json(await deriveMeasurements(signedIn(c), c.req.param('id'))));
  api.delete('/metingen/:id', async (c) => {
    await deleteMeasurement(signedIn(c), c.req.param('id'));
    return c.body(null, 204);
  });

  return api;
}
