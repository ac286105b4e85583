/**
 * The forms of the goal pages and the conversion of their strings into service input:
 * Dutch dates and decimals become ISO and canonical decimals; anything that cannot be
 * converted is passed on as typed, so the schema rejects it and names the field.
 */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../platform/http/env.ts';
import { fieldLabel } from '../platform/i18n/index.ts';
import { Csrf, ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from '../platform/ui/form.tsx';
import { Hidden, dateOf, type FormState } from '../register/common.pages.tsx';
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
  baselineSource: str(v.baselineSource), deadline: dateOf(v.deadline), source: str(v.source), ...(create ? { derivation: str(v.derivation) } : {}),
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
        description="Een afgeleide indicator krijgt per afgesloten kwartaal een meting uit de urenregistratie, voor het team van het doel of de hele samenwerking." />}
      <TextField name="unit" label={fieldLabel(l, 'unit')} value={v.unit} issues={issues} description="Bijv. %, uur, euro, aantal of cijfer (1-10); bij een afgeleide indicator mag dit leeg." />
      <SelectField name="direction" label={fieldLabel(l, 'direction')} value={v.direction} issues={issues} required
        options={[{ value: '', label: 'Kies' }, ...DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_WORDS[d] }))]} />
      <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Nulmeting (nodig voordat het doel naar het college kan)</legend>
        <TextField name="baselineValue" label={fieldLabel(l, 'baselineValue')} value={v.baselineValue} issues={issues} inputmode="decimal" description="Getal met een komma, bijv. 41,2" />
        <TextField name="baselineDate" label={fieldLabel(l, 'baselineDate')} value={v.baselineDate} issues={issues} description="dd-mm-jjjj" autocomplete="off" />
        <TextField name="baselineSource" label={fieldLabel(l, 'baselineSource')} value={v.baselineSource} issues={issues} description="Waar de nulmeting vandaan komt" />
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
