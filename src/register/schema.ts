/**
 * zod schemas for register input, shared by API, forms, CLI and the demo loader.
 * Field names are the API's; their Dutch labels live in i18n.
 */
import { z } from 'zod';
import { LEGAL_FORMS, MEMBER_ROLES } from './catalogue.ts';
import { isBbvTaakveld } from './bbv.ts';
import { parseDecimal } from '../platform/import/columns.ts';

export const isoDate = z.iso.date();
export const slug = z.string().trim().min(2).max(60).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
  error: 'alleen kleine letters, cijfers en koppeltekens (bijv. heemstede-bloemendaal)',
});
export const cbsCode = z.string().trim().toUpperCase().regex(/^GM[0-9]{4}$/, {
  error: 'een CBS-gemeentecode is GM gevolgd door 4 cijfers (bijv. GM0397)',
});
const text = (max: number) => z.string().trim().max(max);
const name = z.string().trim().min(1).max(200);

export const municipalityInput = z.object({ cbsCode, name });
export const municipalityPatch = z.object({ name }).partial();
export const populationInput = z.object({
  year: z.coerce.number().int().min(1900).max(2100),
  inhabitants: z.coerce.number().int().min(0).max(2_000_000),
  source: text(300).min(1),
});

export const cooperationInput = z.object({
  slug,
  name,
  legalForm: z.enum(LEGAL_FORMS),
  startDate: isoDate,
  endDate: isoDate.nullable().default(null),
  mustStayDisentanglable: z.boolean().default(false),
  thirdMunicipalityMayJoin: z.boolean().default(false),
  description: text(4000).default(''),
  source: text(300).default(''),
});
/**
 * A patch changes only the fields it names: defaults of the create schema must not fill
 * in absent fields (that would silently reset them).
 */
function patchOf<S extends z.ZodRawShape>(schema: z.ZodObject<S>) {
  const shape = Object.fromEntries(Object.entries(schema.shape).map(([key, field]) =>
    [key, (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)).optional()]));
  return z.object(shape) as unknown as ReturnType<z.ZodObject<S>['partial']>;
}

export const cooperationPatch = patchOf(cooperationInput.omit({ slug: true }));

export const memberInput = z.object({
  cbsCode,
  role: z.enum(MEMBER_ROLES),
  validFrom: isoDate,
  validTo: isoDate.nullable().default(null),
});

export const teamInput = z.object({
  slug,
  name,
  leadMunicipalityCbsCode: cbsCode.nullable().default(null),
  managerName: text(200).default(''),
  bbvTaakveld: z.string().trim().refine(isBbvTaakveld, { error: 'geen BBV-taakveld; bijv. 0.4 (Overhead) of 1.2 (Openbare orde en veiligheid)' }).nullable().default(null),
  description: text(4000).default(''),
  /** Agreed share of hours per municipality in basis points (10000 = 100%); null = equal shares. */
  agreedShares: z.record(cbsCode, z.coerce.number().int().min(0).max(10_000)).nullable()
    .refine((v) => v === null || Object.values(v).reduce((a, b) => a + b, 0) === 10_000, { error: 'de afgesproken aandelen moeten samen 10.000 basispunten (100%) zijn' })
    .default(null),
});
export const teamPatch = patchOf(teamInput.omit({ slug: true }));

export const integrationLevelInput = z.object({
  level: z.coerce.number().int().min(0).max(5),
  validFrom: isoDate,
  decisionReference: text(500).default(''),
  note: text(2000).default(''),
  source: text(300).default(''),
});

export const functionInput = z.object({
  name,
  critical: z.boolean().default(false),
  requiredQualified: z.coerce.number().int().min(1).max(50).default(1),
});

/** FTE as entered (0,01–1,5) becomes thousandths. */
export const fte = z.coerce.number().positive().max(1.5).transform((v) => Math.round(v * 1000));
/** Money in euros as entered becomes integer cents. */
export const euroToCents = z.coerce.number().min(0).max(10_000).transform((v) => Math.round(v * 100));

export const employeeInput = z.object({
  employerCbsCode: cbsCode,
  personnelNumber: z.string().trim().min(1).max(40),
  name,
  synthetic: z.boolean().default(false),
  assignment: z.object({
    teamId: z.uuid(),
    functionId: z.uuid().nullable().default(null),
    fteMilli: z.coerce.number().int().min(1).max(1500),
    validFrom: isoDate,
  }).optional(),
  rate: z.object({ hourlyRateCents: z.coerce.number().int().min(0).max(1_000_000), validFrom: isoDate }).optional(),
});
export const employeePatch = z.object({ name }).partial();

export const assignmentInput = z.object({
  teamId: z.uuid(),
  functionId: z.uuid().nullable().default(null),
  fteMilli: z.coerce.number().int().min(1).max(1500),
  validFrom: isoDate,
});
export const rateInput = z.object({
  hourlyRateCents: z.coerce.number().int().min(0).max(1_000_000),
  validFrom: isoDate,
});

export type MunicipalityInput = z.input<typeof municipalityInput>;
export type CooperationInput = z.input<typeof cooperationInput>;
export type MemberInput = z.input<typeof memberInput>;
export type TeamInput = z.input<typeof teamInput>;
export type IntegrationLevelInput = z.input<typeof integrationLevelInput>;
export type FunctionInput = z.input<typeof functionInput>;
export type EmployeeInput = z.input<typeof employeeInput>;

/**
 * A figure typed as a person writes it (`245,5`, `1.234.567,89`, `€ 12.000`) or a JSON
 * number, in units (FTE, euro), stored as an integer of thousandths or cents. Empty = unknown.
 */
const scaledFigure = (factor: number, max: number, what: string) => z.preprocess(
  (v) => (v === '' || v === undefined ? null : v),
  z.union([z.number(), z.string()]).nullable().transform((v, ctx) => {
    if (v === null) return null;
    // "15.400.000" without a comma: dots group thousands, as a Dutch person writes euros.
    const grouped = typeof v === 'string' && /^\s*(€\s*)?\d{1,3}(\.\d{3}){2,}\s*$/.test(v) ? v.replace(/\./g, '') : v;
    const n = parseDecimal(grouped);
    if (n === null || n < 0 || n > max) {
      ctx.addIssue({ code: 'custom', message: `geen geldig ${what} (bijv. ${factor === 1000 ? '245,5' : '1.234.567,89'}), niet negatief` });
      return z.NEVER;
    }
    return Math.round(n * factor);
  }),
);
const fteFigure = scaledFigure(1000, 100_000, 'aantal fte');
const euroFigure = scaledFigure(100, 50_000_000_000, 'bedrag in euro');

/** One year of a municipality's BBV figures (begroting or jaarrekening), each optional. */
export const annualFiguresInput = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  formatieFte: fteFigure.default(null),
  bezettingFte: fteFigure.default(null),
  loonsom: euroFigure.default(null),
  inhuur: euroFigure.default(null),
  apparaatskosten: euroFigure.default(null),
  overhead: euroFigure.default(null),
  totaleLasten: euroFigure.default(null),
  source: text(300).min(1, { error: 'noem de bron, bijv. jaarrekening 2024, paragraaf bedrijfsvoering' }),
});
export type AnnualFiguresInput = z.input<typeof annualFiguresInput>;
