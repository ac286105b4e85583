/**
 * The goals dashboard of a cooperation: how steerable it is (SMART summary), every goal
 * per test criterion with its traffic light in words, the audit office's recommendations
 * with the goals that answer them; and the form for a new goal.
 */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../platform/http/env.ts';
import { signedIn } from '../platform/http/edge.ts';
import { renderPage } from '../platform/http/render.tsx';
import { ErrorSummary } from '../platform/ui/form.tsx';
import { Notice, actorOf, formFailure, freshForm, readForm, requireCan, type FormState } from '../register/common.pages.tsx';
import { CRITERIA, CRITERION_WORDS } from './catalogue.ts';
import { cooperationGoals, type GoalsOverview } from './view.service.ts';
import { createGoal, createRecommendation } from './goal.service.ts';
import { goalScope, mayManage } from './access.service.ts';
import { getCooperation } from '../register/cooperation.service.ts';
import { Judged } from './components.tsx';
import { GoalForm, RecommendationForm, goalFromForm, recommendationFromForm } from './forms.tsx';

type C = Context<AppEnv>;

export const coopCrumbs = (coop: { slug: string; name: string }) => [
  { href: '/samenwerkingen', label: 'Samenwerkingen' }, { href: `/samenwerkingen/${coop.slug}`, label: coop.name },
];

const NOTICES: Record<string, string> = { aanbeveling: 'De aanbeveling is vastgelegd.' };

