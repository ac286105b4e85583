/** HTTP API of coverage, portfolio and disentanglement scenarios under /api/v1: validate → one service call → present. */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../platform/http/env.ts';
import { ifMatchVersion, jsonBody, signedIn, withEtag } from '../platform/http/edge.ts';
import { parseInput } from '../platform/validation.ts';
import { toCsv, toXlsx } from '../platform/export/table.ts';
import { addQualification, cooperationCoverage, endQualification, teamCoverage } from './coverage.service.ts';
import { createApplication, createContract, portfolio, updateApplication } from './portfolio.service.ts';
import { compareScenarios, createScenario, getScenario, listScenarios, riskSummary, updateScenario } from './scenario.service.ts';
import { applicationColumns, riskColumns, scenarioColumns, scenarioLines } from './exports.ts';
import { compareQuery, dayQuery } from './schema.ts';
import { SCENARIO_PARAMETERS } from './parameters.ts';
import { z } from 'zod';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const versionQuery = z.object({ versie: z.coerce.number({ error: 'versie is een heel getal' }).int().min(1).optional() });

function download(c: Context, body: string | Buffer, type: string, fileName: string) {
  c.header('Content-Type', type);
  c.header('Content-Disposition', `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`);
  c.header('Cache-Control', 'no-store');
  return c.body(typeof body === 'string' ? body : new Uint8Array(body));
}
const day = (c: Context) => parseInput(dayQuery, c.req.query()).peildatum;

export function coverageApi() {
  const api = new Hono<AppEnv>();

  api.get('/ontvlechting/aannames', (c) => { signedIn(c); return c.json(SCENARIO_PARAMETERS); });

  api.get('/teams/:id/dekking', async (c) => c.json(await teamCoverage(signedIn(c), c.req.param('id'), day(c))));
  api.post('/teams/:id/kwalificaties', async (c) => {
    const row = await addQualification(signedIn(c), c.req.param('id'), await jsonBody(c));
    return withEtag(c, row, row, 201);
  });
  api.patch('/kwalificaties/:id', async (c) => {
    const row = await endQualification(signedIn(c), c.req.param('id'), ifMatchVersion(c), await jsonBody(c));
    return withEtag(c, row, row);
  });
  api.get('/samenwerkingen/:slug/dekking', async (c) => c.json(await cooperationCoverage(signedIn(c), c.req.param('slug'), day(c))));

  api.get('/samenwerkingen/:slug/kwetsbaarheid', async (c) => c.json(await riskSummary(signedIn(c), c.req.param('slug'), day(c))));
  api.get('/samenwerkingen/:slug/kwetsbaarheid.csv', async (c) => {
    const v = await riskSummary(signedIn(c), c.req.param('slug'), day(c));
    return download(c, toCsv(riskColumns, v.rows), 'text/csv; charset=utf-8', `ontvlechting-per-team-${v.cooperation.slug}-${v.day}.csv`);
  });
  api.get('/samenwerkingen/:slug/kwetsbaarheid.xlsx', async (c) => {
    const v = await riskSummary(signedIn(c), c.req.param('slug'), day(c));
    return download(c, await toXlsx('Ontvlechting per team', riskColumns, v.rows), XLSX, `ontvlechting-per-team-${v.cooperation.slug}-${v.day}.xlsx`);
  });

  api.get('/samenwerkingen/:slug/applicaties', async (c) => c.json(await portfolio(signedIn(c), c.req.param('slug'), day(c))));
  api.get('/samenwerkingen/:slug/applicaties.csv', async (c) => {
    const v = await portfolio(signedIn(c), c.req.param('slug'), day(c));
    return download(c, toCsv(applicationColumns, v.applications), 'text/csv; charset=utf-8', `applicaties-${v.cooperation.slug}-${v.day}.csv`);
  });
  api.get('/samenwerkingen/:slug/applicaties.xlsx', async (c) => {
    const v = await portfolio(signedIn(c), c.req.param('slug'), day(c));
    return download(c, await toXlsx('Applicaties', applicationColumns, v.applications), XLSX, `applicaties-${v.cooperation.slug}-${v.day}.xlsx`);
  });
  api.post('/samenwerkingen/:slug/applicaties', async (c) => {
    const row = await createApplication(signedIn(c), c.req.param('slug'), await jsonBody(c));
    return withEtag(c, row, row, 201);
  });
  api.patch('/applicaties/:id', async (c) => {
    const row = await updateApplication(signedIn(c), c.req.param('id'), ifMatchVersion(c), await jsonBody(c));
    return withEtag(c, row, row);
  });
  api.post('/samenwerkingen/:slug/contracten', async (c) => {
    const row = await createContract(signedIn(c), c.req.param('slug'), await jsonBody(c));
    return withEtag(c, row, row, 201);
  });

  api.get('/samenwerkingen/:slug/scenarios', async (c) => c.json(await listScenarios(signedIn(c), c.req.param('slug'))));
  api.post('/samenwerkingen/:slug/scenarios', async (c) => {
    const ctx = signedIn(c);
    const row = await createScenario(ctx, c.req.param('slug'), await jsonBody(c));
    return withEtag(c, await getScenario(ctx, row.id), row, 201);
  });
  // Before /scenarios/:id, which would otherwise take `vergelijking` for an id.
  api.get('/scenarios/vergelijking', async (c) => {
    const query = parseInput(compareQuery, c.req.query());
    return c.json(await compareScenarios(signedIn(c), { id: query.a, versionNo: query.versieA }, { id: query.b, versionNo: query.versieB }));
  });
  api.get('/scenarios/:id', async (c) => {
    const v = await getScenario(signedIn(c), c.req.param('id'), parseInput(versionQuery, c.req.query()).versie);
    return withEtag(c, v, v.scenario);
  });
  api.patch('/scenarios/:id', async (c) => {
    const ctx = signedIn(c);
    const row = await updateScenario(ctx, c.req.param('id'), ifMatchVersion(c), await jsonBody(c));
    return withEtag(c, await getScenario(ctx, row.id), row);
  });
  api.get('/scenarios/:id/export.csv', async (c) => {
    const v = await getScenario(signedIn(c), c.req.param('id'), parseInput(versionQuery, c.req.query()).versie);
    return download(c, toCsv(scenarioColumns, scenarioLines(v)), 'text/csv; charset=utf-8', `scenario-${v.scenario.team.slug}-v${v.version.versionNo}.csv`);
  });
  api.get('/scenarios/:id/export.xlsx', async (c) => {
    const v = await getScenario(signedIn(c), c.req.param('id'), parseInput(versionQuery, c.req.query()).versie);
    return download(c, await toXlsx('Scenario', scenarioColumns, scenarioLines(v)), XLSX, `scenario-${v.scenario.team.slug}-v${v.version.versionNo}.xlsx`);
  });

  return api;
}
