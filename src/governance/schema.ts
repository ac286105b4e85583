/**
 * zod input schemas of governance, shared by API, forms, CLI and the demo. Dates as ISO
 * or dd-mm-jjjj; Dutch messages that say what to fill in. Patches name only the fields
 * they change; the service merges a patch with the current row and validates the result
 * with the full schema, so cross-field rules hold after every edit.
 */
import { z } from 'zod';
import { dutchDay } from '../platform/validation.ts';
import { BODY_KINDS, COMMITMENT_KINDS, COMMITMENT_STATUSES, DOCUMENT_STATUSES, MILESTONE_STATUSES, RIGHTS } from './catalogue.ts';
import { FORM_KEYS } from './forms.ts';

const empty = (v: unknown) => v === '' || v === null || v === undefined;
/** Absent, empty or null → null. */
const nullable = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (empty(v) ? null : v), schema.nullable());
const text = (max: number) => z.string({ error: 'vul tekst in' }).trim().max(max, { error: `gebruik hoogstens ${max} tekens` });
const required = (max: number, message: string) => text(max).min(1, { error: message });
const key = z.string({ error: 'vul een korte naam in' }).trim().toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{0,59}$/, { error: 'gebruik kleine letters, cijfers en koppeltekens, bijv. raad-gm0397' });
const cbs = z.string().trim().toUpperCase().regex(/^GM\d{4}$/, { error: 'schrijf de CBS-code als GM gevolgd door 4 cijfers, bijv. GM0397' });
const uuidList = (message: string) => z.array(z.uuid({ error: message }), { error: message }).max(50, { error: 'hoogstens 50' });
const bool = z.union([z.boolean(), z.literal('ja').transform(() => true), z.literal('').transform(() => false)], { error: 'kies ja of nee' });

export const bodyInput = z.object({
  key,
  name: required(120, 'geef het orgaan een naam, bijv. Raad Heemstede'),
  kind: z.enum(BODY_KINDS, { error: 'kies een soort orgaan uit de lijst' }),
  municipalityCbs: nullable(cbs),
  committeeForKey: nullable(key),
  leadDays: z.coerce.number({ error: 'vul een heel aantal dagen in' }).int({ error: 'vul een heel aantal dagen in' })
    .min(0, { error: 'een aanlevertermijn is 0 of meer dagen' }).max(365, { error: 'een aanlevertermijn is hoogstens 365 dagen' }).default(0),
});
export const bodyPatch = bodyInput.pick({ name: true, leadDays: true, committeeForKey: true }).partial();

export const decisionTypeInput = z.object({ key, name: required(200, 'geef het soort besluit een naam, bijv. Teamplan') });

export const matrixInput = z.object({
  cells: z.array(z.object({
    type: key,
    body: key,
    right: nullable(z.enum(RIGHTS, { error: 'kies besluit, adviseert, geinformeerd of leeg' })),
  }), { error: 'geef de cellen van de matrix als lijst' }).max(2000, { error: 'hoogstens 2000 cellen' }),
});

const link = z.object({
  label: text(200).default(''),
  url: nullable(z.url({ protocol: /^https?$/, error: 'een link begint met https:// of http://' }).max(1000, { error: 'gebruik hoogstens 1000 tekens' })),
  oriId: nullable(text(200).regex(/^[\w.:-]+$/, { error: 'een Open Raadsinformatie-id bestaat uit letters, cijfers, punten, dubbele punten en koppeltekens' })),
}).refine((l) => l.url !== null || l.oriId !== null, { error: 'geef een link (URL) of een Open Raadsinformatie-id', path: ['url'] });

const decisionFields = {
  decidedOn: dutchDay,
  /** When the decision is planned (may lie ahead); the decision date may not. */
  plannedOn: nullable(dutchDay),
  bodyKey: key,
  decisionTypeKey: key,
  subject: required(300, 'noem het onderwerp van het besluit'),
  text: text(8000).default(''),
  teamIds: uuidList('kies teams van deze samenwerking').default([]),
  documentStatus: nullable(z.enum(DOCUMENT_STATUSES, { error: 'kies A, B of C' })),
  links: z.array(link, { error: 'geef links als lijst' }).max(20, { error: 'hoogstens 20 links' }).default([]),
  followUp: text(4000).default(''),
  orAdviceOn: nullable(dutchDay),
  orAdviceReference: text(300).default(''),
  source: text(500).default(''),
  synthetic: bool.default(false),
};
export const decisionInput = z.object(decisionFields).superRefine((d, ctx) => {
  if (d.orAdviceOn === null && d.orAdviceReference !== '') ctx.addIssue({ code: 'custom', path: ['orAdviceOn'], message: 'vul de datum van het OR-advies in, of laat ook de verwijzing leeg' });
});
export const decisionPatch = z.object(decisionFields).partial();

