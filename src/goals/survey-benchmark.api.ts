/** HTTP API of surveys and the benchmark under /api/v1: validate → one service call → present. */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../platform/http/env.ts';
import { ifMatchVersion, jsonBody, signedIn, withEtag } from '../platform/http/edge.ts';
import { parseInput } from '../platform/validation.ts';
import { VlechtError } from '../platform/errors.ts';
import { toCsv, toXlsx } from '../platform/export/table.ts';
import { download } from '../platform/http/download.ts';
import { cooperationSurveys, createSurvey, publishQuestion } from './survey.service.ts';
import { cooperationBenchmark, importBenchmarkCsv, saveBenchmarkRows } from './benchmark.service.ts';
import { benchmarkCsvRow } from './benchmark.schema.ts';
import { benchmarkImportQuery } from './survey-benchmark.schema.ts';
import { benchmarkColumns, benchmarkRows, surveyColumns, surveyRows } from './survey-benchmark.exports.ts';

const MAX_CSV_CHARS = 2_000_000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function csv(c: Context, body: string, fileName: string) {
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`);
  c.header('Cache-Control', 'no-store');
  return c.body(body);
}

export function surveyBenchmarkApi() {
  const api = new Hono<AppEnv>();

  api.get('/samenwerkingen/:slug/peilingen', async (c) => c.json(await cooperationSurveys(signedIn(c), c.req.param('slug'))));
  api.post('/samenwerkingen/:slug/peilingen', async (c) => c.json(await createSurvey(signedIn(c), c.req.param('slug'), await jsonBody(c)), 201));
  api.get('/samenwerkingen/:slug/peilingen.csv', async (c) => {
    const v = await cooperationSurveys(signedIn(c), c.req.param('slug'));
    return csv(c, toCsv(surveyColumns, surveyRows(v)), `peilingen-${v.cooperation.slug}.csv`);
  });
  api.get('/samenwerkingen/:slug/peilingen.xlsx', async (c) => {
    const v = await cooperationSurveys(signedIn(c), c.req.param('slug'));
    return download(c, await toXlsx('Peilingen', surveyColumns, surveyRows(v)), XLSX, `peilingen-${v.cooperation.slug}.xlsx`);
  });
  api.patch('/peilingvragen/:id', async (c) => {
    const v = await publishQuestion(signedIn(c), c.req.param('id'), ifMatchVersion(c), await jsonBody(c));
    return withEtag(c, v, v);
  });

  api.get('/samenwerkingen/:slug/benchmark', async (c) => c.json(await cooperationBenchmark(signedIn(c), c.req.param('slug'))));
  api.get('/samenwerkingen/:slug/benchmark.csv', async (c) => {
    const v = await cooperationBenchmark(signedIn(c), c.req.param('slug'));
    return csv(c, toCsv(benchmarkColumns, benchmarkRows(v)), `benchmark-${v.cooperation.slug}.csv`);
  });
  api.get('/samenwerkingen/:slug/benchmark.xlsx', async (c) => {
    const v = await cooperationBenchmark(signedIn(c), c.req.param('slug'));
    return download(c, await toXlsx('Benchmark', benchmarkColumns, benchmarkRows(v)), XLSX, `benchmark-${v.cooperation.slug}.xlsx`);
  });
  /** Body: one row as in the CSV format, plus `gemeente` (CBS code). */
  api.post('/samenwerkingen/:slug/benchmark', async (c) => {
    const ctx = signedIn(c); // sign-in before the body is read or validated
    const body = await jsonBody(c);
    const { gemeente } = parseInput(benchmarkImportQuery.pick({ gemeente: true }), body);
    const row = parseInput(benchmarkCsvRow, body);
    return c.json(await saveBenchmarkRows(ctx, c.req.param('slug'), gemeente, [row], 'benchmark.vastleggen'), 201);
  });
  /** Body: the CSV file itself; query `gemeente` (CBS code) and `bron` for rows without one. */
  api.post('/samenwerkingen/:slug/benchmark/import', async (c) => {
    const ctx = signedIn(c);
    const { gemeente, bron } = parseInput(benchmarkImportQuery, c.req.query());
    const text = await c.req.text();
    if (text.length > MAX_CSV_CHARS) throw new VlechtError('VALIDATION', {}, [{ field: 'bestand', message: 'het bestand is groter dan 2 MB; splits het op' }]);
    return c.json(await importBenchmarkCsv(ctx, c.req.param('slug'), gemeente, text, bron));
  });

  return api;
}
