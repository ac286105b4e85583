/**
 * Pages of surveys and the benchmark per cooperation (server-rendered, Dutch, NL Design
 * System): per survey a table question × moment × group with the published marker and the
 * comparisons in words; the benchmark per taakveld and year with deviations and 2012-vs-2017.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../platform/http/env.ts';
import { signedIn } from '../platform/http/edge.ts';
import { renderPage } from '../platform/http/render.tsx';
import { cooperationSurveys, type SurveyView } from './survey.service.ts';
import { cooperationBenchmark, type BenchmarkOverview } from './benchmark.service.ts';
import { coopCrumbs } from './dashboard.pages.tsx';

function SurveyTable({ s }: { s: SurveyView }) {
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
              <td>{q.published ? 'ja' : 'nee (alleen intern)'}</td>
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
                <th scope="row">{r.gemeente} · {r.taakveld}<br /><span class="vlecht-source">{r.bron}</span></th>
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
              <tr><th scope="row">{c.gemeente} · {c.taakveld}</th><td>{c.van}–{c.tot}</td><td class="vlecht-num">{c.eigenFteVerschil}</td><td class="vlecht-num">{c.afwijkingPuntenVerschil ?? '–'}</td><td>{c.relatieveOntwikkeling ?? '–'}</td></tr>
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
        <p class="utrecht-paragraph">Alleen geaggregeerde uitkomsten (gemiddelden per groep), nooit antwoorden van één persoon.</p>
        {v.surveys.length === 0 ? <p class="utrecht-paragraph">Er zijn nog geen peilingen vastgelegd.</p> : v.surveys.map((s) => <SurveyTable s={s} />)}
        <h2 class="utrecht-heading-2">Downloaden</h2>
        <p class="utrecht-paragraph"><a class="utrecht-link" href={`/api/v1/samenwerkingen/${v.cooperation.slug}/peilingen.csv`}>Peilingen als CSV</a> · <a class="utrecht-link" href={`/api/v1/samenwerkingen/${v.cooperation.slug}/peilingen.xlsx`}>als Excel (XLSX)</a></p>
      </>
    ), { breadcrumbs: [...coopCrumbs(v.cooperation), { href: `/samenwerkingen/${v.cooperation.slug}/doelen`, label: 'Doelen' }] });
  });

  app.get('/samenwerkingen/:slug/benchmark', async (c) => {
    const v = await cooperationBenchmark(signedIn(c), c.req.param('slug'));
    return renderPage(c, `Benchmark ${v.cooperation.name}`, (
      <>
        <h1 class="utrecht-heading-1">Benchmark: {v.cooperation.name}</h1>
        <p class="utrecht-paragraph">Afwijking = eigen min referentie (referentiegroep op de eigen omvang); in % van de referentie. Afgerond op één decimaal, rekenkundig.</p>
        {v.rows.length === 0 ? <p class="utrecht-paragraph">Er is nog geen benchmark vastgelegd.</p> : <BenchmarkTables v={v} />}
        <h2 class="utrecht-heading-2">Downloaden</h2>
        <p class="utrecht-paragraph"><a class="utrecht-link" href={`/api/v1/samenwerkingen/${v.cooperation.slug}/benchmark.csv`}>Benchmark als CSV</a> · <a class="utrecht-link" href={`/api/v1/samenwerkingen/${v.cooperation.slug}/benchmark.xlsx`}>als Excel (XLSX)</a></p>
      </>
    ), { breadcrumbs: [...coopCrumbs(v.cooperation), { href: `/samenwerkingen/${v.cooperation.slug}/doelen`, label: 'Doelen' }] });
  });

  return app;
}
