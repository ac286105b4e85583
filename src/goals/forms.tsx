/**
 * The forms of the goal pages and the conversion of their strings into service input:
 * Dutch dates and decimals become ISO and canonical decimals; anything that cannot be
 * converted is passed on as typed, so the schema rejects it and names the field. The
 * survey form adds rows: its messages name the question or result line and what was typed.
 */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../platform/http/env.ts';
import { fieldLabel } from '../platform/i18n/index.ts';
import type { Locale } from '../platform/i18n/index.ts';
import { isVlechtError, VlechtError } from '../platform/errors.ts';
import { CheckboxField, Csrf, ErrorSummary, SelectField, SubmitButton, TextArea, TextField, type Issues } from '../platform/ui/form.tsx';
import { Hidden, checkboxOf, dateOf, formFailure, integerOf, type FormFailure, type FormState } from '../register/common.pages.tsx';
import { CRITERIA, CRITERION_WORDS, DERIVATIONS, DERIVATION_INFO, DIRECTIONS, DIRECTION_WORDS } from './catalogue.ts';
import { parseDutchDecimal } from './decimal.ts';

type C = Context<AppEnv>;
type Option = { value: string; label: string };

const decimalOf = (s: string | undefined) => { const v = (s ?? '').trim(); return v === '' ? '' : parseDutchDecimal(v) ?? v; };
const str = (s: string | undefined) => s ?? '';

export const goalFromForm = (v: Record<string, string>) => ({
  title: str(v.title), criterion: str(v.criterion), teamId: str(v.teamId), recommendationId: str(v.recommendationId),
  ownerName: str(v.ownerName), description: str(v.description), source: str(v.source),
});

export const kpiFromForm = (v: Record<string, string>, create: boolean) => ({
  name: str(v.name), unit: str(v.unit), direction: str(v.direction), baselineValue: decimalOf(v.baselineValue), baselineDate: dateOf(v.baselineDate),
  baselineSource: str(v.baselineSource), baselineReason: str(v.baselineReason), deadline: dateOf(v.deadline), source: str(v.source), ...(create ? { derivation: str(v.derivation) } : {}),
});

export const transitionFromForm = (v: Record<string, string>) => ({ to: str(v.to), decidedOn: dateOf(v.decidedOn), decisionReference: str(v.decisionReference), note: str(v.note) });
export const measurementFromForm = (v: Record<string, string>) => ({ measuredOn: dateOf(v.measuredOn), value: decimalOf(v.value), source: str(v.source) });
export const targetFromForm = (v: Record<string, string>) => ({ targetDate: dateOf(v.targetDate), value: decimalOf(v.value), setOn: dateOf(v.setOn), source: str(v.source) });
export const recommendationFromForm = (v: Record<string, string>) => ({ source: str(v.source), number: str(v.number), text: str(v.text) });

/** A form block: error summary, the form with CSRF token, the fields and a button. */
function FormShell({ c, form, action, submit, children, summary = true }: { c: C; form: FormState; action: string; submit: string; children: Child; summary?: boolean }) {
  return (
    <>
      {summary && <ErrorSummary issues={form.issues} locale={c.get('locale')} message={form.message} />}
      <form method="post" action={action} class="vlecht-form" novalidate>
        <Csrf token={c.get('csrfToken')} />
        {children}
        <div><SubmitButton>{submit}</SubmitButton></div>
      </form>
    </>
  );
}