const commitmentFields = {
  kind: z.enum(COMMITMENT_KINDS, { error: 'kies een soort uit de lijst: raadsvraag, toezegging, motie, accountantsbevinding of aanbeveling-rekenkamer' }),
  reference: text(100).default(''),
  title: required(300, 'geef een korte titel'),
  description: text(8000).default(''),
  municipalityCbs: nullable(cbs),
  ownerName: text(200).default(''),
  madeOn: dutchDay,
  dueOn: nullable(dutchDay),
  status: z.enum(COMMITMENT_STATUSES, { error: 'kies nieuw, in-behandeling of afgedaan' }).default('nieuw'),
  closedOn: nullable(dutchDay),
  followUp: text(4000).default(''),
  recommendationId: nullable(z.uuid({ error: 'kies een aanbeveling uit de lijst' })),
  decisionId: nullable(z.uuid({ error: 'kies een besluit uit de lijst' })),
  source: text(500).default(''),
  synthetic: bool.default(false),
};
export const commitmentInput = z.object(commitmentFields).superRefine((c, ctx) => {
  if (c.status === 'afgedaan' && c.closedOn === null) ctx.addIssue({ code: 'custom', path: ['closedOn'], message: 'vul in wanneer het is afgedaan' });
  if (c.status !== 'afgedaan' && c.closedOn !== null) ctx.addIssue({ code: 'custom', path: ['closedOn'], message: 'een datum van afdoening hoort alleen bij status afgedaan' });
  if (c.closedOn !== null && c.closedOn < c.madeOn) ctx.addIssue({ code: 'custom', path: ['closedOn'], message: 'afgedaan vóór de datum waarop het werd gedaan of toegezegd' });
  if (c.dueOn !== null && c.dueOn < c.madeOn) ctx.addIssue({ code: 'custom', path: ['dueOn'], message: 'de termijn ligt vóór de datum waarop het werd gedaan of toegezegd' });
});
export const commitmentPatch = z.object(commitmentFields).partial();

const milestoneFields = {
  title: required(300, 'geef de mijlpaal een titel'),
  description: text(4000).default(''),
  teamId: nullable(z.uuid({ error: 'kies een team van deze samenwerking' })),
  dueOn: dutchDay,
  status: z.enum(MILESTONE_STATUSES, { error: 'kies gepland, loopt, gereed of vervallen' }).default('gepland'),
  completedOn: nullable(dutchDay),
  dependsOn: uuidList('kies mijlpalen van deze samenwerking').default([]),
  risks: text(4000).default(''),
  source: text(500).default(''),
  synthetic: bool.default(false),
};
export const milestoneInput = z.object(milestoneFields).superRefine((m, ctx) => {
  if (m.status === 'gereed' && m.completedOn === null) ctx.addIssue({ code: 'custom', path: ['completedOn'], message: 'vul in wanneer de mijlpaal gereed was' });
  if (m.status !== 'gereed' && m.completedOn !== null) ctx.addIssue({ code: 'custom', path: ['completedOn'], message: 'een datum gereed hoort alleen bij status gereed' });
});
export const milestonePatch = z.object(milestoneFields).partial();

export const meetingInput = z.object({ bodyKey: key, meetingOn: dutchDay, title: text(300).default('') });

export const calendarImportQuery = z.object({
  orgaan: nullable(key),
  formaat: z.enum(['ics', 'csv'], { error: 'kies formaat ics of csv' }),
});

export const planQuery = z.object({
  gereed: dutchDay,
  /** Council keys, comma separated; empty → every council of the cooperation. */
  raden: z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? v.split(',').map((s) => s.trim()) : []), z.array(key)),
});

export const formNoteInput = z.object({
  formKey: z.enum(FORM_KEYS, { error: 'kies een samenwerkingsvorm uit de catalogus' }),
  pros: text(8000).default(''),
  cons: text(8000).default(''),
  personnel: text(8000).default(''),
  financial: text(8000).default(''),
});

export const periodQuery = z.object({ van: dutchDay, tot: dutchDay }).refine((p) => p.van <= p.tot, { error: 'de periode eindigt vóór ze begint', path: ['tot'] });

export type DecisionInput = z.input<typeof decisionInput>;
export type CommitmentInput = z.input<typeof commitmentInput>;
export type MilestoneInput = z.input<typeof milestoneInput>;
