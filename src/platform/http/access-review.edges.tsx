/** The access review as API (JSON, CSV, XLSX) and page; beheerder only (users:manage). */
import { Hono } from 'hono';
import type { AppEnv } from './env.ts';
import { signedIn } from './edge.ts';
import { renderPage } from './render.tsx';
import { download } from './download.ts';
import { toCsv, toXlsx, type Column } from '../export/table.ts';
import { formatDate, formatDateTime } from '../i18n/format.ts';
import { accessReview, type ReviewRow } from '../auth/access-review.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const when = (iso: string | null) => (iso ? formatDateTime(iso) : '');

const columns: Column<ReviewRow>[] = [
  { header: 'E-mailadres', value: (r) => r.email },
  { header: 'Naam', value: (r) => r.name },
  { header: 'Actief', value: (r) => (r.active ? 'ja' : 'nee') },
  { header: 'Rol', value: (r) => r.role },
  { header: 'Scope', value: (r) => r.scope },
  { header: 'Toegekend op', value: (r) => formatDate(r.grantedOn) },
  { header: 'Laatst aangemeld', value: (r) => when(r.lastSignIn) },
  { header: 'Laatste actie', value: (r) => when(r.lastAction) },
  { header: 'Tweede factor (TOTP)', value: (r) => (r.secondFactor ? 'ja' : 'nee') },
  { header: 'Signaal', value: (r) => r.signal },
];

export function accessReviewApi() {
  const api = new Hono<AppEnv>();
  api.get('/toegangsoverzicht', async (c) => c.json(await accessReview(signedIn(c))));
  api.get('/toegangsoverzicht.csv', async (c) => download(c, toCsv(columns, (await accessReview(signedIn(c))).rows), 'text/csv; charset=utf-8', 'toegangsoverzicht.csv'));
  api.get('/toegangsoverzicht.xlsx', async (c) => download(c, await toXlsx('Toegangsoverzicht', columns, (await accessReview(signedIn(c))).rows), XLSX, 'toegangsoverzicht.xlsx'));
  return api;
}

export function accessReviewPages() {
  const app = new Hono<AppEnv>();
  app.get('/toegangsoverzicht', async (c) => {
    const v = await accessReview(signedIn(c));
    return renderPage(c, 'Toegangsoverzicht', (
      <>
        <h1 class="utrecht-heading-1">Toegangsoverzicht</h1>
        <p class="utrecht-paragraph">Alle toegekende rollen met het laatste gebruik, voor de periodieke controle van toegangsrechten (BIO 8.02.01). Laatst aangemeld en laatste actie komen uit de audittrail; een toekenning zonder aanmelding in {v.unusedAfterDays} dagen krijgt een signaal. Opgesteld op {formatDateTime(v.generatedAt)}.</p>
        <p class="utrecht-paragraph"><a class="utrecht-link" href="/api/v1/toegangsoverzicht.csv">Download als CSV</a> · <a class="utrecht-link" href="/api/v1/toegangsoverzicht.xlsx">als Excel (XLSX)</a></p>
        <div class="utrecht-table-container">
          <table class="utrecht-table utrecht-table--html-table">
            <caption class="utrecht-table__caption">Toegekende rollen, per account</caption>
            <thead class="utrecht-table__header"><tr class="utrecht-table__row">{columns.map((col) => <th scope="col" class="utrecht-table__header-cell">{col.header}</th>)}</tr></thead>
            <tbody class="utrecht-table__body">
              {v.rows.map((r) => <tr class="utrecht-table__row">{columns.map((col, i) => (i === 0 ? <th scope="row" class="utrecht-table__header-cell">{col.value(r)}</th> : <td class="utrecht-table__cell">{col.value(r)}</td>))}</tr>)}
            </tbody>
          </table>
        </div>
      </>
    ));
  });
  return app;
}