export function GoalForm({ c, form, action, submit, teams, recommendations, withVersion }: { c: C; form: FormState; action: string; submit: string; teams: Option[]; recommendations: Option[]; withVersion: boolean }) {
  const { values: v, issues } = form;
  const l = c.get('locale');
  return (
    <FormShell c={c} form={form} action={action} submit={submit}>
      {withVersion && <Hidden name="version" value={v.version} />}
      <TextField name="title" label={fieldLabel(l, 'title')} value={v.title} issues={issues} required description="Wat moet de samenwerking bereiken? Bijv. ‘Salarisadministratie niet meer kwetsbaar’." />
      <SelectField name="criterion" label={fieldLabel(l, 'criterion')} value={v.criterion} issues={issues} required
        options={[{ value: '', label: 'Kies een toetsingscriterium' }, ...CRITERIA.map((x) => ({ value: x, label: CRITERION_WORDS[x] }))]} />
      <SelectField name="teamId" label={fieldLabel(l, 'teamId')} value={v.teamId} issues={issues} options={[{ value: '', label: 'Hele samenwerking' }, ...teams]} />
      <TextField name="ownerName" label={fieldLabel(l, 'ownerName')} value={v.ownerName} issues={issues} description="Wie is verantwoordelijk, bijv. Teammanager P&O. Zonder eigenaar is een doel niet SMART." />
      <TextArea name="description" label={fieldLabel(l, 'description')} value={v.description} issues={issues} />
      <SelectField name="recommendationId" label={fieldLabel(l, 'recommendationId')} value={v.recommendationId} issues={issues}
        options={[{ value: '', label: 'Geen' }, ...recommendations]} description="De aanbeveling van de rekenkamer(commissie) waar dit doel op antwoordt, als die er is." />
      <TextField name="source" label={fieldLabel(l, 'source')} value={v.source} issues={issues} description="Het document waar het doel uit komt" />
    </FormShell>
  );
}

export function KpiForm({ c, form, action, submit, create }: { c: C; form: FormState; action: string; submit: string; create: boolean }) {
  const { values: v, issues } = form;
  const l = c.get('locale');
  return (
    <FormShell c={c} form={form} action={action} submit={submit}>
      {!create && <Hidden name="version" value={v.version} />}
      <TextField name="name" label={fieldLabel(l, 'name')} value={v.name} issues={issues} required />
      {create && <SelectField name="derivation" label={fieldLabel(l, 'derivation')} value={v.derivation} issues={issues}
        options={[{ value: '', label: 'Geen: metingen met de hand of als bestand' }, ...DERIVATIONS.map((d) => ({ value: d, label: DERIVATION_INFO[d].label }))]}
        description="Een afgeleide indicator krijgt metingen uit de bron die bij de afleiding hoort (urenregistratie, kwalificaties of jaarcijfers), voor het team van het doel of de hele samenwerking. Laat de nulmeting leeg: die wordt dan uit de afgeleide reeks ingevuld." />}
      <TextField name="unit" label={fieldLabel(l, 'unit')} value={v.unit} issues={issues} description="Bijv. %, uur, euro, aantal of cijfer (1-10); bij een afgeleide indicator mag dit leeg." />
      <SelectField name="direction" label={fieldLabel(l, 'direction')} value={v.direction} issues={issues} required
        options={[{ value: '', label: 'Kies' }, ...DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_WORDS[d] }))]} />
      <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Nulmeting (nodig voordat het doel naar het college kan)</legend>
        <TextField name="baselineValue" label={fieldLabel(l, 'baselineValue')} value={v.baselineValue} issues={issues} inputmode="decimal" description="Getal met een komma, bijv. 41,2" />
        <TextField name="baselineDate" label={fieldLabel(l, 'baselineDate')} value={v.baselineDate} issues={issues} description="dd-mm-jjjj" autocomplete="off" />
        <TextField name="baselineSource" label={fieldLabel(l, 'baselineSource')} value={v.baselineSource} issues={issues} description="Waar de nulmeting vandaan komt" />
        <TextArea name="baselineReason" label={fieldLabel(l, 'baselineReason')} value={v.baselineReason} issues={issues} description="Alleen bij een afgeleide indicator waarvan de nulmeting afwijkt van de eigen afgeleide reeks op die datum: waarom." />
      </fieldset>
      <TextField name="deadline" label={fieldLabel(l, 'deadline')} value={v.deadline} issues={issues} description="dd-mm-jjjj: wanneer de streefwaarde gehaald moet zijn" autocomplete="off" />
      <TextField name="source" label={fieldLabel(l, 'source')} value={v.source} issues={issues} description="Waar de metingen vandaan komen, bijv. MTO of jaarverslag" />
    </FormShell>
  );
}

