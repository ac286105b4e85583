/** Pages for shared costs (allocation and counterfactual) and the VAT-risk signal. */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../platform/http/env.ts';
import { signedIn } from '../platform/http/edge.ts';
import { renderPage } from '../platform/http/render.tsx';
import { formatCents, formatDate, formatNumber } from '../platform/i18n/format.ts';
import { allocateCostItem, listCostItems } from './cost.service.ts';
import { vatSignalOf } from './vat.service.ts';
import { getCooperation } from '../register/cooperation.service.ts';

const hours = (minutes: number) => formatNumber(Math.round(minutes / 6) / 10);
const crumbs = (slug: string, name: string) => [{ href: '/samenwerkingen', label: 'Samenwerkingen' }, { href: `/samenwerkingen/${slug}`, label: name }, { href: `/samenwerkingen/${slug}/uren`, label: 'Uren' }];


/** The cooperation's name for the breadcrumb (a reader knows the name, not the slug). */
const cooperationName = (c: Context<AppEnv>, slug: string): Promise<string> =>
  getCooperation(signedIn(c), slug).then((v) => v.cooperation.name, () => 'Samenwerking');

export function costPages() {
  const app = new Hono<AppEnv>();

  app.get('/samenwerkingen/:slug/kosten', async (c) => {
    const ctx = signedIn(c);
    const slug = c.req.param('slug');
    const items = await listCostItems(ctx, slug);
    const allocations = await Promise.all(items.map((i) => allocateCostItem(ctx, i.id)));
    return renderPage(c, 'Gedeelde kosten', (
      <>
        <h1 class="utrecht-heading-1">Gedeelde kosten en verdeling</h1>
        <p class="utrecht-paragraph">Elke kostenpost wordt op de cent verdeeld met de grootste-overschotmethode: geen aandeel is negatief en de aandelen tellen altijd op tot het totaal. Daarnaast: wat elke gemeente zonder samenwerking zou betalen.</p>
        {allocations.length === 0 && <p class="utrecht-paragraph">Er zijn nog geen kostenposten vastgelegd.</p>}
        {allocations.map((a) => (
          <section aria-labelledby={`kp-${a.costItem.id}`}>
            <h2 class="utrecht-heading-2" id={`kp-${a.costItem.id}`}>{a.costItem.name}</h2>
            <p class="utrecht-paragraph">
              {formatCents(a.totalCents)} · {formatDate(a.costItem.periodFrom)} t/m {formatDate(a.costItem.periodTo)}{a.costItem.team ? ` · team ${a.costItem.team.name}` : ''} · verdeelsleutel: {a.key.label}
            </p>
            <div class="utrecht-table-container">
              <table class="utrecht-table">
                <caption>Verdeling en vergelijking met alleen</caption>
                <thead><tr><th scope="col">Gemeente</th><th scope="col">Grondslag</th><th scope="col" class="vlecht-num">Aandeel</th><th scope="col" class="vlecht-num">Alleen</th><th scope="col" class="vlecht-num">Besparing</th></tr></thead>
                <tbody>{a.lines.map((l) => {
                  const cf = a.counterfactual.lines.find((x) => x.cbsCode === l.cbsCode);
                  return (
                    <tr>
                      <th scope="row">{l.name}</th><td>{l.explanation}</td><td class="vlecht-num">{formatCents(l.cents)}</td>
                      <td class="vlecht-num">{cf?.standaloneCents != null ? formatCents(cf.standaloneCents) : '—'}</td>
                      <td class="vlecht-num">{cf?.savingCents != null ? formatCents(cf.savingCents) : '—'}</td>
                    </tr>
                  );
                })}</tbody>
              </table>
            </div>
            <p class="utrecht-paragraph">{a.counterfactual.summary}</p>
            {a.costItem.source && <p class="utrecht-paragraph vlecht-source">Bron: {a.costItem.source}</p>}
          </section>
        ))}
      </>
    ), { breadcrumbs: crumbs(slug, await cooperationName(c, slug)) });
  });

  app.get('/samenwerkingen/:slug/btw-signaal', async (c) => {
    const ctx = signedIn(c);
    const slug = c.req.param('slug');
    const v = await vatSignalOf(ctx, slug, c.req.query());
    if (v.employees) c.header('Cache-Control', 'no-store');
    return renderPage(c, 'Btw-signaal', (
      <>
        <h1 class="utrecht-heading-1">Btw-signaal bij uitlenen zonder verrekening</h1>
        <p class="utrecht-paragraph">{formatDate(v.period.from)} t/m {formatDate(v.period.to)}. Drempel voor onevenwichtige uitlening: {formatNumber(v.thresholdPercent)}% van alle uitgewisselde uren; uitlening van één medewerker langer dan 12 maanden achter elkaar wordt gemeld.</p>
        <div class="utrecht-alert utrecht-alert--info" role="note"><p class="utrecht-paragraph">{v.disclaimer}</p></div>
        <h2 class="utrecht-heading-2">Tussen de gemeenten</h2>
        <div class="utrecht-table-container">
          <table class="utrecht-table">
            <caption>Uitgewisselde uren per paar gemeenten</caption>
            <thead><tr><th scope="col">Paar</th><th scope="col" class="vlecht-num">Heen</th><th scope="col" class="vlecht-num">Terug</th><th scope="col" class="vlecht-num">Netto</th><th scope="col">Signaal</th></tr></thead>
            <tbody>{v.pairs.map((p) => (
              <tr>
                <th scope="row">{p.a.name} – {p.b.name}</th><td class="vlecht-num">{hours(p.aForBMinutes)} uur</td><td class="vlecht-num">{hours(p.bForAMinutes)} uur</td>
                <td class="vlecht-num">{hours(p.netMinutes)} uur{p.netCents !== null ? ` (${formatCents(p.netCents)})` : ''}</td>
                <td>{p.flags.length ? <strong>Beoordelen: </strong> : 'Geen signaal. '}{p.message}</td>
              </tr>
            ))}</tbody>
          </table>
        </div>
        <h2 class="utrecht-heading-2">Per medewerker</h2>
        {v.employees === null
          ? <p class="utrecht-paragraph">{v.employeesFlagged} van de {v.employeesLending} uitgeleende medewerkers geven een signaal. Namen en personeelsnummers zijn alleen zichtbaar voor de controller en de beheerder.</p>
          : (
            <div class="utrecht-table-container">
              <table class="utrecht-table">
                <caption>Medewerkers die u mag zien en die voor een andere gemeente werkten (in totaal {v.employeesFlagged} van {v.employeesLending} met signaal)</caption>
                <thead><tr><th scope="col">Personeelsnummer</th><th scope="col">Werkgever</th><th scope="col" class="vlecht-num">Uitgeleend</th><th scope="col" class="vlecht-num">Langste reeks</th><th scope="col">Signaal</th></tr></thead>
                <tbody>{v.employees.filter((e) => e.flags.length > 0).concat(v.employees.filter((e) => e.flags.length === 0)).map((e) => (
                  <tr>
                    <th scope="row">{e.personnelNumber}</th><td>{e.employer.name}</td><td class="vlecht-num">{hours(e.lentMinutes)} uur ({formatNumber(e.lentPermille / 10)}%)</td>
                    <td class="vlecht-num">{e.longestRun.months} mnd</td><td>{e.flags.length ? <strong>Beoordelen</strong> : '—'}</td>
                  </tr>
                ))}</tbody>
              </table>
            </div>
          )}
      </>
    ), { breadcrumbs: crumbs(slug, await cooperationName(c, slug)) });
  });
  return app;
}
