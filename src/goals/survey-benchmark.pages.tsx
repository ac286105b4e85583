/**
 * Pages of surveys and the benchmark per cooperation (server-rendered, Dutch, NL Design
 * System): per survey a table question × moment × group with the published marker and the
 * comparisons in words; the benchmark per taakveld and year with deviations and 2012-vs-2017;
 * the form for a new survey with its questions and results.
 */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../platform/http/env.ts';
import { signedIn } from '../platform/http/edge.ts';
import { renderPage } from '../platform/http/render.tsx';
import { cooperationSurveys, createSurvey, publishQuestion, questionCooperationSlug, type SurveyView } from './survey.service.ts';
import { cooperationBenchmark, importBenchmarkCsv, type BenchmarkOverview } from './benchmark.service.ts';
import { Csrf, ErrorSummary, SelectField, SubmitButton, TextField, type Issues } from '../platform/ui/form.tsx';
import { Notice, freshForm, readForm, requireCan, versionOf, type FormState } from '../register/common.pages.tsx';
import { getCooperation } from '../register/cooperation.service.ts';
import { goalScope } from './access.service.ts';
import { SurveyForm, surveyFailure, surveyFromForm } from './forms.tsx';
import { isVlechtError } from '../platform/errors.ts';
import { coopCrumbs } from './dashboard.pages.tsx';

const SURVEY_NOTICES: Record<string, string> = {
  publicatie: 'De publicatie van de vraag is gewijzigd.',
  aangemaakt: 'De peiling is vastgelegd. Vragen die u niet publiceerde, zijn alleen intern zichtbaar.',
};

function SurveyTable({ s, c, mayWrite }: { s: SurveyView; c: Context<AppEnv>; mayWrite: boolean }) {
  const cells = s.moments.flatMap((m) => s.groups.filter((g) => s.questions.some((q) => q.results.some((r) => r.moment === m && r.group === g))).map((g) => ({ m, g })));
  return (
    <section aria-labelledby={`peiling-${s.id}`}>
      <h2 class="utrecht-heading-2" id={`peiling-${s.id}`}>{s.name}</h2>
      <p class="utrecht-paragraph">Soort: {s.kind}; schaal {s.scale.min}–{s.scale.max}. <span class="vlecht-source">Bron: {s.source}</span></p>
      {s.withheld > 0 && <p class="utrecht-paragraph">{s.withheld} vraag/vragen zijn (nog) niet gepubliceerd en hier niet getoond.</p>}
      <div class="utrecht-table-container">
        <table class="utrecht-table utrecht-table--html-table">
          <caption class="utrecht-table__caption">Gemiddelde per vraag, meetmoment en respondentgroep</caption>
          <thead><tr><th scope="col">Vraag</th><th scope="col">Gepubliceerd</th>{cells.map((x) => <th scope="col" class="vlecht-num">{x.m} · {x.g}</th>)}</tr></thead>
          <tbody>{s.questions.map((q) => (
            <tr>
              <th scope="row">{q.number}. {q.text}</th>
              <td>
                {q.published ? 'ja' : 'nee (alleen intern)'}
                {mayWrite && (
                  <form method="post" action={`/peilingvragen/${q.id}/publicatie`} class="vlecht-inline-form">
                    <Csrf token={c.get('csrfToken')} />
                    <input type="hidden" name="version" value={String(q.version)} />
                    <input type="hidden" name="published" value={q.published ? 'nee' : 'ja'} />
                    <button type="submit" class="utrecht-button utrecht-button--secondary-action" aria-label={`${q.published ? 'Terugtrekken' : 'Publiceren voor raad, rekenkamer en OR'}: vraag ${q.number}`}>{q.published ? 'Terugtrekken' : 'Publiceren'}</button>
                  </form>
                )}
              </td>
              {cells.map((x) => <td class="vlecht-num">{q.results.find((r) => r.moment === x.m && r.group === x.g)?.value ?? '–'}</td>)}
            </tr>
          ))}</tbody>
        </table>
      </div>
      {s.comparisons.map((c) => (
        <div class="utrecht-table-container">
          <table class="utrecht-table utrecht-table--html-table">
            <caption class="utrecht-table__caption">Verschil {c.right.moment} · {c.right.group} ten opzichte van {c.left.moment} · {c.left.group}</caption>
            <thead><tr><th scope="col">Vraag</th><th scope="col" class="vlecht-num">Verschil</th><th scope="col">Richting</th></tr></thead>
            <tbody>{c.questions.map((q) => <tr><th scope="row">{q.number}. {q.text}</th><td class="vlecht-num">{q.difference ?? '–'}</td><td>{q.direction ?? '–'}</td></tr>)}</tbody>
          </table>
          {c.remarks.length > 0 && <ul class="utrecht-unordered-list">{c.remarks.map((r) => <li>{r}</li>)}</ul>}
        </div>
      ))}
    </section>
  );
}

