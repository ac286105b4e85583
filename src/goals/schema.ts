/**
 * zod input schemas of goals, KPIs, targets, measurements, status changes and audit-office
 * recommendations, shared by API, forms and the demo. Dates as ISO or dd-mm-jjjj; values
 * as a JSON number or a decimal string ("41.2"); Dutch messages.
 */
import { z } from 'zod';
import { dutchDay } from '../platform/validation.ts';
import { CRITERIA, DERIVATIONS, DIRECTIONS, GOAL_STATUSES } from './catalogue.ts';
import { parseDecimal } from './decimal.ts';

const empty = (v: unknown) => v === '' || v === null;
/** Absent, empty or null → not given. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (empty(v) ? undefined : v), schema.optional());
/** For patches: absent → unchanged, empty or null → cleared. */
const clearable = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? null : v), schema.nullable().optional());

/** Re-exported for the goals forms and schemas. */
export const day = dutchDay;
export const decimalValue = z.union([z.number(), z.string()], { error: 'vul een getal in, bijv. 41,2' }).transform((v, ctx) => {
  const d = parseDecimal(v);
  if (d === null) {
    ctx.addIssue({ code: 'custom', message: 'geen geldig getal (bijv. 41,2); hoogstens 4 decimalen en 14 cijfers voor de komma' });
    return z.NEVER;
  }
  return d;
});
const text = (max: number) => z.string().trim().max(max, { error: `gebruik hoogstens ${max} tekens` });
const required = (max: number, message: string) => text(max).min(1, { error: message });

const goalFields = {
  title: required(200, 'geef het doel een titel'),
  criterion: z.enum(CRITERIA, { error: 'kies een toetsingscriterium uit de lijst' }),
  description: text(4000),
  ownerName: text(200),
  source: text(300),
};

export const goalInput = z.object({
  ...goalFields,
  description: goalFields.description.default(''),
  ownerName: goalFields.ownerName.default(''),
  source: goalFields.source.default(''),
  teamId: optional(z.uuid({ error: 'kies een team van deze samenwerking' })),
  recommendationId: optional(z.uuid({ error: 'kies een aanbeveling uit de lijst' })),
}).transform((g) => ({ ...g, teamId: g.teamId ?? null, recommendationId: g.recommendationId ?? null }));

/** A patch changes only the fields it names; no defaults fill in absent fields. */
export const goalPatch = z.object({
  title: goalFields.title.optional(),
  criterion: goalFields.criterion.optional(),
  description: goalFields.description.optional(),
  ownerName: goalFields.ownerName.optional(),
  source: goalFields.source.optional(),
  teamId: clearable(z.uuid({ error: 'kies een team van deze samenwerking' })),
  recommendationId: clearable(z.uuid({ error: 'kies een aanbeveling uit de lijst' })),
});

export const transitionInput = z.object({
  to: z.enum(GOAL_STATUSES, { error: 'kies de nieuwe status uit de lijst' }),
  decidedOn: day,
  decisionReference: required(500, 'noem het besluit of stuk, bijv. collegebesluit 12-03-2026 of raadsvoorstel (B-stuk) 2026-014'),
  note: text(2000).default(''),
});

export const recommendationInput = z.object({
  source: required(300, 'noem het rapport waaruit de aanbeveling komt'),
  number: required(20, 'geef het nummer van de aanbeveling, bijv. 1'),
  text: required(4000, 'neem de tekst van de aanbeveling over'),
});

/** The baseline is value, date and source together; the same rule for create and patch. */
export function baselineIssues(k: { baselineValue: string | null; baselineDate: string | null; baselineSource: string }) {
  const issues: { field: string; message: string }[] = [];
  if (k.baselineValue !== null && k.baselineDate === null) issues.push({ field: 'baselineDate', message: 'bij een nulmeting hoort de datum waarop die gold' });
  if (k.baselineValue === null && k.baselineDate !== null) issues.push({ field: 'baselineValue', message: 'vul de waarde van de nulmeting in, of laat ook de datum leeg' });
  if (k.baselineValue !== null && k.baselineSource.trim() === '') issues.push({ field: 'baselineSource', message: 'noem de bron van de nulmeting' });
  return issues;
}

const kpiFields = {
  name: required(200, 'geef de indicator een naam'),
  unit: text(40),
  direction: z.enum(DIRECTIONS, { error: 'kies of hoger of lager beter is' }),
  baselineSource: text(300),
  source: text(300),
};

export const kpiInput = z.object({
  ...kpiFields,
  unit: kpiFields.unit.default(''),
  baselineValue: optional(decimalValue),
  baselineDate: optional(day),
  baselineSource: kpiFields.baselineSource.default(''),
  baselineReason: text(1000).default(''),
  deadline: optional(day),
  source: kpiFields.source.default(''),
  derivation: optional(z.enum(DERIVATIONS, { error: 'kies een afleiding uit de lijst' })),
}).transform((k) => ({
  ...k, baselineValue: k.baselineValue ?? null, baselineDate: k.baselineDate ?? null, deadline: k.deadline ?? null, derivation: k.derivation ?? null,
})).superRefine((k, ctx) => {
  // A derived KPI's baseline is completed from its series first; the service checks it then.
  if (k.derivation === null) for (const i of baselineIssues(k)) ctx.addIssue({ code: 'custom', path: [i.field], message: i.message });
  if (k.unit === '' && k.derivation === null) ctx.addIssue({ code: 'custom', path: ['unit'], message: 'noem de eenheid, bijv. %, uur, euro of aantal' });
});

export const kpiPatch = z.object({
  name: kpiFields.name.optional(),
  unit: kpiFields.unit.min(1, { error: 'noem de eenheid, bijv. %, uur, euro of aantal' }).optional(),
  direction: kpiFields.direction.optional(),
  baselineValue: clearable(decimalValue),
  baselineDate: clearable(day),
  baselineSource: kpiFields.baselineSource.optional(),
  baselineReason: text(1000).optional(),
  deadline: clearable(day),
  source: kpiFields.source.optional(),
});

export const targetInput = z.object({
  targetDate: day,
  value: decimalValue,
  /** When the target was set; default today. */
  setOn: optional(day),
  source: text(300).default(''),
});

export const measurementInput = z.object({
  measuredOn: day,
  value: decimalValue,
  source: required(300, 'noem de bron van de meting, bijv. jaarverslag 2025 of MTO 2026'),
});

/** The fields a parsed patch actually names (absent ones may come out as undefined). */
export const definedOnly = <T extends Record<string, unknown>>(patch: T): Partial<T> =>
  Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;

export const importQuery = z.object({
  bron: text(300).default(''),
});

export type GoalInput = z.input<typeof goalInput>;
export type KpiInput = z.input<typeof kpiInput>;
export type TargetInput = z.input<typeof targetInput>;
export type MeasurementInput = z.input<typeof measurementInput>;
export type TransitionInput = z.input<typeof transitionInput>;
