/**
 * The page of one goal: facts, traffic light, SMART check, the Nulmeting / Realisatie /
 * Streefwaarde / Bron table, each KPI's trend chart, the approval history and the forms
 * to record a decision, add a KPI and edit the goal (POST-redirect-GET; on an error the
 * page comes back with the messages at the failing form).
 */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../platform/http/env.ts';
import { signedIn } from '../platform/http/edge.ts';
import { renderPage } from '../platform/http/render.tsx';
import { ErrorSummary } from '../platform/ui/form.tsx';
import { Facts, Notice, formFailure, freshForm, readForm, versionOf, type FormState } from '../register/common.pages.tsx';
import { VlechtError } from '../platform/errors.ts';
import { goalDetail, type GoalDetail } from './view.service.ts';
import { transitionGoal, updateGoal } from './goal.service.ts';
import { createKpi } from './kpi.service.ts';
import { IndicatorTable, Judged, KpiFigures, SmartGaps, StatusHistory } from './components.tsx';
import { GoalForm, KpiForm, TransitionForm, goalFromForm, kpiFromForm, transitionFromForm } from './forms.tsx';
import { coopCrumbs } from './dashboard.pages.tsx';

type C = Context<AppEnv>;
type Forms = { transition?: FormState; kpi?: FormState };

const NOTICES: Record<string, string> = {
  aangemaakt: 'Het doel is aangemaakt als concept. Voeg nu indicatoren met hun nulmeting toe.',
  opgeslagen: 'De wijzigingen zijn opgeslagen.',
  besluit: 'Het besluit is vastgelegd.',
  indicator: 'De indicator is toegevoegd.',
};

const crumbs = (d: GoalDetail) => [...coopCrumbs(d.cooperation), { href: `/samenwerkingen/${d.cooperation.slug}/doelen`, label: 'Doelen' }];

function GoalPage({ c, d, forms }: { c: C; d: GoalDetail; forms: Forms }) {
  const g = d.goal;
  const failed = [forms.transition, forms.kpi].find((f) => f && (f.issues.length || f.message));
  const transition = forms.transition ?? freshForm({ version: String(g.version) });
  return (
    <>
      <h1 class="utrecht-heading-1">{g.title}</h1>
      <Notice text={NOTICES[c.req.query('gelukt') ?? '']} />
      {failed && <ErrorSummary issues={failed.issues} locale={c.get('locale')} message={failed.message} />}
      {g.may.edit && <p class="utrecht-paragraph"><a class="utrecht-link" href={`/doelen/${g.id}/bewerken`}>Doel bewerken</a></p>}
      <Facts items={[
        ['Toetsingscriterium', g.criterionWords],
        ['Voor', g.team ? `team ${g.team.name}` : 'de hele samenwerking'],
        ['Eigenaar', g.ownerName || 'nog niet benoemd'],
        ['Status', g.statusWords],
        ...(g.recommendation ? [['Antwoord op aanbeveling', `${g.recommendation.number}. ${g.recommendation.text}`] as [string, string]] : []),
        ...(g.source ? [['Bron', g.source] as [string, string]] : []),
      ]} />
      {g.description && <p class="utrecht-paragraph">{g.description}</p>}

      <h2 class="utrecht-heading-2">Oordeel</h2>
      <p class="utrecht-paragraph"><Judged light={g.light} words={g.lightWords} /></p>
      <h2 class="utrecht-heading-2">SMART-toets</h2>
      <SmartGaps goal={g} />

      <h2 class="utrecht-heading-2">Indicatoren</h2>
      {g.kpis.length === 0 ? <p class="utrecht-paragraph">Dit doel heeft nog geen indicator. Zonder meetbare indicator met nulmeting kan het niet naar het college.</p> : <IndicatorTable goal={g} />}
      {g.kpis.map((k) => (
        <section aria-labelledby={`indicator-${k.id}`}>
          <h3 class="utrecht-heading-3" id={`indicator-${k.id}`}>{k.name}</h3>
          <KpiFigures kpi={k} />
          <p class="utrecht-paragraph"><a class="utrecht-link" href={`/indicatoren/${k.id}`}>{g.may.edit ? `Metingen en streefwaarden van ‘${k.name}’ beheren` : `Alles over ‘${k.name}’`}</a></p>
        </section>
      ))}
      {g.may.edit && (
        <details class="vlecht-details" open={!!forms.kpi}>
          <summary>Indicator toevoegen</summary>
          <KpiForm c={c} form={forms.kpi ?? freshForm()} action={`/doelen/${g.id}/indicatoren`} submit="Indicator toevoegen" create />
        </details>
      )}

      <h2 class="utrecht-heading-2">Besluitvorming</h2>
      <p class="utrecht-paragraph">Route: concept → voorgelegd aan het college → aangeboden aan de raad (B-stuk) → vastgesteld door de raad. Verder dan concept kan alleen als elke indicator een nulmeting heeft; de directie of beheerder legt het besluit vast.</p>
      <StatusHistory goal={g} />
      {g.may.transitionTo.length > 0 && (
        <details class="vlecht-details" open={!!forms.transition}>
          <summary>Besluit over dit doel vastleggen</summary>
          <TransitionForm c={c} form={transition} action={`/doelen/${g.id}/status`} options={g.may.transitionTo.map((s) => ({ value: s.status, label: s.words }))} />
        </details>
      )}

      <h2 class="utrecht-heading-2">Downloaden</h2>
      <ul class="utrecht-unordered-list">
        <li><a class="utrecht-link" href={`/api/v1/doelen/${g.id}/metingen.csv`}>Alle metingen van dit doel als CSV</a></li>
        <li><a class="utrecht-link" href={`/api/v1/doelen/${g.id}/metingen.xlsx`}>Alle metingen van dit doel als Excel (XLSX)</a></li>
      </ul>
    </>
  );
}

