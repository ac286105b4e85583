/** HTTP API of governance under /api/v1: validate → one service call → present. */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../platform/http/env.ts';
import { ifMatchVersion, jsonBody, signedIn, withEtag } from '../platform/http/edge.ts';
import { VlechtError } from '../platform/errors.ts';
import { toCsv, toXlsx } from '../platform/export/table.ts';
import { createBody, createDecision, createDecisionType, getDecision, governanceSetup, listDecisions, setUpGovernance, updateBody, updateDecision, updateMatrix } from './decision.service.ts';
import { createCommitment, getCommitment, listCommitments, updateCommitment } from './commitment.service.ts';
import { createMilestone, listMilestones, updateMilestone } from './milestone.service.ts';
import { addMeeting, agendaOf, importCalendar, planJoint, removeMeeting } from './agenda.service.ts';
import { formsCatalogue, saveFormNote } from './form-note.service.ts';
import { commitmentColumns, decisionColumns } from './exports.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_FILE_CHARS = 2_000_000;

function download(c: Context, body: string | Buffer, type: string, fileName: string) {
  c.header('Content-Type', type);
  c.header('Content-Disposition', `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`);
  c.header('Cache-Control', 'no-store');
  return c.body(typeof body === 'string' ? body : new Uint8Array(body));
}

