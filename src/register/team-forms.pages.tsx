/** The forms of the team pages: team (create/edit), integration level, function; and form strings → team input. */
import type { Context } from 'hono';
import type { AppEnv } from '../platform/http/env.ts';
import { fieldLabel } from '../platform/i18n/index.ts';
import { CheckboxField, Csrf, ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from '../platform/ui/form.tsx';
import type { getCooperation } from './cooperation.service.ts';
import { Hidden, LEVEL_WORDS, checkboxOf, optionalTextOf, slugFrom, type FormState } from './common.pages.tsx';

type C = Context<AppEnv>;
type CoopView = Awaited<ReturnType<typeof getCooperation>>;

export function teamFromForm(v: Record<string, string>, withSlug: boolean) {
  return {
    ...(withSlug ? { slug: (v.slug ?? '').trim() || slugFrom(v.name ?? '') } : {}),
    name: v.name ?? '',
    leadMunicipalityCbsCode: optionalTextOf(v.leadMunicipalityCbsCode),
    managerName: v.managerName ?? '',
    bbvTaakveld: optionalTextOf(v.bbvTaakveld),
    description: v.description ?? '',
  };
}

export function TeamForm({ c, coop, form, action, submit, withSlug }: { c: C; coop: CoopView; form: FormState; action: string; submit: string; withSlug: boolean }) {
  const { values: v, issues } = form;
  const locale = c.get('locale');
  const members = [...new Map(coop.members.map((m) => [m.municipality.cbsCode, m.municipality])).values()];
  return (
    <>
      <ErrorSummary issues={issues} locale={locale} message={form.message} />
      <form method="post" action={action} class="vlecht-form" novalidate>
        <Csrf token={c.get('csrfToken')} />
        {!withSlug && <Hidden name="version" value={v.version} />}
        <TextField name="name" label={fieldLabel(locale, 'name')} value={v.name} issues={issues} required />
        {withSlug && <TextField name="slug" label={fieldLabel(locale, 'slug')} value={v.slug} issues={issues}
          description="Kleine letters, cijfers en koppeltekens, bijv. juridische-zaken. Leeg laten: afgeleid van de naam." />}
        <SelectField name="leadMunicipalityCbsCode" label={fieldLabel(locale, 'leadMunicipalityCbsCode')} value={v.leadMunicipalityCbsCode} issues={issues}
          description="De gemeente die de taak voor de andere uitvoert (centrumgemeente), als die er is."
          options={[{ value: '', label: 'Geen: gelijkwaardig gedeeld' }, ...members.map((m) => ({ value: m.cbsCode, label: `${m.name} (${m.cbsCode})` }))]} />
        <TextField name="managerName" label={fieldLabel(locale, 'managerName')} value={v.managerName} issues={issues} />
        <TextField name="bbvTaakveld" label={fieldLabel(locale, 'bbvTaakveld')} value={v.bbvTaakveld} issues={issues} description="Bijvoorbeeld 0.4 (overhead)" />
        <TextArea name="description" label={fieldLabel(locale, 'description')} value={v.description} issues={issues} />
        <div><SubmitButton>{submit}</SubmitButton></div>
      </form>
    </>
  );
}

export function LevelForm({ c, form, action }: { c: C; form: FormState; action: string }) {
  const { values: v, issues } = form;
  const locale = c.get('locale');
  return (
    <form method="post" action={action} class="vlecht-form" novalidate>
      <Csrf token={c.get('csrfToken')} />
      <SelectField name="level" label={fieldLabel(locale, 'level')} value={v.level} issues={issues} required
        options={[{ value: '', label: 'Kies een niveau' }, ...Object.entries(LEVEL_WORDS).map(([n, w]) => ({ value: n, label: `${n} – ${w}` }))]} />
      <TextField name="validFrom" label={fieldLabel(locale, 'validFrom')} value={v.validFrom} issues={issues} required description="dd-mm-jjjj, bijv. 01-01-2026" autocomplete="off" />
      <TextField name="decisionReference" label={fieldLabel(locale, 'decisionReference')} value={v.decisionReference} issues={issues} description="Het besluit waarop dit berust, bijv. collegebesluit 12-03-2026" />
      <TextArea name="note" label={fieldLabel(locale, 'note')} value={v.note} issues={issues} />
      <TextField name="source" label={fieldLabel(locale, 'source')} value={v.source} issues={issues} />
      <div><SubmitButton>Vastleggen</SubmitButton></div>
    </form>
  );
}

export function FunctionForm({ c, form, action }: { c: C; form: FormState; action: string }) {
  const { values: v, issues } = form;
  const locale = c.get('locale');
  return (
    <form method="post" action={action} class="vlecht-form" novalidate>
      <Csrf token={c.get('csrfToken')} />
      <TextField name="name" label="Naam van de functie" value={v.name} issues={issues} required />
      <CheckboxField name="critical" label="Kritieke functie (moet altijd bezet zijn)" checked={checkboxOf(v.critical)} issues={issues} />
      <TextField name="requiredQualified" label={fieldLabel(locale, 'requiredQualified')} value={v.requiredQualified ?? '2'} issues={issues} inputmode="numeric" description="Hoeveel mensen deze functie moeten kunnen uitoefenen (voor achtervang)" />
      <div><SubmitButton>Functie toevoegen</SubmitButton></div>
    </form>
  );
}
