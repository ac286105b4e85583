/**
 * Scenario pages: the list with the form to create one (every assumption a named field
 * with its default), one scenario (result per municipality, each figure next to its data
 * and assumption, its versions, the edit form that saves a new version) and two scenarios
 * or versions side by side. POST-redirect-GET; an error comes back at the form.
 */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../platform/http/env.ts';
import { signedIn } from '../platform/http/edge.ts';
import { renderPage } from '../platform/http/render.tsx';
import { formatCents, formatDate, formatDateTime, formatFte } from '../platform/i18n/format.ts';
import { Csrf, ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from '../platform/ui/form.tsx';
import { Facts, Hidden, Notice, dateOf, formFailure, freshForm, integerOf, readForm, scaledOf, versionOf, type FormState } from '../register/common.pages.tsx';
import { compareScenarios, createScenario, getScenario, listScenarios, updateScenario, type ScenarioDetail } from './scenario.service.ts';
import { SCENARIO_PARAMETERS, DEFAULT_PARAMETERS, type ScenarioParameters } from './parameters.ts';
import { PRICING_WORDS } from './pricing.ts';
import { Assumptions, CoverageNav, coopCrumbs } from './risk.pages.tsx';
import { parseInput } from '../platform/validation.ts';
import { compareQuery } from './schema.ts';

type C = Context<AppEnv>;

const euroText = (cents: number) => (cents / 100).toLocaleString('nl-NL', { minimumFractionDigits: 0, maximumFractionDigits: 2, useGrouping: false });
const parameterValues = (p: ScenarioParameters): Record<string, string> =>
  Object.fromEntries(SCENARIO_PARAMETERS.map((x) => [x.key, x.unit === 'euro' ? euroText(p[x.key]) : String(p[x.key])]));
const parametersFromForm = (raw: Record<string, string>) =>
  Object.fromEntries(SCENARIO_PARAMETERS.map((x) => [x.key, x.unit === 'euro' ? scaledOf(raw[x.key], 100) : integerOf(raw[x.key])]).filter(([, v]) => v !== undefined));

function ParameterFields({ form }: { form: FormState }) {
  return (
    <fieldset class="utrecht-form-fieldset">
      <legend class="utrecht-form-fieldset__legend">Aannames</legend>
      {SCENARIO_PARAMETERS.map((p) => (
        <TextField name={p.key} label={`${p.label} (${p.unit === 'euro' ? 'euro' : '%'})`} value={form.values[p.key]} issues={form.issues} inputmode="decimal"
          description={`${p.explanation}. Standaard: ${p.unit === 'euro' ? formatCents(p.defaultValue) : `${p.defaultValue}%`}.`} />
      ))}
    </fieldset>
  );
}

const leavingOptions = (members: { cbsCode: string; name: string }[]) => [
  { value: 'alle', label: 'Volledige ontvlechting: elke gemeente alleen' },
  ...members.map((m) => ({ value: m.cbsCode, label: `${m.name} treedt uit` })),
];

function ScenarioForm({ c, form, action, submit, teams, members, create }: { c: C; form: FormState; action: string; submit: string; teams?: { id: string; name: string }[]; members: { cbsCode: string; name: string }[]; create?: boolean }) {
  return (
    <form method="post" action={action} class="vlecht-form" novalidate>
      <Csrf token={c.get('csrfToken') ?? null} />
      {!create && <Hidden name="version" value={form.values.version} />}
      <TextField name="name" label="Naam van het scenario" value={form.values.name} issues={form.issues} />
      {create && teams && <SelectField name="teamId" label="Team" value={form.values.teamId} issues={form.issues} options={[{ value: '', label: 'Kies een team' }, ...teams.map((t) => ({ value: t.id, label: t.name }))]} />}
      <SelectField name="leaving" label="Wie treedt uit" value={form.values.leaving ?? 'alle'} issues={form.issues} options={leavingOptions(members)} />
      <TextField name="referenceDate" label="Peildatum" value={form.values.referenceDate} issues={form.issues} description="dd-mm-jjjj: functies, kwalificaties en fte op deze datum" />
      <TextField name="hoursFrom" label="Uren vanaf" value={form.values.hoursFrom} issues={form.issues} description="dd-mm-jjjj: begin van de periode waaruit het gebruik per gemeente volgt" />
      <TextField name="hoursTo" label="Uren tot en met" value={form.values.hoursTo} issues={form.issues} description="dd-mm-jjjj" />
      <ParameterFields form={form} />
      <TextArea name="note" label="Toelichting" value={form.values.note} issues={form.issues} />
      <SubmitButton>{submit}</SubmitButton>
    </form>
  );
}

const scenarioFromForm = (raw: Record<string, string>, create: boolean) => ({
  name: raw.name ?? '', ...(create ? { teamId: raw.teamId ?? '' } : {}), leaving: raw.leaving ?? 'alle',
  referenceDate: dateOf(raw.referenceDate), hoursFrom: dateOf(raw.hoursFrom), hoursTo: dateOf(raw.hoursTo),
  parameters: parametersFromForm(raw), note: raw.note ?? '',
});

export function ResultTables({ d }: { d: ScenarioDetail }) {
  const r = d.result;
  const groups = r.groups;
  const row = (label: string, f: (g: (typeof groups)[number]) => string) => <tr><th scope="row">{label}</th>{groups.map((g) => <td class="vlecht-num">{f(g)}</td>)}</tr>;
  return (
    <>
      {r.warnings.map((w) => <div class="utrecht-alert utrecht-alert--warning" role="status"><p class="utrecht-paragraph">{w}</p></div>)}
      <div class="utrecht-table-container"><table class="utrecht-table utrecht-table--html-table">
        <caption class="utrecht-table__caption">Uitkomst per gemeente na de splitsing ({r.leavingWords})</caption>
        <thead><tr><th scope="col">Post</th>{groups.map((g) => <th scope="col" class="vlecht-num">{g.label}</th>)}</tr></thead>
        <tbody>
          {row('Fte in dienst in het team', (g) => formatFte(g.employedFteMilli))}
          {row('Fte gebruikt (aandeel in de uren)', (g) => formatFte(g.usedFteMilli))}
          {row('Fte-verschil (+ tekort, − overschot)', (g) => formatFte(g.gapFteMilli))}
          {row('Eenpitters na de splitsing', (g) => String(g.coverage.singlePerson))}
          {row('Waarvan terugkerend (samen meer dan één)', (g) => g.reappearingSinglePerson.length ? `${g.reappearingSinglePerson.length}: ${g.reappearingSinglePerson.join(', ')}` : '0')}
          {row('Kritieke functies zonder bezetting', (g) => g.criticalUncovered.length ? `${g.criticalUncovered.length}: ${g.criticalUncovered.join(', ')}` : '0')}
          {row('Gekwalificeerden op te leiden', (g) => String(g.qualificationsToRestore))}
          {row('Extra leidinggevende nodig', (g) => (g.needsManager ? 'ja' : 'nee'))}
          {row('Eenmalig: werving fte-tekort', (g) => formatCents(g.oneOff.recruitmentCents))}
          {row('Eenmalig: werving leidinggevende', (g) => formatCents(g.oneOff.managerRecruitmentCents))}
          {row('Eenmalig: opleiden achtervang', (g) => formatCents(g.oneOff.qualificationCents))}
          {row('Eenmalig: migratie applicaties', (g) => formatCents(g.oneOff.migrationCents))}
          {row('Eenmalig: splitsen contracten', (g) => formatCents(g.oneOff.contractSplitCents))}
          {row('Eenmalig: juridisch advies', (g) => formatCents(g.oneOff.legalCents))}
          {row('Eenmalig totaal', (g) => formatCents(g.oneOff.totalCents))}
          {row('Structureel: personeel', (g) => formatCents(g.recurring.staffCents))}
          {row('Structureel: leidinggevende', (g) => formatCents(g.recurring.managerCents))}
          {row('Structureel: licenties en contracten', (g) => formatCents(g.recurring.agreementsCents))}
          {row('Structureel totaal per jaar', (g) => formatCents(g.recurring.totalCents))}
        </tbody>
      </table></div>
      <p class="utrecht-paragraph">Totaal: eenmalig {formatCents(r.totals.oneOffCents)}, structureel {formatCents(r.totals.recurringCents)} per jaar; fte-tekort {formatFte(r.totals.fteShortageMilli)}; verloren volumekorting {formatCents(r.totals.volumeDiscountLostCents)} per jaar.</p>
      <Assumptions items={r.assumptions} caption="Aannames van deze versie" />
      <div class="utrecht-table-container"><table class="utrecht-table utrecht-table--html-table">
        <caption class="utrecht-table__caption">Gegevens waarop de uitkomst rust</caption>
        <tbody>{r.data.map((x) => <tr><th scope="row">{x.label}</th><td>{x.value}</td></tr>)}</tbody>
      </table></div>
      <details class="vlecht-details"><summary>Te splitsen licenties en contracten</summary>
        <div class="utrecht-table-container"><table class="utrecht-table utrecht-table--html-table">
          <caption class="utrecht-table__caption">Prijs per jaar vóór (aandeel) en na de splitsing</caption>
          <thead><tr><th scope="col">Licentie of contract</th><th scope="col">Gemeente(n)</th><th scope="col">Prijsmodel</th><th scope="col" class="vlecht-num">Vóór</th><th scope="col" class="vlecht-num">Na</th><th scope="col" class="vlecht-num">Volumekorting kwijt</th></tr></thead>
          <tbody>{groups.flatMap((g) => g.agreements.filter((a) => a.splitNeeded).map((a) => <tr><th scope="row">{a.name}</th><td>{g.label}</td><td>{PRICING_WORDS[a.model]}</td><td class="vlecht-num">{formatCents(a.beforeCents)}</td><td class="vlecht-num">{formatCents(a.afterCents)}</td><td class="vlecht-num">{formatCents(a.volumeDiscountLostCents)}</td></tr>))}</tbody>
        </table></div>
      </details>
    </>
  );
}

function ScenarioPage({ c, d, members, form }: { c: C; d: ScenarioDetail; members: { cbsCode: string; name: string }[]; form: FormState }) {
  const v = d.version;
  const failed = form.issues.length > 0 || !!form.message;
  return (
    <>
      <h1 class="utrecht-heading-1">{v.name}</h1>
      <CoverageNav slug={d.cooperation.slug} />
      <Notice text={{ opgeslagen: 'Het scenario is opgeslagen.', versie: 'De wijziging is opgeslagen als nieuwe versie; de vorige versies blijven bewaard.' }[c.req.query('gelukt') ?? '']} />
      {failed && <ErrorSummary issues={form.issues} locale={c.get('locale')} message={form.message} />}
      <Facts items={[
        ['Team', d.scenario.team.name], ['Scenario', d.result.leavingWords], ['Versie', `${v.versionNo} van ${d.versions.length}${v.versionNo === d.scenario.version ? ' (nieuwste)' : ''}`],
        ['Opgeslagen', `${formatDateTime(v.savedAt)} door ${v.savedBy}`], ['Peildatum', formatDate(v.referenceDate)], ['Uren', `${formatDate(v.hoursFrom)} t/m ${formatDate(v.hoursTo)}`],
        ...(v.note ? [['Toelichting', v.note] as [string, string]] : []),
      ]} />
      <p class="utrecht-paragraph">De uitkomst is berekend op de huidige gegevens met de aannames van deze versie.</p>
      <ResultTables d={d} />
      <h2 class="utrecht-heading-2">Versies</h2>
      <ul class="utrecht-unordered-list">{d.versions.map((x) => <li><a class="utrecht-link" href={`/scenarios/${d.scenario.id}?versie=${x.versionNo}`}>Versie {x.versionNo}: {x.name}</a> ({formatDateTime(x.savedAt)}, {x.savedBy}){x.versionNo !== v.versionNo && <> · <a class="utrecht-link" href={`/scenarios/vergelijking?a=${d.scenario.id}&versieA=${x.versionNo}&b=${d.scenario.id}&versieB=${v.versionNo}`}>vergelijk met versie {v.versionNo}</a></>}</li>)}</ul>
      <h2 class="utrecht-heading-2">Downloaden</h2>
      <ul class="utrecht-unordered-list">
        <li><a class="utrecht-link" href={`/api/v1/scenarios/${d.scenario.id}/export.csv?versie=${v.versionNo}`}>Versie {v.versionNo} als CSV</a></li>
        <li><a class="utrecht-link" href={`/api/v1/scenarios/${d.scenario.id}/export.xlsx?versie=${v.versionNo}`}>Versie {v.versionNo} als Excel (XLSX)</a></li>
      </ul>
      {d.may.manage && (
        <details class="vlecht-details" open={failed}>
          <summary>Aannames wijzigen (nieuwe versie)</summary>
          <ScenarioForm c={c} form={form} action={`/scenarios/${d.scenario.id}`} submit="Opslaan als nieuwe versie" members={members} />
        </details>
      )}
    </>
  );
}

function CompareCell({ d }: { d: ScenarioDetail }) {
  return <><a class="utrecht-link" href={`/scenarios/${d.scenario.id}?versie=${d.version.versionNo}`}>{d.version.name}</a> (versie {d.version.versionNo})</>;
}

export function scenarioPages() {
  const app = new Hono<AppEnv>();
  const listPage = async (c: C, form: FormState, status?: 400 | 409 | 412 | 428) => {
    const v = await listScenarios(signedIn(c), c.req.param('slug')!);
    const values = form.values.name === undefined ? { leaving: 'alle', referenceDate: formatDate(v.today), hoursFrom: `01-01-${Number(v.today.slice(0, 4)) - 1}`, hoursTo: `31-12-${Number(v.today.slice(0, 4)) - 1}`, ...parameterValues(DEFAULT_PARAMETERS), ...form.values } : form.values;
    return renderPage(c, `Ontvlechtingsscenario’s — ${v.cooperation.name}`, (
      <>
        <h1 class="utrecht-heading-1">Ontvlechtingsscenario’s</h1>
        <CoverageNav slug={v.cooperation.slug} />
        {(form.issues.length > 0 || form.message) && <ErrorSummary issues={form.issues} locale={c.get('locale')} message={form.message} />}
        {v.scenarios.length === 0 ? <p class="utrecht-paragraph">Er is nog geen scenario opgeslagen.</p> : (
          <div class="utrecht-table-container"><table class="utrecht-table utrecht-table--html-table">
            <caption class="utrecht-table__caption">Opgeslagen scenario’s</caption>
            <thead><tr><th scope="col">Scenario</th><th scope="col">Team</th><th scope="col" class="vlecht-num">Versies</th><th scope="col">Laatst gewijzigd</th></tr></thead>
            <tbody>{v.scenarios.map((s) => <tr><th scope="row"><a class="utrecht-link" href={`/scenarios/${s.id}`}>{s.name}</a></th><td>{s.team}</td><td class="vlecht-num">{s.version}</td><td>{formatDateTime(s.updatedAt)}</td></tr>)}</tbody>
          </table></div>
        )}
        {v.scenarios.length >= 2 && (
          <form method="get" action="/scenarios/vergelijking" class="vlecht-form">
            <h2 class="utrecht-heading-2">Twee scenario’s vergelijken</h2>
            <SelectField name="a" label="Eerste scenario" value={v.scenarios[0].id} issues={[]} options={v.scenarios.map((s) => ({ value: s.id, label: `${s.name} (${s.team})` }))} />
            <SelectField name="b" label="Tweede scenario" value={v.scenarios[1].id} issues={[]} options={v.scenarios.map((s) => ({ value: s.id, label: `${s.name} (${s.team})` }))} />
            <button type="submit" class="utrecht-button utrecht-button--secondary-action">Vergelijken</button>
          </form>
        )}
        {v.may.manage && (
          <details class="vlecht-details" open={form.issues.length > 0 || !!form.message}>
            <summary>Nieuw scenario</summary>
            <ScenarioForm c={c} form={{ ...form, values }} action={`/samenwerkingen/${v.cooperation.slug}/scenarios`} submit="Scenario opslaan" teams={v.teams} members={v.members} create />
          </details>
        )}
      </>
    ), { status, breadcrumbs: coopCrumbs(v.cooperation) });
  };
  app.get('/samenwerkingen/:slug/scenarios', (c) => listPage(c, freshForm()));
  app.post('/samenwerkingen/:slug/scenarios', async (c) => {
    const raw = await readForm(c);
    try {
      const row = await createScenario(signedIn(c), c.req.param('slug'), scenarioFromForm(raw, true));
      return c.redirect(`/scenarios/${row.id}?gelukt=opgeslagen`, 303);
    } catch (e) {
      const f = formFailure(e, raw, c.get('locale'));
      return listPage(c, f, f.status);
    }
  });

  app.get('/scenarios/vergelijking', async (c) => {
    const query = parseInput(compareQuery, c.req.query());
    const { left, right } = await compareScenarios(signedIn(c), { id: query.a, versionNo: query.versieA }, { id: query.b, versionNo: query.versieB });
    const l = left.result;
    const r = right.result;
    const line = (label: string, a: string, b: string) => <tr><th scope="row">{label}</th><td class="vlecht-num">{a}</td><td class="vlecht-num">{b}</td></tr>;
    return renderPage(c, 'Scenario’s vergelijken', (
      <>
        <h1 class="utrecht-heading-1">Scenario’s vergelijken</h1>
        <CoverageNav slug={left.cooperation.slug} />
        <div class="utrecht-table-container"><table class="utrecht-table utrecht-table--html-table">
          <caption class="utrecht-table__caption">Naast elkaar</caption>
          <thead><tr><th scope="col">Post</th><th scope="col"><CompareCell d={left} /></th><th scope="col"><CompareCell d={right} /></th></tr></thead>
          <tbody>
            {line('Team', left.scenario.team.name, right.scenario.team.name)}
            {line('Scenario', l.leavingWords, r.leavingWords)}
            {line('Eenmalige kosten', formatCents(l.totals.oneOffCents), formatCents(r.totals.oneOffCents))}
            {line('Structureel per jaar', formatCents(l.totals.recurringCents), formatCents(r.totals.recurringCents))}
            {line('Fte-tekort', formatFte(l.totals.fteShortageMilli), formatFte(r.totals.fteShortageMilli))}
            {line('Terugkerende eenpitters', String(l.totals.reappearingSinglePerson), String(r.totals.reappearingSinglePerson))}
            {line('Functies onbezet', String(l.totals.functionsUncovered), String(r.totals.functionsUncovered))}
            {line('Verloren volumekorting per jaar', formatCents(l.totals.volumeDiscountLostCents), formatCents(r.totals.volumeDiscountLostCents))}
            {l.assumptions.map((a, i) => line(`Aanname: ${a.label}${a.value !== r.assumptions[i].value ? ' (verschilt)' : ''}`, a.shown, r.assumptions[i].shown))}
          </tbody>
        </table></div>
      </>
    ), { breadcrumbs: coopCrumbs(left.cooperation) });
  });

  const scenarioPage = async (c: C, form: FormState | null, status?: 400 | 409 | 412 | 428) => {
    const ctx = signedIn(c);
    const versie = versionOf(c.req.query('versie'));
    const d = await getScenario(ctx, c.req.param('id')!, versie);
    const members = (await listScenarios(ctx, d.cooperation.slug)).members;
    const v = d.version;
    const current = form ?? freshForm({ name: v.name, leaving: v.leaving, referenceDate: formatDate(v.referenceDate), hoursFrom: formatDate(v.hoursFrom), hoursTo: formatDate(v.hoursTo), note: v.note, version: String(d.scenario.version), ...parameterValues(d.result.parameters) });
    return renderPage(c, v.name, <ScenarioPage c={c} d={d} members={members} form={current} />, { status, breadcrumbs: [...coopCrumbs(d.cooperation), { href: `/samenwerkingen/${d.cooperation.slug}/scenarios`, label: 'Scenario’s' }] });
  };
  app.get('/scenarios/:id', (c) => scenarioPage(c, null));
  app.post('/scenarios/:id', async (c) => {
    const raw = await readForm(c);
    try {
      await updateScenario(signedIn(c), c.req.param('id'), versionOf(raw.version), scenarioFromForm(raw, false));
      return c.redirect(`/scenarios/${c.req.param('id')}?gelukt=versie`, 303);
    } catch (e) {
      const f = formFailure(e, raw, c.get('locale'));
      return scenarioPage(c, f, f.status);
    }
  });
  return app;
}