export function TransitionForm({ c, form, action, options }: { c: C; form: FormState; action: string; options: Option[] }) {
  const { values: v, issues } = form;
  const l = c.get('locale');
  return (
    <FormShell c={c} form={form} action={action} submit="Besluit vastleggen" summary={false}>
      <Hidden name="version" value={v.version} />
      <SelectField name="to" label={fieldLabel(l, 'to')} value={v.to} issues={issues} required options={[{ value: '', label: 'Kies' }, ...options]} />
      <TextField name="decidedOn" label={fieldLabel(l, 'decidedOn')} value={v.decidedOn} issues={issues} required description="dd-mm-jjjj" autocomplete="off" />
      <TextField name="decisionReference" label={fieldLabel(l, 'decisionReference')} value={v.decisionReference} issues={issues} required description="Bijv. collegebesluit 12-03-2026 of raadsvoorstel (B-stuk) 2026-014" />
      <TextArea name="note" label={fieldLabel(l, 'note')} value={v.note} issues={issues} />
    </FormShell>
  );
}

export function MeasurementForm({ c, form, action }: { c: C; form: FormState; action: string }) {
  const { values: v, issues } = form;
  const l = c.get('locale');
  return (
    <FormShell c={c} form={form} action={action} submit="Meting vastleggen" summary={false}>
      <TextField name="measuredOn" label={fieldLabel(l, 'measuredOn')} value={v.measuredOn} issues={issues} required description="dd-mm-jjjj; niet in de toekomst" autocomplete="off" />
      <TextField name="value" label={fieldLabel(l, 'value')} value={v.value} issues={issues} required inputmode="decimal" description="Getal met een komma, bijv. 41,2" />
      <TextField name="source" label={fieldLabel(l, 'source')} value={v.source} issues={issues} required description="Bijv. jaarverslag 2025 of MTO 2026" />
    </FormShell>
  );
}

export function TargetForm({ c, form, action }: { c: C; form: FormState; action: string }) {
  const { values: v, issues } = form;
  const l = c.get('locale');
  return (
    <FormShell c={c} form={form} action={action} submit="Streefwaarde vastleggen">
      <TextField name="targetDate" label={fieldLabel(l, 'targetDate')} value={v.targetDate} issues={issues} required description="dd-mm-jjjj: de datum waarop de waarde gehaald moet zijn" autocomplete="off" />
      <TextField name="value" label={fieldLabel(l, 'value')} value={v.value} issues={issues} required inputmode="decimal" description="Getal met een komma, bijv. 45" />
      <TextField name="setOn" label={fieldLabel(l, 'setOn')} value={v.setOn} issues={issues} description="dd-mm-jjjj; leeg = vandaag. Een latere streefwaarde voor dezelfde datum vervangt de eerdere." autocomplete="off" />
      <TextField name="source" label={fieldLabel(l, 'source')} value={v.source} issues={issues} description="Het besluit waarin de streefwaarde is vastgesteld" />
    </FormShell>
  );
}

export function RecommendationForm({ c, form, action }: { c: C; form: FormState; action: string }) {
  const { values: v, issues } = form;
  const l = c.get('locale');
  return (
    <FormShell c={c} form={form} action={action} submit="Aanbeveling vastleggen">
      <TextField name="source" label={fieldLabel(l, 'source')} value={v.source} issues={issues} required description="Het rapport, bijv. Rekenkamercommissie Heemstede 2017, §2.2" />
      <TextField name="number" label={fieldLabel(l, 'number')} value={v.number} issues={issues} required />
      <TextArea name="text" label={fieldLabel(l, 'text')} value={v.text} issues={issues} />
    </FormShell>
  );
}

// ── Surveys ───────────────────────────────────────────────────────────────────────────

/** How many question rows the survey form offers; the row number is the question number. */
export const SURVEY_QUESTION_ROWS = 8;
const SURVEY_KIND_OPTIONS: Option[] = [
  { value: 'mto', label: 'MTO (medewerkerstevredenheidsonderzoek)' }, { value: 'enquete', label: 'Enquête' }, { value: 'inwonerspeiling', label: 'Inwonerspeiling' },
];
const questionRows = () => Array.from({ length: SURVEY_QUESTION_ROWS }, (_, i) => i + 1);

/** One non-empty line of the results box: its line number (1-based, as the user counts) and its cells. */
export interface ResultLine { line: number; cells: string[] }

