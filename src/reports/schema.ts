/** zod input schemas of reports, shared by API, forms, CLI and the demo; Dutch messages that name what to fill in. */
import { z } from 'zod';
import { parseReportPeriod, PERIOD_HINT } from './period.ts';

export const REPORT_KINDS = ['voortgang', 'factsheet'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** The sections people write, per kind, in the order of seed 003 (A–F) and of a progress report. */
export const TEXT_SECTIONS: Record<ReportKind, { key: string; label: string; hint: string }[]> = {
  factsheet: [
    { key: 'a', label: 'A. Mate van vervlechting — toelichting', hint: 'Wat is samengevoegd (leiding, systemen, locaties)? De niveaus en datums komen uit het register.' },
    { key: 'b', label: 'B. Opbrengst kwalitatief', hint: 'Wat is beter geworden: continuïteit, deskundigheid, kwaliteit van dienstverlening.' },
    { key: 'c', label: 'C. Opbrengst kwantitatief — toelichting', hint: 'Duiding van de cijfers uit doelen, metingen en de urenadministratie.' },
    { key: 'd', label: 'D. Kosten — toelichting', hint: 'Duiding van de kosten uit de urenadministratie en het ontvlechtingsscenario.' },
    { key: 'e', label: 'E. Perspectief verdere ontwikkeling', hint: 'Wat zijn de volgende stappen?' },
    { key: 'f', label: 'F. Wat levert het de inwoners op?', hint: 'In woorden die een inwoner begrijpt.' },
  ],
  voortgang: [
    { key: 'inleiding', label: 'Inleiding', hint: 'Waarover gaat deze rapportage, voor wie, en wat is de stand in één alinea?' },
    { key: 'ontwikkelingen', label: 'Ontwikkelingen in de periode', hint: 'Wat is er gebeurd, wat is bereikt, wat niet?' },
    { key: 'vooruitblik', label: 'Vooruitblik', hint: 'Wat staat de komende periode op de agenda?' },
  ],
};

const period = z.string({ error: PERIOD_HINT }).trim().transform((s, ctx) => {
  const p = parseReportPeriod(s);
  if (!p) { ctx.addIssue({ code: 'custom', message: PERIOD_HINT }); return z.NEVER; }
  return p;
});

export const reportInput = z.object({
  kind: z.enum(REPORT_KINDS, { error: 'kies voortgangsrapportage of factsheet' }),
  team: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().trim().max(80).optional()),
  period,
  title: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().trim().max(200, { error: 'gebruik hoogstens 200 tekens' }).optional()),
}).superRefine((v, ctx) => {
  if (v.kind === 'factsheet' && !v.team) ctx.addIssue({ code: 'custom', path: ['team'], message: 'kies het team van de factsheet' });
  if (v.kind === 'voortgang' && v.team) ctx.addIssue({ code: 'custom', path: ['team'], message: 'een voortgangsrapportage gaat over de hele samenwerking: laat het team leeg' });
});

const sectionText = z.string({ error: 'vul tekst in' }).max(20_000, { error: 'gebruik hoogstens 20.000 tekens' });

/** Texts of a report; only the keys of its kind are accepted (checked in the service, which knows the kind). */
export const textsInput = z.record(z.string().max(40), sectionText.optional(), { error: 'geef de teksten per onderdeel' });
