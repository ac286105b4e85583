/** The access review as API (JSON, CSV, XLSX) and page; beheerder only (users:manage). */
import { Hono } from 'hono';
import type { AppEnv } from './env.ts';
import { signedIn } from './edge.ts';
import { renderPage } from './render.tsx';
import { download } from './download.ts';
import { toCsv, toXlsx, type Column } from '../export/table.ts';
import { formatDate, formatDateTime } from '../i18n/format.ts';
import { accessReview, type ReviewRow } from '../auth/access-review.service.ts';
import { resetSecondFactorByEmail } from '../auth/second-factor.service.ts';
import { resetOidcBindingByEmail } from '../auth/oidc.service.ts';
import { Csrf, SelectField, SubmitButton } from '../ui/form.tsx';
import { isVlechtError } from '../errors.ts';
import { t } from '../i18n/index.ts';

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
  { header: 'OIDC-koppeling', value: (r) => (r.oidcBound ? 'ja' : 'nee') },
  { header: 'Signaal', value: (r) => r.signal },
];

export function accessReviewApi() {
  const api = new Hono<AppEnv>();
  api.get('/toegangsoverzicht', async (c) => c.json(await accessReview(signedIn(c))));
  api.get('/toegangsoverzicht.csv', async (c) => download(c, toCsv(columns, (await accessReview(signedIn(c))).rows), 'text/csv; charset=utf-8', 'toegangsoverzicht.csv'));
  api.get('/toegangsoverzicht.xlsx', async (c) => download(c, await toXlsx('Toegangsoverzicht', columns, (await accessReview(signedIn(c))).rows), XLSX, 'toegangsoverzicht.xlsx'));
  return api;
}

const NOTICES: Record<string, string> = {
  'tweede-factor': 'De tweede factor is verwijderd en de sessies van het account zijn beëindigd; bij de volgende aanmelding stelt het account een nieuwe in.',
  oidc: 'De OIDC-koppeling is verwijderd en de sessies van het account zijn beëindigd; de volgende OIDC-aanmelding koppelt opnieuw.',
};

/** One form per reset: choose the account (only those that have what is reset). */
function ResetForm({ action, legend, accounts, submit, csrf }: { action: string; legend: string; accounts: string[]; submit: string; csrf: string | null | undefined }) {
  if (accounts.length === 0) return <p class="utrecht-paragraph">{legend}: geen accounts.</p>;
  return (
    <form method="post" action={action} class="vlecht-form">
      <Csrf token={csrf ?? null} />
      <SelectField name="email" label={legend} issues={[]} required options={accounts.map((e) => ({ value: e, label: e }))} />
      <div><SubmitButton>{submit}</SubmitButton></div>
    </form>
  );
}

export function accessReviewPages() {
  const app = new Hono<AppEnv>();
  app.get('/toegangsoverzicht', async (c) => {
    const v = await accessReview(signedIn(c));
    const notice = NOTICES[c.req.query('gelukt') ?? ''];
    const accounts = (has: (r: ReviewRow) => boolean) => [...new Set(v.rows.filter(has).map((r) => r.email))].sort();
    return renderPage(c, 'Toegangsoverzicht', (
      <>
        <h1 class="utrecht-heading-1">Toegangsoverzicht</h1>
        {notice && <div class="utrecht-alert utrecht-alert--ok" role="status"><p class="utrecht-paragraph">{notice}</p></div>}
        <p class="utrecht-paragraph">Alle toegekende rollen met het laatste gebruik, voor de periodieke controle van toegangsrechten (BIO 8.02.01). Laatst aangemeld en laatste actie komen uit de audittrail; een toekenning zonder aanmelding in {v.unusedAfterDays} dagen krijgt een signaal, net als een beheerder of controller zonder tweede factor. Opgesteld op {formatDateTime(v.generatedAt)}.</p>
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
        <h2 class="utrecht-heading-2">Herstellen bij een kwijtgeraakte of vervangen factor</h2>
        <p class="utrecht-paragraph">Beide acties beëindigen ook alle sessies van het account en komen in de audittrail.</p>
        <ResetForm action="/toegangsoverzicht/tweede-factor" legend="Tweede factor (TOTP) verwijderen van" accounts={accounts((r) => r.secondFactor)} submit="Tweede factor verwijderen" csrf={c.get('csrfToken')} />
        <ResetForm action="/toegangsoverzicht/oidc-koppeling" legend="OIDC-koppeling verwijderen van" accounts={accounts((r) => r.oidcBound)} submit="OIDC-koppeling verwijderen" csrf={c.get('csrfToken')} />
      </>
    ));
  });
  const reset = (path: string, notice: string, work: typeof resetSecondFactorByEmail | typeof resetOidcBindingByEmail) =>
    app.post(path, async (c) => {
      const body = await c.req.parseBody();
      const email = typeof body.email === 'string' ? body.email.slice(0, 200) : '';
      try {
        await work(signedIn(c), email);
      } catch (e) {
        if (!isVlechtError(e) || e.code !== 'NOT_FOUND') throw e;
        return renderPage(c, 'Toegangsoverzicht', <p class="utrecht-paragraph">{t(c.get('locale'), 'error.NOT_FOUND' as never, e.params)}</p>, { status: 404 });
      }
      return c.redirect(`/toegangsoverzicht?gelukt=${notice}`, 303);
    });
  reset('/toegangsoverzicht/tweede-factor', 'tweede-factor', resetSecondFactorByEmail);
  reset('/toegangsoverzicht/oidc-koppeling', 'oidc', resetOidcBindingByEmail);
  return app;
}
