/** Cooperation pages: overview, create, the cooperation with members, teams and timeline, edit, add member. */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../platform/http/env.ts';
import type { Child } from 'hono/jsx';
import { signedIn } from '../platform/http/edge.ts';
import { renderPage } from '../platform/http/render.tsx';
import { can, type Scope } from '../platform/auth/policy.ts';
import { formatDate } from '../platform/i18n/format.ts';
import { fieldLabel } from '../platform/i18n/index.ts';
import { CheckboxField, Csrf, ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from '../platform/ui/form.tsx';
import { addMember, createCooperation, getCooperation, listCooperations, updateCooperation } from './cooperation.service.ts';
import { LEGAL_FORMS, MEMBER_ROLES } from './catalogue.ts';
import {
  Facts, Hidden, Level, Notice, actorOf, checkboxOf, dateOf, formFailure, freshForm, legalFormWords, optionalDateOf,
  readForm, requireCan, roleWords, slugFrom, versionOf, withoutDerivedSlug, yesNo, type FormState,
} from './common.pages.tsx';
import { Timeline } from './timeline.pages.tsx';

type C = Context<AppEnv>;
type CoopView = Awaited<ReturnType<typeof getCooperation>>;

const crumbs = (coop?: { slug: string; name: string }) => [
  { href: '/samenwerkingen', label: 'Samenwerkingen' },
  ...(coop ? [{ href: `/samenwerkingen/${coop.slug}`, label: coop.name }] : []),
];

export const cooperationScopeOf = (v: CoopView): Scope =>
  ({ cooperationId: v.cooperation.id, memberMunicipalityIds: v.members.map((m) => m.municipality.id) });

const NOTICES: Record<string, string> = {
  aangemaakt: 'De samenwerking is aangemaakt.',
  opgeslagen: 'De wijzigingen zijn opgeslagen.',
  lid: 'De gemeente is als lid toegevoegd.',
};

/** Form strings → cooperation input (create) or patch (edit: no slug). */
function cooperationFromForm(v: Record<string, string>, withSlug: boolean) {
  return {
    ...(withSlug ? { slug: (v.slug ?? '').trim() || slugFrom(v.name ?? '') } : {}),
    name: v.name ?? '',
    legalForm: v.legalForm ?? '',
    startDate: dateOf(v.startDate),
    endDate: optionalDateOf(v.endDate),
    mustStayDisentanglable: checkboxOf(v.mustStayDisentanglable),
    thirdMunicipalityMayJoin: checkboxOf(v.thirdMunicipalityMayJoin),
    description: v.description ?? '',
    source: v.source ?? '',
  };
}

function CooperationForm({ c, form, action, submit, withSlug }: { c: C; form: FormState; action: string; submit: string; withSlug: boolean }) {
  const { values: v, issues } = form;
  const locale = c.get('locale');
  return (
    <>
      <ErrorSummary issues={issues} locale={locale} message={form.message} />
      <form method="post" action={action} class="vlecht-form" novalidate>
        <Csrf token={c.get('csrfToken')} />
        {!withSlug && <Hidden name="version" value={v.version} />}
        <TextField name="name" label={fieldLabel(locale, 'name')} value={v.name} issues={issues} required />
        {withSlug && <TextField name="slug" label={fieldLabel(locale, 'slug')} value={v.slug} issues={issues}
          description="Kleine letters, cijfers en koppeltekens, bijv. heemstede-bloemendaal. Leeg laten: afgeleid van de naam." />}
        <SelectField name="legalForm" label={fieldLabel(locale, 'legalForm')} value={v.legalForm} issues={issues} required
          options={[{ value: '', label: 'Kies een juridische vorm' }, ...LEGAL_FORMS.map((f) => ({ value: f, label: legalFormWords(f) }))]} />
        <TextField name="startDate" label={fieldLabel(locale, 'startDate')} value={v.startDate} issues={issues} required description="dd-mm-jjjj, bijv. 01-12-2013" autocomplete="off" />
        <TextField name="endDate" label={`${fieldLabel(locale, 'endDate')} (optioneel)`} value={v.endDate} issues={issues} description="dd-mm-jjjj; leeg laten als de samenwerking doorloopt" autocomplete="off" />
        <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Voorwaarden</legend>
          <CheckboxField name="mustStayDisentanglable" label="De samenwerking moet ontvlechtbaar blijven" checked={checkboxOf(v.mustStayDisentanglable)} issues={issues} />
          <CheckboxField name="thirdMunicipalityMayJoin" label="Een derde gemeente mag aansluiten" checked={checkboxOf(v.thirdMunicipalityMayJoin)} issues={issues} />
        </fieldset>
        <TextArea name="description" label={fieldLabel(locale, 'description')} value={v.description} issues={issues} />
        <TextField name="source" label={fieldLabel(locale, 'source')} value={v.source} issues={issues} description="Document waar deze gegevens uit komen" />
        <div><SubmitButton>{submit}</SubmitButton></div>
      </form>
    </>
  );
}

const valuesOf = (co: CoopView['cooperation']): Record<string, string> => ({
  name: co.name, legalForm: co.legalForm, startDate: formatDate(co.startDate), endDate: formatDate(co.endDate),
  mustStayDisentanglable: co.mustStayDisentanglable ? 'ja' : '', thirdMunicipalityMayJoin: co.thirdMunicipalityMayJoin ? 'ja' : '',
  description: co.description, source: co.source, version: String(co.version),
});

function MemberForm({ c, form, slug }: { c: C; form: FormState; slug: string }) {
  const { values: v, issues } = form;
  const locale = c.get('locale');
  return (
    <form method="post" action={`/samenwerkingen/${slug}/leden`} class="vlecht-form" novalidate>
      <Csrf token={c.get('csrfToken')} />
      <TextField name="cbsCode" label={fieldLabel(locale, 'cbsCode')} value={v.cbsCode} issues={issues} required description="GM gevolgd door 4 cijfers, bijv. GM0397 (zie Gemeenten)" />
      <SelectField name="role" label={fieldLabel(locale, 'role')} value={v.role ?? 'deelnemer'} issues={issues} options={MEMBER_ROLES.map((r) => ({ value: r, label: roleWords(r) }))} />
      <TextField name="validFrom" label={fieldLabel(locale, 'validFrom')} value={v.validFrom} issues={issues} required description="dd-mm-jjjj" autocomplete="off" />
      <div><SubmitButton>Gemeente toevoegen</SubmitButton></div>
    </form>
  );
}

/** The cooperation's register page; `top` (the dashboard) comes right after the heading, the register details below it. */
export function CooperationPage({ c, v, member, top }: { c: C; v: CoopView; member: FormState; top?: Child }) {
  const co = v.cooperation;
  const actor = actorOf(c);
  const scope = cooperationScopeOf(v);
  const mayUpdate = can(actor, 'cooperation:update', scope);
  const today = signedIn(c).clock().toISOString().slice(0, 10);
  return (
    <>
      <h1 class="utrecht-heading-1">{co.name}</h1>
      <Notice text={NOTICES[c.req.query('gelukt') ?? '']} />
      {top}
      {top ? <h2 class="utrecht-heading-2" id="register">Gegevens uit het register</h2> : null}
      {member.issues.length > 0 || member.message ? <ErrorSummary issues={member.issues} locale={c.get('locale')} message={member.message} /> : null}
      {mayUpdate && <p class="utrecht-paragraph"><a class="utrecht-link" href={`/samenwerkingen/${co.slug}/bewerken`}>Samenwerking bewerken</a></p>}
      <Facts items={[
        ['Juridische vorm', legalFormWords(co.legalForm)],
        ['Start', formatDate(co.startDate)],
        ...(co.endDate ? [['Einde', formatDate(co.endDate)] as [string, string]] : []),
        ['Moet ontvlechtbaar blijven', yesNo(co.mustStayDisentanglable)],
        ['Derde gemeente mag aansluiten', yesNo(co.thirdMunicipalityMayJoin)],
      ]} />
      {co.description && <p class="utrecht-paragraph">{co.description}</p>}
      {co.source && <p class="utrecht-paragraph vlecht-source">Bron: {co.source}</p>}
      <nav aria-label="Onderdelen van deze samenwerking">
        <ul class="vlecht-nav-list">
          <li><a class="utrecht-link" href={`/samenwerkingen/${co.slug}/uren`}>Urenregistratie en saldo tussen de gemeenten</a></li>
          <li><a class="utrecht-link" href={`/samenwerkingen/${co.slug}/doelen`}>Doelen, indicatoren en SMART-toets</a></li>
          <li><a class="utrecht-link" href={`/samenwerkingen/${co.slug}/kwetsbaarheid`}>Kwetsbaarheid en ontvlechten: risico’s en kosten per team</a></li>
          <li><a class="utrecht-link" href={`/samenwerkingen/${co.slug}/applicaties`}>Applicatieportfolio en harmonisatie</a></li>
          <li><a class="utrecht-link" href={`/samenwerkingen/${co.slug}/besluiten`}>Besluiten, besluitvormingsmatrix, toezeggingen, routeplan, samenwerkingsvormen en gezamenlijke agenda</a></li>
          <li><a class="utrecht-link" href={`/samenwerkingen/${co.slug}/rapporten`}>Rapportages: voortgangsrapportage en factsheets per team</a></li>
        </ul>
      </nav>

      <h2 class="utrecht-heading-2">Gemeenten</h2>
      <div class="utrecht-table-container">
        <table class="utrecht-table utrecht-table--html-table">
          <caption class="utrecht-table__caption">Deelnemende gemeenten van {co.name}</caption>
          <thead><tr><th scope="col">Gemeente</th><th scope="col">CBS-code</th><th scope="col">Rol</th><th scope="col">Vanaf</th><th scope="col">Tot</th></tr></thead>
          <tbody>
            {v.members.map((m) => (
              <tr>
                <th scope="row"><a class="utrecht-link" href={`/gemeenten/${m.municipality.cbsCode}`}>{m.municipality.name}</a></th>
                <td>{m.municipality.cbsCode}</td><td>{roleWords(m.role)}</td><td class="vlecht-date">{formatDate(m.validFrom)}</td><td class="vlecht-date">{m.validTo ? formatDate(m.validTo) : 'lopend'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {v.members.length === 0 && <p class="utrecht-paragraph">Nog geen gemeenten.</p>}
      {mayUpdate && (
        <details class="vlecht-details" open={member.issues.length > 0 || !!member.message}>
          <summary>Gemeente toevoegen</summary>
          <MemberForm c={c} form={member} slug={co.slug} />
        </details>
      )}

      <h2 class="utrecht-heading-2">Teams</h2>
      {can(actor, 'team:manage', scope) && (
        <p class="utrecht-paragraph"><a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={`/samenwerkingen/${co.slug}/teams/nieuw`}>Team toevoegen</a></p>
      )}
      {v.teams.length === 0 ? <p class="utrecht-paragraph">Nog geen teams.</p> : (
        <div class="utrecht-table-container">
          <table class="utrecht-table utrecht-table--html-table">
            <caption class="utrecht-table__caption">Teams en hun huidige mate van vervlechting (0 zelfstandig tot 5 in gezamenlijke organisatie)</caption>
            <thead><tr><th scope="col">Team</th><th scope="col">Mate van vervlechting nu</th><th scope="col">Sinds</th></tr></thead>
            <tbody>
              {v.teams.map((tm) => {
                const since = [...tm.integrationHistory].filter((h) => h.validFrom <= today).pop();
                return (
                  <tr>
                    <th scope="row"><a class="utrecht-link" href={`/samenwerkingen/${co.slug}/teams/${tm.slug}`}>{tm.name}</a></th>
                    <td><Level level={tm.currentLevel} /></td>
                    <td class="vlecht-date">{since ? formatDate(since.validFrom) : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <h2 class="utrecht-heading-2">Vervlechting door de tijd</h2>
      <Timeline id="tijdlijn" today={today} caption={`Mate van vervlechting per team door de tijd, ${co.name}`}
        teams={v.teams.map((tm) => ({ name: tm.name, history: tm.integrationHistory }))} />
    </>
  );
}

export function cooperationPages() {
  const app = new Hono<AppEnv>();

  app.get('/samenwerkingen', async (c) => {
    const ctx = signedIn(c);
    const list = await Promise.all((await listCooperations(ctx)).map((co) => getCooperation(ctx, co.slug)));
    return renderPage(c, 'Samenwerkingen', (
      <>
        <h1 class="utrecht-heading-1">Samenwerkingen</h1>
        {can(actorOf(c), 'cooperation:create') && (
          <p class="utrecht-paragraph"><a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="/samenwerkingen/nieuw">Nieuwe samenwerking</a></p>
        )}
        {list.length === 0 ? <p class="utrecht-paragraph">U heeft (nog) geen toegang tot een samenwerking.</p> : (
          <div class="utrecht-table-container">
            <table class="utrecht-table utrecht-table--html-table">
              <caption class="utrecht-table__caption">Samenwerkingen die u mag inzien</caption>
              <thead><tr><th scope="col">Naam</th><th scope="col">Juridische vorm</th><th scope="col">Start</th><th scope="col" class="vlecht-num">Gemeenten</th><th scope="col" class="vlecht-num">Teams</th></tr></thead>
              <tbody>
                {list.map((v) => (
                  <tr>
                    <th scope="row"><a class="utrecht-link" href={`/samenwerkingen/${v.cooperation.slug}`}>{v.cooperation.name}</a></th>
                    <td>{legalFormWords(v.cooperation.legalForm)}</td>
                    <td class="vlecht-date">{formatDate(v.cooperation.startDate)}</td>
                    <td class="vlecht-num">{v.members.filter((m) => m.validTo === null).length}</td>
                    <td class="vlecht-num">{v.teams.length}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </>
    ), { breadcrumbs: [] });
  });

  const newPage = (c: C, form: FormState, status?: 400 | 409 | 412 | 428) => renderPage(c, 'Nieuwe samenwerking', (
    <>
      <h1 class="utrecht-heading-1">Nieuwe samenwerking</h1>
      <CooperationForm c={c} form={form} action="/samenwerkingen/nieuw" submit="Samenwerking aanmaken" withSlug />
    </>
  ), { status, breadcrumbs: crumbs() });

  app.get('/samenwerkingen/nieuw', (c) => {
    requireCan(c, 'cooperation:create');
    return newPage(c, freshForm());
  });
  app.post('/samenwerkingen/nieuw', async (c) => {
    const raw = await readForm(c);
    try {
      const row = await createCooperation(signedIn(c), cooperationFromForm(raw, true));
      return c.redirect(`/samenwerkingen/${row.slug}?gelukt=aangemaakt`, 303);
    } catch (e) {
      const f = withoutDerivedSlug(formFailure(e, raw, c.get('locale')), raw);
      return newPage(c, f, f.status);
    }
  });

  // GET /samenwerkingen/:slug is the cooperation dashboard (src/dashboard/pages.tsx), with this page's register details below it.

  app.post('/samenwerkingen/:slug/leden', async (c) => {
    const ctx = signedIn(c);
    const slug = c.req.param('slug');
    const raw = await readForm(c);
    try {
      await addMember(ctx, slug, { cbsCode: raw.cbsCode ?? '', role: raw.role ?? '', validFrom: dateOf(raw.validFrom), validTo: null });
      return c.redirect(`/samenwerkingen/${slug}?gelukt=lid`, 303);
    } catch (e) {
      const f = formFailure(e, raw, c.get('locale'));
      const v = await getCooperation(ctx, slug);
      return renderPage(c, v.cooperation.name, <CooperationPage c={c} v={v} member={f} />, { status: f.status, breadcrumbs: crumbs() });
    }
  });

  const editPage = (c: C, v: CoopView, form: FormState, status?: 400 | 409 | 412 | 428) => renderPage(c, `${v.cooperation.name} bewerken`, (
    <>
      <h1 class="utrecht-heading-1">{v.cooperation.name} bewerken</h1>
      <CooperationForm c={c} form={form} action={`/samenwerkingen/${v.cooperation.slug}/bewerken`} submit="Wijzigingen opslaan" withSlug={false} />
    </>
  ), { status, breadcrumbs: crumbs(v.cooperation) });

  app.get('/samenwerkingen/:slug/bewerken', async (c) => {
    const v = await getCooperation(signedIn(c), c.req.param('slug'));
    requireCan(c, 'cooperation:update', cooperationScopeOf(v));
    return editPage(c, v, freshForm(valuesOf(v.cooperation)));
  });
  app.post('/samenwerkingen/:slug/bewerken', async (c) => {
    const ctx = signedIn(c);
    const slug = c.req.param('slug');
    const raw = await readForm(c);
    try {
      await updateCooperation(ctx, slug, versionOf(raw.version), cooperationFromForm(raw, false));
      return c.redirect(`/samenwerkingen/${slug}?gelukt=opgeslagen`, 303);
    } catch (e) {
      const f = formFailure(e, raw, c.get('locale'));
      return editPage(c, await getCooperation(ctx, slug), f, f.status);
    }
  });

  return app;
}