function CriterionSection({ v, criterion }: { v: GoalsOverview; criterion: (typeof CRITERIA)[number] }) {
  const goals = v.goals.filter((g) => g.criterion === criterion);
  return (
    <section aria-labelledby={`criterium-${criterion}`}>
      <h3 class="utrecht-heading-3" id={`criterium-${criterion}`}>{CRITERION_WORDS[criterion]}</h3>
      {goals.length === 0 ? <p class="utrecht-paragraph">Voor dit criterium is nog geen doel vastgelegd.</p> : (
        <div class="utrecht-table-container">
          <table class="utrecht-table utrecht-table--html-table">
            <caption class="utrecht-table__caption">Doelen onder {CRITERION_WORDS[criterion].toLowerCase()}</caption>
            <thead><tr><th scope="col">Doel en status</th><th scope="col">Stoplicht en toelichting</th><th scope="col">Wat ontbreekt (SMART)</th></tr></thead>
            <tbody>{goals.map((g) => (
              <tr>
                <th scope="row">
                  <a class="utrecht-link" href={`/doelen/${g.id}`}>{g.title}</a><br />
                  <span class="vlecht-source">{g.team ? `team ${g.team.name}` : 'hele samenwerking'}</span><br /><span>{g.statusWords}</span>
                </th>
                <td><Judged light={g.light} words={g.lightWords} /></td>
                <td>{g.smart.smart ? 'niets: volledig SMART' : <ul class="utrecht-unordered-list">{g.smart.gaps.map((x) => <li>{x.message}</li>)}</ul>}</td>
              </tr>
            ))}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Dashboard({ c, v, recommendation }: { c: C; v: GoalsOverview; recommendation: FormState }) {
  const slug = v.cooperation.slug;
  const failed = recommendation.issues.length > 0 || !!recommendation.message;
  return (
    <>
      <h1 class="utrecht-heading-1">Doelen en indicatoren: {v.cooperation.name}</h1>
      <Notice text={NOTICES[c.req.query('gelukt') ?? '']} />
      {failed && <ErrorSummary issues={recommendation.issues} locale={c.get('locale')} message={recommendation.message} />}
      <p class="utrecht-paragraph">
        Het stoplicht zegt in woorden hoe een doel ervoor staat: <strong>groen</strong> de streefwaarde is gehaald; <strong>oranje</strong> beter dan de nulmeting,
        de streefwaarde nog niet; <strong>rood</strong> niet beter dan de nulmeting of de deadline verstreken; <strong>grijs</strong> geen oordeel mogelijk (en waarom).
        Oordelen en SMART-toets gelden op {v.today.split('-').reverse().join('-')}.
      </p>
      {v.may.create && <p class="utrecht-paragraph"><a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href={`/samenwerkingen/${slug}/doelen/nieuw`}>Nieuw doel</a></p>}

      <p class="utrecht-paragraph"><a class="utrecht-link" href={`/samenwerkingen/${slug}/peilingen`}>Peilingen (MTO, enquête, inwonerspeiling)</a> · <a class="utrecht-link" href={`/samenwerkingen/${slug}/benchmark`}>Benchmark per taakveld</a></p>
      <h2 class="utrecht-heading-2">Hoe stuurbaar is de samenwerking?</h2>
      <p class="utrecht-paragraph"><strong>{v.summary.sentence}</strong> Een doel is SMART met een eigenaar, nulmeting, streefwaarde en deadline, vastgesteld door de raad en met een meting in de laatste 6 maanden.</p>
      {v.summary.byCode.length > 0 && (
        <div class="utrecht-table-container">
          <table class="utrecht-table utrecht-table--html-table">
            <caption class="utrecht-table__caption">Wat ontbreekt, en bij hoeveel van de {v.summary.goals} doelen</caption>
            <thead><tr><th scope="col">Ontbreekt</th><th scope="col" class="vlecht-num">Doelen</th></tr></thead>
            <tbody>{v.summary.byCode.map((x) => <tr><th scope="row">{x.words}</th><td class="vlecht-num">{x.goals}</td></tr>)}</tbody>
          </table>
        </div>
      )}

      <h2 class="utrecht-heading-2">Doelen per toetsingscriterium</h2>
      {CRITERIA.map((criterion) => <CriterionSection v={v} criterion={criterion} />)}

      <h2 class="utrecht-heading-2">Aanbevelingen van de rekenkamer(commissie)</h2>
      {v.recommendations.length === 0 ? <p class="utrecht-paragraph">Er zijn nog geen aanbevelingen vastgelegd.</p> : (
        <ol class="utrecht-ordered-list">{v.recommendations.map((r) => (
          <li>
            <p class="utrecht-paragraph">{r.text} <span class="vlecht-source">({r.source}, aanbeveling {r.number})</span></p>
            <p class="utrecht-paragraph">{r.goals.length === 0 ? 'Nog geen doel dat hierop antwoordt.' : <>Doelen: {r.goals.map((g, i) => <>{i > 0 && ', '}<a class="utrecht-link" href={`/doelen/${g.id}`}>{g.title}</a></>)}</>}</p>
          </li>
        ))}</ol>
      )}
      {v.may.create && (
        <details class="vlecht-details" open={failed}>
          <summary>Aanbeveling vastleggen</summary>
          <RecommendationForm c={c} form={recommendation} action={`/samenwerkingen/${slug}/aanbevelingen`} />
        </details>
      )}

      <h2 class="utrecht-heading-2">Downloaden</h2>
      <ul class="utrecht-unordered-list">
        <li><a class="utrecht-link" href={`/api/v1/samenwerkingen/${slug}/doelen.csv`}>Alle doelen en indicatoren als CSV</a></li>
        <li><a class="utrecht-link" href={`/api/v1/samenwerkingen/${slug}/doelen.xlsx`}>Alle doelen en indicatoren als Excel (XLSX)</a></li>
      </ul>
    </>
  );
}

export function dashboardPages() {
  const app = new Hono<AppEnv>();

  app.get('/samenwerkingen/:slug/doelen', async (c) => {
    const v = await cooperationGoals(signedIn(c), c.req.param('slug'));
    return renderPage(c, `Doelen ${v.cooperation.name}`, <Dashboard c={c} v={v} recommendation={freshForm()} />, { breadcrumbs: coopCrumbs(v.cooperation) });
  });

  app.post('/samenwerkingen/:slug/aanbevelingen', async (c) => {
    const ctx = signedIn(c);
    const slug = c.req.param('slug');
    const raw = await readForm(c);
    try {
      await createRecommendation(ctx, slug, recommendationFromForm(raw));
      return c.redirect(`/samenwerkingen/${slug}/doelen?gelukt=aanbeveling`, 303);
    } catch (e) {
      const f = formFailure(e, raw, c.get('locale'));
      const v = await cooperationGoals(ctx, slug);
      return renderPage(c, `Doelen ${v.cooperation.name}`, <Dashboard c={c} v={v} recommendation={f} />, { status: f.status, breadcrumbs: coopCrumbs(v.cooperation) });
    }
  });

  const newPage = async (c: C, form: FormState, status?: 400 | 409 | 412 | 428) => {
    const v = await cooperationGoals(signedIn(c), c.req.param('slug')!);
    return renderPage(c, 'Nieuw doel', (
      <>
        <h1 class="utrecht-heading-1">Nieuw doel voor {v.cooperation.name}</h1>
        <p class="utrecht-paragraph">Een nieuw doel begint als concept. Voeg daarna indicatoren toe met hun nulmeting; pas dan kan de directie het aan het college voorleggen.</p>
        <GoalForm c={c} form={form} action={`/samenwerkingen/${v.cooperation.slug}/doelen/nieuw`} submit="Doel aanmaken" withVersion={false}
          teams={v.teams.map((t) => ({ value: t.id, label: t.name }))} recommendations={v.recommendations.map((r) => ({ value: r.id, label: `${r.number}. ${r.text.slice(0, 90)}…` }))} />
      </>
    ), { status, breadcrumbs: [...coopCrumbs(v.cooperation), { href: `/samenwerkingen/${v.cooperation.slug}/doelen`, label: 'Doelen' }] });
  };

  app.get('/samenwerkingen/:slug/doelen/nieuw', async (c) => {
    const coop = await getCooperation(signedIn(c), c.req.param('slug'));
    // A team manager may create goals of their own team only; the service checks the chosen team.
    const scopes = [goalScope(coop, null), ...coop.teams.map((t) => goalScope(coop, t.id))];
    if (!scopes.some((s) => mayManage(actorOf(c), s))) requireCan(c, 'team:manage', scopes[0]);
    return newPage(c, freshForm());
  });
  app.post('/samenwerkingen/:slug/doelen/nieuw', async (c) => {
    const raw = await readForm(c);
    try {
      const row = await createGoal(signedIn(c), c.req.param('slug'), goalFromForm(raw));
      return c.redirect(`/doelen/${row.id}?gelukt=aangemaakt`, 303);
    } catch (e) {
      const f = formFailure(e, raw, c.get('locale'));
      return newPage(c, f, f.status);
    }
  });

  return app;
}
