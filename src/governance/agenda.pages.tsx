/**
 * The joint agenda: the meeting calendars of councils and committees, entering a meeting
 * by hand, importing a calendar (.ics or .csv, every bad row shown, nothing saved on an
 * error), and the planner: from the day a joint proposal is ready, the earliest committee
 * and council meeting per municipality and the date by which every council can decide.
 */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../platform/http/env.ts';
import { signedIn } from '../platform/http/edge.ts';
import { renderPage } from '../platform/http/render.tsx';
import { Csrf, ErrorSummary, SelectField, SubmitButton, TextField } from '../platform/ui/form.tsx';
import { Notice, dateOf, formFailure, freshForm, readForm, type FormState } from '../register/common.pages.tsx';
import { formatDate } from '../platform/i18n/format.ts';
import { isVlechtError } from '../platform/errors.ts';
import { addMeeting, agendaOf, importCalendar, planJoint } from './agenda.service.ts';
import { Day, GovNav, RowProblems, govCrumbs, type RowProblem } from './components.tsx';
import { CALENDAR_CSV_COLUMNS } from './calendar-file.ts';

type C = Context<AppEnv>;
type View = Awaited<ReturnType<typeof agendaOf>>;
type Plan = Awaited<ReturnType<typeof planJoint>>;
interface State { meeting?: FormState; importRows?: RowProblem[]; importMessage?: string; plan?: Plan; planForm?: FormState }

