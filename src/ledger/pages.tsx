/** Ledger pages: the overview with balance and charts, and the hours upload (preview → confirm). */
import { Hono } from 'hono';
import { raw } from 'hono/html';
import type { AppEnv } from '../platform/http/env.ts';
import { signedIn } from '../platform/http/edge.ts';
import { renderPage } from '../platform/http/render.tsx';
import { formatCents, formatDate, formatFte, formatNumber } from '../platform/i18n/format.ts';
import { ErrorSummary, SelectField, SubmitButton, TextField, type Issues } from '../platform/ui/form.tsx';
import { isVlechtError } from '../platform/errors.ts';
import { ledgerOverview, listImports, type LedgerOverview } from './ledger.service.ts';
import { balanceOverTimeChart, hoursByServedChart } from './charts.ts';
import { importPages } from './import.pages.tsx';
import { costPages } from './cost.pages.tsx';

const hours = (minutes: number) => formatNumber(Math.round(minutes / 6) / 10);
const permille = (p: number) => `${formatNumber(p / 10)}%`;

function BalanceSentence({ v }: { v: LedgerOverview }) {
  return (
    <>
      {v.balance.map((p) => (
        <p class="utrecht-paragraph">
          Medewerkers van {p.a.name} werkten <strong>{hours(p.aForB.minutes)} uur</strong> ({formatCents(p.aForB.costCents)}) voor {p.b.name};
          medewerkers van {p.b.name} werkten <strong>{hours(p.bForA.minutes)} uur</strong> ({formatCents(p.bForA.costCents)}) voor {p.a.name}.
          {' '}Saldo: {p.netMinutes === 0 ? 'in evenwicht.' : `${p.netMinutes > 0 ? p.a.name : p.b.name} leverde per saldo ${hours(Math.abs(p.netMinutes))} uur (${formatCents(Math.abs(p.netCostCents))}) meer dan het terugkreeg.`}
        </p>
      ))}
    </>
  );
}

/** The period in words, and why it was chosen when the reader named none. */
export function PeriodStatement({ v }: { v: LedgerOverview }) {
  return (
    <p class="utrecht-paragraph vlecht-period" data-period={`${v.period.from}/${v.period.to}`}>
      Periode: <strong>{v.period.label}</strong>
      {v.period.defaulted && (v.period.complete
        ? ` — het laatste volledige ${v.period.from.slice(5) === '01-01' && v.period.to.slice(5) === '12-31' ? 'jaar' : 'kwartaal'} met uren; kies hieronder een andere periode.`
        : ' — er is nog geen afgesloten jaar of kwartaal met uren, dus deze cijfers zijn voorlopig.')}
      {!v.period.defaulted && !v.period.complete && ' — deze periode is nog niet afgelopen; de cijfers zijn voorlopig.'}
    </p>
  );
}

function FilterForm({ v, slug, issues }: { v: LedgerOverview | null; slug: string; issues: Issues }) {
  return (
    <form method="get" action={`/samenwerkingen/${slug}/uren`} class="vlecht-filter">
      <TextField name="van" label="Van" value={v ? formatDate(v.period.from) : ''} issues={issues} description="dd-mm-jjjj" />
      <TextField name="tot" label="Tot en met" value={v ? formatDate(v.period.to) : ''} issues={issues} description="dd-mm-jjjj" />
      <SelectField name="per" label="Per" value={v?.period.grain ?? 'kwartaal'} issues={issues} options={[{ value: 'maand', label: 'maand' }, { value: 'kwartaal', label: 'kwartaal' }, { value: 'jaar', label: 'jaar' }]} />
      <SubmitButton>Toon</SubmitButton>
    </form>
  );
}