const goalValues = (g: GoalDetail['goal']): Record<string, string> => ({
  title: g.title, criterion: g.criterion, teamId: g.team?.id ?? '', ownerName: g.ownerName, description: g.description,
  recommendationId: g.recommendation?.id ?? '', source: g.source, version: String(g.version),
});

export function goalPages() {
  const app = new Hono<AppEnv>();
  const page = async (c: C, forms: Forms = {}, status?: 400 | 409 | 412 | 428) => {
    const d = await goalDetail(signedIn(c), c.req.param('id')!);
    return renderPage(c, d.goal.title, <GoalPage c={c} d={d} forms={forms} />, { status, breadcrumbs: crumbs(d) });
  };

  app.get('/doelen/:id', (c) => page(c));

  app.post('/doelen/:id/status', async (c) => {
    const raw = await readForm(c);
    try {
      await transitionGoal(signedIn(c), c.req.param('id'), versionOf(raw.version), transitionFromForm(raw));
      return c.redirect(`/doelen/${c.req.param('id')}?gelukt=besluit`, 303);
    } catch (e) {
      const f = formFailure(e, raw, c.get('locale'));
      // A KPI without baseline is about the goal, not a field: point the message at the status choice.
      return page(c, { transition: { ...f, issues: f.issues.map((i) => (i.field === 'kpis' ? { ...i, field: 'to' } : i)) } }, f.status);
    }
  });

  app.post('/doelen/:id/indicatoren', async (c) => {
    const raw = await readForm(c);
    try {
      const row = await createKpi(signedIn(c), c.req.param('id'), kpiFromForm(raw, true));
      return c.redirect(`/doelen/${c.req.param('id')}?gelukt=indicator#indicator-${row.id}`, 303);
    } catch (e) {
      const f = formFailure(e, raw, c.get('locale'));
      return page(c, { kpi: f }, f.status);
    }
  });

  const editPage = async (c: C, form: FormState | null, status?: 400 | 409 | 412 | 428) => {
    const d = await goalDetail(signedIn(c), c.req.param('id')!);
    if (!d.goal.may.edit) throw new VlechtError('FORBIDDEN', { permission: 'team:manage' });
    return renderPage(c, `${d.goal.title} bewerken`, (
      <>
        <h1 class="utrecht-heading-1">{d.goal.title} bewerken</h1>
        <GoalForm c={c} form={form ?? freshForm(goalValues(d.goal))} action={`/doelen/${d.goal.id}/bewerken`} submit="Wijzigingen opslaan" withVersion
          teams={d.teams.map((t) => ({ value: t.id, label: t.name }))} recommendations={d.recommendations.map((r) => ({ value: r.id, label: `${r.number}. ${r.text.slice(0, 90)}…` }))} />
      </>
    ), { status, breadcrumbs: [...crumbs(d), { href: `/doelen/${d.goal.id}`, label: d.goal.title }] });
  };
  app.get('/doelen/:id/bewerken', (c) => editPage(c, null));
  app.post('/doelen/:id/bewerken', async (c) => {
    const raw = await readForm(c);
    try {
      await updateGoal(signedIn(c), c.req.param('id'), versionOf(raw.version), goalFromForm(raw));
      return c.redirect(`/doelen/${c.req.param('id')}?gelukt=opgeslagen`, 303);
    } catch (e) {
      const f = formFailure(e, raw, c.get('locale'));
      return editPage(c, f, f.status);
    }
  });

  return app;
}
