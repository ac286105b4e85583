/**
 * Shared pieces of the register pages: words for the catalogues, badges, and the form
 * edge — reading a posted form, turning Dutch input into the schema's types, and turning
 * a service's VlechtError back into field messages on the form.
 */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../platform/http/env.ts';
import type { Actor } from '../platform/auth/actor.ts';
import type { FieldIssue } from '../platform/errors.ts';
import { isVlechtError, VlechtError } from '../platform/errors.ts';
import { can, type Permission, type Scope } from '../platform/auth/policy.ts';
import { fieldLabel, t, type Locale } from '../platform/i18n/index.ts';
import { parseDutchDate, parseDutchNumber } from '../platform/i18n/format.ts';
import type { Issues } from '../platform/ui/form.tsx';
import type { LegalForm, MemberRole } from './catalogue.ts';

/** The integration ladder of PRODUCT.md in words. */
import { LEVEL_WORDS } from './catalogue.ts';
export { LEVEL_WORDS };

export const LEGAL_FORM_WORDS: Record<LegalForm, string> = {
  'privaatrechtelijke-samenwerkingsovereenkomst': 'Privaatrechtelijke samenwerkingsovereenkomst',
  'regeling-zonder-meer': 'Gemeenschappelijke regeling zonder meer',
  centrumgemeenteregeling: 'Centrumgemeenteregeling',
  bedrijfsvoeringsorganisatie: 'Bedrijfsvoeringsorganisatie (gemeenschappelijke regeling)',
  'openbaar-lichaam': 'Openbaar lichaam (gemeenschappelijke regeling)',
  'ambtelijke-fusie': 'Ambtelijke fusie',
};

export const ROLE_WORDS: Record<MemberRole, string> = {
  centrumgemeente: 'Centrumgemeente',
  deelnemer: 'Deelnemer',
  opdrachtgever: 'Opdrachtgever',
  werkorganisatie: 'Werkorganisatie',
};

export const legalFormWords = (v: string) => LEGAL_FORM_WORDS[v as LegalForm] ?? v;
export const roleWords = (v: string) => ROLE_WORDS[v as MemberRole] ?? v;

/** A level as number and words; the number carries the meaning, colour only decorates. */
export function Level({ level }: { level: number | null }) {
  if (level === null) return <span>nog niet vastgelegd</span>;
  return <span><span class="vlecht-level">{level}</span> {LEVEL_WORDS[level] ?? ''}</span>;
}

export const Synthetic = ({ synthetic }: { synthetic: boolean }) =>
  synthetic ? <span class="vlecht-synthetic" title="Verzonnen demogegeven, geen echt persoon">synthetisch</span> : null;

export const yesNo = (b: boolean) => (b ? 'ja' : 'nee');

