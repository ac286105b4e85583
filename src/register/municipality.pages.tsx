/** Municipality pages: the CBS list with search and pages (342 entries), and one municipality with its inhabitants. */
import { Hono } from 'hono';
import { can } from '../platform/auth/policy.ts';
import type { AppEnv } from '../platform/http/env.ts';
import { signedIn } from '../platform/http/edge.ts';
import { renderPage } from '../platform/http/render.tsx';
import { formatDate, formatNumber } from '../platform/i18n/format.ts';
import { getMunicipality, listMunicipalities } from './municipality.service.ts';
import { Facts, Notice, formFailure, readForm, versionOf, type FormState } from './common.pages.tsx';
import { listAnnualFigures, setAnnualFigures } from './annual-figures.service.ts';
import { AnnualFiguresSection, annualFiguresValues } from './annual-figures.pages.tsx';
import type { Context } from 'hono';

const PAGE_SIZE = 50;

/** Lower case without accents, so "fryslan" finds "Súdwest-Fryslân". */
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

function pageHref(q: string, page: number) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (page > 1) params.set('pagina', String(page));
  const s = params.toString();
  return s ? `/gemeenten?${s}` : '/gemeenten';
}

export function municipalityPages() {
  const app = new Hono<AppEnv>();

  app.get('/gemeenten', async (c) => {
    const all = await listMunicipalities(signedIn(c));
    const q = (c.req.query('q') ?? '').trim().slice(0, 100);
    const wanted = fold(q);
    const found = wanted ? all.filter((m) => fold(m.name).includes(wanted) || m.cbsCode.toLowerCase().includes(wanted)) : all;
    const pages = Math.max(1, Math.ceil(found.length / PAGE_SIZE));
    const requested = Number.parseInt(c.req.query('pagina') ?? '1', 10);
    const page = Math.min(pages, Math.max(1, Number.isFinite(requested) ? requested : 1));
    const shown = found.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    return renderPage(c, 'Gemeenten', (
      <>
        <h1 class="utrecht-heading-1">Gemeenten</h1>
        <form method="get" action="/gemeenten" class="vlecht-search" role="search">
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for="zoek-gemeente">Zoek op naam of CBS-code</label>
            <div class="vlecht-search__row">
              <input class="utrecht-textbox utrecht-textbox--html-input" id="zoek-gemeente" name="q" type="search" value={q} />
              <button type="submit" class="utrecht-button utrecht-button--secondary-action">Zoeken</button>
            </div>
          </div>
        </form>
        <p class="utrecht-paragraph" role="status">
          {q ? `${found.length} van ${all.length} gemeenten gevonden voor "${q}".` : `${all.length} gemeenten (CBS-indeling).`}
          {pages > 1 ? ` Pagina ${page} van ${pages}.` : ''}
        </p>
        {shown.length > 0 && (
          <div class="utrecht-table-container">
            <table class="utrecht-table utrecht-table--html-table">
              <caption class="utrecht-table__caption">Gemeenten op naam{pages > 1 ? `, pagina ${page} van ${pages}` : ''}</caption>
              <thead><tr><th scope="col">Gemeente</th><th scope="col">CBS-code</th></tr></thead>
              <tbody>
                {shown.map((m) => <tr><th scope="row"><a class="utrecht-link" href={`/gemeenten/${m.cbsCode}`}>{m.name}</a>{m.validTo ? ` (tot ${formatDate(m.validTo)})` : ''}</th><td>{m.cbsCode}</td></tr>)}
              </tbody>
            </table>
          </div>
        )}
        {pages > 1 && (
          <nav class="utrecht-pagination vlecht-pagination" aria-label="Paginering">
            <ul>
              {page > 1 && <li><a class="utrecht-link" rel="prev" href={pageHref(q, page - 1)}>Vorige pagina</a></li>}
              {Array.from({ length: pages }, (_, i) => i + 1).map((n) => (
                <li>{n === page
                  ? <span aria-current="page" class="vlecht-pagination__current">{n}</span>
                  : <a class="utrecht-link" href={pageHref(q, n)} aria-label={`Pagina ${n}`}>{n}</a>}</li>
              ))}
              {page < pages && <li><a class="utrecht-link" rel="next" href={pageHref(q, page + 1)}>Volgende pagina</a></li>}
            </ul>
          </nav>
        )}
      </>
    ), { breadcrumbs: [] });
  });

  const municipalityPage = async (c: Context<AppEnv>, form: FormState | null = null, status?: 400 | 409 | 412 | 428) => {
    const ctx = signedIn(c);
    const m = await getMunicipality(ctx, c.req.param('cbs')!);
    const figures = await listAnnualFigures(ctx, m.cbsCode);
    return renderPage(c, m.name, (
      <>
        <h1 class="utrecht-heading-1">{m.name}</h1>
        <Notice text={c.req.query('gelukt') === 'jaarcijfers' ? 'De jaarcijfers zijn opgeslagen.' : undefined} />
        <Facts items={[
          ['CBS-code', m.cbsCode],
          ['Code geldig', m.validFrom || m.validTo ? `${m.validFrom ? `vanaf ${formatDate(m.validFrom)}` : ''}${m.validFrom && m.validTo ? ' ' : ''}${m.validTo ? `tot ${formatDate(m.validTo)}` : ''}` : 'geldig; geen begin- of einddatum vastgelegd'],
          ...(m.successorCbsCode ? [['Opgegaan in', m.successorCbsCode] as [string, string]] : []),
        ]} />
        <h2 class="utrecht-heading-2">Inwoners</h2>
        {m.population.length === 0 ? <p class="utrecht-paragraph">Voor deze gemeente zijn geen inwonertallen vastgelegd.</p> : (
          <div class="utrecht-table-container">
            <table class="utrecht-table utrecht-table--html-table">
              <caption class="utrecht-table__caption">Inwoners van {m.name} per jaar, met bron</caption>
              <thead><tr><th scope="col">Jaar</th><th scope="col" class="vlecht-num">Inwoners</th><th scope="col">Bron</th></tr></thead>
              <tbody>
                {m.population.map((p) => <tr><th scope="row">{p.year}</th><td class="vlecht-num">{formatNumber(p.inhabitants)}</td><td class="vlecht-source">{p.source}</td></tr>)}
              </tbody>
            </table>
          </div>
        )}
        <AnnualFiguresSection c={c} cbsCode={m.cbsCode} name={m.name} figures={figures} form={form} mayManage={can(c.get('actor')!, 'municipality:manage', { municipalityId: m.id })} />
        {can(c.get('actor')!, 'personal:write', { municipalityId: m.id }) && (
          <>
            <h2 class="utrecht-heading-2">Medewerkers</h2>
            <ul>
              <li><a class="utrecht-link" href={`/gemeenten/${m.cbsCode}/medewerkers/import`}>Export uit het HR-systeem importeren</a></li>
              <li><a class="utrecht-link" href={`/api/v1/gemeenten/${m.cbsCode}/medewerkers.csv`}>Medewerkers downloaden (CSV, importformaat)</a> · <a class="utrecht-link" href={`/api/v1/gemeenten/${m.cbsCode}/medewerkers.xlsx`}>XLSX</a></li>
              <li><a class="utrecht-link" href={`/api/v1/gemeenten/${m.cbsCode}/salaristabel.csv`}>Salaristabel downloaden (CSV: uurtarief per schaal en trede)</a>; importeren met <code>vlecht import salaristabel</code> of <code>POST /api/v1/gemeenten/{m.cbsCode}/salaristabel</code></li>
            </ul>
          </>
        )}
      </>
    ), { status, breadcrumbs: [{ href: '/gemeenten', label: 'Gemeenten' }] });
  };
  app.get('/gemeenten/:cbs', (c) => municipalityPage(c));
  app.post('/gemeenten/:cbs/jaarcijfers', async (c) => {
    const raw = await readForm(c);
    const ctx = signedIn(c);
    try {
      // A correction of a year that has figures needs the version the form was filled from.
      const existing = (await listAnnualFigures(ctx, c.req.param('cbs'))).find((f) => String(f.year) === (raw.year ?? '').trim());
      if (existing && versionOf(raw.version) === undefined) {
        return municipalityPage(c, { values: annualFiguresValues(existing), issues: [], message: `Voor ${existing.year} zijn al jaarcijfers vastgelegd; ze staan hieronder. Pas ze aan en sla opnieuw op.` }, 409);
      }
      await setAnnualFigures(ctx, c.req.param('cbs'), existing ? versionOf(raw.version) : undefined, raw);
      return c.redirect(`/gemeenten/${c.req.param('cbs').toUpperCase()}?gelukt=jaarcijfers#jaarcijfers`, 303);
    } catch (e) {
      const f = formFailure(e, raw, c.get('locale'));
      return municipalityPage(c, f, f.status);
    }
  });

  return app;
}