/** The results box: one result per line, cells split on `;` or a tab (pasted from a spreadsheet); an optional header line is skipped. */
function resultLines(text: string): ResultLine[] {
  const lines = text.split(/\r\n|\r|\n/).map((s, i) => ({ line: i + 1, cells: s.split(/[;\t]/).map((x) => x.trim()) })).filter((l) => l.cells.some((x) => x !== ''));
  return lines.length && /^vraag/i.test(lines[0].cells[0]) ? lines.slice(1) : lines;
}

/** The posted survey form → the input of `createSurvey`, with the lines the results came from (for messages). */
export function surveyFromForm(v: Record<string, string>) {
  const lines = resultLines(str(v.results));
  const input = {
    kind: str(v.surveyKind), name: str(v.name), scaleMin: integerOf(v.scaleMin), scaleMax: integerOf(v.scaleMax), source: str(v.source),
    questions: questionRows().filter((n) => str(v[`vraag${n}`]).trim() !== '').map((n) => ({ number: n, text: str(v[`vraag${n}`]), published: checkboxOf(v[`gepubliceerd${n}`]) })),
    results: lines.map(({ cells: [question, moment, group, value, n] }) => ({
      question: integerOf(question), moment: str(moment), group: str(group), value: str(value), n: str(n) === '' ? null : integerOf(n),
    })),
  };
  return { input, lines };
}

/** zod's generic messages (Dutch locale); our own messages are kept as they are. */
const GENERIC = /^(Te kort|Te lang|Te groot|Te klein|Ongeldig|Ongeldige)/;
/** The columns of a result line, by the schema's and the pure model's field names. */
const RESULT_COLUMNS: Record<string, { column: number; label: string; hint: string }> = {
  question: { column: 0, label: 'vraagnummer', hint: 'vul het nummer van een vraag hierboven in, bijv. 1' },
  moment: { column: 1, label: 'meetmoment', hint: 'vul het meetmoment in, bijv. 2026' },
  group: { column: 2, label: 'groep', hint: 'vul de respondentgroep in, bijv. totaal' },
  value: { column: 3, label: 'waarde', hint: 'vul een gemiddelde in met hoogstens 2 decimalen, bijv. 6,66' },
  n: { column: 4, label: 'aantal respondenten', hint: 'vul een heel getal van 1 of meer in, of laat het leeg' },
};
const MODEL_COLUMNS: Record<string, string> = { vraagId: 'question', momentId: 'moment', groepId: 'group', gemiddelde: 'value', percentage: 'value', n: 'n' };

/**
 * A service error → the survey form's messages. Issues about a question or a result line
 * name the row ("vraag 2", "regel 3, waarde") and what was typed there, and point to the
 * questions or the results box; the other fields go through the usual `formFailure`.
 */
export function surveyFailure(e: unknown, raw: Record<string, string>, parsed: ReturnType<typeof surveyFromForm>, locale: Locale): FormFailure {
  if (!isVlechtError(e) || e.code !== 'VALIDATION') return formFailure(e, raw, locale);
  const rows: Issues = [];
  const rest: Issues = [];
  for (const issue of e.issues) {
    const [head, index, leaf] = issue.field.split('.');
    const i = Number(index);
    if ((head === 'results' || head === 'resultaten') && parsed.lines[i]) {
      const { line, cells } = parsed.lines[i];
      const col = RESULT_COLUMNS[head === 'results' ? leaf : MODEL_COLUMNS[leaf] ?? ''];
      const typed = col ? cells[col.column] ?? '' : cells.join('; ');
      const message = col && GENERIC.test(issue.message) ? col.hint : issue.message;
      rows.push({ field: 'results', row: line, message: `regel ${line}${col ? `, ${col.label}` : ''}: ${message}`, ...(typed === '' ? {} : { value: typed }) });
    } else if (head === 'questions' && parsed.input.questions[i]) {
      const q = parsed.input.questions[i];
      const message = GENERIC.test(issue.message) ? 'gebruik hoogstens 1000 tekens' : issue.message;
      rows.push({ field: 'questions', row: q.number, message: `vraag ${q.number}: ${message}`, value: q.text });
    } else if (issue.field === 'questions') {
      rows.push({ field: 'questions', message: 'vul minstens één vraag in' });
    } else {
      rest.push(issue.field === 'kind' ? { ...issue, field: 'surveyKind' } : issue);
    }
  }
  const base = rest.length ? formFailure(new VlechtError('VALIDATION', {}, rest), raw, locale) : { status: 400 as const, values: raw, issues: [] };
  const fields = base.issues.map((i) => {
    if (i.field === 'surveyKind') return { ...i, message: 'kies de soort peiling' };
    if ((i.field === 'scaleMin' || i.field === 'scaleMax') && GENERIC.test(i.message)) return { ...i, message: 'vul een heel getal in van 0 tot en met 1000, bijv. 10' };
    return i;
  });
  return { ...base, issues: [...fields, ...rows], message: 'Er is niets vastgelegd. Verbeter de invoer hieronder en leg de peiling opnieuw vast.' };
}