/** A definition list of facts (NL Design System data list). */
export function Facts({ items }: { items: [string, Child][] }) {
  return (
    <dl class="utrecht-data-list utrecht-data-list--rows vlecht-facts">
      {items.map(([key, value]) => (
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">{key}</dt>
          <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A short confirmation after a POST-redirect-GET, chosen by `?gelukt=`. */
export function Notice({ text }: { text: string | undefined }) {
  if (!text) return null;
  return <div class="utrecht-alert utrecht-alert--ok vlecht-notice" role="status"><p class="utrecht-paragraph">{text}</p></div>;
}

export const actorOf = (c: Context<AppEnv>): Actor => c.get('actor')!;

/**
 * For a form's GET: the 403 page straight away instead of after filling it in. The
 * service checks again on POST; this only spares the user a form they cannot send.
 */
export function requireCan(c: Context<AppEnv>, permission: Permission, scope: Scope = {}): void {
  if (!can(actorOf(c), permission, scope)) throw new VlechtError('FORBIDDEN', { permission });
}

/** What a form shows: the user's raw input, field messages, and an optional general message. */
export interface FormState {
  values: Record<string, string>;
  issues: Issues;
  message?: string;
}

export const freshForm = (values: Record<string, string> = {}): FormState => ({ values, issues: [] });

/** The posted fields as strings (files and the CSRF token left out). */
export async function readForm(c: Context<AppEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string> = {};
  for (const [key, raw] of Object.entries(body)) {
    if (key === '_csrf') continue;
    const first = Array.isArray(raw) ? raw.find((x) => typeof x === 'string') : raw;
    if (typeof first === 'string') out[key] = first;
  }
  return out;
}

// Conversions at the edge. A value that cannot be converted is passed on as typed, so the
// schema rejects it and names the field; an empty value becomes undefined (the default).

/** `dd-mm-jjjj` or ISO → ISO; anything else as typed. */
export const dateOf = (s: string | undefined) => parseDutchDate(s ?? '');
/** Empty → null (an open end), otherwise as dateOf. */
export const optionalDateOf = (s: string | undefined) => ((s ?? '').trim() === '' ? null : dateOf(s));
export const optionalTextOf = (s: string | undefined) => ((s ?? '').trim() === '' ? null : s!);
export const checkboxOf = (s: string | undefined) => s === 'ja';
export function integerOf(s: string | undefined): number | string | undefined {
  const v = (s ?? '').trim();
  if (v === '') return undefined;
  return /^-?\d{1,9}$/.test(v) ? Number(v) : v;
}
/** A Dutch decimal times `factor`, rounded: FTE "0,8" → 800 thousandths, "65,50" euro → 6550 cents. */
export function scaledOf(s: string | undefined, factor: number): number | string | undefined {
  const v = (s ?? '').trim();
  if (v === '') return undefined;
  const n = parseDutchNumber(v);
  return Number.isNaN(n) ? v : Math.round(n * factor);
}

/** A short name for addresses, from a display name: "Financiële Zaken" → "financiele-zaken". */
export const slugFrom = (name: string) =>
  name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/&/g, ' en ')
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');

const DATE_FIELDS = new Set(['startDate', 'endDate', 'validFrom', 'validTo']);
const HINTS: Record<string, string> = {
  fteMilli: 'vul de fte in als getal groter dan 0 en hoogstens 1,5, bijv. 0,8',
  hourlyRateCents: 'vul het uurtarief in euro’s in, bijv. 65,50',
  level: 'kies een mate van vervlechting van 0 tot en met 5',
  legalForm: 'kies een juridische vorm uit de lijst',
  role: 'kies een rol uit de lijst',
  requiredQualified: 'vul een heel getal in van 1 tot en met 50',
  employerCbsCode: 'kies de gemeente die werkgever is',
};
/** zod's generic messages start like this; our own service messages do not. */
const GENERIC = /^(Te kort|Te lang|Te groot|Te klein|Ongeldig|Ongeldige)/;

const leafOf = (field: string) => field.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? field;

/** Rewrites a schema issue for people: the form's field name, what they typed, a plain message. */
function forPeople(issue: FieldIssue, raw: Record<string, string>): FieldIssue {
  const field = leafOf(issue.field);
  const typed = field in raw ? raw[field] : issue.value;
  const empty = typed === undefined || typed === null || (typeof typed === 'string' && typed.trim() === '');
  let message = issue.message;
  if (GENERIC.test(message)) {
    const length = /string (>=|<=)(\d+) tekens/.exec(message);
    if (HINTS[field]) message = HINTS[field];
    else if (DATE_FIELDS.has(field)) message = empty ? 'vul een datum in als dd-mm-jjjj, bijv. 01-04-2017' : 'dit is geen bestaande datum; schrijf dd-mm-jjjj, bijv. 01-04-2017';
    else if (empty) message = 'vul dit veld in';
    else if (length) message = length[1] === '>=' ? `gebruik minstens ${length[2]} tekens` : `gebruik hoogstens ${length[2]} tekens`;
  }
  return { field, message, ...(empty ? {} : { value: typed }) };
}

/** A slug left empty is derived from the name; when the name is missing too, only the name is worth a message. */
export function withoutDerivedSlug(f: FormFailure, raw: Record<string, string>): FormFailure {
  if ((raw.slug ?? '').trim() !== '' || !f.issues.some((i) => i.field === 'name')) return f;
  return { ...f, issues: f.issues.filter((i) => i.field !== 'slug') };
}

export interface FormFailure extends FormState {
  status: 400 | 409 | 412 | 428;
}

/**
 * The form-page answer to a service error: VALIDATION, DUPLICATE and the version checks
 * become messages on the form (400/409/412/428); anything else (403, 404, 500) is
 * rethrown for the app's error pages.
 */
export function formFailure(e: unknown, raw: Record<string, string>, locale: Locale): FormFailure {
  if (!isVlechtError(e)) throw e;
  switch (e.code) {
    case 'VALIDATION': {
      const seen = new Set<string>();
      const issues = e.issues.map((i) => forPeople(i, raw)).filter((i) => !seen.has(i.field) && seen.add(i.field));
      return { status: 400, values: raw, issues };
    }
    case 'DUPLICATE': {
      const field = String(e.params.field ?? '');
      const value = raw[field] || String(e.params.value ?? '');
      return {
        status: 409, values: raw,
        issues: [{ field, message: 'bestaat al; kies een andere waarde', value }],
        message: t(locale, 'error.DUPLICATE', { field: fieldLabel(locale, field), value }),
      };
    }
    case 'PRECONDITION_FAILED':
      // The form keeps the user's input and now carries the current version: saving again
      // is a deliberate choice after reading the message.
      return {
        status: 412, values: { ...raw, version: String(e.params.current ?? raw.version ?? '') }, issues: [],
        message: `Iemand anders heeft dit intussen gewijzigd (versie ${String(e.params.current)}, u had versie ${String(e.params.expected)}). `
          + 'Uw invoer staat hieronder: vergelijk die met de huidige gegevens en sla opnieuw op om ze te overschrijven.',
      };
    case 'PRECONDITION_REQUIRED':
      return { status: 428, values: raw, issues: [], message: 'De versie van het formulier ontbreekt. Laad de pagina opnieuw en voer uw wijziging opnieuw in.' };
    default:
      throw e;
  }
}

/** A hidden field; `version` for optimistic concurrency. */
export const Hidden = ({ name, value }: { name: string; value: string | number | undefined }) =>
  <input type="hidden" name={name} value={value === undefined ? '' : String(value)} />;

export const versionOf = (s: string | undefined) => (s && /^\d{1,9}$/.test(s) ? Number(s) : undefined);
