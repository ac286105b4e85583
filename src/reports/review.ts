/**
 * The review before publishing (issue 17, item 4): what a publication would go out
 * without — text sections still empty (named as on the page, A–F for a factsheet), KPIs
 * with no measurement in the report's period — and the data date. Pure: from the texts
 * and the gathered content.
 */
import { formatDate } from '../platform/i18n/format.ts';
import { TEXT_SECTIONS, type ReportKind } from './schema.ts';
import type { ReportContent } from './content.service.ts';

export interface PublicationReview {
  /** Labels of the text sections without text. */
  emptySections: string[];
  /** "KPI (doel)" for each KPI whose latest measurement is missing or before the period. */
  kpisWithoutMeasurement: string[];
  dataDate: string;
  /** One line naming everything missing; empty when nothing is. */
  missingWords: string;
}

/**
 * @example reviewPublication('factsheet', { a: 'tekst' }, content).emptySections // ['B. Opbrengst kwalitatief', …]
 */
export function reviewPublication(kind: ReportKind, texts: Record<string, string>, content: Pick<ReportContent, 'goals' | 'period' | 'dataDate'>): PublicationReview {
  const emptySections = TEXT_SECTIONS[kind].filter((s) => !(texts[s.key] ?? '').trim()).map((s) => s.label);
  const kpisWithoutMeasurement = content.goals.flatMap((g) => g.kpis
    .filter((k) => !k.latest || k.latest.date < content.period.from)
    .map((k) => `${k.name} (${g.title})`));
  const parts = [
    ...(emptySections.length ? [`lege onderdelen ${emptySections.map((s) => `“${s}”`).join(', ')}`] : []),
    ...(kpisWithoutMeasurement.length ? [`indicatoren zonder meting in ${content.period.label}: ${kpisWithoutMeasurement.join(', ')}`] : []),
  ];
  return { emptySections, kpisWithoutMeasurement, dataDate: content.dataDate, missingWords: parts.join('; ') };
}

/** The words of the confirmation a publisher gives when something is missing. */
export const confirmationWords = (r: PublicationReview) => `Ik publiceer met: ${r.missingWords} (cijfers van ${formatDate(r.dataDate)})`;
