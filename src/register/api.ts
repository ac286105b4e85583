/** HTTP API of the register under /api/v1: validate → one service call → present. */
import { Hono } from 'hono';
import type { AppEnv } from '../platform/http/env.ts';
import { ifMatchVersion, jsonBody, signedIn, withEtag } from '../platform/http/edge.ts';
import * as municipalities from './municipality.service.ts';
import * as cooperations from './cooperation.service.ts';
import * as teams from './team.service.ts';
import * as employees from './employee.service.ts';
import { listAnnualFigures, setAnnualFigures } from './annual-figures.service.ts';
import { presentCooperation, presentCooperationSummary, presentEmployee, presentMunicipality, presentTeam } from './present.ts';

export function registerApi() {
  const api = new Hono<AppEnv>();

  api.get('/gemeenten', async (c) => c.json((await municipalities.listMunicipalities(signedIn(c))).map(presentMunicipality)));
  api.post('/gemeenten', async (c) => {
    const row = await municipalities.createMunicipality(signedIn(c), await jsonBody(c));
    return withEtag(c, presentMunicipality(row), row, 201);
  });
  api.get('/gemeenten/:cbs', async (c) => {
    const m = await municipalities.getMunicipality(signedIn(c), c.req.param('cbs'));
    return withEtag(c, { ...presentMunicipality(m), population: m.population.map((p) => ({ year: p.year, inhabitants: p.inhabitants, source: p.source })) }, m);
  });
  api.patch('/gemeenten/:cbs', async (c) => {
    const row = await municipalities.updateMunicipality(signedIn(c), c.req.param('cbs'), ifMatchVersion(c), await jsonBody(c));
    return withEtag(c, presentMunicipality(row), row);
  });
  api.post('/gemeenten/:cbs/inwoners', async (c) => {
    const row = await municipalities.setPopulation(signedIn(c), c.req.param('cbs'), await jsonBody(c));
    return c.json({ year: row.year, inhabitants: row.inhabitants, source: row.source }, 201);
  });

  api.get('/gemeenten/:cbs/jaarcijfers', async (c) => c.json(await listAnnualFigures(signedIn(c), c.req.param('cbs'))));
  /** Body: the year's figures (fte and euro as numbers or Dutch text); a correction needs If-Match of the year's version. */
  api.put('/gemeenten/:cbs/jaarcijfers/:jaar', async (c) => {
    const body = await jsonBody(c);
    const r = await setAnnualFigures(signedIn(c), c.req.param('cbs'), ifMatchVersion(c), { ...(body && typeof body === 'object' ? body : {}), year: c.req.param('jaar') });
    return withEtag(c, r.figures, r.figures, r.created ? 201 : 200);
  });

  api.get('/samenwerkingen', async (c) => c.json((await cooperations.listCooperations(signedIn(c))).map(presentCooperationSummary)));
  api.post('/samenwerkingen', async (c) => {
    const row = await cooperations.createCooperation(signedIn(c), await jsonBody(c));
    return withEtag(c, presentCooperationSummary(row), row, 201);
  });
  api.get('/samenwerkingen/:slug', async (c) => {
    const v = await cooperations.getCooperation(signedIn(c), c.req.param('slug'));
    return withEtag(c, presentCooperation(v), v.cooperation);
  });
  api.patch('/samenwerkingen/:slug', async (c) => {
    const row = await cooperations.updateCooperation(signedIn(c), c.req.param('slug'), ifMatchVersion(c), await jsonBody(c));
    return withEtag(c, presentCooperationSummary(row), row);
  });
  api.post('/samenwerkingen/:slug/leden', async (c) => {
    const row = await cooperations.addMember(signedIn(c), c.req.param('slug'), await jsonBody(c));
    return c.json({ id: row.id, role: row.role, validFrom: row.validFrom, validTo: row.validTo }, 201);
  });
  api.post('/samenwerkingen/:slug/teams', async (c) => {
    const ctx = signedIn(c);
    const row = await teams.createTeam(ctx, c.req.param('slug'), await jsonBody(c));
    return withEtag(c, presentTeam(await teams.getTeam(ctx, row.id)), row, 201);
  });

  api.get('/teams/:id', async (c) => {
    const v = await teams.getTeam(signedIn(c), c.req.param('id'));
    return withEtag(c, presentTeam(v), v.team);
  });
  api.patch('/teams/:id', async (c) => {
    const ctx = signedIn(c);
    const row = await teams.updateTeam(ctx, c.req.param('id'), ifMatchVersion(c), await jsonBody(c));
    return withEtag(c, presentTeam(await teams.getTeam(ctx, row.id)), row);
  });
  api.post('/teams/:id/vervlechting', async (c) => {
    const row = await teams.recordIntegrationLevel(signedIn(c), c.req.param('id'), await jsonBody(c));
    return c.json({ id: row.id, level: row.level, validFrom: row.validFrom, decisionReference: row.decisionReference }, 201);
  });
  api.post('/teams/:id/functies', async (c) => {
    const row = await teams.createFunction(signedIn(c), c.req.param('id'), await jsonBody(c));
    return c.json({ id: row.id, name: row.name, critical: row.critical, requiredQualified: row.requiredQualified }, 201);
  });

  api.post('/medewerkers', async (c) => {
    const ctx = signedIn(c);
    const row = await employees.createEmployee(ctx, await jsonBody(c));
    return withEtag(c, presentEmployee(await employees.getEmployee(ctx, row.id)), row, 201);
  });
  api.get('/medewerkers/:id', async (c) => {
    const v = await employees.getEmployee(signedIn(c), c.req.param('id'));
    return withEtag(c, presentEmployee(v), v.employee);
  });
  api.patch('/medewerkers/:id', async (c) => {
    const ctx = signedIn(c);
    const row = await employees.updateEmployee(ctx, c.req.param('id'), ifMatchVersion(c), await jsonBody(c));
    return withEtag(c, presentEmployee(await employees.getEmployee(ctx, row.id)), row);
  });
  api.post('/medewerkers/:id/inzet', async (c) => {
    const ctx = signedIn(c);
    await employees.addAssignment(ctx, c.req.param('id'), await jsonBody(c));
    return c.json(presentEmployee(await employees.getEmployee(ctx, c.req.param('id'))), 201);
  });
  api.post('/medewerkers/:id/tarieven', async (c) => {
    const ctx = signedIn(c);
    await employees.addRate(ctx, c.req.param('id'), await jsonBody(c));
    return c.json(presentEmployee(await employees.getEmployee(ctx, c.req.param('id'))), 201);
  });

  return api;
}
