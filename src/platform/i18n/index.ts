/** Message lookup with `{param}` interpolation; Dutch unless English is asked for. */
import { nl, type MessageKey } from './nl.ts';
import { en } from './en.ts';
import { fieldLabels } from './fields.ts';

export type Locale = 'nl' | 'en';
export type { MessageKey };

const dictionaries: Record<Locale, Record<MessageKey, string>> = { nl, en };

export function t(locale: Locale, key: MessageKey, params: Record<string, unknown> = {}): string {
  const template = dictionaries[locale][key] ?? nl[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (params[name] === undefined ? `{${name}}` : String(params[name])));
}

/** A field's label for messages and forms, e.g. `cbsCode` → `CBS-code`. */
export function fieldLabel(locale: Locale, field: string): string {
  const last = field.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? field;
  return fieldLabels[last]?.[locale] ?? field;
}

/**
 * Dutch first: English only when the user chose it (the language link sets a cookie).
 * The browser's Accept-Language is not followed, because most pages' own text is Dutch
 * and a half-English page helps nobody.
 */
export function pickLocale(cookie: string | undefined, _acceptLanguage?: string): Locale {
  return cookie === 'en' ? 'en' : 'nl';
}
