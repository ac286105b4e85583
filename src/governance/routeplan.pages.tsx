/**
 * The route plan: milestones on a timeline (a hand-built accessible SVG: one row per
 * milestone, grouped by team, a diamond at the due date with its status in words) and the
 * same data as a table; forms to add and edit a milestone.
 */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../platform/http/env.ts';
import { signedIn } from '../platform/http/edge.ts';
import { renderPage } from '../platform/http/render.tsx';
import { Csrf, ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from '../platform/ui/form.tsx';
import { VlechtError } from '../platform/errors.ts';
import { Hidden, Notice, dateOf, formFailure, freshForm, versionOf, type FormState } from '../register/common.pages.tsx';
import { formatDate } from '../platform/i18n/format.ts';
import { createMilestone, getMilestoneSlug, listMilestones, updateMilestone } from './milestone.service.ts';
import { MILESTONE_STATUSES, MILESTONE_STATUS_WORDS } from './catalogue.ts';
import type { MilestoneView } from './present.ts';
import { Day, GovNav, govCrumbs } from './components.tsx';
import { dayNumber } from './planner.ts';

type C = Context<AppEnv>;
type ListView = Awaited<ReturnType<typeof listMilestones>>;
const str = (s: unknown) => (typeof s === 'string' ? s : '');

const FILL: Record<string, string> = { gepland: '#ffffff', loopt: '#9fbadb', gereed: '#2e7d32', vervallen: '#767676', 'te-laat': '#b34700' };
const LABEL_W = 330;
const PLOT_W = 560;
const ROW_H = 26;

export function RoutePlanChart({ milestones, caption }: { milestones: MilestoneView[]; caption: string }) {
  if (milestones.length === 0) return <p class="utrecht-paragraph">Het routeplan heeft nog geen mijlpalen.</p>;
  const rows = [...milestones].sort((a, b) => (a.team?.name ?? '').localeCompare(b.team?.name ?? '') || a.dueOn.localeCompare(b.dueOn));
  const first = Math.min(...rows.map((m) => Number(m.dueOn.slice(0, 4))));
  const last = Math.max(...rows.map((m) => Number(m.dueOn.slice(0, 4)))) + 1;
  const t0 = dayNumber(`${first}-01-01`);
  const t1 = dayNumber(`${last}-01-01`);
  const x = (iso: string) => LABEL_W + ((dayNumber(iso) - t0) / (t1 - t0)) * PLOT_W;
  const height = 8 + rows.length * ROW_H + 28;
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const label = (m: MilestoneView) => `${m.team ? `${m.team.name}: ` : ''}${m.title}`;
  return (
    <figure class="vlecht-timeline-figure">
      <svg viewBox={`0 0 ${LABEL_W + PLOT_W + 20} ${height}`} width="100%" role="img" aria-labelledby="routeplan-titel routeplan-uitleg" font-family="system-ui, sans-serif" font-size="12">
        <title id="routeplan-titel">{caption}</title>
        <desc id="routeplan-uitleg">Per mijlpaal een ruit op de datum; gevuld naar status (wit gepland, lichtblauw loopt, groen gereed, grijs vervallen, oranje te laat). Dezelfde gegevens staan in de tabel onder de grafiek.</desc>
        {years.map((y) => (
          <g>
            <line x1={x(`${y}-01-01`)} x2={x(`${y}-01-01`)} y1={4} y2={8 + rows.length * ROW_H} stroke="#c8c8c8" stroke-width="1" />
            <text x={x(`${y}-01-01`)} y={height - 8} text-anchor="middle" fill="#1a1a1a">{String(y)}</text>
          </g>
        ))}
        {rows.map((m, i) => {
          const y = 8 + i * ROW_H + ROW_H / 2;
          const cx = x(m.dueOn);
          const text = label(m);
          return (
            <g>
              <text x={LABEL_W - 8} y={y + 4} text-anchor="end" fill="#1a1a1a">{text.length > 48 ? `${text.slice(0, 47)}…` : text}</text>
              <polygon points={`${cx},${y - 7} ${cx + 7},${y} ${cx},${y + 7} ${cx - 7},${y}`} fill={FILL[m.shownStatus]} stroke="#1a1a1a" stroke-width="1.5">
                <title>{`${text}: ${formatDate(m.dueOn)}, ${m.shownStatusWords}`}</title>
              </polygon>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

const fromForm = (v: Record<string, string>, dependsOn: string[]) => ({
  title: str(v.title), description: str(v.description), teamId: str(v.teamId), dueOn: dateOf(v.dueOn), status: str(v.status) || 'gepland',
  completedOn: dateOf(v.completedOn), dependsOn, risks: str(v.risks), source: str(v.source),
});
const valuesOf = (m: MilestoneView): Record<string, string> => ({
  title: m.title, description: m.description, teamId: m.team?.id ?? '', dueOn: formatDate(m.dueOn), status: m.status, completedOn: formatDate(m.completedOn),
  dependsOn: m.dependsOn.map((d) => d.id).join(','), risks: m.risks, source: m.source, version: String(m.version),
});

async function readMilestoneForm(c: C) {
  const body = await c.req.parseBody({ all: true });
  const raw: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (k !== '_csrf' && k !== 'dependsOn') raw[k] = str(Array.isArray(v) ? v[0] : v);
  const deps = body.dependsOn === undefined ? [] : (Array.isArray(body.dependsOn) ? body.dependsOn : [body.dependsOn]).map(str).filter(Boolean);
  const all: Record<string, string> = { ...raw, dependsOn: deps.join(',') };
  return { raw: all, deps };
}

function MilestoneForm({ c, form, action, submit, v, self }: { c: C; form: FormState; action: string; submit: string; v: ListView; self?: string }) {
  const { values, issues } = form;
  const chosen = new Set((values.dependsOn ?? '').split(',').filter(Boolean));
  const teams = v.teams.filter((t) => t.mayManage || t.id === values.teamId);
  return (
    <>
      <ErrorSummary issues={issues} locale={c.get('locale')} message={form.message} />
      <form method="post" action={action} class="vlecht-form" novalidate>
        <Csrf token={c.get('csrfToken')} />
        {self && <Hidden name="version" value={values.version} />}
        <TextField name="title" label="Titel" value={values.title} issues={issues} required />
        <SelectField name="teamId" label="Team" value={values.teamId} issues={issues} options={[...(v.may.manage ? [{ value: '', label: 'Hele samenwerking' }] : []), ...teams.map((t) => ({ value: t.id, label: t.name }))]} />
        <TextField name="dueOn" label="Datum" value={values.dueOn} issues={issues} required description="dd-mm-jjjj" autocomplete="off" />
        <SelectField name="status" label="Status" value={values.status || 'gepland'} issues={issues} options={MILESTONE_STATUSES.map((s) => ({ value: s, label: MILESTONE_STATUS_WORDS[s] }))} />
        <TextField name="completedOn" label="Gereed op" value={values.completedOn} issues={issues} description="dd-mm-jjjj; alleen bij status gereed" autocomplete="off" />
        <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset" id="veld-dependsOn">
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Hangt af van</legend>
          {v.milestones.filter((m) => m.id !== self).map((m) => (
            <div class="utrecht-form-field utrecht-form-field--checkbox">
              <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={`dep-${m.id}`} name="dependsOn" value={m.id} checked={chosen.has(m.id)} />
              <label class="utrecht-form-label utrecht-form-label--checkbox" for={`dep-${m.id}`}>{formatDate(m.dueOn)} {m.title}</label>
            </div>
          ))}
        </fieldset>
        <TextArea name="description" label="Omschrijving" value={values.description} issues={issues} />
        <TextArea name="risks" label="Risico’s" value={values.risks} issues={issues} />
        <TextField name="source" label="Bron" value={values.source} issues={issues} />
        <div><SubmitButton>{submit}</SubmitButton></div>
      </form>
    </>
  );
}

function RoutePlan({ c, v, form, edit }: { c: C; v: ListView; form: FormState | null; edit: { id: string; form: FormState } | null }) {
  const slug = v.cooperation.slug;
  const mayAdd = v.may.manage || v.teams.some((t) => t.mayManage);
  return (
    <>
      <h1 class="utrecht-heading-1">Routeplan</h1>
      <GovNav slug={slug} current="routeplan" />
      <Notice text={{ mijlpaal: 'De mijlpaal is opgeslagen.' }[c.req.query('gelukt') ?? '']} />
      <p class="utrecht-paragraph">Mijlpalen per team en voor de hele samenwerking, met afhankelijkheden en risico’s (aanbeveling 4 van de rekenkamercommissie, rekenkamercommissie Heemstede, 2017).</p>
      <RoutePlanChart milestones={v.milestones} caption={`Routeplan ${v.cooperation.name}`} />
      {v.milestones.length > 0 && (
        <div class="utrecht-table-container">
          <table class="utrecht-table utrecht-table--html-table">
            <caption class="utrecht-table__caption">Mijlpalen op datum (dezelfde gegevens als de grafiek)</caption>
            <thead><tr><th scope="col">Datum</th><th scope="col">Mijlpaal</th><th scope="col">Team</th><th scope="col">Status</th><th scope="col">Hangt af van</th><th scope="col">Risico’s</th></tr></thead>
            <tbody>
              {v.milestones.map((m) => (
                <tr class={m.shownStatus === 'te-laat' || m.conflicts.length ? 'vlecht-flagged' : undefined}>
                  <td><Day iso={m.dueOn} /></td>
                  <th scope="row">{m.title}{m.synthetic ? ' (synthetisch)' : ''}{m.source ? <span class="vlecht-source"> — bron: {m.source}</span> : ''}</th>
                  <td>{m.team?.name ?? 'hele samenwerking'}</td>
                  <td>{m.shownStatusWords}{m.completedOn ? ` (${formatDate(m.completedOn)})` : ''}</td>
                  <td>{m.dependsOn.length ? m.dependsOn.map((d) => d.title).join('; ') : '—'}{m.conflicts.length ? <strong> Let op: gepland vóór waar het van afhangt.</strong> : ''}</td>
                  <td>{m.risks || '—'}{(v.may.manage || v.teams.some((t) => t.mayManage && t.id === m.team?.id)) && <> <a class="utrecht-link" href={`/mijlpalen/${m.id}/bewerken`} aria-label={`${m.title} bewerken`}>bewerken</a></>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {edit && <><h2 class="utrecht-heading-2">Mijlpaal bewerken</h2><MilestoneForm c={c} form={edit.form} action={`/mijlpalen/${edit.id}/bewerken`} submit="Wijzigingen opslaan" v={v} self={edit.id} /></>}
      {mayAdd && !edit && (
        <details class="vlecht-details" open={!!form}>
          <summary>Mijlpaal toevoegen</summary>
          <MilestoneForm c={c} form={form ?? freshForm({ status: 'gepland' })} action={`/samenwerkingen/${slug}/routeplan`} submit="Mijlpaal toevoegen" v={v} />
        </details>
      )}
    </>
  );
}

export function routePlanPages() {
  const app = new Hono<AppEnv>();
  const page = async (c: C, slug: string, form: FormState | null = null, edit: { id: string; form: FormState | null } | null = null, status?: 400 | 409 | 412 | 428) => {
    const v = await listMilestones(signedIn(c), slug);
    const editing = edit ? { id: edit.id, form: edit.form ?? freshForm(valuesOf(v.milestones.find((m) => m.id === edit.id)!)) } : null;
    // The edit form only for who may change this milestone, as the 'bewerken' link shows it.
    const target = edit ? v.milestones.find((m) => m.id === edit.id) : undefined;
    if (edit && !target) throw new VlechtError('NOT_FOUND', { object: 'mijlpaal', key: edit.id });
    if (target && !(v.may.manage || v.teams.some((t) => t.mayManage && t.id === target.team?.id))) throw new VlechtError('FORBIDDEN', { permission: 'governance:manage' });
    return renderPage(c, `Routeplan ${v.cooperation.name}`, <RoutePlan c={c} v={v} form={form} edit={editing} />, { status, breadcrumbs: govCrumbs(v.cooperation) });
  };
  app.get('/samenwerkingen/:slug/routeplan', (c) => page(c, c.req.param('slug')));
  app.post('/samenwerkingen/:slug/routeplan', async (c) => {
    const { raw, deps } = await readMilestoneForm(c);
    try {
      await createMilestone(signedIn(c), c.req.param('slug'), fromForm(raw, deps));
      return c.redirect(`/samenwerkingen/${c.req.param('slug')}/routeplan?gelukt=mijlpaal`, 303);
    } catch (e) {
      const f = formFailure(e, raw, c.get('locale'));
      return page(c, c.req.param('slug'), f, null, f.status);
    }
  });
  const slugOfMilestone = (c: C) => getMilestoneSlug(signedIn(c), c.req.param('id')!);
  app.get('/mijlpalen/:id/bewerken', async (c) => page(c, await slugOfMilestone(c), null, { id: c.req.param('id'), form: null }));
  app.post('/mijlpalen/:id/bewerken', async (c) => {
    const { raw, deps } = await readMilestoneForm(c);
    const slug = await slugOfMilestone(c);
    try {
      await updateMilestone(signedIn(c), c.req.param('id'), versionOf(raw.version), fromForm(raw, deps));
      return c.redirect(`/samenwerkingen/${slug}/routeplan?gelukt=mijlpaal`, 303);
    } catch (e) {
      const f = formFailure(e, raw, c.get('locale'));
      return page(c, slug, null, { id: c.req.param('id'), form: f }, f.status);
    }
  });
  return app;
}