function AgendaPage({ c, v, s }: { c: C; v: View; s: State }) {
  const slug = v.cooperation.slug;
  const upcoming = (m: { meetingOn: string }) => m.meetingOn >= v.today;
  const bodyOptions = v.calendars.map((k) => ({ value: k.key, label: k.name }));
  const imported = c.req.query('toegevoegd');
  return (
    <>
      <h1 class="utrecht-heading-1">Gezamenlijke agenda</h1>
      <GovNav slug={slug} current="agenda" />
      <Notice text={imported !== undefined ? `De kalender is ingelezen: ${imported} nieuwe vergadering(en), ${c.req.query('ongewijzigd') ?? 0} al bekend.` : c.req.query('gelukt') === 'vergadering' ? 'De vergadering is toegevoegd.' : undefined} />
      <p class="utrecht-paragraph">Beide raden moeten over gezamenlijke onderwerpen besluiten, maar hun agenda’s lopen niet synchroon (raadsvoorstel kader samenwerking Heemstede, 2019). Met de vergaderkalenders en aanlevertermijnen berekent Vlecht de vroegste data.</p>

      <h2 class="utrecht-heading-2" id="planner">Vroegste besluitdata voor een gezamenlijk voorstel</h2>
      {s.planForm && <ErrorSummary issues={s.planForm.issues} locale={c.get('locale')} message={s.planForm.message} />}
      <form method="get" action={`/samenwerkingen/${slug}/agenda#planner`} class="vlecht-form vlecht-filter" novalidate>
        <TextField name="gereed" label="Voorstel gereed op" value={s.planForm?.values.gereed ?? c.req.query('gereed')} issues={s.planForm?.issues ?? []} description="dd-mm-jjjj" autocomplete="off" />
        <div><SubmitButton>Bereken</SubmitButton></div>
      </form>
      {s.plan && (
        <>
          <p class="utrecht-paragraph">{s.plan.allDecidedOn
            ? <>Alle raden kunnen uiterlijk op <strong>{formatDate(s.plan.allDecidedOn)}</strong> hebben besloten.</>
            : <strong>Niet alle raden hebben een geschikte vergadering in de kalender; zie de tabel.</strong>}</p>
          <div class="utrecht-table-container">
            <table class="utrecht-table utrecht-table--html-table">
              <caption class="utrecht-table__caption">Per raad: aanleveren, commissie en raad (voorstel gereed {formatDate(s.plan.readyOn)})</caption>
              <thead><tr><th scope="col">Raad</th><th scope="col">Aanleveren commissie uiterlijk</th><th scope="col">Commissie</th><th scope="col">Aanleveren raad uiterlijk</th><th scope="col">Raad besluit</th><th scope="col">Opmerking</th></tr></thead>
              <tbody>
                {s.plan.councils.map((p) => (
                  <tr>
                    <th scope="row">{p.councilName}</th><td><Day iso={p.submitCommitteeBy} /></td>
                    <td>{p.committeeName ? <><Day iso={p.committeeOn} /> {p.committeeName}</> : 'geen commissie'}</td>
                    <td><Day iso={p.submitCouncilBy} /></td><td><Day iso={p.councilOn} /></td><td>{p.problem ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <h2 class="utrecht-heading-2">Vergaderkalenders</h2>
      {v.calendars.length === 0 && <p class="utrecht-paragraph">Nog geen raden of commissies; richt eerst de <a class="utrecht-link" href={`/samenwerkingen/${slug}/besluitvormingsmatrix`}>organen</a> in.</p>}
      {v.calendars.map((k) => (
        <section aria-labelledby={`kalender-${k.key}`}>
          <h3 class="utrecht-heading-3" id={`kalender-${k.key}`}>{k.name}</h3>
          <p class="utrecht-paragraph">Aanlevertermijn: {k.leadDays} dagen vóór de vergadering{k.committeeFor ? `; adviseert ${v.calendars.find((x) => x.key === k.committeeFor)?.name ?? k.committeeFor}` : ''}. Korte naam: {k.key}.</p>
          {k.meetings.filter(upcoming).length === 0 ? <p class="utrecht-paragraph">Geen komende vergaderingen in de kalender.</p> : (
            <ul class="utrecht-unordered-list">{k.meetings.filter(upcoming).map((m) => <li><Day iso={m.meetingOn} />{m.title ? ` ${m.title}` : ''}</li>)}</ul>
          )}
        </section>
      ))}
      {v.may.manage && v.calendars.length > 0 && (
        <>
          <details class="vlecht-details" open={!!s.meeting}>
            <summary>Vergadering met de hand toevoegen</summary>
            <ErrorSummary issues={s.meeting?.issues ?? []} locale={c.get('locale')} message={s.meeting?.message} />
            <form method="post" action={`/samenwerkingen/${slug}/agenda/vergaderingen`} class="vlecht-form" novalidate>
              <Csrf token={c.get('csrfToken')} />
              <SelectField name="bodyKey" label="Orgaan" value={s.meeting?.values.bodyKey} issues={s.meeting?.issues ?? []} required options={[{ value: '', label: 'Kies een orgaan' }, ...bodyOptions]} />
              <TextField name="meetingOn" label="Datum" value={s.meeting?.values.meetingOn} issues={s.meeting?.issues ?? []} required description="dd-mm-jjjj" autocomplete="off" />
              <TextField name="title" label="Omschrijving" value={s.meeting?.values.title} issues={s.meeting?.issues ?? []} />
              <div><SubmitButton>Vergadering toevoegen</SubmitButton></div>
            </form>
          </details>
          <details class="vlecht-details" open={!!s.importRows || !!s.importMessage}>
            <summary>Kalender inlezen (iCalendar of CSV)</summary>
            {s.importRows && <RowProblems rows={s.importRows} />}
            {s.importMessage && <div class="vlecht-error-summary" role="alert"><p class="utrecht-paragraph">{s.importMessage}</p></div>}
            <p class="utrecht-paragraph">Een .ics-bestand uit het raadsinformatiesysteem (losse afspraken; herhalende afspraken worden geweigerd), of een CSV met de kolommen: {CALENDAR_CSV_COLUMNS.map((col) => `${col.key} — ${col.help}`).join(' ')} Alles of niets: bij één foute regel wordt niets opgeslagen. Hetzelfde bestand opnieuw inlezen verandert niets.</p>
            <form method="post" action={`/samenwerkingen/${slug}/agenda/import`} enctype="multipart/form-data" class="vlecht-form" novalidate>
              <Csrf token={c.get('csrfToken')} />
              <SelectField name="formaat" label="Formaat" value="ics" issues={[]} options={[{ value: 'ics', label: 'iCalendar (.ics)' }, { value: 'csv', label: 'CSV' }]} />
              <SelectField name="orgaan" label="Orgaan" value="" issues={[]} options={[{ value: '', label: 'Uit de kolom orgaan (alleen CSV)' }, ...bodyOptions]} />
              <div class="utrecht-form-field">
                <label class="utrecht-form-label" for="veld-bestand">Bestand</label>
                <input class="utrecht-textbox utrecht-textbox--html-input" type="file" id="veld-bestand" name="bestand" accept=".ics,.csv,text/calendar,text/csv" />
              </div>
              <div><SubmitButton>Kalender inlezen</SubmitButton></div>
            </form>
          </details>
        </>
      )}
    </>
  );
}

export function agendaPages() {
  const app = new Hono<AppEnv>();
  const page = async (c: C, s: State = {}, status?: 400 | 409 | 412 | 428) => {
    const ctx = signedIn(c);
    const v = await agendaOf(ctx, c.req.param('slug')!);
    const gereed = c.req.query('gereed');
    if (gereed !== undefined && !s.plan) {
      try {
        s.plan = await planJoint(ctx, v.cooperation.slug, { gereed: dateOf(gereed) });
      } catch (e) {
        const f = formFailure(e, { gereed }, c.get('locale'));
        s.planForm = f;
        status = f.status;
      }
    }
    return renderPage(c, `Gezamenlijke agenda ${v.cooperation.name}`, <AgendaPage c={c} v={v} s={s} />, { status, breadcrumbs: govCrumbs(v.cooperation) });
  };
  app.get('/samenwerkingen/:slug/agenda', (c) => page(c));
  app.post('/samenwerkingen/:slug/agenda/vergaderingen', async (c) => {
    const raw = await readForm(c);
    try {
      await addMeeting(signedIn(c), c.req.param('slug'), { ...raw, meetingOn: dateOf(raw.meetingOn) });
      return c.redirect(`/samenwerkingen/${c.req.param('slug')}/agenda?gelukt=vergadering`, 303);
    } catch (e) {
      const f = formFailure(e, raw, c.get('locale'));
      return page(c, { meeting: f }, f.status);
    }
  });
  app.post('/samenwerkingen/:slug/agenda/import', async (c) => {
    const body = await c.req.parseBody();
    const text = body.bestand instanceof File ? await body.bestand.text() : '';
    const query = { formaat: typeof body.formaat === 'string' ? body.formaat : '', orgaan: typeof body.orgaan === 'string' ? body.orgaan : '' };
    try {
      if (text.length > 2_000_000) return page(c, { importMessage: 'Het bestand is groter dan 2 MB; splits het op.' }, 400);
      const r = await importCalendar(signedIn(c), c.req.param('slug'), text, query);
      return c.redirect(`/samenwerkingen/${c.req.param('slug')}/agenda?toegevoegd=${r.added}&ongewijzigd=${r.unchanged}`, 303);
    } catch (e) {
      if (!isVlechtError(e) || e.code !== 'VALIDATION') throw e;
      const rows = e.issues.map((i) => ({ row: i.row ?? 1, field: i.field, value: i.value === undefined ? '' : String(i.value), message: i.message }));
      return page(c, { importRows: rows }, 400);
    }
  });
  return app;
}
