/** The application portfolio page: harmonisation now and over time (chart and table), shared contracts, all applications in use. */
import { Hono } from 'hono';
import { raw } from 'hono/html';
import type { AppEnv } from '../platform/http/env.ts';
import { signedIn } from '../platform/http/edge.ts';
import { renderPage } from '../platform/http/render.tsx';
import { formatCents, formatDate, formatNumber } from '../platform/i18n/format.ts';
import { Facts, Synthetic } from '../register/common.pages.tsx';
import { portfolio, type Portfolio } from './portfolio.service.ts';
import { harmonisationChart } from './charts.ts';
import { describePricing } from './pricing.ts';
import { CoverageNav, coopCrumbs } from './risk.pages.tsx';

function PortfolioPage({ v }: { v: Portfolio }) {
  const h = v.harmonisation;
  const synthetic = v.applications.some((a) => a.synthetic);
  return (
    <>
      <h1 class="utrecht-heading-1">Applicatieportfolio: {v.cooperation.name}</h1>
      <CoverageNav slug={v.cooperation.slug} />
      {synthetic && <p class="utrecht-paragraph"><span class="vlecht-synthetic">synthetisch</span> De demo-applicaties, leveranciers en prijzen zijn verzonnen; alleen de verhouding bij de start (80% van ~170 applicaties verschilde, rekenkamercommissie Heemstede, 2017 §6.2) volgt de bron.</p>}
      <Facts items={[
        ['Peildatum', formatDate(v.day)],
        ['Applicaties in gebruik', formatNumber(h.inUse)],
        ['Door alle gemeenten gebruikt (geharmoniseerd)', `${formatNumber(h.harmonised)} (${h.pct === null ? '–' : `${formatNumber(h.pct)}%`})`],
        ...v.members.map((m) => [`Alleen door ${m.name}`, formatNumber(h.onlyBy[m.cbsCode] ?? 0)] as [string, string]),
        ['Uitgefaseerd', formatNumber(v.retired)],
        ['Licentie- en contractkosten per jaar (samen)', formatCents(v.totals.yearlyCents)],
      ]} />
      <h2 class="utrecht-heading-2">Harmonisatie over de tijd</h2>
      <figure class="vlecht-figure">{raw(harmonisationChart(v))}<figcaption class="vlecht-source">Aandeel geharmoniseerde applicaties per 1 januari; de tabel geeft dezelfde cijfers.</figcaption></figure>
      <details class="vlecht-details"><summary>Harmonisatie als tabel</summary>
        <div class="utrecht-table-container"><table class="utrecht-table utrecht-table--html-table">
          <caption class="utrecht-table__caption">Applicaties in gebruik en geharmoniseerd per datum</caption>
          <thead><tr><th scope="col">Datum</th><th scope="col" class="vlecht-num">In gebruik</th><th scope="col" class="vlecht-num">Geharmoniseerd</th><th scope="col" class="vlecht-num">%</th></tr></thead>
          <tbody>{v.trend.map((p) => <tr><th scope="row">{formatDate(p.day)}</th><td class="vlecht-num">{p.inUse}</td><td class="vlecht-num">{p.harmonised}</td><td class="vlecht-num">{p.pct === null ? '–' : formatNumber(p.pct)}</td></tr>)}</tbody>
        </table></div>
      </details>
      <h2 class="utrecht-heading-2">Gedeelde contracten</h2>
      <div class="utrecht-table-container"><table class="utrecht-table utrecht-table--html-table">
        <caption class="utrecht-table__caption">Schoonmaak, catering, advies en andere gedeelde contracten</caption>
        <thead><tr><th scope="col">Contract</th><th scope="col">Soort</th><th scope="col">Team</th><th scope="col">Prijs</th><th scope="col" class="vlecht-num">Per jaar</th><th scope="col">Einde</th></tr></thead>
        <tbody>{v.contracts.map((k) => <tr><th scope="row">{k.name}</th><td>{k.kind}</td><td>{k.team ?? '–'}</td><td>{describePricing(k.pricing, formatCents)}</td><td class="vlecht-num">{formatCents(k.yearlyCents)}</td><td>{formatDate(k.contractEnd)}</td></tr>)}</tbody>
      </table></div>
      <h2 class="utrecht-heading-2">Applicaties in gebruik</h2>
      <div class="utrecht-table-container"><table class="utrecht-table utrecht-table--html-table">
        <caption class="utrecht-table__caption">{v.applications.length} applicaties op {formatDate(v.day)}</caption>
        <thead><tr><th scope="col">Applicatie</th><th scope="col">Categorie</th><th scope="col">Gebruikt door</th><th scope="col">Prijs</th><th scope="col" class="vlecht-num">Per jaar</th><th scope="col">Einde contract</th></tr></thead>
        <tbody>{v.applications.map((a) => <tr><th scope="row">{a.name} <Synthetic synthetic={a.synthetic} /></th><td>{a.category}</td><td>{a.harmonised ? 'alle gemeenten' : a.usedBy.map((code) => v.members.find((m) => m.cbsCode === code)?.name ?? code).join(', ')}</td><td>{describePricing(a.pricing, formatCents)}</td><td class="vlecht-num">{formatCents(a.yearlyCents)}</td><td>{formatDate(a.contractEnd)}</td></tr>)}</tbody>
      </table></div>
      <h2 class="utrecht-heading-2">Downloaden</h2>
      <ul class="utrecht-unordered-list">
        <li><a class="utrecht-link" href={`/api/v1/samenwerkingen/${v.cooperation.slug}/applicaties.csv`}>Applicaties als CSV</a></li>
        <li><a class="utrecht-link" href={`/api/v1/samenwerkingen/${v.cooperation.slug}/applicaties.xlsx`}>Applicaties als Excel (XLSX)</a></li>
      </ul>
    </>
  );
}

export function portfolioPages() {
  const app = new Hono<AppEnv>();
  app.get('/samenwerkingen/:slug/applicaties', async (c) => {
    const v = await portfolio(signedIn(c), c.req.param('slug'));
    return renderPage(c, `Applicatieportfolio — ${v.cooperation.name}`, <PortfolioPage v={v} />, { breadcrumbs: coopCrumbs(v.cooperation) });
  });
  return app;
}
