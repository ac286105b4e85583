/**
 * Employee pages: personal data, so the services allow them only to controllers of the
 * employer, the team's manager and beheerders; everyone else gets the 403 page.
 */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../platform/http/env.ts';
import { signedIn } from '../platform/http/edge.ts';
import { renderPage } from '../platform/http/render.tsx';
import { can } from '../platform/auth/policy.ts';
import { VlechtError } from '../platform/errors.ts';
import { formatCents, formatDate, formatFte } from '../platform/i18n/format.ts';
import { fieldLabel } from '../platform/i18n/index.ts';
import { Csrf, ErrorSummary, SelectField, SubmitButton, TextField } from '../platform/ui/form.tsx';
import { createEmployee, getEmployee } from './employee.service.ts';
import { getTeam } from './team.service.ts';
import { getCooperation } from './cooperation.service.ts';
import { Facts, Notice, Synthetic, actorOf, dateOf, formFailure, freshForm, readForm, scaledOf, type FormState } from './common.pages.tsx';

type C = Context<AppEnv>;
type TeamView = Awaited<ReturnType<typeof getTeam>>;

function EmployeePage({ c, v }: { c: C; v: Awaited<ReturnType<typeof getEmployee>> }) {
  const e = v.employee;
  return (
    <>
      <h1 class="utrecht-heading-1">{e.name} <Synthetic synthetic={e.synthetic} /></h1>
      <Notice text={c.req.query('gelukt') === 'aangemaakt' ? 'De medewerker is toegevoegd.' : undefined} />
      <p class="utrecht-paragraph vlecht-source">Persoonsgegevens: alleen zichtbaar voor de controller van de werkgever, de teammanager en de beheerder. Elke wijziging staat in de audittrail.</p>
      <Facts items={[
        ['Personeelsnummer', e.personnelNumber],
        ['Werkgever', <a class="utrecht-link" href={`/gemeenten/${v.employer.cbsCode}`}>{v.employer.name} ({v.employer.cbsCode})</a>],
        ['Gegevens', e.synthetic ? 'synthetisch (verzonnen voor de demo, geen echt persoon)' : 'echt'],
      ]} />

      <h2 class="utrecht-heading-2">Inzet in teams</h2>
      {v.assignments.length === 0 ? <p class="utrecht-paragraph">Geen inzet vastgelegd.</p> : (
        <div class="utrecht-table-container">
          <table class="utrecht-table utrecht-table--html-table">
            <caption class="utrecht-table__caption">Team, functie en fte van {e.name} door de tijd</caption>
            <thead><tr><th scope="col">Team</th><th scope="col">Functie</th><th scope="col" class="vlecht-num">Fte</th><th scope="col">Vanaf</th><th scope="col">Tot</th></tr></thead>
            <tbody>
              {v.assignments.map((a) => (
                <tr>
                  <th scope="row"><a class="utrecht-link" href={`/teams/${a.team.id}`}>{a.team.name}</a></th>
                  <td>{a.functionName ?? ''}</td><td class="vlecht-num">{formatFte(a.fteMilli)}</td>
                  <td class="vlecht-date">{formatDate(a.validFrom)}</td><td class="vlecht-date">{a.validTo ? formatDate(a.validTo) : 'lopend'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 class="utrecht-heading-2">Uurtarief</h2>
      {v.rates.length === 0 ? <p class="utrecht-paragraph">Geen uurtarief vastgelegd.</p> : (
        <div class="utrecht-table-container">
          <table class="utrecht-table utrecht-table--html-table">
            <caption class="utrecht-table__caption">Integraal uurtarief (kostprijs) van {e.name} door de tijd</caption>
            <thead><tr><th scope="col" class="vlecht-num">Uurtarief</th><th scope="col">Vanaf</th><th scope="col">Tot</th></tr></thead>
            <tbody>
              {v.rates.map((r) => (
                <tr><td class="vlecht-num">{formatCents(r.hourlyRateCents)}</td><td class="vlecht-date">{formatDate(r.validFrom)}</td><td class="vlecht-date">{r.validTo ? formatDate(r.validTo) : 'lopend'}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** Form strings → employee input: FTE "0,8" → 800 thousandths, "65,50" euro → 6550 cents. */
function employeeFromForm(v: Record<string, string>, teamId: string) {
  const validFrom = dateOf(v.validFrom);
  const rate = scaledOf(v.hourlyRateCents, 100);
  return {
    employerCbsCode: v.employerCbsCode ?? '',
    personnelNumber: v.personnelNumber ?? '',
    name: v.name ?? '',
    synthetic: false,
    assignment: { teamId, functionId: v.functionId || null, fteMilli: scaledOf(v.fteMilli, 1000), validFrom },
    ...(rate === undefined ? {} : { rate: { hourlyRateCents: rate, validFrom } }),
  };
}

function NewEmployeeForm({ c, team, employers, form }: { c: C; team: TeamView; employers: { cbsCode: string; name: string }[]; form: FormState }) {
  const { values: v, issues } = form;
  const locale = c.get('locale');
  return (
    <>
      <ErrorSummary issues={issues} locale={locale} message={form.message} />
      <form method="post" action={`/medewerkers/nieuw?team=${team.team.id}`} class="vlecht-form" novalidate>
        <Csrf token={c.get('csrfToken')} />
        <SelectField name="employerCbsCode" label={fieldLabel(locale, 'employerCbsCode')} value={v.employerCbsCode} issues={issues} required
          options={employers.map((m) => ({ value: m.cbsCode, label: `${m.name} (${m.cbsCode})` }))} />
        <TextField name="personnelNumber" label={fieldLabel(locale, 'personnelNumber')} value={v.personnelNumber} issues={issues} required autocomplete="off" />
        <TextField name="name" label={fieldLabel(locale, 'name')} value={v.name} issues={issues} required autocomplete="off" />
        <SelectField name="functionId" label={fieldLabel(locale, 'functionId')} value={v.functionId} issues={issues}
          options={[{ value: '', label: 'Geen functie' }, ...team.functions.map((f) => ({ value: f.id, label: f.name }))]} />
        <TextField name="fteMilli" label={fieldLabel(locale, 'fteMilli')} value={v.fteMilli} issues={issues} required inputmode="decimal" description="Bijvoorbeeld 0,8 (1,0 is een volledige werkweek)" />
        <TextField name="hourlyRateCents" label={`${fieldLabel(locale, 'hourlyRateCents')} in euro (optioneel)`} value={v.hourlyRateCents} issues={issues} inputmode="decimal" description="Integrale kostprijs per uur, bijv. 65,50" />
        <TextField name="validFrom" label={fieldLabel(locale, 'validFrom')} value={v.validFrom} issues={issues} required description="Eerste dag in het team, dd-mm-jjjj" autocomplete="off" />
        <div><SubmitButton>Medewerker toevoegen</SubmitButton></div>
      </form>
    </>
  );
}

export function employeePages() {
  const app = new Hono<AppEnv>();

  /** The team from `?team=` and the member municipalities this user may add employees for. */
  async function context(c: C) {
    const ctx = signedIn(c);
    const teamId = c.req.query('team');
    if (!teamId) throw new VlechtError('NOT_FOUND', { object: 'team', key: '(geen ?team= in het adres)' });
    const team = await getTeam(ctx, teamId);
    const coop = team.cooperation ? await getCooperation(ctx, team.cooperation.slug) : null;
    const employers = [...new Map((coop?.members ?? []).map((m) => [m.municipality.cbsCode, m.municipality])).values()]
      .filter((m) => can(actorOf(c), 'personal:write', { municipalityId: m.id }));
    if (employers.length === 0) throw new VlechtError('FORBIDDEN', { permission: 'personal:write' });
    return { ctx, team, employers };
  }

  const page = (c: C, team: TeamView, employers: { cbsCode: string; name: string }[], form: FormState, status?: 400 | 409 | 412 | 428) =>
    renderPage(c, 'Nieuwe medewerker', (
      <>
        <h1 class="utrecht-heading-1">Nieuwe medewerker in {team.team.name}</h1>
        <NewEmployeeForm c={c} team={team} employers={employers} form={form} />
      </>
    ), {
      status,
      breadcrumbs: team.cooperation ? [
        { href: '/samenwerkingen', label: 'Samenwerkingen' }, { href: `/samenwerkingen/${team.cooperation.slug}`, label: team.cooperation.name },
        { href: `/samenwerkingen/${team.cooperation.slug}/teams/${team.team.slug}`, label: team.team.name },
      ] : [],
    });

  app.get('/medewerkers/nieuw', async (c) => {
    const { team, employers } = await context(c);
    return page(c, team, employers, freshForm({ employerCbsCode: employers[0].cbsCode }));
  });
  app.post('/medewerkers/nieuw', async (c) => {
    const { ctx, team, employers } = await context(c);
    const raw = await readForm(c);
    try {
      const row = await createEmployee(ctx, employeeFromForm(raw, team.team.id));
      return c.redirect(`/medewerkers/${row.id}?gelukt=aangemaakt`, 303);
    } catch (e) {
      const f = formFailure(e, raw, c.get('locale'));
      return page(c, team, employers, f, f.status);
    }
  });

  app.get('/medewerkers/:id', async (c) => {
    const v = await getEmployee(signedIn(c), c.req.param('id'));
    return renderPage(c, v.employee.name, <EmployeePage c={c} v={v} />, { breadcrumbs: [] });
  });

  return app;
}
