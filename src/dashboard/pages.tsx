/**
 * The cooperation's home page: the dashboard that answers the councils' questions on one
 * screen (balance, goals, vulnerability, disentanglement, commitments, agenda, latest
 * report), each tile linking to its page; the register details follow below the fold.
 * Server-rendered; the sparklines are inline SVG, no JavaScript.
 */
import { Hono } from 'hono';
import { raw } from 'hono/html';
import type { AppEnv } from '../platform/http/env.ts';
import { signedIn } from '../platform/http/edge.ts';
import { renderPage } from '../platform/http/render.tsx';
import { formatCents, formatDate, formatNumber } from '../platform/i18n/format.ts';
import { getCooperation } from '../register/cooperation.service.ts';
import { CooperationPage } from '../register/cooperation.pages.tsx';
import { freshForm } from '../register/common.pages.tsx';
import { cooperationDashboard, type CooperationDashboard } from './dashboard.service.ts';
import { sparkline } from './sparkline.ts';
import { hoursOf, inPeriod, verdictSentence } from './verdict.ts';

type D = CooperationDashboard;
const pct = (permille: number) => `${formatNumber(permille / 10)}%`;
const LIGHT_WORDS: Record<string, string> = { rood: 'rood', oranje: 'oranje', groen: 'groen', grijs: 'zonder oordeel' };

function Tile({ title, href, linkText, id, children, wide }: { title: string; href: string; linkText: string; id: string; children?: unknown; wide?: boolean }) {
  return (
    <section class={`vlecht-tile${wide ? ' vlecht-tile--wide' : ''}`} aria-labelledby={`${id}-kop`} id={id}>
      <h2 class="vlecht-tile__title" id={`${id}-kop`}>{title}</h2>
      {children as never}
      <p class="vlecht-tile__more"><a class="utrecht-link" href={href}>{linkText}</a></p>
    </section>
  );
}

function Balance({ d }: { d: D }) {
  const b = d.balance!;
  const base = `/samenwerkingen/${d.cooperation.slug}`;
  return (
    <Tile id="saldo" wide title={`Saldo tussen de gemeenten, ${b.period.label}`} href={`${base}/uren`} linkText="Naar de urenregistratie">
      {b.total.minutes === 0 ? <p class="utrecht-paragraph">{inPeriod(b.period.label)} zijn geen uren geregistreerd.</p> : (
        <div class="vlecht-tile__columns">
          <div>
            {b.pairs.map((p) => <p class="vlecht-verdict" data-net-minutes={String(p.netMinutes)} data-net-cents={String(p.netCostCents)}>{verdictSentence(b.period.label, p)}</p>)}
            {b.pairs.map((p) => (
              <p class="vlecht-tile__line">
                {p.a.name} werkte {hoursOf(p.aForB.minutes)} uur ({formatCents(p.aForB.costCents)}) voor {p.b.name};
                {' '}{p.b.name} werkte {hoursOf(p.bForA.minutes)} uur ({formatCents(p.bForA.costCents)}) voor {p.a.name}.
              </p>
            ))}
            {b.trend.length > 1 && b.pairs.length === 1 && (
              <p class="vlecht-tile__line">
                {raw(sparkline(b.trend.map((t) => t.netMinutes), { zeroLine: true }))}{' '}
                Netto per kwartaal: {b.trend.map((t) => `${t.period} ${hoursOf(t.netMinutes)}`).join(' · ')} uur
              </p>
            )}
            {!b.period.complete && <p class="vlecht-tile__line"><strong>Let op:</strong> deze periode is nog niet afgelopen; de cijfers zijn voorlopig.</p>}
          </div>
          <table class="vlecht-mini-table">
            <caption>Aandeel per team tegen de afgesproken verdeling</caption>
            <thead><tr><th scope="col">Team</th>{b.teams[0]?.shares.map((s) => <th scope="col" class="vlecht-num">{s.municipality}</th>)}</tr></thead>
            <tbody>{b.teams.map((t) => (
              <tr><th scope="row">{t.name}</th>{t.minutes === 0
                ? <td colspan={t.shares.length}>geen uren</td>
                : t.shares.map((s) => <td class="vlecht-num">{s.sharePermille === null ? "geen uren" : pct(s.sharePermille)} <span class="vlecht-source">(afspraak {pct(s.agreedPermille)}{s.agreed ? '' : '*'})</span></td>)}</tr>
            ))}</tbody>
          </table>
        </div>
      )}
      {b.teams.some((t) => t.shares.some((s) => !s.agreed)) && <p class="vlecht-source vlecht-tile__line">* geen verdeling afgesproken: gelijke delen.</p>}
    </Tile>
  );
}

function Goals({ d }: { d: D }) {
  const g = d.lights!;
  return (
    <Tile id="doelen" title="Doelen" href={`/samenwerkingen/${d.cooperation.slug}/doelen`} linkText="Naar de doelen">
      <p class="vlecht-tile__line">{g.total} {g.total === 1 ? 'doel' : 'doelen'}: {g.counts.map((c) => (
        <span class={`vlecht-light vlecht-light--${c.light}`}>{c.goals} {LIGHT_WORDS[c.light]}</span>
      ))}</p>
      <p class="vlecht-tile__line">{g.smart}</p>
      {g.red.length > 0 && (
        <ul class="vlecht-tile__list">{g.red.slice(0, 2).map((r) => <li><span class="vlecht-tile__reason"><a class="utrecht-link" href={`/doelen/${r.id}`}>{r.title}</a>: {r.reason}</span></li>)}</ul>
      )}
      {g.red.length > 2 && <p class="vlecht-tile__line">en nog {g.red.length - 2} {g.red.length === 3 ? 'rood doel' : 'rode doelen'}.</p>}
    </Tile>
  );
}