function Overview({ v, slug, mayImport }: { v: LedgerOverview; slug: string; mayImport: boolean }) {
  const query = `van=${v.period.from}&tot=${v.period.to}&per=${v.period.grain}`;
  return (
    <>
      <p class="utrecht-paragraph">
        {formatDate(v.period.from)} tot en met {formatDate(v.period.to)}: {hours(v.total.minutes)} uur geregistreerd, {formatFte(v.total.fteMilli)} fte-equivalent
        (1 fte = 1.872 uur per jaar), kosten {formatCents(v.total.costCents)} tegen het uurtarief dat op de werkdatum gold.
      </p>
      {v.minutesWithoutRate > 0 && (
        <div class="utrecht-alert utrecht-alert--warning" role="status"><p class="utrecht-paragraph">{hours(v.minutesWithoutRate)} uur heeft geen uurtarief op de werkdatum en telt in de kosten als € 0. Vul de tarieven aan in het register.</p></div>
      )}
      <h2 class="utrecht-heading-2">Saldo tussen de gemeenten</h2>
      <BalanceSentence v={v} />
      <p class="utrecht-paragraph vlecht-source">De gemeenten factureren elkaar niet (om btw over uitgeleend personeel te voorkomen); dit saldo maakt zichtbaar of beide evenveel bijdragen.</p>
      <figure class="vlecht-figure">{raw(balanceOverTimeChart(v))}<figcaption class="vlecht-source">Netto uitgeleende uren per {v.period.grain}; de tabel hieronder geeft dezelfde cijfers.</figcaption></figure>
      <div class="utrecht-table-container">
        <table class="utrecht-table">
          <caption>Netto saldo per {v.period.grain} (uren; positief: eerste gemeente leverde meer)</caption>
          <thead><tr><th scope="col">Periode</th>{v.balance.map((p) => <th scope="col" class="vlecht-num">{p.a.name} → {p.b.name}</th>)}</tr></thead>
          <tbody>{v.balanceOverTime.map((row) => (
            <tr><th scope="row">{row.period}</th>{row.pairs.map((p) => <td class="vlecht-num">{hours(p.netMinutes)} ({formatCents(p.netCostCents)})</td>)}</tr>
          ))}</tbody>
        </table>
      </div>

      <h2 class="utrecht-heading-2">Uren per team en gemeente</h2>
      <figure class="vlecht-figure">{raw(hoursByServedChart(v))}<figcaption class="vlecht-source">Uren per team, gestapeld naar de gemeente waarvoor is gewerkt.</figcaption></figure>
      <div class="utrecht-table-container">
        <table class="utrecht-table">
          <caption>Per team: uren en aandeel per gemeente, vervanging en samenwerkingsoverhead</caption>
          <thead><tr>
            <th scope="col">Team</th><th scope="col" class="vlecht-num">Uren</th><th scope="col" class="vlecht-num">Fte-equiv.</th>
            {v.municipalities.map((m) => <th scope="col" class="vlecht-num">Voor {m.name}</th>)}
            <th scope="col" class="vlecht-num">Vervanging</th><th scope="col" class="vlecht-num">Samenwerking zelf</th><th scope="col" class="vlecht-num">Kosten</th>
          </tr></thead>
          <tbody>{v.teams.map((t) => (
            <tr>
              <th scope="row">{t.name}</th><td class="vlecht-num">{hours(t.total.minutes)}</td><td class="vlecht-num">{formatFte(t.total.fteMilli)}</td>
              {t.byServed.map((s) => s.sharePermille === null || s.deviationPermille === null
                ? <td class="vlecht-num">geen uren<br /><span class="vlecht-source">afgesproken {permille(s.agreedPermille)}{s.agreedSource === 'afspraak' ? '' : '*'}</span></td>
                : <td class="vlecht-num">{hours(s.minutes)} ({permille(s.sharePermille)})<br /><span class="vlecht-source">afgesproken {permille(s.agreedPermille)}{s.agreedSource === 'afspraak' ? '' : '*'}; {s.deviationPermille >= 0 ? '+' : '−'}{formatNumber(Math.abs(s.deviationPermille) / 10)} procentpunt</span></td>)}
              <td class="vlecht-num">{hours(t.substitution.minutes)}</td><td class="vlecht-num">{hours(t.cooperationOverhead.minutes)} ({formatCents(t.cooperationOverhead.costCents)})</td>
              <td class="vlecht-num">{formatCents(t.total.costCents)}</td>
            </tr>
          ))}</tbody>
        </table>
      </div>
      <p class="utrecht-paragraph vlecht-source">* Geen afgesproken verdeling vastgelegd voor dit team: gelijke delen per gemeente. Een afspraak leg je vast op de pagina van het team, onder ‘Afgesproken verdeling’.</p>
      <p class="utrecht-paragraph">Kosten van de samenwerking zelf (coördinatie, overleg, reistijd): <strong>{hours(v.cooperationOverhead.minutes)} uur, {formatCents(v.cooperationOverhead.costCents)}</strong>.</p>

      <h2 class="utrecht-heading-2">Wie werkte voor wie</h2>
      <div class="utrecht-table-container">
        <table class="utrecht-table">
          <caption>Uren en kosten naar werkgever (rij) en gemeente waarvoor is gewerkt (kolom)</caption>
          <thead><tr><th scope="col">Werkgever</th>{v.municipalities.map((m) => <th scope="col" class="vlecht-num">Voor {m.name}</th>)}</tr></thead>
          <tbody>{v.municipalities.map((e) => (
            <tr><th scope="row">Medewerkers van {e.name}</th>{v.municipalities.map((s) => {
              const cell = v.matrix.find((x) => x.employer.cbsCode === e.cbsCode && x.served.cbsCode === s.cbsCode)!;
              return <td class="vlecht-num">{hours(cell.minutes)} uur<br />{formatCents(cell.costCents)}</td>;
            })}</tr>
          ))}</tbody>
        </table>
      </div>
      <h2 class="utrecht-heading-2">Downloaden</h2>
      <ul>
        <li><a class="utrecht-link" href={`/api/v1/samenwerkingen/${slug}/uren/cellen.csv?${query}`}>Alle cijfers als CSV</a></li>
        <li><a class="utrecht-link" href={`/api/v1/samenwerkingen/${slug}/uren/cellen.xlsx?${query}`}>Alle cijfers als Excel (XLSX)</a></li>
        <li><a class="utrecht-link" href={`/api/v1/samenwerkingen/${slug}/uren/saldo.csv?${query}`}>Saldo per periode als CSV</a> · <a class="utrecht-link" href={`/api/v1/samenwerkingen/${slug}/uren/saldo.xlsx?${query}`}>XLSX</a></li>
        <li><a class="utrecht-link" href={`/api/v1/samenwerkingen/${slug}/kosten/verdeling.csv`}>Kostenverdeling als CSV</a> · <a class="utrecht-link" href={`/api/v1/samenwerkingen/${slug}/kosten/verdeling.xlsx`}>XLSX</a></li>
      </ul>
      <h2 class="utrecht-heading-2">Verder</h2>
      <ul>
        <li><a class="utrecht-link" href={`/samenwerkingen/${slug}/kosten`}>Gedeelde kosten: verdeling en besparing ten opzichte van alleen</a></li>
        <li><a class="utrecht-link" href={`/samenwerkingen/${slug}/btw-signaal`}>Btw-signaal bij uitlenen zonder verrekening</a></li>
        {mayImport && <li><a class="utrecht-link" href={`/samenwerkingen/${slug}/uren/import`}>Uren importeren</a></li>}
      </ul>
    </>
  );
}

