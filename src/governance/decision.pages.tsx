/**
 * Pages of the decisions register: the register with the rights check per decision, the
 * form to record a decision, and one decision with its edit form (POST-redirect-GET; on
 * an error the page comes back with the messages at the form).
 */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../platform/http/env.ts';
import { signedIn } from '../platform/http/edge.ts';
import { renderPage } from '../platform/http/render.tsx';
import { Csrf, ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from '../platform/ui/form.tsx';
import { Facts, Hidden, Notice, dateOf, formFailure, freshForm, versionOf, type FormState } from '../register/common.pages.tsx';
import { formatDate } from '../platform/i18n/format.ts';
import { createDecision, getDecision, listDecisions, updateDecision } from './decision.service.ts';
import { DOCUMENT_STATUSES, DOCUMENT_STATUS_WORDS } from './catalogue.ts';
import type { DecisionView } from './present.ts';
import { Day, Flags, GovNav, govCrumbs } from './components.tsx';

type C = Context<AppEnv>;
type Option = { value: string; label: string };
const str = (s: unknown) => (typeof s === 'string' ? s : '');

/** The posted form, with every checked team (readForm keeps only the first value of a field). */
async function readDecisionForm(c: C) {
  const body = await c.req.parseBody({ all: true });
  const raw: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (k !== '_csrf' && k !== 'teamIds') raw[k] = str(Array.isArray(v) ? v[0] : v);
  const teams = body.teamIds === undefined ? [] : (Array.isArray(body.teamIds) ? body.teamIds : [body.teamIds]).map(str).filter(Boolean);
  const all: Record<string, string> = { ...raw, teamIds: teams.join(',') };
  return { raw: all, teams };
}

function decisionFromForm(raw: Record<string, string>, teams: string[], otherLinks: DecisionView['links'] = []) {
  const url = (raw.linkUrl ?? '').trim();
  const ori = (raw.linkOri ?? '').trim();
  return {
    decidedOn: dateOf(raw.decidedOn), plannedOn: dateOf(raw.plannedOn), bodyKey: str(raw.bodyKey), decisionTypeKey: str(raw.decisionTypeKey), subject: str(raw.subject), text: str(raw.text),
    teamIds: teams, documentStatus: str(raw.documentStatus), followUp: str(raw.followUp), orAdviceOn: dateOf(raw.orAdviceOn), orAdviceReference: str(raw.orAdviceReference),
    links: [...(url || ori ? [{ label: str(raw.linkLabel), url, oriId: ori }] : []), ...otherLinks], source: str(raw.source),
  };
}

const valuesOf = (d: DecisionView): Record<string, string> => ({
  decidedOn: formatDate(d.decidedOn), plannedOn: formatDate(d.plannedOn), bodyKey: d.body.key, decisionTypeKey: d.decisionType.key, subject: d.subject, text: d.text,
  teamIds: d.teams.map((t) => t.id).join(','), documentStatus: d.documentStatus ?? '', followUp: d.followUp,
  orAdviceOn: formatDate(d.orAdvice?.on), orAdviceReference: d.orAdvice?.reference ?? '', linkLabel: d.links[0]?.label ?? '',
  linkUrl: d.links[0]?.url ?? '', linkOri: d.links[0]?.oriId ?? '', source: d.source, version: String(d.version),
});

function DecisionForm({ c, form, action, submit, bodies, types, teams, withVersion }: { c: C; form: FormState; action: string; submit: string; bodies: Option[]; types: Option[]; teams: Option[]; withVersion: boolean }) {
  const { values: v, issues } = form;
  const chosen = new Set((v.teamIds ?? '').split(',').filter(Boolean));
  return (
    <>
      <ErrorSummary issues={issues} locale={c.get('locale')} message={form.message} />
      <form method="post" action={action} class="vlecht-form" novalidate>
        <Csrf token={c.get('csrfToken')} />
        {withVersion && <Hidden name="version" value={v.version} />}
        <TextField name="decidedOn" label="Datum van het besluit" value={v.decidedOn} issues={issues} required description="dd-mm-jjjj; vandaag of eerder" autocomplete="off" />
        <TextField name="plannedOn" label="Geplande datum" value={v.plannedOn} issues={issues} description="dd-mm-jjjj; wanneer het besluit gepland was of is (mag in de toekomst liggen)" autocomplete="off" />
        <SelectField name="bodyKey" label="Orgaan dat besloot" value={v.bodyKey} issues={issues} required options={[{ value: '', label: 'Kies een orgaan' }, ...bodies]} />
        <SelectField name="decisionTypeKey" label="Soort besluit" value={v.decisionTypeKey} issues={issues} required options={[{ value: '', label: 'Kies een soort besluit' }, ...types]} />
        <TextField name="subject" label="Onderwerp" value={v.subject} issues={issues} required />
        <TextArea name="text" label="Besluit (tekst)" value={v.text} issues={issues} />
        <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset" id="veld-teamIds">
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Teams waarover het besluit gaat</legend>
          {teams.map((t) => (
            <div class="utrecht-form-field utrecht-form-field--checkbox">
              <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={`team-${t.value}`} name="teamIds" value={t.value} checked={chosen.has(t.value)} />
              <label class="utrecht-form-label utrecht-form-label--checkbox" for={`team-${t.value}`}>{t.label}</label>
            </div>
          ))}
        </fieldset>
        <SelectField name="documentStatus" label="Stuk voor de raad" value={v.documentStatus} issues={issues}
          options={[{ value: '', label: 'Geen stuk voor de raad' }, ...DOCUMENT_STATUSES.map((s) => ({ value: s, label: DOCUMENT_STATUS_WORDS[s] }))]} />
        <TextField name="orAdviceOn" label="Datum OR-advies" value={v.orAdviceOn} issues={issues} description="dd-mm-jjjj; leeg als er geen advies is gevraagd of gegeven" autocomplete="off" />
        <TextField name="orAdviceReference" label="OR-advies (verwijzing)" value={v.orAdviceReference} issues={issues} />
        <TextField name="linkLabel" label="Link: omschrijving" value={v.linkLabel} issues={issues} />
        <TextField name="linkUrl" label="Link: adres in het raadsinformatiesysteem" value={v.linkUrl} issues={issues} description="Begint met https://" />
        <TextField name="linkOri" label="Link: Open Raadsinformatie-id" value={v.linkOri} issues={issues} />
        <TextArea name="followUp" label="Vervolg" value={v.followUp} issues={issues} />
        <TextField name="source" label="Bron" value={v.source} issues={issues} />
        <div><SubmitButton>{submit}</SubmitButton></div>
      </form>
    </>
  );
}

type ListView = Awaited<ReturnType<typeof listDecisions>>;
const optionsOf = (v: { bodies: { key: string; name: string }[]; types: { key: string; name: string }[]; teams: { id: string; name: string }[] }) => ({
  bodies: v.bodies.map((b) => ({ value: b.key, label: b.name })), types: v.types.map((t) => ({ value: t.key, label: t.name })), teams: v.teams.map((t) => ({ value: t.id, label: t.name })),
});

function Register({ c, v, form }: { c: C; v: ListView; form: FormState | null }) {
  const slug = v.cooperation.slug;
  return (
    <>
      <h1 class="utrecht-heading-1">Besluitenregister</h1>
      <GovNav slug={slug} current="besluiten" />
      <Notice text={c.req.query('gelukt') === 'besluit' ? 'Het besluit is vastgelegd.' : undefined} />
      <p class="utrecht-paragraph">Elk besluit wordt getoetst aan de <a class="utrecht-link" href={`/samenwerkingen/${slug}/besluitvormingsmatrix`}>besluitvormingsmatrix</a>: nam een orgaan met besluitrecht het besluit, en is het advies van de ondernemingsraad vastgelegd waar dat nodig is? Daarnaast wordt het soort stuk getoetst aan het raadsvoorstel van 2019: het kader gaat als A-stuk naar de raad, en een voortgangsrapportage als C-stuk (alleen ter kennisname) is wat de rekenkamer in 2017 bekritiseerde.</p>
      <p class="utrecht-paragraph"><strong>{v.decisions.length}</strong> besluiten, waarvan <strong>{v.flagged}</strong> met een afwijking.</p>
      {v.decisions.length === 0 ? <p class="utrecht-paragraph">Nog geen besluiten vastgelegd.</p> : (
        <div class="utrecht-table-container">
          <table class="utrecht-table utrecht-table--html-table">
            <caption class="utrecht-table__caption">Besluiten van {v.cooperation.name}, nieuwste eerst</caption>
            <thead><tr><th scope="col">Datum</th><th scope="col">Onderwerp</th><th scope="col">Orgaan</th><th scope="col">Soort</th><th scope="col">Stuk</th><th scope="col">Toets</th></tr></thead>
            <tbody>
              {v.decisions.map((d) => (
                <tr class={d.flags.length ? 'vlecht-flagged' : undefined}>
                  <td><Day iso={d.decidedOn} /></td>
                  <th scope="row"><a class="utrecht-link" href={`/besluiten/${d.id}`}>{d.subject}</a>{d.synthetic ? ' (synthetisch)' : ''}</th>
                  <td>{d.body.name}</td><td>{d.decisionType.name}</td><td>{d.documentStatus ? `${d.documentStatus}-stuk` : '—'}</td>
                  <td><Flags flags={d.flags} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 class="utrecht-heading-2">Downloaden</h2>
      <ul class="utrecht-unordered-list">
        <li><a class="utrecht-link" href={`/api/v1/samenwerkingen/${slug}/besluiten.csv`}>Besluitenregister als CSV</a></li>
        <li><a class="utrecht-link" href={`/api/v1/samenwerkingen/${slug}/besluiten.xlsx`}>Besluitenregister als Excel (XLSX)</a></li>
      </ul>
      {v.may.manage && (
        <details class="vlecht-details" open={!!form}>
          <summary>Besluit vastleggen</summary>
          <DecisionForm c={c} form={form ?? freshForm()} action={`/samenwerkingen/${slug}/besluiten`} submit="Besluit vastleggen" withVersion={false} {...optionsOf(v)} />
        </details>
      )}
    </>
  );
}

export function decisionPages() {
  const app = new Hono<AppEnv>();
  const listPage = async (c: C, form: FormState | null = null, status?: 400 | 409 | 412 | 428) => {
    const v = await listDecisions(signedIn(c), c.req.param('slug')!);
    return renderPage(c, `Besluitenregister ${v.cooperation.name}`, <Register c={c} v={v} form={form} />, { status, breadcrumbs: govCrumbs(v.cooperation) });
  };
  app.get('/samenwerkingen/:slug/besluiten', (c) => listPage(c));
  app.post('/samenwerkingen/:slug/besluiten', async (c) => {
    const { raw, teams } = await readDecisionForm(c);
    try {
      const d = await createDecision(signedIn(c), c.req.param('slug'), decisionFromForm(raw, teams));
      return c.redirect(`/besluiten/${d.id}?gelukt=aangemaakt`, 303);
    } catch (e) {
      const f = formFailure(e, raw, c.get('locale'));
      return listPage(c, f, f.status);
    }
  });

  const detailPage = async (c: C, form: FormState | null = null, status?: 400 | 409 | 412 | 428) => {
    const ctx = signedIn(c);
    const v = await getDecision(ctx, c.req.param('id')!);
    const d = v.decision;
    const lists = v.may.manage ? await listDecisions(ctx, v.cooperation.slug) : null;
    return renderPage(c, d.subject, (
      <>
        <h1 class="utrecht-heading-1">{d.subject}</h1>
        <Notice text={{ aangemaakt: 'Het besluit is vastgelegd.', opgeslagen: 'De wijzigingen zijn opgeslagen.' }[c.req.query('gelukt') ?? '']} />
        <div class={d.flags.length ? 'vlecht-flagged' : undefined}>
          <h2 class="utrecht-heading-2">Toets aan de besluitvormingsmatrix</h2>
          <Flags flags={d.flags} />
        </div>
        <Facts items={[
          ['Datum', formatDate(d.decidedOn)], ...(d.plannedOn ? [['Geplande datum', formatDate(d.plannedOn)] as [string, string]] : []), ['Orgaan', d.body.name], ['Soort besluit', d.decisionType.name],
          ['Teams', d.teams.length ? d.teams.map((t) => t.name).join(', ') : 'hele samenwerking'], ['Stuk voor de raad', d.documentStatusWords],
          ['OR-advies', d.orAdvice ? `${formatDate(d.orAdvice.on)} ${d.orAdvice.reference}` : d.requiresOrAdvice ? 'nodig, niet vastgelegd' : 'niet nodig volgens de matrix'],
          ...(d.followUp ? [['Vervolg', d.followUp] as [string, string]] : []),
          ...(d.source ? [['Bron', `${d.source}${d.synthetic ? ' (synthetisch)' : ''}`] as [string, string]] : []),
        ]} />
        {d.text && <p class="utrecht-paragraph">{d.text}</p>}
        {d.links.length > 0 && (
          <ul class="utrecht-unordered-list">
            {d.links.map((l) => <li>{l.url ? <a class="utrecht-link" href={l.url} rel="noopener noreferrer">{l.label || l.url}</a> : `${l.label || 'Open Raadsinformatie'}: ${l.oriId}`}</li>)}
          </ul>
        )}
        {lists && (
          <details class="vlecht-details" open={!!form}>
            <summary>Besluit bewerken</summary>
            <DecisionForm c={c} form={form ?? freshForm(valuesOf(d))} action={`/besluiten/${d.id}`} submit="Wijzigingen opslaan" withVersion {...optionsOf(lists)} />
          </details>
        )}
      </>
    ), { status, breadcrumbs: [...govCrumbs(v.cooperation), { href: `/samenwerkingen/${v.cooperation.slug}/besluiten`, label: 'Besluitenregister' }] });
  };
  app.get('/besluiten/:id', (c) => detailPage(c));
  app.post('/besluiten/:id', async (c) => {
    const { raw, teams } = await readDecisionForm(c);
    try {
      const ctx = signedIn(c);
      const current = (await getDecision(ctx, c.req.param('id'))).decision;
      await updateDecision(ctx, c.req.param('id'), versionOf(raw.version), decisionFromForm(raw, teams, current.links.slice(1)));
      return c.redirect(`/besluiten/${c.req.param('id')}?gelukt=opgeslagen`, 303);
    } catch (e) {
      const f = formFailure(e, raw, c.get('locale'));
      return detailPage(c, f, f.status);
    }
  });
  return app;
}