function Vulnerability({ d }: { d: D }) {
  const v = d.vulnerability!;
  return (
    <Tile id="eenpitters" title="Eenpitters" href={`/samenwerkingen/${d.cooperation.slug}/kwetsbaarheid`} linkText="Naar kwetsbaarheid">
      <p class="vlecht-tile__figure">{v.now} <span class="vlecht-tile__unit">nu (op {formatDate(v.day)}), waarvan {v.criticalNow} kritiek</span></p>
      {v.baseline && <p class="vlecht-tile__line">Bij de start van de meting ({formatDate(v.baseline.day)}): {v.baseline.singlePerson}. {raw(sparkline(v.trend))}</p>}
      <p class="vlecht-tile__line">Zonder samenwerking, elke gemeente alleen: {v.standalone}.</p>
    </Tile>
  );
}

function Disentangle({ d }: { d: D }) {
  const r = d.disentanglement!;
  return (
    <Tile id="ontvlechten" title="Ontvlechten" href={`/samenwerkingen/${d.cooperation.slug}/kwetsbaarheid`} linkText="Naar risico’s en kosten per team">
      <p class="vlecht-tile__line">Alle {r.teams} teams ontvlechten kost naar schatting <strong>{formatCents(r.oneOffCents)}</strong> eenmalig en <strong>{formatCents(r.recurringCents)}</strong> per jaar; {r.functionsUncovered} functies raken onbezet.</p>
      {r.costliest && r.costliest.oneOffCents > 0 && <p class="vlecht-tile__line">Duurste team: {r.costliest.team.name} ({formatCents(r.costliest.oneOffCents)} eenmalig).</p>}
    </Tile>
  );
}

function Commitments({ d }: { d: D }) {
  const o = d.overdue!;
  return (
    <Tile id="toezeggingen" title="Toezeggingen over tijd" href={`/samenwerkingen/${d.cooperation.slug}/toezeggingen`} linkText="Naar de toezeggingen">
      <p class="vlecht-tile__line"><strong>{o.late.length}</strong> van {o.open} open toezeggingen {o.late.length === 1 ? 'is' : 'zijn'} over de datum.</p>
      {o.late.length > 0 && <ul class="vlecht-tile__list">{o.late.slice(0, 2).map((x) => <li>{x.title} (uiterlijk {formatDate(x.dueOn)})</li>)}</ul>}
    </Tile>
  );
}

function Agenda({ d }: { d: D }) {
  const councils = d.councils!;
  return (
    <Tile id="agenda" title="Volgende raadsvergaderingen" href={`/samenwerkingen/${d.cooperation.slug}/agenda`} linkText="Naar de gezamenlijke agenda">
      {councils.length === 0 ? <p class="vlecht-tile__line">Nog geen vergaderkalenders van de raden.</p> : (
        <ul class="vlecht-tile__list">{councils.map((c) => <li>{c.name}: {c.next ? `${formatDate(c.next.meetingOn)}${c.next.title ? `, ${c.next.title}` : ''}` : 'geen vergadering gepland'}</li>)}</ul>
      )}
    </Tile>
  );
}

function Report({ d }: { d: D }) {
  const r = d.latestReport;
  return (
    <Tile id="rapport" title="Laatst gepubliceerde rapportage" href={r ? `/rapporten/${r.id}` : `/samenwerkingen/${d.cooperation.slug}/rapporten`} linkText={r ? 'Lees de rapportage' : 'Naar de rapportages'}>
      <p class="vlecht-tile__line">{r ? `${r.title} (${r.kindWords.toLowerCase()}, ${r.period}), gepubliceerd op ${formatDate(r.publishedAt.slice(0, 10))}, versie ${r.version}.` : 'Er is nog geen rapportage gepubliceerd.'}</p>
    </Tile>
  );
}

function Dashboard({ d }: { d: D }) {
  return (
    <div class="vlecht-dashboard">
      {d.balance && <Balance d={d} />}
      {d.lights && <Goals d={d} />}
      {d.vulnerability && <Vulnerability d={d} />}
      {d.disentanglement && <Disentangle d={d} />}
      {d.overdue && <Commitments d={d} />}
      {d.councils && <Agenda d={d} />}
      {d.reportsReadable && <Report d={d} />}
    </div>
  );
}

export function dashboardPages() {
  const app = new Hono<AppEnv>();
  app.get('/samenwerkingen/:slug', async (c) => {
    const ctx = signedIn(c);
    const slug = c.req.param('slug');
    const d = await cooperationDashboard(ctx, slug); // checks access before anything is read
    const v = await getCooperation(ctx, slug);
    return renderPage(c, v.cooperation.name, <CooperationPage c={c} v={v} member={freshForm()} top={<Dashboard d={d} />} />, { breadcrumbs: [{ href: '/samenwerkingen', label: 'Samenwerkingen' }] });
  });
  return app;
}
