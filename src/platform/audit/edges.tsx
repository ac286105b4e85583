/** Audit trail API and page (beheerder only). */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/env.ts';
import { signedIn } from '../http/edge.ts';
import { renderPage } from '../http/render.tsx';
import { parseInput } from '../validation.ts';
import { listAuditEvents, verifyAudit } from './audit.service.ts';
import { formatDateTime } from '../i18n/format.ts';

const listQuery = z.object({
  voor: z.coerce.number().int().positive().optional(),
  aantal: z.coerce.number().int().min(1).max(500).optional(),
  object: z.string().max(200).optional(),
});

const present = (e: Awaited<ReturnType<typeof listAuditEvents>>[number]) => ({
  seq: e.seq, occurredAt: e.occurredAt, actor: e.actorLabel, roleContext: e.roleContext, action: e.action,
  objectType: e.objectType, objectId: e.objectId, result: e.result, origin: e.origin,
  oldValue: e.oldValue, newValue: e.newValue, reason: e.reason, hash: e.hash,
});

export function auditApi() {
  const api = new Hono<AppEnv>();
  api.get('/audit', async (c) => {
    const q = parseInput(listQuery, c.req.query());
    const rows = await listAuditEvents(signedIn(c), { before: q.voor, limit: q.aantal, objectId: q.object });
    return c.json(rows.map(present));
  });
  api.get('/audit/verificatie', async (c) => c.json(await verifyAudit(signedIn(c))));
  return api;
}

export function auditPages() {
  const app = new Hono<AppEnv>();
  app.get('/audit', async (c) => {
    const q = parseInput(listQuery, c.req.query());
    const ctx = signedIn(c);
    const rows = await listAuditEvents(ctx, { before: q.voor, limit: q.aantal ?? 50 });
    const verdict = await verifyAudit(ctx);
    const last = rows.at(-1);
    return renderPage(c, 'Audittrail', (
      <>
        <h1 class="utrecht-heading-1">Audittrail</h1>
        <p class="utrecht-paragraph"><a class="utrecht-link" href="/toegangsoverzicht">Toegangsoverzicht: alle toegekende rollen met laatste gebruik</a></p>
        <p class="utrecht-paragraph">
          {verdict.ok
            ? `Keten intact: ${verdict.rows} regels, elke regel verwijst met een SHA-256-hash naar de vorige.`
            : `Keten verbroken bij regel ${verdict.brokenSeq} (${verdict.reason}). Meld dit aan de beheerder en de functionaris gegevensbescherming.`}
        </p>
        <div class="utrecht-table-container">
          <table class="utrecht-table">
            <caption class="vlecht-source">Nieuwste eerst; oude en nieuwe waarden via de API (/api/v1/audit).</caption>
            <thead><tr><th scope="col">#</th><th scope="col">Tijd</th><th scope="col">Wie</th><th scope="col">Rol</th><th scope="col">Handeling</th><th scope="col">Object</th><th scope="col">Resultaat</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr><td class="vlecht-num">{r.seq}</td><td>{formatDateTime(r.occurredAt)}</td><td>{r.actorLabel}</td><td>{r.roleContext}</td><td>{r.action}</td><td>{r.objectType} {r.objectId.slice(0, 8)}</td><td>{r.result}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
        {last && last.seq > 1 && <p class="utrecht-paragraph"><a class="utrecht-link" href={`/audit?voor=${last.seq}`}>Oudere regels</a></p>}
      </>
    ));
  });
  return app;
}
