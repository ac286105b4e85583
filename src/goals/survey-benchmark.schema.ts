/** zod input schemas of surveys and benchmark rows, used by API, services and OpenAPI. */
import { z } from 'zod';

const mean = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const s = String(v).trim().replace(',', '.');
  const m = /^(\d{1,6})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) {
    ctx.addIssue({ code: 'custom', message: 'een gemiddelde met hoogstens 2 decimalen, bijv. 6,66' });
    return z.NEVER;
  }
  const fraction = m[2] ?? '';
  return { hundredths: Number(m[1]) * 100 + Number(fraction.padEnd(2, '0')), decimals: fraction.length as 0 | 1 | 2 };
});

export const surveyInput = z.object({
  kind: z.enum(['mto', 'enquete', 'inwonerspeiling']),
  name: z.string().trim().min(1).max(200),
  scaleMin: z.number().int().min(0).max(1000),
  scaleMax: z.number().int().min(1).max(1000),
  source: z.string().trim().min(1, 'de bron ontbreekt').max(1000),
  questions: z.array(z.object({
    number: z.number().int().min(1).max(1000),
    text: z.string().trim().min(1).max(1000),
    published: z.boolean().default(false),
  })).min(1).max(500),
  results: z.array(z.object({
    question: z.number().int().min(1),
    moment: z.string().trim().min(1).max(40),
    group: z.string().trim().min(1).max(100),
    value: mean,
    n: z.number().int().min(1).nullable().default(null),
  })).max(20_000),
});
export type SurveyInput = z.output<typeof surveyInput>;

export const publishInput = z.object({ published: z.boolean() });

export const benchmarkImportQuery = z.object({
  gemeente: z.string().regex(/^GM\d{4}$/, 'een CBS-code als GM0397'),
  bron: z.string().max(300).default(''),
});
