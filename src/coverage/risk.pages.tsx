/**
 * Pages of vulnerability: the per-team risk summary of a cooperation (the councils'
 * question "ontvlechten per eenheid, wat zijn de risico's en kosten?" in one table, with a
 * chart and every assumption), and the coverage page of one team (functions, qualified
 * people per municipality and pooled, eenpitters, trend, substitution hours; names and the
 * qualification form only for roles that may see personal data).
 */
import { Hono, type Context } from 'hono';
import { raw } from 'hono/html';
import type { AppEnv } from '../platform/http/env.ts';
import { signedIn } from '../platform/http/edge.ts';
import { renderPage } from '../platform/http/render.tsx';
import { formatCents, formatDate, formatFte, formatNumber } from '../platform/i18n/format.ts';
import { ErrorSummary, SelectField, SubmitButton, TextField, Csrf } from '../platform/ui/form.tsx';
import { Facts, Notice, Synthetic, formFailure, freshForm, readForm, optionalDateOf, dateOf, type FormState } from '../register/common.pages.tsx';
import { getTeam } from '../register/team.service.ts';
import { riskSummary, type RiskSummary } from './scenario.service.ts';
import { addQualification, teamCoverage, type TeamCoverage } from './coverage.service.ts';
import { teamBySlugs } from './access.service.ts';
import { riskChart, singlePersonTrendChart } from './charts.ts';
import { quarterLabel } from './coverage.ts';

type C = Context<AppEnv>;
export const coopCrumbs = (coop: { slug: string; name: string }) => [{ href: '/samenwerkingen', label: 'Samenwerkingen' }, { href: `/samenwerkingen/${coop.slug}`, label: coop.name }];

export function CoverageNav({ slug }: { slug: string }) {
  return (
    <nav aria-label="Kwetsbaarheid en ontvlechting" class="vlecht-subnav">
      <ul class="utrecht-unordered-list">
        <li><a class="utrecht-link" href={`/samenwerkingen/${slug}/kwetsbaarheid`}>Risico’s en kosten van ontvlechten per team</a></li>
        <li><a class="utrecht-link" href={`/samenwerkingen/${slug}/scenarios`}>Ontvlechtingsscenario’s</a></li>
        <li><a class="utrecht-link" href={`/samenwerkingen/${slug}/applicaties`}>Applicatieportfolio en harmonisatie</a></li>
      </ul>
    </nav>
  );
}

export function Assumptions({ items, caption }: { items: RiskSummary['assumptions']; caption: string }) {
  return (
    <div class="utrecht-table-container">
      <table class="utrecht-table utrecht-table--html-table">
        <caption class="utrecht-table__caption">{caption}</caption>
        <thead><tr><th scope="col">Aanname</th><th scope="col" class="vlecht-num">Waarde</th><th scope="col">Waar zij voor telt</th></tr></thead>
        <tbody>{items.map((a) => <tr><th scope="row">{a.label}</th><td class="vlecht-num">{a.shown}{a.isDefault ? '' : ' (aangepast)'}</td><td>{a.explanation}</td></tr>)}</tbody>
      </table>
    </div>
  );
}