/** The form for a new survey: name, kind, scale and source; a fixed number of question rows; the results as lines. */
export function SurveyForm({ c, form, action }: { c: C; form: FormState; action: string }) {
  const { values: v, issues } = form;
  const l = c.get('locale');
  const rowIssues = (n: number) => issues.filter((i) => i.field === 'questions' && i.row === n).map((i) => ({ ...i, field: `vraag${n}` }));
  const general = issues.find((i) => i.field === 'questions' && i.row === undefined);
  return (
    <FormShell c={c} form={form} action={action} submit="Peiling vastleggen">
      <TextField name="name" label={fieldLabel(l, 'name')} value={v.name} issues={issues} required description="Bijv. MTO 2026; een naam komt per samenwerking één keer voor." />
      <SelectField name="surveyKind" label={fieldLabel(l, 'surveyKind')} value={v.surveyKind} issues={issues} required options={[{ value: '', label: 'Kies de soort peiling' }, ...SURVEY_KIND_OPTIONS]} />
      <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Antwoordschaal (hele getallen)</legend>
        <TextField name="scaleMin" label={fieldLabel(l, 'scaleMin')} value={v.scaleMin} issues={issues} required inputmode="numeric" description="Bijv. 1" />
        <TextField name="scaleMax" label={fieldLabel(l, 'scaleMax')} value={v.scaleMax} issues={issues} required inputmode="numeric" description="Bijv. 10" />
      </fieldset>
      <TextField name="source" label={fieldLabel(l, 'source')} value={v.source} issues={issues} required description="Het rapport waar de uitkomsten uit komen, bijv. MTO-rapportage 2026, bureau X" />
      <fieldset class={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset ${general ? 'utrecht-form-fieldset--invalid' : ''}`} id="veld-questions" aria-describedby="uitleg-questions">
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{fieldLabel(l, 'questions')}</legend>
        <div class="utrecht-form-field-description" id="uitleg-questions">
          Eén vraag per regel; lege regels tellen niet mee. Het nummer van de regel is het vraagnummer in de resultaten.
          Een vraag is alleen intern zichtbaar tot u die publiceert voor raad, rekenkamer en OR (dat kan ook later op de pagina Peilingen).
        </div>
        {general && <div class="utrecht-form-field-error-message" id="fout-questions">{general.message}</div>}
        {questionRows().map((n) => (
          <div class="vlecht-question-row">
            <TextField name={`vraag${n}`} label={`Vraag ${n}`} value={v[`vraag${n}`]} issues={rowIssues(n)} />
            <CheckboxField name={`gepubliceerd${n}`} label={`Vraag ${n} publiceren`} checked={checkboxOf(v[`gepubliceerd${n}`])} issues={[]} />
          </div>
        ))}
      </fieldset>
      <TextArea name="results" label={fieldLabel(l, 'results')} value={v.results} issues={issues} rows={10}
        description="Eén resultaat per regel: vraagnummer; meetmoment; groep; gemiddelde; aantal respondenten (mag leeg). Bijv. ‘1; 2026; totaal; 7,4; 120’. Gescheiden door puntkomma’s of tabs (geplakt uit een spreadsheet); een kopregel mag." />
    </FormShell>
  );
}
