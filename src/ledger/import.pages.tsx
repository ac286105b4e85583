/**
 * Hours upload in the browser: choose a file → preview with every problem listed → confirm.
 * The file waits in the database between the two steps, so any app instance can confirm.
 */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../platform/http/env.ts';
import { signedIn } from '../platform/http/edge.ts';
import { renderPage } from '../platform/http/render.tsx';
import { Csrf, ErrorSummary, SubmitButton, TextField, type Issues } from '../platform/ui/form.tsx';
import { formatDate, formatNumber, parseDutchDate } from '../platform/i18n/format.ts';
import { isVlechtError } from '../platform/errors.ts';
import { HOURS_COLUMNS } from './hours-format.ts';
import { confirmUpload, ledgerScope, stageAndPreview } from './upload.service.ts';
import { requireAccess } from '../platform/context.ts';
import type { ImportResult } from './import.service.ts';
import { getCooperation } from '../register/cooperation.service.ts';

const hours = (minutes: number) => formatNumber(Math.round(minutes / 6) / 10);

function period(body: Record<string, unknown>): { from: string; to: string } | undefined {
  const from = typeof body.vervangVan === 'string' ? body.vervangVan.trim() : '';
  const to = typeof body.vervangTot === 'string' ? body.vervangTot.trim() : '';
  return from || to ? { from: parseDutchDate(from), to: parseDutchDate(to) } : undefined;
}

function UploadForm({ slug, csrf, issues, values }: { slug: string; csrf: string | null; issues: Issues; values: Record<string, string> }) {
  return (
    <form method="post" action={`/samenwerkingen/${slug}/uren/import`} enctype="multipart/form-data" class="vlecht-form">
      <Csrf token={csrf} />
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="veld-bestand">Bestand (CSV of Excel)</label>
        <div class="utrecht-form-field-description" id="uitleg-bestand">CSV met ; of , als scheidingsteken (UTF-8), of een .xlsx-werkmap. Eerst ziet u een voorbeeld; er wordt pas iets opgeslagen als u bevestigt.</div>
        <input class="utrecht-textbox utrecht-textbox--html-input" type="file" id="veld-bestand" name="bestand" accept=".csv,.xlsx,text/csv" required aria-describedby="uitleg-bestand" />
      </div>
      <fieldset class="utrecht-form-fieldset">
        <legend class="utrecht-form-label">Periode vervangen (optioneel)</legend>
        <p class="utrecht-paragraph vlecht-source">Vul beide in om alle uren van die periode te vervangen door dit bestand (een correctie). Leeg: regels die er al staan worden overgeslagen.</p>
        <TextField name="vervangVan" label="Van (dd-mm-jjjj)" value={values.vervangVan} issues={issues} />
        <TextField name="vervangTot" label="Tot en met (dd-mm-jjjj)" value={values.vervangTot} issues={issues} />
      </fieldset>
      <div><SubmitButton>Controleren</SubmitButton></div>
    </form>
  );
}

function Format() {
  return (
    <details>
      <summary>Bestandsindeling</summary>
      <table class="utrecht-table">
        <caption>Kolommen (de kopregel mag in elke volgorde staan)</caption>
        <thead><tr><th scope="col">Kolom</th><th scope="col">Verplicht</th><th scope="col">Uitleg</th></tr></thead>
        <tbody>{HOURS_COLUMNS.map((c) => <tr><th scope="row">{c.key}</th><td>{c.required ? 'ja' : 'nee'}</td><td>{c.help}</td></tr>)}</tbody>
      </table>
      <p class="utrecht-paragraph">Sjabloon: <a class="utrecht-link" href="/api/v1/uren/sjabloon.csv">CSV</a> · <a class="utrecht-link" href="/api/v1/uren/sjabloon.xlsx">Excel</a></p>
    </details>
  );
}

function ResultSummary({ r }: { r: ImportResult }) {
  return (
    <div class="utrecht-table-container">
      <table class="utrecht-table">
        <caption>{r.fileName}</caption>
        <tbody>
          <tr><th scope="row">Regels in het bestand</th><td class="vlecht-num">{formatNumber(r.rowsInFile)}</td></tr>
          <tr><th scope="row">{r.status === 'voorbeeld' ? 'Worden toegevoegd' : 'Toegevoegd'}</th><td class="vlecht-num">{formatNumber(r.rowsAdded)}</td></tr>
          <tr><th scope="row">Stonden er al in (overgeslagen)</th><td class="vlecht-num">{formatNumber(r.rowsAlreadyPresent)}</td></tr>
          <tr><th scope="row">{r.status === 'voorbeeld' ? 'Worden vervangen' : 'Vervangen'}</th><td class="vlecht-num">{formatNumber(r.rowsReplaced)}</td></tr>
          {r.minutesByServed.map((m) => <tr><th scope="row">Uren voor {m.name}</th><td class="vlecht-num">{hours(m.minutes)}</td></tr>)}
        </tbody>
      </table>
    </div>
  );
}


/** The cooperation's name for the breadcrumb (a reader knows the name, not the slug). */
const cooperationName = (c: Context<AppEnv>, slug: string): Promise<string> =>
  getCooperation(signedIn(c), slug).then((v) => v.cooperation.name, () => 'Samenwerking');