function RiskPage({ v }: { v: RiskSummary }) {
  return (
    <>
      <h1 class="utrecht-heading-1">Ontvlechten per team: risico’s en kosten</h1>
      <CoverageNav slug={v.cooperation.slug} />
      <p class="utrecht-paragraph">Wat kost het als {v.cooperation.name} per team volledig wordt ontvlochten (elke gemeente gaat alleen verder)? Peildatum {formatDate(v.day)}; uren uit de urenregistratie van {formatDate(v.hours.from)} t/m {formatDate(v.hours.to)}. Alle bedragen volgen uit de gegevens en de aannames onderaan; een eigen scenario met andere aannames maakt u bij <a class="utrecht-link" href={`/samenwerkingen/${v.cooperation.slug}/scenarios`}>ontvlechtingsscenario’s</a>.</p>
      <div class="utrecht-table-container">
        <table class="utrecht-table utrecht-table--html-table">
          <caption class="utrecht-table__caption">Volledige ontvlechting per team, standaardaannames</caption>
          <thead><tr><th scope="col">Team</th><th scope="col" class="vlecht-num">Eenmalige kosten</th><th scope="col" class="vlecht-num">Structureel per jaar</th><th scope="col" class="vlecht-num">Functies onbezet</th><th scope="col" class="vlecht-num">Terugkerende eenpitters</th><th scope="col" class="vlecht-num">Fte-tekort</th></tr></thead>
          <tbody>{v.rows.map((r) => (
            <tr>
              <th scope="row"><a class="utrecht-link" href={`/samenwerkingen/${v.cooperation.slug}/teams/${r.team.slug}/dekking`}>{r.team.name}</a></th>
              <td class="vlecht-num">{formatCents(r.oneOffCents)}</td><td class="vlecht-num">{formatCents(r.recurringCents)}</td>
              <td class="vlecht-num">{r.functionsUncovered}{r.criticalUncovered ? ` (${r.criticalUncovered} kritiek)` : ''}</td>
              <td class="vlecht-num">{r.reappearingSinglePerson}</td><td class="vlecht-num">{formatFte(r.fteGapMilli)}</td>
            </tr>
          ))}</tbody>
          <tfoot><tr><th scope="row">Totaal</th><td class="vlecht-num">{formatCents(v.totals.oneOffCents)}</td><td class="vlecht-num">{formatCents(v.totals.recurringCents)}</td><td class="vlecht-num">{v.totals.functionsUncovered}</td><td></td><td class="vlecht-num">{formatFte(v.totals.fteGapMilli)}</td></tr></tfoot>
        </table>
      </div>
      {v.rows.length > 0 && <figure class="vlecht-figure">{raw(riskChart(v))}<figcaption class="vlecht-source">Eenmalige en structurele kosten per team; de tabel hierboven geeft dezelfde bedragen.</figcaption></figure>}
      <h2 class="utrecht-heading-2">Aannames</h2>
      <Assumptions items={v.assumptions} caption="De standaardaannames van dit overzicht" />
      <h2 class="utrecht-heading-2">Downloaden</h2>
      <ul class="utrecht-unordered-list">
        <li><a class="utrecht-link" href={`/api/v1/samenwerkingen/${v.cooperation.slug}/kwetsbaarheid.csv?peildatum=${v.day}`}>Overzicht als CSV</a></li>
        <li><a class="utrecht-link" href={`/api/v1/samenwerkingen/${v.cooperation.slug}/kwetsbaarheid.xlsx?peildatum=${v.day}`}>Overzicht als Excel (XLSX)</a></li>
      </ul>
    </>
  );
}

const statusWords = (r: { uncovered: boolean; singlePerson: boolean; covered: boolean }) => (r.uncovered ? 'onbezet' : r.singlePerson ? 'eenpitter' : r.covered ? 'gedekt' : 'te weinig');

