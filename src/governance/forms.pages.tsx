/**
 * Forms of cooperation: the catalogue compared on seven aspects (one table, a column per
 * form, the current form marked in words and shading) and the cooperation's own notes per
 * form (pros, cons, personnel and financial consequences), editable with a version check.
 */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../platform/http/env.ts';
import { signedIn } from '../platform/http/edge.ts';
import { renderPage } from '../platform/http/render.tsx';
import { Csrf, ErrorSummary, SubmitButton, TextArea } from '../platform/ui/form.tsx';
import { Hidden, Notice, formFailure, readForm, versionOf, type FormState } from '../register/common.pages.tsx';
import { formsCatalogue, saveFormNote } from './form-note.service.ts';
import { GovNav, govCrumbs } from './components.tsx';

type C = Context<AppEnv>;
type View = Awaited<ReturnType<typeof formsCatalogue>>;

function FormsPage({ c, v, failed }: { c: C; v: View; failed: { key: string; form: FormState } | null }) {
  const slug = v.cooperation.slug;
  const current = v.forms.find((f) => f.current);
  return (
    <>
      <h1 class="utrecht-heading-1">Samenwerkingsvormen</h1>
      <GovNav slug={slug} current="samenwerkingsvormen" />
      <Notice text={c.req.query('gelukt') === 'notitie' ? 'De notities zijn opgeslagen.' : undefined} />
      <p class="utrecht-paragraph">Welke vormen van samenwerking zijn mogelijk, met hun voor- en nadelen (aanbeveling 3 van de rekenkamercommissie, rekenkamercommissie Heemstede, 2017). Een algemene vergelijking, geen juridisch advies; de bronnen staan in de broncode van de catalogus (Wgr, Wet BCF, Wet arhi).</p>
      <p class="utrecht-paragraph">Huidige vorm van {v.cooperation.name}: <strong>{current?.name ?? 'niet in de catalogus'}</strong>.</p>
      <div class="utrecht-table-container">
        <table class="utrecht-table utrecht-table--html-table">
          <caption class="utrecht-table__caption">Vergelijking van samenwerkingsvormen; de huidige vorm is gemarkeerd</caption>
          <thead>
            <tr><th scope="col">Aspect</th>{v.forms.map((f) => <th scope="col" class={f.current ? 'vlecht-current' : undefined}>{f.name}{f.current ? ' (huidige vorm)' : ''}</th>)}</tr>
          </thead>
          <tbody>
            <tr><th scope="row">Grondslag</th>{v.forms.map((f) => <td class={f.current ? 'vlecht-current' : undefined}>{f.basis}</td>)}</tr>
            {v.aspects.map((a) => (
              <tr><th scope="row">{a.label}</th>{v.forms.map((f) => <td class={f.current ? 'vlecht-current' : undefined}>{f.aspects[a.key]}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 class="utrecht-heading-2">Eigen afweging per vorm</h2>
      {v.forms.map((f) => {
        const form = failed?.key === f.key ? failed.form : null;
        const n = form?.values ?? { pros: f.note.pros, cons: f.note.cons, personnel: f.note.personnel, financial: f.note.financial, version: String(f.note.version) };
        const issues = form?.issues ?? [];
        const empty = !f.note.pros && !f.note.cons && !f.note.personnel && !f.note.financial;
        return (
          <section aria-labelledby={`vorm-${f.key}`}>
            <h3 class="utrecht-heading-3" id={`vorm-${f.key}`}>{f.name}{f.current ? ' (huidige vorm)' : ''}</h3>
            <p class="utrecht-paragraph">{f.summary}</p>
            {v.may.manage ? (
              <details class="vlecht-details" open={!!form}>
                <summary>{empty ? "Notities toevoegen" : "Notities bekijken en bewerken"}</summary>
                {form && <ErrorSummary issues={issues} locale={c.get('locale')} message={form.message} />}
                <form method="post" action={`/samenwerkingen/${slug}/samenwerkingsvormen/${f.key}`} class="vlecht-form" novalidate>
                  <Csrf token={c.get('csrfToken')} />
                  <Hidden name="version" value={n.version} />
                  <TextArea name="pros" label={`Voordelen voor ${v.cooperation.name}`} value={n.pros} issues={issues} />
                  <TextArea name="cons" label="Nadelen" value={n.cons} issues={issues} />
                  <TextArea name="personnel" label="Personele gevolgen" value={n.personnel} issues={issues} />
                  <TextArea name="financial" label="Financiële gevolgen" value={n.financial} issues={issues} />
                  <div><SubmitButton>Notities bij {f.name.toLowerCase()} opslaan</SubmitButton></div>
                </form>
              </details>
            ) : empty ? <p class="utrecht-paragraph">Nog geen eigen afweging vastgelegd.</p> : (
              <dl class="utrecht-data-list vlecht-facts">
                {([['Voordelen', f.note.pros], ['Nadelen', f.note.cons], ['Personele gevolgen', f.note.personnel], ['Financiële gevolgen', f.note.financial]] as const).filter(([, t]) => t).map(([k, t]) => (
                  <div class="utrecht-data-list__item"><dt class="utrecht-data-list__item-key">{k}</dt><dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{t}</dd></div>
                ))}
              </dl>
            )}
          </section>
        );
      })}
    </>
  );
}

export function formsPages() {
  const app = new Hono<AppEnv>();
  const page = async (c: C, failed: { key: string; form: FormState } | null = null, status?: 400 | 409 | 412 | 428) => {
    const v = await formsCatalogue(signedIn(c), c.req.param('slug')!);
    return renderPage(c, `Samenwerkingsvormen ${v.cooperation.name}`, <FormsPage c={c} v={v} failed={failed} />, { status, breadcrumbs: govCrumbs(v.cooperation) });
  };
  app.get('/samenwerkingen/:slug/samenwerkingsvormen', (c) => page(c));
  app.post('/samenwerkingen/:slug/samenwerkingsvormen/:vorm', async (c) => {
    const raw = await readForm(c);
    try {
      await saveFormNote(signedIn(c), c.req.param('slug'), versionOf(raw.version), { ...raw, formKey: c.req.param('vorm') });
      return c.redirect(`/samenwerkingen/${c.req.param('slug')}/samenwerkingsvormen?gelukt=notitie#vorm-${c.req.param('vorm')}`, 303);
    } catch (e) {
      const f = formFailure(e, raw, c.get('locale'));
      return page(c, { key: c.req.param('vorm'), form: f }, f.status);
    }
  });
  return app;
}
