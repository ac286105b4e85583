/**
 * zod input schema for a shared cost item (kostenpost), used by API, forms and CLI alike.
 * Money in integer cents; fixed shares in basis points (10000 = 100%) per CBS code.
 */
import { z } from 'zod';
import { ALLOCATION_KEYS, COST_KINDS } from './tables.ts';
import { cbsCode, isoDate } from '../register/schema.ts';
import { MAX_TOTAL_CENTS } from './allocation.ts';

/** An empty form field counts as not given. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());

const cents = z.coerce.number().int().min(0).max(MAX_TOTAL_CENTS);
const centsPerMunicipality = z.record(cbsCode, cents);

export const costItemInput = z.object({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(COST_KINDS),
  amountCents: cents,
  periodFrom: isoDate,
  periodTo: isoDate,
  teamId: optional(z.uuid()),
  allocationKey: z.enum(ALLOCATION_KEYS),
  /** Required for the inhabitants key: the year whose population counts. */
  keyYear: optional(z.coerce.number().int().min(1900).max(2100)),
  /** Required for the fixed key: basis points per CBS code, summing to 10000. */
  fixedShares: optional(z.record(cbsCode, z.coerce.number().int().min(0).max(10_000))),
  /** What each municipality would pay alone, cents per CBS code (the counterfactual). */
  standaloneCents: optional(centsPerMunicipality),
  source: z.string().trim().max(300).default(''),
}).superRefine((c, ctx) => {
  if (c.periodTo < c.periodFrom) ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'de einddatum ligt voor de begindatum' });
  if (c.allocationKey === 'inwoners' && c.keyYear === undefined) {
    ctx.addIssue({ code: 'custom', path: ['keyYear'], message: 'bij de verdeelsleutel inwoners hoort het jaar waarvan het inwonertal telt' });
  }
  if (c.allocationKey === 'vast') {
    if (!c.fixedShares) ctx.addIssue({ code: 'custom', path: ['fixedShares'], message: 'bij de verdeelsleutel vast hoort een vast percentage per gemeente' });
    else {
      const sum = Object.values(c.fixedShares).reduce((a, b) => a + b, 0);
      if (sum !== 10_000) ctx.addIssue({ code: 'custom', path: ['fixedShares'], message: `de vaste aandelen tellen op tot ${sum} basispunten in plaats van 10.000 (100%)` });
    }
  }
}).transform((c) => ({
  ...c,
  teamId: c.teamId ?? null,
  // A year or shares that belong to another key would only mislead a later reader.
  keyYear: c.allocationKey === 'inwoners' ? c.keyYear! : null,
  fixedShares: c.allocationKey === 'vast' ? c.fixedShares! : null,
  standaloneCents: c.standaloneCents ?? null,
}));

export type CostItemInput = z.input<typeof costItemInput>;
export type CostItemData = z.output<typeof costItemInput>;