function TeamCoveragePage({ c, v, people, form }: { c: C; v: TeamCoverage; people: { employeeId: string; name: string; functionName: string | null }[]; form: FormState }) {
  const functions = v.scopes[0]?.rows ?? [];
  return (
    <>
      <h1 class="utrecht-heading-1">Functies en achtervang: {v.team.name}</h1>
      <CoverageNav slug={v.cooperation.slug} />
      <Notice text={c.req.query('gelukt') === 'kwalificatie' ? 'De kwalificatie is vastgelegd.' : undefined} />
      {(form.issues.length > 0 || form.message) && <ErrorSummary issues={form.issues} locale={c.get('locale')} message={form.message} />}
      <p class="utrecht-paragraph">Peildatum {formatDate(v.day)}. Een <strong>eenpitter</strong> is een functie met precies één gekwalificeerde (primair of achtervang). Per gemeente telt wie die gemeente in dienst heeft: zo staat het er na een ontvlechting voor.</p>
      <div class="utrecht-table-container">
        <table class="utrecht-table utrecht-table--html-table">
          <caption class="utrecht-table__caption">Gekwalificeerden per functie, per gemeente alleen en samen</caption>
          <thead><tr><th scope="col">Functie</th><th scope="col">Kritiek</th><th scope="col" class="vlecht-num">Benodigd</th>{v.scopes.map((s) => <th scope="col">{s.label}</th>)}</tr></thead>
          <tbody>{functions.map((f, i) => (
            <tr>
              <th scope="row">{f.name}</th><td>{f.critical ? 'ja' : 'nee'}</td><td class="vlecht-num">{f.requiredQualified}</td>
              {v.scopes.map((s) => <td>{s.rows[i].qualified} ({statusWords(s.rows[i])})</td>)}
            </tr>
          ))}</tbody>
        </table>
      </div>
      <div class="utrecht-table-container">
        <table class="utrecht-table utrecht-table--html-table">
          <caption class="utrecht-table__caption">Samenvatting</caption>
          <thead><tr><th scope="col">Gemeente</th><th scope="col" class="vlecht-num">Eenpitters</th><th scope="col" class="vlecht-num">Eenpitters, waarvan kritiek</th><th scope="col" class="vlecht-num">Onbezet</th><th scope="col" class="vlecht-num">Onbezet, waarvan kritiek</th><th scope="col" class="vlecht-num">Dekking</th></tr></thead>
          {/* Each 'waarvan kritiek' stands beside the count it is part of (issue 16: the single one after 'Onbezet' was read as critical eenpitters). */}
          <tbody>{v.scopes.map((s) => <tr data-scope={s.scope}><th scope="row">{s.label}</th><td class="vlecht-num">{s.summary.singlePerson}</td><td class="vlecht-num">{s.summary.criticalSinglePerson}</td><td class="vlecht-num">{s.summary.uncovered}</td><td class="vlecht-num">{s.summary.criticalUncovered}</td><td class="vlecht-num">{s.summary.coveragePct === null ? '–' : `${formatNumber(s.summary.coveragePct)}%`}</td></tr>)}</tbody>
        </table>
      </div>
      <p class="utrecht-paragraph">Dekking = functies met minstens het benodigde aantal gekwalificeerden, gedeeld door alle functies van het team.</p>
      <h2 class="utrecht-heading-2">Verloop</h2>
      {v.trend.length > 0 && <figure class="vlecht-figure">{raw(singlePersonTrendChart(v))}<figcaption class="vlecht-source">Eenpitters per kwartaal; de tabel geeft dezelfde cijfers.</figcaption></figure>}
      <details class="vlecht-details"><summary>Verloop als tabel</summary>
        <div class="utrecht-table-container"><table class="utrecht-table utrecht-table--html-table">
          <caption class="utrecht-table__caption">Eenpitters en dekking per kwartaal</caption>
          <thead><tr><th scope="col">Kwartaal</th>{v.scopes.map((s) => <th scope="col">{s.label}: eenpitters / dekking</th>)}</tr></thead>
          <tbody>{v.trend.map((p) => <tr><th scope="row">{quarterLabel(p.day)}</th>{v.scopes.map((s) => { const b = p.byScope.find((x) => x.scope === s.scope)!; return <td>{b.singlePerson} / {b.coveragePct === null ? '–' : `${formatNumber(b.coveragePct)}%`}</td>; })}</tr>)}</tbody>
        </table></div>
      </details>
      <h2 class="utrecht-heading-2">Vervanging in de praktijk</h2>
      <p class="utrecht-paragraph">Volgens de urenregistratie werkte team {v.team.name} van {formatDate(v.substitution.from)} t/m {formatDate(v.substitution.to)} {formatNumber(Math.round(v.substitution.hours * 10) / 10)} uur aan vervanging van collega’s, van in totaal {formatNumber(Math.round(v.substitution.totalHours * 10) / 10)} uur.</p>
      {v.qualifications && (
        <>
          <h2 class="utrecht-heading-2">Wie is gekwalificeerd</h2>
          <div class="utrecht-table-container"><table class="utrecht-table utrecht-table--html-table">
            <caption class="utrecht-table__caption">Kwalificaties op de peildatum (persoonsgegevens)</caption>
            <thead><tr><th scope="col">Medewerker</th><th scope="col">Werkgever</th><th scope="col">Functie</th><th scope="col">Soort</th><th scope="col">Sinds</th></tr></thead>
            <tbody>{v.qualifications.map((q) => <tr><th scope="row">{q.name} <Synthetic synthetic={q.synthetic} /></th><td>{q.employer}</td><td>{functions.find((f) => f.functionId === q.functionId)?.name}</td><td>{q.kind}</td><td>{formatDate(q.validFrom)}</td></tr>)}</tbody>
          </table></div>
        </>
      )}
      {v.may.manage && v.qualifications && (
        <details class="vlecht-details" open={form.issues.length > 0 || !!form.message}>
          <summary>Kwalificatie vastleggen</summary>
          <form method="post" action={`/samenwerkingen/${v.cooperation.slug}/teams/${v.team.slug}/dekking`} class="vlecht-form" novalidate>
            <Csrf token={c.get('csrfToken') ?? null} />
            <SelectField name="functionId" label="Functie" value={form.values.functionId} issues={form.issues} options={[{ value: '', label: 'Kies een functie' }, ...functions.map((f) => ({ value: f.functionId, label: f.name }))]} />
            <SelectField name="employeeId" label="Medewerker" value={form.values.employeeId} issues={form.issues} options={[{ value: '', label: 'Kies een medewerker' }, ...people.map((p) => ({ value: p.employeeId, label: `${p.name}${p.functionName ? ` (${p.functionName})` : ''}` }))]} />
            <SelectField name="kind" label="Soort" value={form.values.kind ?? 'achtervang'} issues={form.issues} options={[{ value: 'primair', label: 'primair' }, { value: 'achtervang', label: 'achtervang' }]} />
            <TextField name="validFrom" label="Geldig vanaf" value={form.values.validFrom} issues={form.issues} description="dd-mm-jjjj" />
            <TextField name="validTo" label="Geldig tot (leeg = doorlopend)" value={form.values.validTo} issues={form.issues} description="dd-mm-jjjj" />
            <SubmitButton>Kwalificatie vastleggen</SubmitButton>
          </form>
        </details>
      )}
      <p class="utrecht-paragraph"><a class="utrecht-link" href={`/api/v1/teams/${v.team.id}/dekking?peildatum=${v.day}`}>Deze gegevens downloaden (JSON, voor verdere verwerking)</a></p>
    </>
  );
}

