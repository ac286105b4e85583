/**
 * zod schemas of the coverage capability, shared by API, forms and the demo loader. Money
 * is in integer cents (per-unit prices may have decimals of a cent); dates as dd-mm-jjjj or ISO.
 */
import { z } from 'zod';
import { dutchDay } from '../platform/validation.ts';
import { PRICING_MODELS } from './pricing.ts';
import { SCENARIO_PARAMETERS, type ParameterKey } from './parameters.ts';

const cbsCode = z.string().trim().toUpperCase().regex(/^GM[0-9]{4}$/, { error: 'een CBS-gemeentecode is GM gevolgd door 4 cijfers (bijv. GM0397)' });
const name = z.string().trim().min(1, { error: 'vul een naam in' }).max(200, { error: 'gebruik hoogstens 200 tekens' });
const text = (max: number) => z.string().trim().max(max, { error: `gebruik hoogstens ${max} tekens` });
const cents = z.coerce.number({ error: 'vul een bedrag in centen in' }).int({ error: 'een bedrag in hele centen' }).min(0, { error: 'een bedrag kan niet negatief zijn' }).max(10_000_000_000, { error: 'dit bedrag is onwaarschijnlijk hoog' });
const unitCents = z.coerce.number({ error: 'vul een prijs per eenheid in centen in' }).min(0, { error: 'een prijs kan niet negatief zijn' }).max(10_000_000, { error: 'deze prijs per eenheid is onwaarschijnlijk hoog' });
const optionalDay = dutchDay.nullable().default(null);

export const pricingInput = z.discriminatedUnion('model', [
  z.object({ model: z.literal('vast'), yearlyCents: cents }),
  z.object({ model: z.literal('per-inwoner'), unitCents }),
  z.object({ model: z.literal('per-gebruiker'), unitCents }),
  z.object({
    model: z.literal('staffel'),
    basis: z.enum(['inwoners', 'gebruikers'], { error: 'kies inwoners of gebruikers als grondslag van de staffel' }),
    tiers: z.array(z.object({ fromUnits: z.coerce.number().int().min(0, { error: 'een staffel begint bij 0 of hoger' }), unitCents }))
      .min(1, { error: 'een staffel heeft minstens één trede' }).max(20)
      .refine((t) => t.some((x) => x.fromUnits === 0), { error: 'de eerste trede van een staffel begint bij 0' }),
  }),
], { error: `kies een prijsmodel: ${PRICING_MODELS.join(', ')}` });

export const qualificationInput = z.object({
  functionId: z.uuid({ error: 'kies een functie van dit team' }),
  employeeId: z.uuid({ error: 'kies een medewerker' }),
  kind: z.enum(['primair', 'achtervang'], { error: 'kies primair of achtervang' }),
  validFrom: dutchDay,
  validTo: optionalDay,
}).refine((q) => q.validTo === null || q.validTo > q.validFrom, { path: ['validTo'], error: 'de einddatum ligt na de begindatum' });

export const qualificationEnd = z.object({ validTo: dutchDay });

const useInput = z.object({
  cbsCode,
  users: z.coerce.number().int().min(0, { error: 'aantal gebruikers kan niet negatief zijn' }).max(100_000).default(0),
  validFrom: dutchDay,
  validTo: optionalDay,
});

export const applicationInput = z.object({
  name,
  supplier: text(200).default(''),
  category: text(100).default(''),
  teamId: z.uuid({ error: 'kies een team van deze samenwerking' }).nullable().default(null),
  pricing: pricingInput,
  contractEnd: optionalDay,
  synthetic: z.boolean().default(false),
  source: text(500).default(''),
  uses: z.array(useInput).max(20).default([]),
});

export const applicationPatch = z.object({
  name: name.optional(),
  supplier: text(200).optional(),
  category: text(100).optional(),
  pricing: pricingInput.optional(),
  contractEnd: dutchDay.nullable().optional(),
  source: text(500).optional(),
});

export const CONTRACT_KINDS = ['schoonmaak', 'catering', 'advies', 'overig'] as const;

export const contractInput = z.object({
  name,
  kind: z.enum(CONTRACT_KINDS, { error: 'kies schoonmaak, catering, advies of overig' }),
  supplier: text(200).default(''),
  teamId: z.uuid().nullable().default(null),
  pricing: pricingInput,
  users: z.record(cbsCode, z.coerce.number().int().min(0).max(100_000)).default({}),
  memberCodes: z.array(cbsCode).min(1, { error: 'noem minstens één deelnemende gemeente' }),
  contractEnd: optionalDay,
  synthetic: z.boolean().default(false),
  source: text(500).default(''),
});

const parameterShape = Object.fromEntries(SCENARIO_PARAMETERS.map((p) => [p.key,
  z.coerce.number({ error: `vul een getal in voor ‘${p.label}’` }).int({ error: `‘${p.label}’ is een heel getal${p.unit === 'euro' ? ' (centen)' : ''}` })
    .min(p.min, { error: `‘${p.label}’ is minstens ${p.min}` }).max(p.max, { error: `‘${p.label}’ is hoogstens ${p.max}` }).optional()])) as Record<ParameterKey, z.ZodOptional<z.ZodNumber>>;
export const parametersInput = z.strictObject(parameterShape, { error: (iss) => (iss.code === 'unrecognized_keys' ? `onbekende aanname: ${iss.keys.join(', ')}; zie GET /api/v1/ontvlechting/aannames` : undefined) });

export const leaving = z.string().trim()
  .refine((v) => v === 'alle' || /^GM[0-9]{4}$/i.test(v), { error: 'kies ‘alle’ (volledige ontvlechting) of de CBS-code van de gemeente die uittreedt, bijv. GM0377' })
  .transform((v) => (v === 'alle' ? v : v.toUpperCase()));

export const scenarioInput = z.object({
  name,
  teamId: z.uuid({ error: 'kies een team van deze samenwerking' }),
  leaving,
  referenceDate: dutchDay,
  hoursFrom: dutchDay,
  hoursTo: dutchDay,
  parameters: parametersInput.default({}),
  note: text(2000).default(''),
}).refine((s) => s.hoursTo >= s.hoursFrom, { path: ['hoursTo'], error: 'de uren lopen tot een datum na het begin' });

/** An edit: what changes; the rest is taken from the latest version. */
export const scenarioPatch = z.object({
  name: name.optional(),
  leaving: leaving.optional(),
  referenceDate: dutchDay.optional(),
  hoursFrom: dutchDay.optional(),
  hoursTo: dutchDay.optional(),
  parameters: parametersInput.optional(),
  note: text(2000).optional(),
});

export const dayQuery = z.object({ peildatum: dutchDay.optional() });
export const compareQuery = z.object({
  a: z.uuid({ error: 'kies het eerste scenario' }),
  b: z.uuid({ error: 'kies het tweede scenario' }),
  versieA: z.coerce.number().int().min(1).optional(),
  versieB: z.coerce.number().int().min(1).optional(),
});
