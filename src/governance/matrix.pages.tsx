/**
 * The decision-rights matrix page: soort besluit × orgaan with a choice per cell (besluit,
 * adviseert, wordt geïnformeerd, geen rol), saved as a whole under one version; the
 * bodies with their lead times; forms to add a body or decision type.
 */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../platform/http/env.ts';
import { signedIn } from '../platform/http/edge.ts';
import { renderPage } from '../platform/http/render.tsx';
import { Csrf, ErrorSummary, SelectField, SubmitButton, TextField } from '../platform/ui/form.tsx';
import { Hidden, Notice, formFailure, freshForm, integerOf, readForm, versionOf, type FormState } from '../register/common.pages.tsx';
import { createBody, createDecisionType, governanceSetup, setUpGovernance, updateBody, updateMatrix, type GovernanceSetupView } from './decision.service.ts';
import { BODY_KINDS, BODY_KIND_WORDS, RIGHTS, RIGHT_WORDS } from './catalogue.ts';
import { GovNav, govCrumbs } from './components.tsx';

type C = Context<AppEnv>;
type Forms = { matrix?: FormState; body?: FormState; type?: FormState };

const NOTICES: Record<string, string> = {
  matrix: 'De besluitvormingsmatrix is opgeslagen.', ingericht: 'De standaardorganen, soorten besluiten en matrix zijn aangemaakt; pas ze aan waar nodig.',
  orgaan: 'Het orgaan is toegevoegd.', termijn: 'De aanlevertermijn is opgeslagen.', soort: 'Het soort besluit is toegevoegd.',
};