function BenchmarkTables({ v }: { v: BenchmarkOverview }) {
  const years = [...new Set(v.rows.map((r) => r.jaar))].sort();
  return (
    <>
      {years.map((year) => (
        <div class="utrecht-table-container">
          <table class="utrecht-table utrecht-table--html-table">
            <caption class="utrecht-table__caption">Benchmark {year}: formatie en kosten ten opzichte van de referentiegroep</caption>
            <thead><tr>
              <th scope="col">Gemeente en taakveld</th><th scope="col" class="vlecht-num">Eigen fte</th><th scope="col" class="vlecht-num">Referentie fte</th>
              <th scope="col" class="vlecht-num">Afwijking fte</th><th scope="col" class="vlecht-num">Afwijking %</th>
              <th scope="col" class="vlecht-num">Eigen kosten (€)</th><th scope="col" class="vlecht-num">Afwijking kosten (€)</th><th scope="col" class="vlecht-num">Afwijking kosten %</th>
            </tr></thead>
            <tbody>{v.rows.filter((r) => r.jaar === year).map((r) => (
              <tr>
                <th scope="row">{memberName(v.members, r.gemeente)} · {taakveldLabel(r.taakveld)}<br /><span class="vlecht-source">{r.bron}</span></th>
                <td class="vlecht-num">{r.weergave.eigenFte}</td><td class="vlecht-num">{r.weergave.referentieFte}</td>
                <td class="vlecht-num">{r.weergave.afwijkingFte}</td><td class="vlecht-num">{r.weergave.afwijkingFtePct ?? '–'}</td>
                <td class="vlecht-num">{r.weergave.eigenKosten ?? '–'}</td><td class="vlecht-num">{r.weergave.afwijkingKosten ?? '–'}</td><td class="vlecht-num">{r.weergave.afwijkingKostenPct ?? '–'}</td>
              </tr>
            ))}</tbody>
          </table>
        </div>
      ))}
      {v.comparisons.length > 0 && (
        <div class="utrecht-table-container">
          <table class="utrecht-table utrecht-table--html-table">
            <caption class="utrecht-table__caption">Ontwikkeling tussen benchmarkjaren (afwijking van de referentie in procentpunten)</caption>
            <thead><tr><th scope="col">Taakveld</th><th scope="col">Jaren</th><th scope="col" class="vlecht-num">Eigen fte verschil</th><th scope="col" class="vlecht-num">Afwijking, verschil in punten</th><th scope="col">Relatieve ontwikkeling</th></tr></thead>
            <tbody>{v.comparisons.map((c) => (
              <tr><th scope="row">{memberName(v.members, c.gemeente)} · {taakveldLabel(c.taakveld)}</th><td>{c.van}–{c.tot}</td><td class="vlecht-num">{c.eigenFteVerschil}</td><td class="vlecht-num">{c.afwijkingPuntenVerschil ?? '–'}</td><td>{c.relatieveOntwikkeling ?? '–'}</td></tr>
            ))}</tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function surveyBenchmarkPages() {
  const app = new Hono<AppEnv>();

  app.get('/samenwerkingen/:slug/peilingen', async (c) => {
    const v = await cooperationSurveys(signedIn(c), c.req.param('slug'));
    return renderPage(c, `Peilingen ${v.cooperation.name}`, (
      <>
        <h1 class="utrecht-heading-1">Peilingen: {v.cooperation.name}</h1>
        <Notice text={SURVEY_NOTICES[c.req.query('gelukt') ?? '']} />
        <p class="utrecht-paragraph">Alleen geaggregeerde uitkomsten (gemiddelden per groep), nooit antwoorden van één persoon.</p>
        {v.mayWrite && <p class="utrecht-paragraph"><a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href={`/samenwerkingen/${v.cooperation.slug}/peilingen/nieuw`}>Nieuwe peiling</a></p>}
        {v.surveys.length === 0 ? <p class="utrecht-paragraph">Er zijn nog geen peilingen vastgelegd.</p> : v.surveys.map((s) => <SurveyTable s={s} c={c} mayWrite={v.mayWrite} />)}
        <h2 class="utrecht-heading-2">Downloaden</h2>
        <p class="utrecht-paragraph"><a class="utrecht-link" href={`/api/v1/samenwerkingen/${v.cooperation.slug}/peilingen.csv`}>Peilingen als CSV</a> · <a class="utrecht-link" href={`/api/v1/samenwerkingen/${v.cooperation.slug}/peilingen.xlsx`}>als Excel (XLSX)</a></p>
      </>
    ), { breadcrumbs: [...coopCrumbs(v.cooperation), { href: `/samenwerkingen/${v.cooperation.slug}/doelen`, label: 'Doelen' }] });
  });

  const surveysCrumbs = (coop: { slug: string; name: string }) => [...coopCrumbs(coop), { href: `/samenwerkingen/${coop.slug}/peilingen`, label: 'Peilingen' }];
  const newSurveyPage = (c: Context<AppEnv>, coop: { slug: string; name: string }, form: FormState, status?: 400 | 409 | 412 | 428) => renderPage(c, 'Nieuwe peiling', (
    <>
      <h1 class="utrecht-heading-1">Nieuwe peiling voor {coop.name}</h1>
      <p class="utrecht-paragraph">Leg een peiling vast met haar vragen en de geaggregeerde uitkomsten: gemiddelden per meetmoment en respondentgroep, nooit antwoorden van één persoon. Alles wordt in één keer vastgelegd, of niets.</p>
      <SurveyForm c={c} form={form} action={`/samenwerkingen/${coop.slug}/peilingen/nieuw`} />
    </>
  ), { status, breadcrumbs: surveysCrumbs(coop) });

  app.get('/samenwerkingen/:slug/peilingen/nieuw', async (c) => {
    const coop = await getCooperation(signedIn(c), c.req.param('slug'));
    // The same permission createSurvey checks; the service checks again on POST.
    requireCan(c, 'team:manage', goalScope(coop, null));
    return newSurveyPage(c, coop.cooperation, freshForm({ scaleMin: '1', scaleMax: '10' }));
  });
  app.post('/samenwerkingen/:slug/peilingen/nieuw', async (c) => {
    const ctx = signedIn(c);
    const raw = await readForm(c);
    const parsed = surveyFromForm(raw);
    try {
      await createSurvey(ctx, c.req.param('slug'), parsed.input);
    } catch (e) {
      const f = surveyFailure(e, raw, parsed, c.get('locale'));
      return newSurveyPage(c, (await getCooperation(ctx, c.req.param('slug'))).cooperation, f, f.status);
    }
    return c.redirect(`/samenwerkingen/${encodeURIComponent(c.req.param('slug'))}/peilingen?gelukt=aangemaakt`, 303);
  });

  const benchmarkPage = async (c: Context<AppEnv>, upload: { issues: Issues; message?: string; values: Record<string, string> } | null = null, status?: 400) => {
    const v = await cooperationBenchmark(signedIn(c), c.req.param('slug')!);
    const notice = c.req.query('gelukt') === 'import' ? `Benchmark geïmporteerd: ${c.req.query('toegevoegd') ?? 0} toegevoegd, ${c.req.query('gewijzigd') ?? 0} gewijzigd, ${c.req.query('ongewijzigd') ?? 0} ongewijzigd.` : undefined;
    return renderPage(c, `Benchmark ${v.cooperation.name}`, (
      <>
        <h1 class="utrecht-heading-1">Benchmark: {v.cooperation.name}</h1>
        <Notice text={notice} />
        <p class="utrecht-paragraph">Afwijking = eigen min referentie (referentiegroep op de eigen omvang); in % van de referentie. Afgerond op één decimaal, rekenkundig.</p>
        {v.rows.length === 0 ? <p class="utrecht-paragraph">Er is nog geen benchmark vastgelegd.</p> : <BenchmarkTables v={v} />}
        <h2 class="utrecht-heading-2">Downloaden</h2>
        <p class="utrecht-paragraph"><a class="utrecht-link" href={`/api/v1/samenwerkingen/${v.cooperation.slug}/benchmark.csv`}>Benchmark als CSV</a> · <a class="utrecht-link" href={`/api/v1/samenwerkingen/${v.cooperation.slug}/benchmark.xlsx`}>als Excel (XLSX)</a></p>
        {v.mayWrite && (
          <section aria-labelledby="benchmark-import">
            <h2 class="utrecht-heading-2" id="benchmark-import">Benchmark importeren (CSV)</h2>
            {upload && <ErrorSummary issues={upload.issues} locale={c.get('locale')} message={upload.message} />}
            <form method="post" action={`/samenwerkingen/${v.cooperation.slug}/benchmark/import`} enctype="multipart/form-data" class="vlecht-form">
              <Csrf token={c.get('csrfToken')} />
              <SelectField name="gemeente" label="Gemeente" value={upload?.values.gemeente ?? v.members[0]?.cbsCode ?? ''} options={v.members.map((m) => ({ value: m.cbsCode, label: `${m.name} (${m.cbsCode})` }))} issues={upload?.issues ?? []} />
              <div class="utrecht-form-field">
                <label class="utrecht-form-label" for="veld-bestand">Bestand (CSV)</label>
                <div class="utrecht-form-field-description" id="uitleg-bestand">Kolommen taakveld;jaar;eigen_fte;referentie_fte, en naar keuze eigen_kosten;referentie_kosten;bron. Alles of niets; hetzelfde bestand twee keer verandert niets.</div>
                <input class="utrecht-textbox utrecht-textbox--html-input" type="file" id="veld-bestand" name="bestand" accept=".csv,text/csv" required aria-describedby="uitleg-bestand" />
              </div>
              <TextField name="bron" label="Bron voor regels zonder bron" value={upload?.values.bron ?? ''} issues={upload?.issues ?? []} />
              <div><SubmitButton>Benchmark importeren</SubmitButton></div>
            </form>
          </section>
        )}
      </>
    ), { status, breadcrumbs: [...coopCrumbs(v.cooperation), { href: `/samenwerkingen/${v.cooperation.slug}/doelen`, label: 'Doelen' }] });
  };
  app.get('/samenwerkingen/:slug/benchmark', (c) => benchmarkPage(c));
  app.post('/peilingvragen/:id/publicatie', async (c) => {
    const form = await readForm(c);
    const ctx = signedIn(c);
    // A stale version (412) or a refusal (403) shows the app's Dutch error page.
    await publishQuestion(ctx, c.req.param('id'), versionOf(form.version), { published: form.published === 'ja' });
    return c.redirect(`/samenwerkingen/${await questionCooperationSlug(ctx, c.req.param('id'))}/peilingen?gelukt=publicatie`, 303);
  });
  app.post('/samenwerkingen/:slug/benchmark/import', async (c) => {
    const body = await c.req.parseBody();
    const values = { gemeente: typeof body.gemeente === 'string' ? body.gemeente : '', bron: typeof body.bron === 'string' ? body.bron : '' };
    const text = body.bestand instanceof File ? await body.bestand.text() : '';
    try {
      const r = await importBenchmarkCsv(signedIn(c), c.req.param('slug'), values.gemeente, text, values.bron);
      return c.redirect(`/samenwerkingen/${c.req.param('slug')}/benchmark?gelukt=import&toegevoegd=${r.added}&gewijzigd=${r.changed}&ongewijzigd=${r.unchanged}`, 303);
    } catch (e) {
      if (!isVlechtError(e) || e.code !== 'VALIDATION') throw e;
      const issues = e.issues.map((i) => ({ ...i, message: i.row ? `regel ${i.row}: ${i.message}` : i.message }));
      return benchmarkPage(c, { issues, message: 'Er is niets geïmporteerd. Verbeter deze regels en importeer het bestand opnieuw.', values }, 400);
    }
  });

  return app;
}

/** A member municipality by name, not by its CBS code (a reader knows the name). */
function memberName(members: { cbsCode: string; name: string }[], cbsCode: string): string {
  return members.find((m) => m.cbsCode === cbsCode)?.name ?? cbsCode;
}

/** A taakveld key as words: 'informatisering-en-automatisering' → 'Informatisering en automatisering'. */
export function taakveldLabel(key: string): string {
  const words = key.split('-').map((w) => (w === 'financien' ? 'financiën' : w)).join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