export function governanceApi() {
  const api = new Hono<AppEnv>();
  const slug = (c: Context) => c.req.param('slug')!;

  api.get('/samenwerkingen/:slug/besluitvorming', async (c) => {
    const v = await governanceSetup(signedIn(c), slug(c));
    c.header('ETag', `"v${v.matrix.version}"`);
    return c.json(v);
  });
  api.post('/samenwerkingen/:slug/besluitvorming/inrichten', async (c) => c.json({ aangemaakt: await setUpGovernance(signedIn(c), slug(c)) }));
  api.patch('/samenwerkingen/:slug/besluitvormingsmatrix', async (c) => {
    const m = await updateMatrix(signedIn(c), slug(c), ifMatchVersion(c), await jsonBody(c));
    return withEtag(c, m, m);
  });
  api.post('/samenwerkingen/:slug/organen', async (c) => {
    const b = await createBody(signedIn(c), slug(c), await jsonBody(c));
    return withEtag(c, b, b, 201);
  });
  api.patch('/samenwerkingen/:slug/organen/:key', async (c) => {
    const b = await updateBody(signedIn(c), slug(c), c.req.param('key'), ifMatchVersion(c), await jsonBody(c));
    return withEtag(c, b, b);
  });
  api.post('/samenwerkingen/:slug/besluittypen', async (c) => c.json(await createDecisionType(signedIn(c), slug(c), await jsonBody(c)), 201));

  api.get('/samenwerkingen/:slug/besluiten', async (c) => c.json(await listDecisions(signedIn(c), slug(c))));
  api.post('/samenwerkingen/:slug/besluiten', async (c) => {
    const d = await createDecision(signedIn(c), slug(c), await jsonBody(c));
    return withEtag(c, d, d, 201);
  });
  api.get('/samenwerkingen/:slug/besluiten.csv', async (c) => {
    const v = await listDecisions(signedIn(c), slug(c));
    return download(c, toCsv(decisionColumns, v.decisions), 'text/csv; charset=utf-8', `besluiten-${v.cooperation.slug}.csv`);
  });
  api.get('/samenwerkingen/:slug/besluiten.xlsx', async (c) => {
    const v = await listDecisions(signedIn(c), slug(c));
    return download(c, await toXlsx('Besluiten', decisionColumns, v.decisions), XLSX, `besluiten-${v.cooperation.slug}.xlsx`);
  });
  api.get('/besluiten/:id', async (c) => {
    const v = await getDecision(signedIn(c), c.req.param('id'));
    return withEtag(c, v.decision, v.decision);
  });
  api.patch('/besluiten/:id', async (c) => {
    const d = await updateDecision(signedIn(c), c.req.param('id'), ifMatchVersion(c), await jsonBody(c));
    return withEtag(c, d, d);
  });

  api.get('/samenwerkingen/:slug/toezeggingen', async (c) => {
    const { refs: _, ...v } = await listCommitments(signedIn(c), slug(c));
    return c.json(v);
  });
  api.post('/samenwerkingen/:slug/toezeggingen', async (c) => {
    const v = await createCommitment(signedIn(c), slug(c), await jsonBody(c));
    return withEtag(c, v, v, 201);
  });
  api.get('/samenwerkingen/:slug/toezeggingen.csv', async (c) => {
    const v = await listCommitments(signedIn(c), slug(c));
    return download(c, toCsv(commitmentColumns, [...v.open, ...v.closed]), 'text/csv; charset=utf-8', `toezeggingen-${v.cooperation.slug}.csv`);
  });
  api.get('/samenwerkingen/:slug/toezeggingen.xlsx', async (c) => {
    const v = await listCommitments(signedIn(c), slug(c));
    return download(c, await toXlsx('Toezeggingen', commitmentColumns, [...v.open, ...v.closed]), XLSX, `toezeggingen-${v.cooperation.slug}.xlsx`);
  });
  api.get('/toezeggingen/:id', async (c) => {
    const v = await getCommitment(signedIn(c), c.req.param('id'));
    return withEtag(c, v.commitment, v.commitment);
  });
  api.patch('/toezeggingen/:id', async (c) => {
    const v = await updateCommitment(signedIn(c), c.req.param('id'), ifMatchVersion(c), await jsonBody(c));
    return withEtag(c, v, v);
  });

  api.get('/samenwerkingen/:slug/routeplan', async (c) => c.json(await listMilestones(signedIn(c), slug(c))));
  api.post('/samenwerkingen/:slug/routeplan', async (c) => {
    const v = await createMilestone(signedIn(c), slug(c), await jsonBody(c));
    return withEtag(c, v, v, 201);
  });
  api.patch('/mijlpalen/:id', async (c) => {
    const v = await updateMilestone(signedIn(c), c.req.param('id'), ifMatchVersion(c), await jsonBody(c));
    return withEtag(c, v, v);
  });

  api.get('/samenwerkingen/:slug/samenwerkingsvormen', async (c) => c.json(await formsCatalogue(signedIn(c), slug(c))));
  api.patch('/samenwerkingen/:slug/samenwerkingsvormen/:vorm', async (c) => {
    const body = await jsonBody(c);
    const v = await saveFormNote(signedIn(c), slug(c), ifMatchVersion(c), { ...(typeof body === 'object' && body ? body : {}), formKey: c.req.param('vorm') });
    return withEtag(c, v, v);
  });

  api.get('/samenwerkingen/:slug/agenda', async (c) => c.json(await agendaOf(signedIn(c), slug(c))));
  api.post('/samenwerkingen/:slug/agenda/vergaderingen', async (c) => c.json(await addMeeting(signedIn(c), slug(c), await jsonBody(c)), 201));
  api.delete('/vergaderingen/:id', async (c) => {
    await removeMeeting(signedIn(c), c.req.param('id'));
    return c.body(null, 204);
  });
  /** Body: the .ics or .csv file itself; query `formaat` (ics|csv) and `orgaan` (body key). */
  api.post('/samenwerkingen/:slug/agenda/import', async (c) => {
    const ctx = signedIn(c);
    const text = await c.req.text();
    if (text.length > MAX_FILE_CHARS) throw new VlechtError('VALIDATION', {}, [{ field: 'bestand', message: 'het bestand is groter dan 2 MB; splits het op' }]);
    return c.json(await importCalendar(ctx, slug(c), text, c.req.query()));
  });
  api.get('/samenwerkingen/:slug/agenda/planning', async (c) => c.json(await planJoint(signedIn(c), slug(c), c.req.query())));

  return api;
}
