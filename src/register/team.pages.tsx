/** Team pages: create, the team (integration history, functions, staffing, people), edit, and the forms on it. */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../platform/http/env.ts';
import { signedIn } from '../platform/http/edge.ts';
import { renderPage } from '../platform/http/render.tsx';
import { can } from '../platform/auth/policy.ts';
import { formatDate, formatFte } from '../platform/i18n/format.ts';
import { ErrorSummary } from '../platform/ui/form.tsx';
import { getCooperation } from './cooperation.service.ts';
import { createFunction, createTeam, findTeamId, getTeam, recordIntegrationLevel, updateTeam } from './team.service.ts';
import {
  Facts, Level, Notice, Synthetic, actorOf, checkboxOf, dateOf, formFailure, freshForm, integerOf,
  readForm, requireCan, versionOf, withoutDerivedSlug, yesNo, type FormState,
} from './common.pages.tsx';
import { cooperationScopeOf } from './cooperation.pages.tsx';
import { FunctionForm, LevelForm, TeamForm, teamFromForm } from './team-forms.pages.tsx';
import { bbvLabel } from './bbv.ts';

type C = Context<AppEnv>;
type CoopView = Awaited<ReturnType<typeof getCooperation>>;
type TeamView = Awaited<ReturnType<typeof getTeam>>;
type Status = 400 | 409 | 412 | 428;

const teamUrl = (coopSlug: string, teamSlug: string) => `/samenwerkingen/${coopSlug}/teams/${teamSlug}`;
const crumbs = (co: CoopView['cooperation']) => [
  { href: '/samenwerkingen', label: 'Samenwerkingen' }, { href: `/samenwerkingen/${co.slug}`, label: co.name },
];

const NOTICES: Record<string, string> = {
  aangemaakt: 'Het team is aangemaakt.',
  opgeslagen: 'De wijzigingen zijn opgeslagen.',
  vervlechting: 'De mate van vervlechting is vastgelegd.',
  functie: 'De functie is toegevoegd.',
};

interface Forms { level: FormState; fn: FormState }