function MatrixPage({ c, v, forms }: { c: C; v: GovernanceSetupView; forms: Forms }) {
  const slug = v.cooperation.slug;
  const m = v.matrix;
  const failed = [forms.matrix, forms.body, forms.type].find((f) => f && (f.issues.length || f.message));
  const posted = forms.matrix?.values;
  const cellValue = (type: string, body: string) => posted?.[`cel:${type}:${body}`] ?? m.cells[type]?.[body] ?? '';
  const table = (
    <div class="utrecht-table-container">
      <table class="utrecht-table utrecht-table--html-table">
        <caption class="utrecht-table__caption">Besluitrecht per soort besluit (rijen) en orgaan (kolommen)</caption>
        <thead><tr><th scope="col">Soort besluit</th>{m.bodies.map((b) => <th scope="col">{b.name}</th>)}</tr></thead>
        <tbody>
          {m.types.map((t) => (
            <tr>
              <th scope="row">{t.name}</th>
              {m.bodies.map((b) => {
                const value = cellValue(t.key, b.key);
                return (
                  <td>
                    {v.may.manage ? (
                      <select class="utrecht-select utrecht-select--html-select" name={`cel:${t.key}:${b.key}`} aria-label={`${t.name} — ${b.name}`}>
                        <option value="" selected={value === ''}>—</option>
                        {RIGHTS.map((r) => <option value={r} selected={value === r}>{RIGHT_WORDS[r]}</option>)}
                      </select>
                    ) : (value ? RIGHT_WORDS[value as keyof typeof RIGHT_WORDS] : '—')}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <>
      <h1 class="utrecht-heading-1">Besluitvormingsmatrix</h1>
      <GovNav slug={slug} current="besluitvormingsmatrix" />
      <Notice text={NOTICES[c.req.query('gelukt') ?? '']} />
      {failed && <ErrorSummary issues={failed.issues} locale={c.get('locale')} message={failed.message} />}
      <p class="utrecht-paragraph">Wie besluit, wie adviseert en wie wordt geïnformeerd, per soort besluit. De rekenkamercommissie vond dat ‘soms het MT-Kzoom, soms de directie en soms een teammanager’ besliste (rekenkamercommissie Heemstede, 2017, §5.3.1); het besluitenregister toetst elk besluit aan deze matrix.</p>
      {!v.setUp && (
        <>
          <p class="utrecht-paragraph">Deze samenwerking heeft nog geen organen en soorten besluiten.</p>
          {v.may.manage && (
            <form method="post" action={`/samenwerkingen/${slug}/besluitvorming/inrichten`} class="vlecht-form">
              <Csrf token={c.get('csrfToken')} />
              <div><SubmitButton>Standaardorganen en -matrix aanmaken</SubmitButton></div>
            </form>
          )}
        </>
      )}
      {m.types.length > 0 && (v.may.manage ? (
        <form method="post" action={`/samenwerkingen/${slug}/besluitvormingsmatrix`} class="vlecht-form" novalidate>
          <Csrf token={c.get('csrfToken')} />
          <Hidden name="version" value={posted?.version ?? m.version} />
          {table}
          <div><SubmitButton>Matrix opslaan</SubmitButton></div>
        </form>
      ) : table)}

      <h2 class="utrecht-heading-2">Organen</h2>
      {v.bodies.length > 0 && (
        <div class="utrecht-table-container">
          <table class="utrecht-table utrecht-table--html-table">
            <caption class="utrecht-table__caption">Organen van {v.cooperation.name} met hun aanlevertermijn</caption>
            <thead><tr><th scope="col">Orgaan</th><th scope="col">Korte naam</th><th scope="col">Soort</th><th scope="col">Gemeente</th><th scope="col">Adviseert raad</th><th scope="col">Aanlevertermijn (dagen)</th></tr></thead>
            <tbody>
              {v.bodies.map((b) => (
                <tr><th scope="row">{b.name}</th><td>{b.key}</td><td>{b.kindWords}</td><td>{b.municipality?.name ?? '—'}</td><td>{b.committeeFor?.name ?? '—'}</td><td class="vlecht-num">{v.may.manage ? (
                  <form method="post" action={`/samenwerkingen/${slug}/organen/${b.key}`} class="vlecht-inline-form" novalidate>
                    <Csrf token={c.get('csrfToken')} />
                    <Hidden name="version" value={b.version} />
                    <input class="utrecht-textbox utrecht-textbox--html-input" name="leadDays" value={String(b.leadDays)} inputmode="numeric" size={4} aria-label={`Aanlevertermijn in dagen, ${b.name}`} />
                    <button type="submit" class="utrecht-button utrecht-button--secondary-action" aria-label={`Aanlevertermijn ${b.name} opslaan`}>Opslaan</button>
                  </form>
                ) : b.leadDays}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {v.may.manage && (
        <>
          <details class="vlecht-details" open={!!forms.body}>
            <summary>Orgaan toevoegen</summary>
            <BodyForm c={c} form={forms.body ?? freshForm({ leadDays: '0' })} slug={slug} councils={v.bodies.filter((b) => b.kind === 'raad').map((b) => ({ value: b.key, label: b.name }))} />
          </details>
          <details class="vlecht-details" open={!!forms.type}>
            <summary>Soort besluit toevoegen</summary>
            <form method="post" action={`/samenwerkingen/${slug}/besluittypen`} class="vlecht-form" novalidate>
              <Csrf token={c.get('csrfToken')} />
              <TextField name="name" label="Naam" value={forms.type?.values.name} issues={forms.type?.issues ?? []} required />
              <TextField name="key" label="Korte naam" value={forms.type?.values.key} issues={forms.type?.issues ?? []} required description="Kleine letters, cijfers en koppeltekens, bijv. huisvesting" />
              <div><SubmitButton>Soort besluit toevoegen</SubmitButton></div>
            </form>
          </details>
        </>
      )}
    </>
  );
}

function BodyForm({ c, form, slug, councils }: { c: C; form: FormState; slug: string; councils: { value: string; label: string }[] }) {
  const { values: v, issues } = form;
  return (
    <form method="post" action={`/samenwerkingen/${slug}/organen`} class="vlecht-form" novalidate>
      <Csrf token={c.get('csrfToken')} />
      <TextField name="name" label="Naam" value={v.name} issues={issues} required description="Bijv. Commissie Middelen Heemstede" />
      <TextField name="key" label="Korte naam" value={v.key} issues={issues} required description="Kleine letters, cijfers en koppeltekens, bijv. commissie-middelen" />
      <SelectField name="kind" label="Soort orgaan" value={v.kind} issues={issues} required options={[{ value: '', label: 'Kies een soort' }, ...BODY_KINDS.map((k) => ({ value: k, label: BODY_KIND_WORDS[k] }))]} />
      <TextField name="municipalityCbs" label="Gemeente (CBS-code)" value={v.municipalityCbs} issues={issues} description="Voor college, raad en commissie: de CBS-code van de gemeente, bijv. Heemstede (GM0397)" />
      <SelectField name="committeeForKey" label="Adviseert de raad" value={v.committeeForKey} issues={issues} options={[{ value: '', label: 'Geen (alleen voor een raadscommissie)' }, ...councils]} />
      <TextField name="leadDays" label="Aanlevertermijn in dagen" value={v.leadDays} issues={issues} inputmode="numeric" description="Hoeveel dagen vóór de vergadering een voorstel binnen moet zijn" />
      <div><SubmitButton>Orgaan toevoegen</SubmitButton></div>
    </form>
  );
}

export function matrixPages() {
  const app = new Hono<AppEnv>();
  const page = async (c: C, forms: Forms = {}, status?: 400 | 409 | 412 | 428) => {
    const v = await governanceSetup(signedIn(c), c.req.param('slug')!);
    return renderPage(c, `Besluitvormingsmatrix ${v.cooperation.name}`, <MatrixPage c={c} v={v} forms={forms} />, { status, breadcrumbs: govCrumbs(v.cooperation) });
  };
  const back = (c: C, what: string) => c.redirect(`/samenwerkingen/${c.req.param('slug')}/besluitvormingsmatrix?gelukt=${what}`, 303);
  app.get('/samenwerkingen/:slug/besluitvormingsmatrix', (c) => page(c));
  app.post('/samenwerkingen/:slug/besluitvorming/inrichten', async (c) => {
    await setUpGovernance(signedIn(c), c.req.param('slug'));
    return back(c, 'ingericht');
  });
  app.post('/samenwerkingen/:slug/besluitvormingsmatrix', async (c) => {
    const raw = await readForm(c);
    const cells = Object.entries(raw).filter(([k]) => k.startsWith('cel:')).map(([k, right]) => {
      const [, type, body] = k.split(':');
      return { type, body, right };
    });
    try {
      await updateMatrix(signedIn(c), c.req.param('slug'), versionOf(raw.version), { cells });
      return back(c, 'matrix');
    } catch (e) {
      const f = formFailure(e, raw, c.get('locale'));
      return page(c, { matrix: f }, f.status);
    }
  });
  app.post('/samenwerkingen/:slug/organen', async (c) => {
    const raw = await readForm(c);
    try {
      await createBody(signedIn(c), c.req.param('slug'), { ...raw, leadDays: integerOf(raw.leadDays) });
      return back(c, 'orgaan');
    } catch (e) {
      const f = formFailure(e, raw, c.get('locale'));
      return page(c, { body: f }, f.status);
    }
  });
  app.post('/samenwerkingen/:slug/organen/:key', async (c) => {
    const raw = await readForm(c);
    try {
      await updateBody(signedIn(c), c.req.param('slug'), c.req.param('key'), versionOf(raw.version), { leadDays: integerOf(raw.leadDays) });
      return back(c, 'termijn');
    } catch (e) {
      const f = formFailure(e, raw, c.get('locale'));
      return page(c, { body: f }, f.status);
    }
  });
  app.post('/samenwerkingen/:slug/besluittypen', async (c) => {
    const raw = await readForm(c);
    try {
      await createDecisionType(signedIn(c), c.req.param('slug'), raw);
      return back(c, 'soort');
    } catch (e) {
      const f = formFailure(e, raw, c.get('locale'));
      return page(c, { type: f }, f.status);
    }
  });
  return app;
}