export function importPages() {
  const app = new Hono<AppEnv>();
  const crumbs = (slug: string, name: string) => [{ href: '/samenwerkingen', label: 'Samenwerkingen' }, { href: `/samenwerkingen/${slug}`, label: name }, { href: `/samenwerkingen/${slug}/uren`, label: 'Uren' }];

  const page = async (c: Context<AppEnv>, slug: string, body: unknown, status: 200 | 400 | 403 = 200) =>
    renderPage(c, 'Uren importeren', (
      <>
        <h1 class="utrecht-heading-1">Uren importeren</h1>
        {body as never}
        <Format />
      </>
    ), { status, breadcrumbs: crumbs(slug, await cooperationName(c, slug)) });

  app.get('/samenwerkingen/:slug/uren/import', async (c) => {
    const ctx = signedIn(c);
    const slug = c.req.param('slug');
    requireAccess(ctx, 'ledger:import', await ledgerScope(ctx, slug)); // the form only for who may import
    return page(c, slug, <UploadForm slug={slug} csrf={c.get('csrfToken')} issues={[]} values={{}} />);
  });

  app.post('/samenwerkingen/:slug/uren/import', async (c) => {
    const ctx = signedIn(c);
    const slug = c.req.param('slug');
    const body = await c.req.parseBody();
    const values = { vervangVan: String(body.vervangVan ?? ''), vervangTot: String(body.vervangTot ?? '') };
    const file = body.bestand;
    try {
      const content = file instanceof File ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
      const fileName = file instanceof File ? file.name : '';
      const replace = period(body);
      const { uploadId, result } = await stageAndPreview(ctx, slug, fileName, content, replace);
      return page(c, slug, (
        <>
          <h2 class="utrecht-heading-2">Voorbeeld: het bestand is in orde</h2>
          <ResultSummary r={result} />
          {result.rowsAdded === 0 && result.rowsReplaced === 0
            ? <p class="utrecht-paragraph">Alle regels staan al in de urenregistratie{result.previousImport ? ` (geïmporteerd op ${formatDate(result.previousImport.at.slice(0, 10))} door ${result.previousImport.by})` : ''}. Importeren verandert niets.</p>
            : (
              <form method="post" action={`/samenwerkingen/${slug}/uren/import/bevestigen`}>
                <Csrf token={c.get('csrfToken')} />
                <input type="hidden" name="upload" value={uploadId} />
                {replace && <><input type="hidden" name="vervangVan" value={replace.from} /><input type="hidden" name="vervangTot" value={replace.to} /></>}
                <SubmitButton>Bevestigen en importeren</SubmitButton>
              </form>
            )}
        </>
      ));
    } catch (e) {
      if (!isVlechtError(e) || e.code !== 'VALIDATION') throw e;
      const count = Number(e.params.problemCount ?? e.issues.length);
      return page(c, slug, (
        <>
          <div class="vlecht-error-summary" role="alert">
            <h2 class="utrecht-heading-2">Er is niets geïmporteerd</h2>
            <p class="utrecht-paragraph">{count === 1 ? 'Eén probleem' : `${formatNumber(count)} problemen`} gevonden. Herstel het bestand en probeer het opnieuw: een import is alles of niets.</p>
          </div>
          {e.issues.some((i) => i.row !== undefined) ? (
            <div class="utrecht-table-container">
              <table class="utrecht-table">
                <caption>Alle problemen per regel{count > e.issues.length ? ` (de eerste ${formatNumber(e.issues.length)})` : ''}</caption>
                <thead><tr><th scope="col">Regel</th><th scope="col">Kolom</th><th scope="col">Waarde</th><th scope="col">Probleem</th></tr></thead>
                <tbody>{e.issues.map((i) => <tr><td class="vlecht-num">{i.row ?? ''}</td><td>{i.field}</td><td>{String(i.value ?? '')}</td><td>{i.message}</td></tr>)}</tbody>
              </table>
            </div>
          ) : <ErrorSummary issues={e.issues} locale={c.get('locale')} />}
          <UploadForm slug={slug} csrf={c.get('csrfToken')} issues={e.issues.filter((i) => i.row === undefined)} values={values} />
        </>
      ), 400);
    }
  });

  app.post('/samenwerkingen/:slug/uren/import/bevestigen', async (c) => {
    const ctx = signedIn(c);
    const slug = c.req.param('slug');
    const body = await c.req.parseBody();
    const result = await confirmUpload(ctx, slug, String(body.upload ?? ''), period(body));
    return page(c, slug, (
      <>
        <div class="utrecht-alert utrecht-alert--ok" role="status"><p class="utrecht-paragraph">{result.status === 'geimporteerd' ? `Geïmporteerd: ${formatNumber(result.rowsAdded)} regels.` : 'Niets gewijzigd: alle regels stonden er al in.'}</p></div>
        <ResultSummary r={result} />
        <p class="utrecht-paragraph"><a class="utrecht-link" href={`/samenwerkingen/${slug}/uren`}>Naar de urenregistratie</a></p>
      </>
    ));
  });
  return app;
}