function TeamPage({ c, v, coop, forms }: { c: C; v: TeamView; coop: CoopView; forms: Forms }) {
  const { team, cooperation: co } = { team: v.team, cooperation: coop.cooperation };
  const actor = actorOf(c);
  const scope = { ...cooperationScopeOf(coop), teamIds: [team.id] };
  const mayManage = can(actor, 'team:manage', scope);
  const mayAddPeople = coop.members.some((m) => can(actor, 'personal:write', { municipalityId: m.municipality.id }));
  const url = teamUrl(co.slug, team.slug);
  const failed = [forms.level, forms.fn].find((f) => f.issues.length > 0 || f.message);
  const total = v.staffing.reduce((s, x) => ({ people: s.people + x.people, fteMilli: s.fteMilli + x.fteMilli }), { people: 0, fteMilli: 0 });
  return (
    <>
      <h1 class="utrecht-heading-1">{team.name}</h1>
      <Notice text={NOTICES[c.req.query('gelukt') ?? '']} />
      {failed && <ErrorSummary issues={failed.issues} locale={c.get('locale')} message={failed.message} />}
      {mayManage && <p class="utrecht-paragraph"><a class="utrecht-link" href={`${url}/bewerken`}>Team bewerken</a></p>}
      <Facts items={[
        ['Samenwerking', <a class="utrecht-link" href={`/samenwerkingen/${co.slug}`}>{co.name}</a>],
        ['Trekkende gemeente', v.leadMunicipality ? `${v.leadMunicipality.name} (${v.leadMunicipality.cbsCode})` : 'geen: gelijkwaardig gedeeld'],
        ['Leidinggevende', team.managerName || 'niet vastgelegd'],
        ['BBV-taakveld', bbvLabel(team.bbvTaakveld) ?? 'niet vastgelegd'],
        ['Mate van vervlechting nu', <Level level={v.currentLevel} />],
      ]} />
      {team.description && <p class="utrecht-paragraph">{team.description}</p>}

      <h2 class="utrecht-heading-2" id="vervlechting">Mate van vervlechting</h2>
      {v.integrationHistory.length === 0 ? <p class="utrecht-paragraph">Nog niets vastgelegd.</p> : (
        <div class="utrecht-table-container">
          <table class="utrecht-table utrecht-table--html-table">
            <caption class="utrecht-table__caption">Geschiedenis van de mate van vervlechting van {team.name}; elk niveau geldt tot het volgende</caption>
            <thead><tr><th scope="col">Vanaf</th><th scope="col">Niveau</th><th scope="col">Besluit</th><th scope="col">Toelichting</th><th scope="col">Bron</th></tr></thead>
            <tbody>
              {v.integrationHistory.map((h) => (
                <tr><th scope="row" class="vlecht-date">{formatDate(h.validFrom)}</th><td><Level level={h.level} /></td><td>{h.decisionReference}</td><td>{h.note}</td><td class="vlecht-source">{h.source}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {mayManage && (
        <section aria-labelledby="vastleggen-kop" class="vlecht-panel">
          <h3 class="utrecht-heading-3" id="vastleggen-kop">Mate van vervlechting vastleggen</h3>
          <LevelForm c={c} form={forms.level} action={`${url}/vervlechting`} />
        </section>
      )}

      <h2 class="utrecht-heading-2" id="functies">Functies</h2>
      {v.functions.length === 0 ? <p class="utrecht-paragraph">Nog geen functies.</p> : (
        <div class="utrecht-table-container">
          <table class="utrecht-table utrecht-table--html-table">
            <caption class="utrecht-table__caption">Functies in {team.name}</caption>
            <thead><tr><th scope="col">Functie</th><th scope="col">Kritiek</th><th scope="col" class="vlecht-num">Benodigd aantal gekwalificeerden</th></tr></thead>
            <tbody>
              {v.functions.map((f) => <tr><th scope="row">{f.name}</th><td>{yesNo(f.critical)}</td><td class="vlecht-num">{f.requiredQualified}</td></tr>)}
            </tbody>
          </table>
        </div>
      )}
      <p class="utrecht-paragraph"><a class="utrecht-link" href={`/samenwerkingen/${co.slug}/teams/${team.slug}/dekking`}>Wie is gekwalificeerd, eenpitters en achtervang in {team.name}</a></p>
      {mayManage && (
        <section aria-labelledby="functie-kop" class="vlecht-panel">
          <h3 class="utrecht-heading-3" id="functie-kop">Functie toevoegen</h3>
          <FunctionForm c={c} form={forms.fn} action={`${url}/functies`} />
        </section>
      )}

      <h2 class="utrecht-heading-2" id="bezetting">Bezetting</h2>
      <div class="utrecht-table-container">
        <table class="utrecht-table utrecht-table--html-table">
          <caption class="utrecht-table__caption">Bezetting van {team.name} per werkgever, vandaag</caption>
          <thead><tr><th scope="col">Werkgever</th><th scope="col" class="vlecht-num">Medewerkers</th><th scope="col" class="vlecht-num">Fte</th></tr></thead>
          <tbody>
            {v.staffing.map((s) => <tr><th scope="row">{s.municipality.name}</th><td class="vlecht-num">{s.people}</td><td class="vlecht-num">{formatFte(s.fteMilli)}</td></tr>)}
          </tbody>
          <tfoot><tr class="vlecht-total"><th scope="row">Totaal</th><td class="vlecht-num">{total.people}</td><td class="vlecht-num">{formatFte(total.fteMilli)}</td></tr></tfoot>
        </table>
      </div>
      {mayAddPeople && <p class="utrecht-paragraph"><a class="utrecht-link" href={`/medewerkers/nieuw?team=${team.id}`}>Medewerker toevoegen</a></p>}
      {v.people === null
        ? <p class="utrecht-paragraph vlecht-source">Namen van medewerkers ziet alleen wie persoonsgegevens mag inzien (controller van de werkgever, teammanager); u ziet de totalen.</p>
        : <People v={v} />}
    </>
  );
}

function People({ v }: { v: TeamView }) {
  const people = v.people ?? [];
  return (
    <>
      <h3 class="utrecht-heading-3">Medewerkers</h3>
      <div class="utrecht-table-container">
        <table class="utrecht-table utrecht-table--html-table">
          <caption class="utrecht-table__caption">Medewerkers van {v.team.name} vandaag (persoonsgegevens)</caption>
          <thead><tr><th scope="col">Naam</th><th scope="col">Personeelsnummer</th><th scope="col">Werkgever</th><th scope="col">Functie</th><th scope="col" class="vlecht-num">Fte</th><th scope="col">Vanaf</th></tr></thead>
          <tbody>
            {people.map((p) => (
              <tr>
                <th scope="row"><a class="utrecht-link" href={`/medewerkers/${p.employeeId}`}>{p.name}</a> <Synthetic synthetic={p.synthetic} /></th>
                <td>{p.personnelNumber}</td><td>{p.employer.name}</td><td>{p.functionName ?? ''}</td>
                <td class="vlecht-num">{formatFte(p.fteMilli)}</td><td class="vlecht-date">{formatDate(p.validFrom)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

async function load(c: C) {
  const ctx = signedIn(c);
  const slug = c.req.param('slug')!;
  const teamId = await findTeamId(ctx, slug, c.req.param('team')!);
  const [v, coop] = await Promise.all([getTeam(ctx, teamId), getCooperation(ctx, slug)]);
  return { ctx, teamId, v, coop };
}

export function teamPages() {
  const app = new Hono<AppEnv>();

  const newPage = (c: C, coop: CoopView, form: FormState, status?: Status) => renderPage(c, 'Nieuw team', (
    <>
      <h1 class="utrecht-heading-1">Nieuw team in {coop.cooperation.name}</h1>
      <TeamForm c={c} coop={coop} form={form} action={`/samenwerkingen/${coop.cooperation.slug}/teams/nieuw`} submit="Team aanmaken" withSlug />
    </>
  ), { status, breadcrumbs: crumbs(coop.cooperation) });

  app.get('/samenwerkingen/:slug/teams/nieuw', async (c) => {
    const coop = await getCooperation(signedIn(c), c.req.param('slug'));
    requireCan(c, 'team:manage', cooperationScopeOf(coop));
    return newPage(c, coop, freshForm());
  });
  app.post('/samenwerkingen/:slug/teams/nieuw', async (c) => {
    const ctx = signedIn(c);
    const slug = c.req.param('slug');
    const raw = await readForm(c);
    try {
      const row = await createTeam(ctx, slug, teamFromForm(raw, true));
      return c.redirect(`${teamUrl(slug, row.slug)}?gelukt=aangemaakt`, 303);
    } catch (e) {
      const f = withoutDerivedSlug(formFailure(e, raw, c.get('locale')), raw);
      return newPage(c, await getCooperation(ctx, slug), f, f.status);
    }
  });

  const showTeam = (c: C, v: TeamView, coop: CoopView, forms: Forms, status?: Status) =>
    renderPage(c, v.team.name, <TeamPage c={c} v={v} coop={coop} forms={forms} />, { status, breadcrumbs: crumbs(coop.cooperation) });

  app.get('/samenwerkingen/:slug/teams/:team', async (c) => {
    const { v, coop } = await load(c);
    return showTeam(c, v, coop, { level: freshForm(), fn: freshForm() });
  });

  app.post('/samenwerkingen/:slug/teams/:team/vervlechting', async (c) => {
    const { ctx, teamId, coop, v } = await load(c);
    const raw = await readForm(c);
    try {
      await recordIntegrationLevel(ctx, teamId, {
        level: integerOf(raw.level), validFrom: dateOf(raw.validFrom),
        decisionReference: raw.decisionReference ?? '', note: raw.note ?? '', source: raw.source ?? '',
      });
      return c.redirect(`${teamUrl(coop.cooperation.slug, v.team.slug)}?gelukt=vervlechting#vervlechting`, 303);
    } catch (e) {
      const f = formFailure(e, raw, c.get('locale'));
      return showTeam(c, v, coop, { level: f, fn: freshForm() }, f.status);
    }
  });

  app.post('/samenwerkingen/:slug/teams/:team/functies', async (c) => {
    const { ctx, teamId, coop, v } = await load(c);
    const raw = await readForm(c);
    try {
      await createFunction(ctx, teamId, { name: raw.name ?? '', critical: checkboxOf(raw.critical), requiredQualified: integerOf(raw.requiredQualified) });
      return c.redirect(`${teamUrl(coop.cooperation.slug, v.team.slug)}?gelukt=functie#functies`, 303);
    } catch (e) {
      const f = formFailure(e, raw, c.get('locale'));
      return showTeam(c, v, coop, { level: freshForm(), fn: f }, f.status);
    }
  });

  const editPage = (c: C, v: TeamView, coop: CoopView, form: FormState, status?: Status) => renderPage(c, `${v.team.name} bewerken`, (
    <>
      <h1 class="utrecht-heading-1">{v.team.name} bewerken</h1>
      <TeamForm c={c} coop={coop} form={form} action={`${teamUrl(coop.cooperation.slug, v.team.slug)}/bewerken`} submit="Wijzigingen opslaan" withSlug={false} />
    </>
  ), { status, breadcrumbs: [...crumbs(coop.cooperation), { href: teamUrl(coop.cooperation.slug, v.team.slug), label: v.team.name }] });

  app.get('/samenwerkingen/:slug/teams/:team/bewerken', async (c) => {
    const { v, coop } = await load(c);
    requireCan(c, 'team:manage', { ...cooperationScopeOf(coop), teamIds: [v.team.id] });
    const t = v.team;
    return editPage(c, v, coop, freshForm({
      name: t.name, leadMunicipalityCbsCode: v.leadMunicipality?.cbsCode ?? '', managerName: t.managerName,
      bbvTaakveld: t.bbvTaakveld ?? '', description: t.description, version: String(t.version),
    }));
  });
  app.post('/samenwerkingen/:slug/teams/:team/bewerken', async (c) => {
    const { ctx, teamId, coop, v } = await load(c);
    const raw = await readForm(c);
    try {
      await updateTeam(ctx, teamId, versionOf(raw.version), teamFromForm(raw, false));
      return c.redirect(`${teamUrl(coop.cooperation.slug, v.team.slug)}?gelukt=opgeslagen`, 303);
    } catch (e) {
      const f = formFailure(e, raw, c.get('locale'));
      return editPage(c, v, coop, f, f.status);
    }
  });

  /** A team by id (e.g. from an employee's history) → its page. */
  app.get('/teams/:id', async (c) => {
    const v = await getTeam(signedIn(c), c.req.param('id'));
    if (!v.cooperation) return c.notFound();
    return c.redirect(teamUrl(v.cooperation.slug, v.team.slug), 303);
  });

  return app;
}
