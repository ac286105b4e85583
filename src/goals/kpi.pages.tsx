/**
 * The page of one KPI: its figures and trend chart, and (for who may edit) recording a
 * measurement, importing a CSV, deriving from the hours ledger, removing a wrong
 * measurement, setting a target and editing the KPI. Forms work without JavaScript.
 */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../platform/http/env.ts';
import { signedIn } from '../platform/http/edge.ts';
import { xlsxToText, XLSX_TYPE } from '../platform/import/xlsx-text.ts';
import { renderPage } from '../platform/http/render.tsx';
import { Csrf, ErrorSummary, SubmitButton, TextField } from '../platform/ui/form.tsx';
import { isVlechtError, VlechtError } from '../platform/errors.ts';
import { formatDate, formatNumber } from '../platform/i18n/format.ts';
import { Facts, Notice, formFailure, freshForm, readForm, versionOf, type FormState } from '../register/common.pages.tsx';
import { kpiDetail, type KpiDetail } from './view.service.ts';
import { addTarget, updateKpi } from './kpi.service.ts';
import { deleteMeasurement, importMeasurements, recordMeasurement } from './measurement.service.ts';
import { deriveMeasurements } from './derive.service.ts';
import { MEASUREMENT_COLUMNS } from './measurement-csv.ts';
import { formatWithUnit } from './targets.ts';
import { KpiFigures } from './components.tsx';
import { KpiForm, MeasurementForm, TargetForm, kpiFromForm, measurementFromForm, targetFromForm } from './forms.tsx';
import { coopCrumbs } from './dashboard.pages.tsx';

type C = Context<AppEnv>;
type Failure = { form: 'meting' | 'import'; state: FormState; rows?: { row: number; field: string; value: string; message: string }[] };

const NOTICES: Record<string, string> = {
  meting: 'De meting is vastgelegd.', import: 'De metingen uit het bestand zijn vastgelegd.', afgeleid: 'De metingen zijn (opnieuw) afgeleid uit de urenregistratie.',
  verwijderd: 'De meting is verwijderd.', streefwaarde: 'De streefwaarde is vastgelegd.', opgeslagen: 'De wijzigingen zijn opgeslagen.',
};

const crumbs = (d: KpiDetail) => [...coopCrumbs(d.cooperation), { href: `/samenwerkingen/${d.cooperation.slug}/doelen`, label: 'Doelen' }, { href: `/doelen/${d.goal.id}`, label: d.goal.title }];

function ImportForm({ c, id, bron }: { c: C; id: string; bron: string }) {
  return (
    <form method="post" action={`/indicatoren/${id}/metingen/import`} enctype="multipart/form-data" class="vlecht-form">
      <Csrf token={c.get('csrfToken')} />
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="veld-bestand">Bestand (CSV of Excel)</label>
        <div class="utrecht-form-field-description" id="uitleg-bestand">Kolommen {MEASUREMENT_COLUMNS.map((x) => x.key).join(';')}. {MEASUREMENT_COLUMNS.map((x) => `${x.key}: ${x.help}`).join(' ')} Alles of niets: bij één fout regel wordt niets vastgelegd.</div>
        <input class="utrecht-textbox utrecht-textbox--html-input" type="file" id="veld-bestand" name="bestand" accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required aria-describedby="uitleg-bestand" />
      </div>
      <TextField name="bron" label="Bron voor regels zonder bron" value={bron} issues={[]} />
      <div><SubmitButton>Metingen importeren</SubmitButton></div>
    </form>
  );
}

