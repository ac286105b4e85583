/**
 * Report pages: the list per cooperation with a form for a new concept; a report with its
 * publications, the texts form and a preview built from today's figures (for those who
 * prepare it) and the publish button (for those who publish); each publication as a page,
 * HTML and PDF. Council roles only ever reach published versions.
 */
import { Hono, type Context } from 'hono';
import { raw } from 'hono/html';
import type { AppEnv } from '../platform/http/env.ts';
import { signedIn } from '../platform/http/edge.ts';
import { renderPage } from '../platform/http/render.tsx';
import { CheckboxField, Csrf, ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from '../platform/ui/form.tsx';
import { formatDate, formatDateTime } from '../platform/i18n/format.ts';
import { Hidden, Notice, formFailure, freshForm, readForm, versionOf, type FormState } from '../register/common.pages.tsx';
import { createReport, getReport, listReports, publishReport, renderPublication, saveTexts } from './report.service.ts';
import { TEXT_SECTIONS } from './schema.ts';
import { PERIOD_HINT } from './period.ts';
import { confirmationWords } from './review.ts';

type C = Context<AppEnv>;
type ListView = Awaited<ReturnType<typeof listReports>>;
type ReportDetail = Awaited<ReturnType<typeof getReport>>;

const crumbs = (coop: { slug: string; name: string }) => [
  { href: '/samenwerkingen', label: 'Samenwerkingen' }, { href: `/samenwerkingen/${coop.slug}`, label: coop.name },
  { href: `/samenwerkingen/${coop.slug}/rapporten`, label: 'Rapportages' },
];

function ListPage({ c, v, form }: { c: C; v: ListView; form: FormState }) {
  const slug = v.cooperation.slug;
  const kinds = [
    ...(v.may.prepareProgress ? [{ value: 'voortgang', label: 'Voortgangsrapportage (hele samenwerking)' }] : []),
    ...(v.may.prepareFactsheet ? [{ value: 'factsheet', label: 'Factsheet van één team' }] : []),
  ];
  return (
    <>
      <h1 class="utrecht-heading-1">Rapportages {v.cooperation.name}</h1>
      <p class="utrecht-paragraph">De voortgangsrapportage en de factsheets per team (indeling A–F van de factsheets opbrengsten). Cijfers komen uit Vlecht zelf; een gepubliceerde versie ligt vast en verandert nooit meer.</p>
      {v.reports.length === 0 ? <p class="utrecht-paragraph">Er zijn nog geen {kinds.length ? '' : 'gepubliceerde '}rapportages.</p> : (
        <div class="utrecht-table-container">
          <table class="utrecht-table utrecht-table--html-table">
            <caption class="utrecht-table__caption">Rapportages, nieuwste periode eerst</caption>
            <thead class="utrecht-table__header"><tr class="utrecht-table__row"><th scope="col">Titel</th><th scope="col">Soort</th><th scope="col">Periode</th><th scope="col">Status</th></tr></thead>
            <tbody class="utrecht-table__body">
              {v.reports.map((r) => (
                <tr class="utrecht-table__row">
                  <th scope="row"><a class="utrecht-link" href={`/rapporten/${r.id}`}>{r.title}</a></th>
                  <td>{r.kindWords}{r.team ? ` — ${r.team.name}` : ''}</td>
                  <td>{r.period.label}</td>
                  <td>{r.statusWords}{r.changedSincePublication ? '; gewijzigd na publicatie' : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {kinds.length > 0 && (
        <section aria-labelledby="nieuw">
          <h2 class="utrecht-heading-2" id="nieuw">Nieuwe rapportage</h2>
          <ErrorSummary issues={form.issues} locale={c.get('locale')} message={form.message} />
          <form method="post" action={`/samenwerkingen/${slug}/rapporten`} class="vlecht-form" novalidate>
            <Csrf token={c.get('csrfToken')} />
            <SelectField name="kind" label="Soort" value={form.values.kind ?? kinds[0].value} options={kinds} issues={form.issues} />
            <SelectField name="team" label="Team (alleen bij een factsheet)" value={form.values.team ?? ''} options={[{ value: '', label: 'geen (voortgangsrapportage)' }, ...v.teams.map((t) => ({ value: t.slug, label: t.name }))]} issues={form.issues} />
            <TextField name="period" label="Periode" value={form.values.period ?? ''} issues={form.issues} description={PERIOD_HINT} />
            <TextField name="title" label="Titel (leeg: wordt afgeleid)" value={form.values.title ?? ''} issues={form.issues} />
            <div><SubmitButton>Concept aanmaken</SubmitButton></div>
          </form>
        </section>
      )}
    </>
  );
}

/** What the version list says about a publication's PDF: stored, being prepared, or made when first opened. */
const PDF_STATE: Record<ReportDetail['pdf'][number], string> = {
  klaar: '',
  'wordt gemaakt': ' (wordt voorbereid; over enkele seconden klaar)',
  'bij eerste download': ' (wordt bij het eerste openen gemaakt; dat duurt enkele seconden)',
};

function ReportPage({ c, d, preview, form }: { c: C; d: ReportDetail; preview: string | null; form: FormState | null }) {
  const r = d.report;
  const notice = { teksten: 'De teksten zijn opgeslagen.', gepubliceerd: 'De rapportage is gepubliceerd.', aangemaakt: 'Het concept is aangemaakt. Schrijf de teksten en bekijk het voorbeeld hieronder.' }[c.req.query('gelukt') ?? ''];
  const values = form?.values ?? { ...r.texts, version: String(r.version) };
  return (
    <>
      <h1 class="utrecht-heading-1">{r.title}</h1>
      <Notice text={notice} />
      <p class="utrecht-paragraph">{r.kindWords}{r.team ? ` van team ${r.team.name}` : ''} · periode {r.period.label} ({formatDate(r.period.from)} t/m {formatDate(r.period.to)}) · {r.statusWords}{r.changedSincePublication ? '; de teksten zijn gewijzigd na de laatste publicatie' : ''}</p>
      <h2 class="utrecht-heading-2">Gepubliceerde versies</h2>
      {r.publications.length === 0 ? <p class="utrecht-paragraph">Nog niet gepubliceerd.</p> : (
        <ul class="utrecht-unordered-list">
          {[...r.publications].reverse().map((p) => (
            <li>
              <a class="utrecht-link" href={`/rapporten/${r.id}/versies/${p.number}`}>Versie {p.number}</a>, gepubliceerd op {formatDateTime(p.publishedAt)} door {p.publishedBy} (cijfers van {formatDate(p.dataDate)}) ·{' '}
              <a class="utrecht-link" href={`/api/v1/rapporten/${r.id}/publicaties/${p.number}.pdf`}>PDF</a>{PDF_STATE[d.pdf[p.number] ?? 'klaar']} ·{' '}
              <a class="utrecht-link" href={`/api/v1/rapporten/${r.id}/publicaties/${p.number}.html`}>HTML</a>
            </li>
          ))}
        </ul>
      )}
      {d.may.publish && (
        <section aria-labelledby="publiceren">
          <h2 class="utrecht-heading-2" id="publiceren">Publiceren</h2>
          {d.review && (
            <>
              <h3 class="utrecht-heading-3">Controle vóór publicatie</h3>
              <ul class="utrecht-unordered-list">
                <li>Lege onderdelen: {d.review.emptySections.length ? d.review.emptySections.join('; ') : 'geen, alle onderdelen hebben tekst'}</li>
                <li>Indicatoren zonder meting in {r.period.label}: {d.review.kpisWithoutMeasurement.length ? d.review.kpisWithoutMeasurement.join('; ') : 'geen'}</li>
                <li>Stand van de gegevens: {formatDate(d.review.dataDate)}</li>
              </ul>
              <p class="utrecht-paragraph">Bekijk het voorbeeld hieronder: zo komt de versie er te staan.</p>
            </>
          )}
          <form method="post" action={`/rapporten/${r.id}/publiceren`} class="vlecht-form">
            <Csrf token={c.get('csrfToken')} />
            <Hidden name="version" value={String(r.version)} />
            <p class="utrecht-paragraph">Publiceren legt de teksten van versie {r.version} en de cijfers van vandaag vast als versie {(r.publications.at(-1)?.number ?? 0) + 1}; dat kan niet ongedaan worden gemaakt. De raad, de rekenkamer en de OR zien alleen gepubliceerde versies.</p>
            {d.review?.missingWords && <CheckboxField name="bevestigOntbrekend" label={confirmationWords(d.review)} checked={false} issues={form?.issues ?? []} />}
            <div><SubmitButton>Publiceren</SubmitButton></div>
          </form>
        </section>
      )}
      {d.may.prepare && (
        <section aria-labelledby="teksten">
          <h2 class="utrecht-heading-2" id="teksten">Teksten</h2>
          {form && <ErrorSummary issues={form.issues} locale={c.get('locale')} message={form.message} />}
          <form method="post" action={`/rapporten/${r.id}/teksten`} class="vlecht-form" novalidate>
            <Csrf token={c.get('csrfToken')} />
            <Hidden name="version" value={values.version ?? String(r.version)} />
            {TEXT_SECTIONS[r.kind].map((s) => <TextArea name={s.key} label={s.label} value={values[s.key] ?? ''} issues={form?.issues ?? []} description={s.hint} />)}
            <div><SubmitButton>Teksten opslaan</SubmitButton></div>
          </form>
        </section>
      )}
      {preview && (
        <section aria-labelledby="voorbeeld">
          <h2 class="utrecht-heading-2" id="voorbeeld">Voorbeeld met de cijfers van vandaag</h2>
          <p class="utrecht-paragraph"><a class="utrecht-link" href={`/api/v1/rapporten/${r.id}/concept.pdf`}>Concept als PDF</a> (wordt bij het openen gemaakt; dat duurt enkele seconden) · <a class="utrecht-link" href={`/api/v1/rapporten/${r.id}/concept.html`}>als HTML</a></p>
          <div class="vlecht-report-preview">{raw(preview)}</div>
        </section>
      )}
    </>
  );
}

export function reportPages() {
  const app = new Hono<AppEnv>();
  const list = async (c: C, form: FormState = freshForm(), status?: 400 | 409 | 412 | 428) => {
    const v = await listReports(signedIn(c), c.req.param('slug')!);
    return renderPage(c, `Rapportages ${v.cooperation.name}`, <ListPage c={c} v={v} form={form} />, { status, breadcrumbs: crumbs(v.cooperation).slice(0, 2) });
  };
  app.get('/samenwerkingen/:slug/rapporten', (c) => list(c));
  app.post('/samenwerkingen/:slug/rapporten', async (c) => {
    const input = await readForm(c);
    try {
      const r = await createReport(signedIn(c), c.req.param('slug'), input);
      return c.redirect(`/rapporten/${r.id}?gelukt=aangemaakt`, 303);
    } catch (e) {
      const f = formFailure(e, input, c.get('locale'));
      return list(c, f, f.status);
    }
  });

  const detail = async (c: C, form: FormState | null = null, status?: 400 | 409 | 412 | 428) => {
    const d = await getReport(signedIn(c), c.req.param('id')!, { preview: true });
    return renderPage(c, d.report.title, <ReportPage c={c} d={d} preview={d.preview?.html ?? null} form={form} />, { status, breadcrumbs: crumbs(d.cooperation) });
  };
  app.get('/rapporten/:id', (c) => detail(c));
  app.post('/rapporten/:id/teksten', async (c) => {
    const input = await readForm(c);
    const { version, ...texts } = input;
    try {
      await saveTexts(signedIn(c), c.req.param('id'), versionOf(version), texts);
      return c.redirect(`/rapporten/${c.req.param('id')}?gelukt=teksten`, 303);
    } catch (e) {
      const f = formFailure(e, input, c.get('locale'));
      return detail(c, f, f.status);
    }
  });
  app.post('/rapporten/:id/publiceren', async (c) => {
    const input = await readForm(c);
    try {
      await publishReport(signedIn(c), c.req.param('id'), versionOf(input.version), { confirmMissing: input.bevestigOntbrekend === 'ja' });
      return c.redirect(`/rapporten/${c.req.param('id')}?gelukt=gepubliceerd`, 303);
    } catch (e) {
      const f = formFailure(e, {}, c.get('locale'));
      return detail(c, { ...f, values: {} }, f.status);
    }
  });
  app.get('/rapporten/:id/versies/:nr{[0-9]{1,6}}', async (c) => {
    const r = await renderPublication(signedIn(c), c.req.param('id'), Number(c.req.param('nr')));
    return renderPage(c, r.title, (
      <>
        <h1 class="utrecht-heading-1">{r.title}</h1>
        <p class="utrecht-paragraph"><a class="utrecht-link" href={`/api/v1/rapporten/${r.reportId}/publicaties/${r.publication!.number}.pdf`}>Download als PDF (A4)</a> · <a class="utrecht-link" href={`/api/v1/rapporten/${r.reportId}/publicaties/${r.publication!.number}.html`}>als HTML</a></p>
        {raw(r.html)}
      </>
    ), { breadcrumbs: [...crumbs(r.cooperation), { href: `/rapporten/${r.reportId}`, label: r.title }] });
  });
  return app;
}