export function ledgerPages() {
  const app = new Hono<AppEnv>();
  app.get('/samenwerkingen/:slug/uren', async (c) => {
    const ctx = signedIn(c);
    const slug = c.req.param('slug');
    const crumbs = [{ href: '/samenwerkingen', label: 'Samenwerkingen' }, { href: `/samenwerkingen/${slug}`, label: 'Samenwerking' }];
    try {
      const v = await ledgerOverview(ctx, slug, c.req.query());
      const imports = await listImports(ctx, slug);
      const mayImport = ctx.actor.grants.some((g) => g.role === 'controller' || g.role === 'beheerder'); // the link only; the importer checks the policy
      return renderPage(c, `Urenregistratie ${v.cooperation.name}`, (
        <>
          <h1 class="utrecht-heading-1">Urenregistratie: {v.cooperation.name}</h1>
          {imports.some((i) => /synthetisch/.test(i.fileName)) && <p class="utrecht-paragraph"><span class="vlecht-synthetic">synthetisch</span> De demo-uren zijn verzonnen om de werking te tonen.</p>}
          <PeriodStatement v={v} />
          <FilterForm v={v} slug={slug} issues={[]} />
          {v.total.minutes === 0 ? <p class="utrecht-paragraph">Er zijn in deze periode geen uren geregistreerd.</p> : <Overview v={v} slug={slug} mayImport={mayImport} />}
        </>
      ), { breadcrumbs: [crumbs[0]!, { href: `/samenwerkingen/${slug}`, label: v.cooperation.name }] });
    } catch (e) {
      if (!isVlechtError(e) || e.code !== 'VALIDATION') throw e;
      return renderPage(c, 'Urenregistratie', (
        <>
          <h1 class="utrecht-heading-1">Urenregistratie</h1>
          <ErrorSummary issues={e.issues} locale={c.get('locale')} />
          <FilterForm v={null} slug={slug} issues={e.issues} />
        </>
      ), { status: 400, breadcrumbs: crumbs });
    }
  });
  app.route('/', importPages());
  app.route('/', costPages());
  return app;
}