function KpiPage({ c, d, failure }: { c: C; d: KpiDetail; failure?: Failure }) {
  const k = d.kpi;
  const may = d.goal.may.edit;
  const state = failure?.state;
  return (
    <>
      <h1 class="utrecht-heading-1">{k.name}</h1>
      <p class="utrecht-paragraph">Indicator van het doel <a class="utrecht-link" href={`/doelen/${d.goal.id}`}>{d.goal.title}</a>.</p>
      <Notice text={NOTICES[c.req.query('gelukt') ?? '']} />
      {state && <ErrorSummary issues={failure.rows ? [] : state.issues} locale={c.get('locale')} message={state.message ?? (failure.rows ? 'Er is niets geïmporteerd: herstel de regels hieronder en probeer het opnieuw.' : undefined)} />}
      {failure?.rows && (
        <div class="utrecht-table-container">
          <table class="utrecht-table utrecht-table--html-table">
            <caption class="utrecht-table__caption">Alle problemen per regel ({formatNumber(failure.rows.length)})</caption>
            <thead><tr><th scope="col">Regel</th><th scope="col">Kolom</th><th scope="col">Waarde</th><th scope="col">Probleem</th></tr></thead>
            <tbody>{failure.rows.map((r) => <tr><td class="vlecht-num">{r.row}</td><td>{r.field}</td><td>{r.value}</td><td>{r.message}</td></tr>)}</tbody>
          </table>
        </div>
      )}
      {may && <p class="utrecht-paragraph"><a class="utrecht-link" href={`/indicatoren/${k.id}/bewerken`}>Indicator bewerken (nulmeting, deadline)</a> · <a class="utrecht-link" href={`/indicatoren/${k.id}/streefwaarde`}>Streefwaarde vastleggen</a></p>}
      <Facts items={[
        ['Eenheid', k.unit], ['Richting', k.directionWords],
        ['Nulmeting', k.baseline ? `${formatWithUnit(k.baseline.value, k.unit)} op ${formatDate(k.baseline.date)} (bron: ${k.baseline.source})` : 'nog niet vastgelegd'],
        ...(k.baselineWarning ? [['Let op', `De ${k.baselineWarning.replace(/; neem .*$/, '')}, en er is geen reden vastgelegd.`] as [string, string]] : []),
        ...(k.baseline?.reason ? [['Waarom de nulmeting afwijkt van de afgeleide reeks', k.baseline.reason] as [string, string]] : []),
        ['Deadline', k.deadline ? formatDate(k.deadline) : 'nog niet vastgelegd'],
        ['Bron', k.source || '—'],
        ...(k.derivationLabel ? [['Afgeleid (automatisch berekend)', `${k.derivationLabel}, uit ${k.derivationSource}`] as [string, string]] : []),
      ]} />
      <KpiFigures kpi={k} />
      {may && k.derivation && (
        <form method="post" action={`/indicatoren/${k.id}/afleiden`} class="vlecht-form">
          <Csrf token={c.get('csrfToken')} />
          <p class="utrecht-paragraph">Bereken voor elk afgesloten kwartaal in de urenregistratie een meting; een bestaande meting wordt bijgewerkt als de uren intussen zijn gewijzigd.</p>
          <div><SubmitButton>Metingen afleiden uit de urenregistratie</SubmitButton></div>
        </form>
      )}
      {may && !k.derivation && (
        <>
          <h2 class="utrecht-heading-2">Meting vastleggen</h2>
          <MeasurementForm c={c} form={failure?.form === 'meting' ? failure.state : freshForm()} action={`/indicatoren/${k.id}/metingen`} />
          <h2 class="utrecht-heading-2">Metingen importeren</h2>
          <ImportForm c={c} id={k.id} bron={failure?.form === 'import' ? failure.state.values.bron ?? '' : ''} />
        </>
      )}
      {may && k.measurements.length > 0 && (
        <details class="vlecht-details">
          <summary>Een meting verwijderen</summary>
          <ul class="utrecht-unordered-list">{k.measurements.map((m) => (
            <li>
              <form method="post" action={`/metingen/${m.id}/verwijderen`} class="vlecht-inline-form">
                <Csrf token={c.get('csrfToken')} /><input type="hidden" name="indicator" value={k.id} />
                <button type="submit" class="utrecht-button utrecht-button--secondary-action">Meting van {formatDate(m.measuredOn)} ({formatWithUnit(m.value, k.unit)}) verwijderen</button>
              </form>
            </li>
          ))}</ul>
        </details>
      )}
    </>
  );
}

const kpiValues = (k: KpiDetail['kpi']): Record<string, string> => ({
  name: k.name, unit: k.unit, direction: k.direction, baselineValue: k.baseline ? formatWithUnit(k.baseline.value, '') : '',
  baselineDate: formatDate(k.baseline?.date), baselineSource: k.baseline?.source ?? '', baselineReason: k.baseline?.reason ?? '', deadline: formatDate(k.deadline), source: k.source, version: String(k.version),
});

