/**
 * Commitments and findings, shown like a council's lange-termijnagenda: open items by
 * due date (te laat first in line), then what was afgedaan; one item with its edit form.
 */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../platform/http/env.ts';
import { signedIn } from '../platform/http/edge.ts';
import { renderPage } from '../platform/http/render.tsx';
import { Csrf, ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from '../platform/ui/form.tsx';
import { Facts, Hidden, Notice, dateOf, formFailure, freshForm, readForm, versionOf, type FormState } from '../register/common.pages.tsx';
import { formatDate } from '../platform/i18n/format.ts';
import { createCommitment, getCommitment, listCommitments, updateCommitment } from './commitment.service.ts';
import { COMMITMENT_KINDS, COMMITMENT_KIND_WORDS, COMMITMENT_STATUSES, COMMITMENT_STATUS_WORDS } from './catalogue.ts';
import type { CommitmentView } from './present.ts';
import { Day, GovNav, govCrumbs } from './components.tsx';

type C = Context<AppEnv>;
type Refs = Awaited<ReturnType<typeof listCommitments>>['refs'];
const str = (s: string | undefined) => s ?? '';

const fromForm = (v: Record<string, string>) => ({
  kind: str(v.kind), reference: str(v.reference), title: str(v.title), description: str(v.description), municipalityCbs: str(v.municipalityCbs),
  ownerName: str(v.ownerName), madeOn: dateOf(v.madeOn), dueOn: dateOf(v.dueOn), status: str(v.status) || 'nieuw', closedOn: dateOf(v.closedOn),
  followUp: str(v.followUp), recommendationId: str(v.recommendationId), decisionId: str(v.decisionId), source: str(v.source),
});
const valuesOf = (x: CommitmentView): Record<string, string> => ({
  kind: x.kind, reference: x.reference, title: x.title, description: x.description, municipalityCbs: x.municipality?.cbsCode ?? '', ownerName: x.ownerName,
  madeOn: formatDate(x.madeOn), dueOn: formatDate(x.dueOn), status: x.status, closedOn: formatDate(x.closedOn), followUp: x.followUp,
  recommendationId: x.recommendation?.id ?? '', decisionId: x.decision?.id ?? '', source: x.source, version: String(x.version),
});

function CommitmentForm({ c, form, action, submit, refs, withVersion }: { c: C; form: FormState; action: string; submit: string; refs: Refs; withVersion: boolean }) {
  const { values: v, issues } = form;
  return (
    <>
      <ErrorSummary issues={issues} locale={c.get('locale')} message={form.message} />
      <form method="post" action={action} class="vlecht-form" novalidate>
        <Csrf token={c.get('csrfToken')} />
        {withVersion && <Hidden name="version" value={v.version} />}
        <SelectField name="kind" label="Soort" value={v.kind} issues={issues} required options={[{ value: '', label: 'Kies een soort' }, ...COMMITMENT_KINDS.map((k) => ({ value: k, label: COMMITMENT_KIND_WORDS[k] }))]} />
        <TextField name="title" label="Titel" value={v.title} issues={issues} required />
        <TextField name="reference" label="Kenmerk" value={v.reference} issues={issues} description="Bijv. motienummer of nummer van de raadsvraag" />
        <TextArea name="description" label="Omschrijving" value={v.description} issues={issues} />
        <SelectField name="municipalityCbs" label="Raad van gemeente" value={v.municipalityCbs} issues={issues} options={[{ value: '', label: 'Beide of niet van toepassing' }, ...refs.municipalities.map((m) => ({ value: m.cbsCode, label: m.name }))]} />
        <TextField name="ownerName" label="Eigenaar" value={v.ownerName} issues={issues} />
        <TextField name="madeOn" label="Gedaan of toegezegd op" value={v.madeOn} issues={issues} required description="dd-mm-jjjj" autocomplete="off" />
        <TextField name="dueOn" label="Termijn" value={v.dueOn} issues={issues} description="dd-mm-jjjj; na deze datum heet een open punt ‘te laat’" autocomplete="off" />
        <SelectField name="status" label="Status" value={v.status || 'nieuw'} issues={issues} options={COMMITMENT_STATUSES.map((s) => ({ value: s, label: COMMITMENT_STATUS_WORDS[s] }))} />
        <TextField name="closedOn" label="Afgedaan op" value={v.closedOn} issues={issues} description="dd-mm-jjjj; alleen bij status afgedaan" autocomplete="off" />
        <SelectField name="recommendationId" label="Aanbeveling van de rekenkamer(commissie)" value={v.recommendationId} issues={issues}
          options={[{ value: '', label: 'Geen' }, ...refs.recommendations.map((r) => ({ value: r.id, label: `${r.number}. ${r.text.slice(0, 80)}…` }))]} />
        <SelectField name="decisionId" label="Besluit" value={v.decisionId} issues={issues} options={[{ value: '', label: 'Geen' }, ...refs.decisions.map((d) => ({ value: d.id, label: `${formatDate(d.decidedOn)} ${d.subject}` }))]} />
        <TextArea name="followUp" label="Vervolg" value={v.followUp} issues={issues} />
        <TextField name="source" label="Bron" value={v.source} issues={issues} />
        <div><SubmitButton>{submit}</SubmitButton></div>
      </form>
    </>
  );
}

function Rows({ items }: { items: CommitmentView[] }) {
  return (
    <tbody>
      {items.map((x) => (
        <tr class={x.shownStatus === 'te-laat' ? 'vlecht-flagged' : undefined}>
          <td><Day iso={x.dueOn} /></td>
          <th scope="row"><a class="utrecht-link" href={`/toezeggingen/${x.id}`}>{x.title}</a>{x.synthetic ? ' (synthetisch)' : ''}</th>
          <td>{x.kindWords}{x.reference ? ` ${x.reference}` : ''}</td><td>{x.municipality?.name ?? '—'}</td><td>{x.ownerName || '—'}</td>
          <td>{x.shownStatus === 'te-laat' ? <strong>te laat</strong> : x.shownStatusWords}{x.closedOn ? ` (${formatDate(x.closedOn)})` : ''}</td>
        </tr>
      ))}
    </tbody>
  );
}

const HEAD = <thead><tr><th scope="col">Termijn</th><th scope="col">Titel</th><th scope="col">Soort</th><th scope="col">Raad</th><th scope="col">Eigenaar</th><th scope="col">Status</th></tr></thead>;

export function commitmentPages() {
  const app = new Hono<AppEnv>();
  const listPage = async (c: C, form: FormState | null = null, status?: 400 | 409 | 412 | 428) => {
    const v = await listCommitments(signedIn(c), c.req.param('slug')!);
    const slug = v.cooperation.slug;
    return renderPage(c, `Toezeggingen en bevindingen ${v.cooperation.name}`, (
      <>
        <h1 class="utrecht-heading-1">Toezeggingen en bevindingen</h1>
        <GovNav slug={slug} current="toezeggingen" />
        <p class="utrecht-paragraph">Raadsvragen, toezeggingen, moties, bevindingen van de accountant en aanbevelingen van de rekenkamer(commissie), als een lange-termijnagenda: wat openstaat op volgorde van termijn. Een open punt na de termijn heet ‘te laat’.</p>
        <p class="utrecht-paragraph"><strong>{v.open.length}</strong> open, waarvan <strong>{v.late}</strong> te laat; <strong>{v.closed.length}</strong> afgedaan.</p>
        <div class="utrecht-table-container">
          <table class="utrecht-table utrecht-table--html-table">
            <caption class="utrecht-table__caption">Open, op volgorde van termijn</caption>{HEAD}<Rows items={v.open} />
          </table>
        </div>
        {v.recommendationsWithoutFollowUp.length > 0 && (
          <>
            <h2 class="utrecht-heading-2">Aanbevelingen zonder opvolging</h2>
            <p class="utrecht-paragraph">Deze aanbevelingen staan bij de doelen vastgelegd, maar geen toezegging of bevinding volgt ze op.</p>
            <ul class="utrecht-unordered-list">{v.recommendationsWithoutFollowUp.map((r) => <li>{r.number}. {r.text}</li>)}</ul>
          </>
        )}
        <h2 class="utrecht-heading-2">Afgedaan</h2>
        <div class="utrecht-table-container">
          <table class="utrecht-table utrecht-table--html-table">
            <caption class="utrecht-table__caption">Afgedaan, nieuwste eerst</caption>{HEAD}<Rows items={v.closed} />
          </table>
        </div>
        <h2 class="utrecht-heading-2">Downloaden</h2>
        <ul class="utrecht-unordered-list">
          <li><a class="utrecht-link" href={`/api/v1/samenwerkingen/${slug}/toezeggingen.csv`}>Toezeggingen en bevindingen als CSV</a></li>
          <li><a class="utrecht-link" href={`/api/v1/samenwerkingen/${slug}/toezeggingen.xlsx`}>Toezeggingen en bevindingen als Excel (XLSX)</a></li>
        </ul>
        {v.may.manage && (
          <details class="vlecht-details" open={!!form}>
            <summary>Toezegging of bevinding vastleggen</summary>
            <CommitmentForm c={c} form={form ?? freshForm({ status: 'nieuw' })} action={`/samenwerkingen/${slug}/toezeggingen`} submit="Vastleggen" refs={v.refs} withVersion={false} />
          </details>
        )}
      </>
    ), { status, breadcrumbs: govCrumbs(v.cooperation) });
  };
  app.get('/samenwerkingen/:slug/toezeggingen', (c) => listPage(c));
  app.post('/samenwerkingen/:slug/toezeggingen', async (c) => {
    const raw = await readForm(c);
    try {
      const x = await createCommitment(signedIn(c), c.req.param('slug'), fromForm(raw));
      return c.redirect(`/toezeggingen/${x.id}?gelukt=aangemaakt`, 303);
    } catch (e) {
      const f = formFailure(e, raw, c.get('locale'));
      return listPage(c, f, f.status);
    }
  });

  const detailPage = async (c: C, form: FormState | null = null, status?: 400 | 409 | 412 | 428) => {
    const v = await getCommitment(signedIn(c), c.req.param('id')!);
    const x = v.commitment;
    return renderPage(c, x.title, (
      <>
        <h1 class="utrecht-heading-1">{x.title}</h1>
        <Notice text={{ aangemaakt: 'Vastgelegd.', opgeslagen: 'De wijzigingen zijn opgeslagen.' }[c.req.query('gelukt') ?? '']} />
        <Facts items={[
          ['Soort', `${x.kindWords}${x.reference ? ` ${x.reference}` : ''}`], ['Raad', x.municipality?.name ?? 'beide of n.v.t.'], ['Eigenaar', x.ownerName || '—'],
          ['Gedaan op', formatDate(x.madeOn)], ['Termijn', formatDate(x.dueOn) || 'geen'], ['Status', x.shownStatusWords],
          ...(x.closedOn ? [['Afgedaan op', formatDate(x.closedOn)] as [string, string]] : []),
          ...(x.recommendation ? [['Aanbeveling', `${x.recommendation.number}. ${x.recommendation.text}`] as [string, string]] : []),
          ...(x.decision ? [['Besluit', `${formatDate(x.decision.decidedOn)} ${x.decision.subject}`] as [string, string]] : []),
          ...(x.followUp ? [['Vervolg', x.followUp] as [string, string]] : []),
          ...(x.source ? [['Bron', `${x.source}${x.synthetic ? ' (synthetisch)' : ''}`] as [string, string]] : []),
        ]} />
        {x.description && <p class="utrecht-paragraph">{x.description}</p>}
        {v.may.manage && (
          <details class="vlecht-details" open={!!form}>
            <summary>Bewerken of afdoen</summary>
            <CommitmentForm c={c} form={form ?? freshForm(valuesOf(x))} action={`/toezeggingen/${x.id}`} submit="Wijzigingen opslaan" refs={v.refs} withVersion />
          </details>
        )}
      </>
    ), { status, breadcrumbs: [...govCrumbs(v.cooperation), { href: `/samenwerkingen/${v.cooperation.slug}/toezeggingen`, label: 'Toezeggingen en bevindingen' }] });
  };
  app.get('/toezeggingen/:id', (c) => detailPage(c));
  app.post('/toezeggingen/:id', async (c) => {
    const raw = await readForm(c);
    try {
      await updateCommitment(signedIn(c), c.req.param('id'), versionOf(raw.version), fromForm(raw));
      return c.redirect(`/toezeggingen/${c.req.param('id')}?gelukt=opgeslagen`, 303);
    } catch (e) {
      const f = formFailure(e, raw, c.get('locale'));
      return detailPage(c, f, f.status);
    }
  });
  return app;
}