export function riskPages() {
  const app = new Hono<AppEnv>();
  app.get('/samenwerkingen/:slug/kwetsbaarheid', async (c) => {
    const v = await riskSummary(signedIn(c), c.req.param('slug'));
    return renderPage(c, `Ontvlechten per team — ${v.cooperation.name}`, <RiskPage v={v} />, { breadcrumbs: coopCrumbs(v.cooperation) });
  });
  const coveragePage = async (c: C, form: FormState, status?: 400 | 409 | 412 | 428) => {
    const ctx = signedIn(c);
    const { team } = await teamBySlugs(ctx, c.req.param('slug')!, c.req.param('team')!);
    const v = await teamCoverage(ctx, team.id);
    const people = v.may.manage && v.qualifications ? ((await getTeam(ctx, team.id)).people ?? []) : [];
    return renderPage(c, `Functies en achtervang — ${v.team.name}`, <TeamCoveragePage c={c} v={v} people={people} form={form} />, { status, breadcrumbs: [...coopCrumbs(v.cooperation), { href: `/samenwerkingen/${v.cooperation.slug}/teams/${v.team.slug}`, label: v.team.name }] });
  };
  app.get('/samenwerkingen/:slug/teams/:team/dekking', (c) => coveragePage(c, freshForm()));
  app.post('/samenwerkingen/:slug/teams/:team/dekking', async (c) => {
    const raw = await readForm(c);
    const ctx = signedIn(c);
    try {
      const { team } = await teamBySlugs(ctx, c.req.param('slug'), c.req.param('team'));
      await addQualification(ctx, team.id, { functionId: raw.functionId ?? '', employeeId: raw.employeeId ?? '', kind: raw.kind ?? '', validFrom: dateOf(raw.validFrom), validTo: optionalDateOf(raw.validTo) });
      return c.redirect(`/samenwerkingen/${c.req.param('slug')}/teams/${c.req.param('team')}/dekking?gelukt=kwalificatie`, 303);
    } catch (e) {
      const f = formFailure(e, raw, c.get('locale'));
      return coveragePage(c, f, f.status);
    }
  });
  return app;
}