export function kpiPages() {
  const app = new Hono<AppEnv>();
  const page = async (c: C, failure?: Failure, status?: 400 | 409 | 412 | 428) => {
    const d = await kpiDetail(signedIn(c), c.req.param('id')!);
    return renderPage(c, d.kpi.name, <KpiPage c={c} d={d} failure={failure} />, { status, breadcrumbs: crumbs(d) });
  };
  const back = (c: C, what: string) => c.redirect(`/indicatoren/${c.req.param('id')}?gelukt=${what}`, 303);

  app.get('/indicatoren/:id', (c) => page(c));
  app.post('/indicatoren/:id/metingen', async (c) => {
    const raw = await readForm(c);
    try {
      await recordMeasurement(signedIn(c), c.req.param('id'), measurementFromForm(raw));
      return back(c, 'meting');
    } catch (e) {
      const f = formFailure(e, raw, c.get('locale'));
      return page(c, { form: 'meting', state: f }, f.status);
    }
  });
  app.post('/indicatoren/:id/metingen/import', async (c) => {
    const body = await c.req.parseBody();
    const bron = typeof body.bron === 'string' ? body.bron : '';
    const file = body.bestand instanceof File ? body.bestand : null;
    try {
      // An Excel file is read as its first sheet; anything else as CSV text.
      const isXlsx = !!file && (/\.xlsx$/i.test(file.name) || file.type === XLSX_TYPE);
      const text = !file ? '' : isXlsx ? await xlsxToText(await file.arrayBuffer()) : await file.text();
      await importMeasurements(signedIn(c), c.req.param('id'), text, bron);
      return back(c, 'import');
    } catch (e) {
      if (!isVlechtError(e) || e.code !== 'VALIDATION') throw e;
      const rows = e.issues.map((i) => ({ row: i.row ?? 1, field: i.field, value: i.value === undefined ? '' : String(i.value), message: i.message }));
      return page(c, { form: 'import', state: { values: { bron }, issues: [] }, rows }, 400);
    }
  });
  app.post('/indicatoren/:id/afleiden', async (c) => {
    await deriveMeasurements(signedIn(c), c.req.param('id'));
    return back(c, 'afgeleid');
  });
  app.post('/metingen/:id/verwijderen', async (c) => {
    const raw = await readForm(c);
    await deleteMeasurement(signedIn(c), c.req.param('id'));
    return c.redirect(`/indicatoren/${encodeURIComponent(raw.indicator ?? '')}?gelukt=verwijderd`, 303);
  });

  const formPage = async (c: C, kind: 'streefwaarde' | 'bewerken', form: FormState | null, status?: 400 | 409 | 412 | 428) => {
    const d = await kpiDetail(signedIn(c), c.req.param('id')!);
    if (!d.goal.may.edit) throw new VlechtError('FORBIDDEN', { permission: 'team:manage' });
    const title = kind === 'streefwaarde' ? `Streefwaarde voor ${d.kpi.name}` : `${d.kpi.name} bewerken`;
    return renderPage(c, title, (
      <>
        <h1 class="utrecht-heading-1">{title}</h1>
        {kind === 'streefwaarde'
          ? <TargetForm c={c} form={form ?? freshForm()} action={`/indicatoren/${d.kpi.id}/streefwaarde`} />
          : <KpiForm c={c} form={form ?? freshForm(kpiValues(d.kpi))} action={`/indicatoren/${d.kpi.id}/bewerken`} submit="Wijzigingen opslaan" create={false} />}
      </>
    ), { status, breadcrumbs: [...crumbs(d), { href: `/indicatoren/${d.kpi.id}`, label: d.kpi.name }] });
  };
  app.get('/indicatoren/:id/streefwaarde', (c) => formPage(c, 'streefwaarde', null));
  app.post('/indicatoren/:id/streefwaarde', async (c) => {
    const raw = await readForm(c);
    try {
      await addTarget(signedIn(c), c.req.param('id'), targetFromForm(raw));
      return back(c, 'streefwaarde');
    } catch (e) {
      const f = formFailure(e, raw, c.get('locale'));
      return formPage(c, 'streefwaarde', f, f.status);
    }
  });
  app.get('/indicatoren/:id/bewerken', (c) => formPage(c, 'bewerken', null));
  app.post('/indicatoren/:id/bewerken', async (c) => {
    const raw = await readForm(c);
    try {
      await updateKpi(signedIn(c), c.req.param('id'), versionOf(raw.version), kpiFromForm(raw, false));
      return back(c, 'opgeslagen');
    } catch (e) {
      const f = formFailure(e, raw, c.get('locale'));
      return formPage(c, 'bewerken', f, f.status);
    }
  });

  return app;
}
