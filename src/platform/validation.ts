/** Parses input with a zod schema; failures become one VALIDATION error listing every field. */
import { z } from 'zod';
import { VlechtError, type FieldIssue } from './errors.ts';
import { parseDutchDate } from './i18n/format.ts';

z.config(z.locales.nl());

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

export function issuesOf(error: z.ZodError, input: unknown, row?: number): FieldIssue[] {
  return error.issues.map((i) => ({
    field: i.path.map(String).join('.') || '(invoer)',
    message: i.message,
    value: valueAt(input, i.path),
    ...(row !== undefined ? { row } : {}),
  }));
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new VlechtError('VALIDATION', {}, issuesOf(result.error, input));
  return result.data;
}

/** A date as users type it (dd-mm-jjjj) or ISO, checked as a real ISO date. */
export const dutchDay = z.preprocess((v) => (typeof v === 'string' ? parseDutchDate(v) : v), z.iso.date({ error: 'schrijf de datum als dd-mm-jjjj, bijv. 31-12-2026' }));
