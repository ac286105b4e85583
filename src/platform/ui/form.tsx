/**
 * Accessible form building blocks (NL Design System classes): every input has a label,
 * errors are linked with aria-describedby and listed in a summary at the top.
 */
import type { Child } from 'hono/jsx';
import type { FieldIssue } from '../errors.ts';
import { fieldLabel, t, type Locale } from '../i18n/index.ts';
import { showValue } from '../http/problem.ts';

export type Issues = FieldIssue[];

const issueFor = (issues: Issues, name: string) => issues.find((i) => i.field === name || i.field.startsWith(`${name}.`));

export function ErrorSummary({ issues, locale, message }: { issues: Issues; locale: Locale; message?: string }) {
  if (issues.length === 0 && !message) return null;
  return (
    <div class="vlecht-error-summary" role="alert" tabindex={-1} id="foutmeldingen">
      <h2 class="utrecht-heading-2">{t(locale, 'error.title')}</h2>
      {message && <p class="utrecht-paragraph">{message}</p>}
      <ul>
        {issues.map((i) => (
          <li><a class="utrecht-link" href={`#veld-${i.field.split('.')[0]}`}>
            {fieldLabel(locale, i.field)}: {i.message}{i.value !== undefined ? ` ${t(locale, 'error.received', { value: showValue(i.value) })}` : ''}
          </a></li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  issues: Issues;
  description?: string;
  children: Child;
}

function Field({ name, label, issues, description, children }: FieldProps) {
  const issue = issueFor(issues, name);
  return (
    <div class={`utrecht-form-field ${issue ? 'utrecht-form-field--invalid' : ''}`}>
      <label class="utrecht-form-label" for={`veld-${name}`}>{label}</label>
      {description && <div class="utrecht-form-field-description" id={`uitleg-${name}`}>{description}</div>}
      {issue && <div class="utrecht-form-field-error-message" id={`fout-${name}`}>{issue.message}</div>}
      {children}
    </div>
  );
}

const describedBy = (name: string, issues: Issues, description?: string) =>
  [description ? `uitleg-${name}` : '', issueFor(issues, name) ? `fout-${name}` : ''].filter(Boolean).join(' ') || undefined;

export function TextField(props: { name: string; label: string; value?: string | number | null; issues: Issues; type?: string; required?: boolean; description?: string; autocomplete?: string; inputmode?: 'text' | 'decimal' | 'numeric' | 'email' }) {
  const invalid = !!issueFor(props.issues, props.name);
  return (
    <Field name={props.name} label={props.label} issues={props.issues} description={props.description}>
      <input
        class={`utrecht-textbox utrecht-textbox--html-input ${invalid ? 'utrecht-textbox--invalid' : ''}`}
        id={`veld-${props.name}`} name={props.name} type={props.type ?? 'text'} value={props.value ?? ''}
        required={props.required} aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.issues, props.description)}
        autocomplete={props.autocomplete} inputmode={props.inputmode}
      />
    </Field>
  );
}

export function TextArea(props: { name: string; label: string; value?: string | null; issues: Issues; description?: string; rows?: number }) {
  const invalid = !!issueFor(props.issues, props.name);
  return (
    <Field name={props.name} label={props.label} issues={props.issues} description={props.description}>
      <textarea class="utrecht-textarea utrecht-textbox utrecht-textbox--html-input" id={`veld-${props.name}`} name={props.name} rows={props.rows ?? 4}
        aria-invalid={invalid ? 'true' : undefined} aria-describedby={describedBy(props.name, props.issues, props.description)}>{props.value ?? ''}</textarea>
    </Field>
  );
}

export function SelectField(props: { name: string; label: string; value?: string | null; options: { value: string; label: string }[]; issues: Issues; required?: boolean; description?: string }) {
  const invalid = !!issueFor(props.issues, props.name);
  return (
    <Field name={props.name} label={props.label} issues={props.issues} description={props.description}>
      <select class={`utrecht-select utrecht-select--html-select ${invalid ? 'utrecht-select--invalid' : ''}`} id={`veld-${props.name}`} name={props.name}
        required={props.required} aria-invalid={invalid ? 'true' : undefined} aria-describedby={describedBy(props.name, props.issues, props.description)}>
        {props.options.map((o) => <option value={o.value} selected={o.value === (props.value ?? '')}>{o.label}</option>)}
      </select>
    </Field>
  );
}

export function CheckboxField(props: { name: string; label: string; checked: boolean; issues: Issues }) {
  return (
    <div class="utrecht-form-field utrecht-form-field--checkbox">
      <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={`veld-${props.name}`} name={props.name} value="ja" checked={props.checked} />
      <label class="utrecht-form-label utrecht-form-label--checkbox" for={`veld-${props.name}`}>{props.label}</label>
    </div>
  );
}

export const Csrf = ({ token }: { token: string | null }) => <input type="hidden" name="_csrf" value={token ?? ''} />;

export function SubmitButton({ children }: { children: Child }) {
  return <button type="submit" class="utrecht-button utrecht-button--primary-action utrecht-button--submit">{children}</button>;
}
