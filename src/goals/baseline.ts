/**
 * The baseline of a derived KPI against its own derived series (pure). Issue 16: a KPI
 * derived from the qualifications accepted a baseline of 2 while its series said 0 since
 * 2019, and turned green at once. So: an empty baseline is filled from the series (the
 * value at the baseline date; without a date, the first point), and a baseline that differs
 * from the series at its date needs a reason, which is stored and shown.
 */
import { formatDecimal, normalise } from './decimal.ts';
import { formatDate } from '../platform/i18n/format.ts';

export interface SeriesPoint { measuredOn: string; value: string }
export interface Baseline { baselineValue: string | null; baselineDate: string | null; baselineSource: string; baselineReason: string }

/** The series' value at `date`: the last point on or before it; null before the first point. */
export function valueAt(series: readonly SeriesPoint[], date: string): SeriesPoint | null {
  let found: SeriesPoint | null = null;
  for (const p of [...series].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn))) if (p.measuredOn <= date) found = p;
  return found;
}

/** Fills what the user left empty from the series; what the user gave stays. */
export function prefillBaseline(b: Baseline, series: readonly SeriesPoint[], sourceWords: string): Baseline {
  if (b.baselineValue !== null && b.baselineDate !== null) return b;
  const sorted = [...series].sort((a, c) => a.measuredOn.localeCompare(c.measuredOn));
  const date = b.baselineDate ?? sorted[0]?.measuredOn ?? null;
  const at = date ? valueAt(sorted, date) : null;
  if (b.baselineValue !== null || !date || !at) return b;
  return { ...b, baselineValue: at.value, baselineDate: date, baselineSource: b.baselineSource || `afgeleide reeks uit ${sourceWords}, ${formatDate(at.measuredOn)}` };
}

export interface BaselineIssue { field: 'baselineReason'; message: string; value: string }

/** A baseline that differs from the series at its date, without a reason: the issue, naming both values. */
export function baselineReasonIssue(b: Baseline, series: readonly SeriesPoint[], unit: string): BaselineIssue | null {
  if (b.baselineValue === null || b.baselineDate === null) return null;
  const at = valueAt(series, b.baselineDate);
  if (!at || normalise(at.value) === normalise(b.baselineValue) || b.baselineReason.trim() !== '') return null;
  const show = (v: string) => `${formatDecimal(v)}${unit && unit !== 'aantal' ? ` ${unit}` : ''}`;
  return {
    field: 'baselineReason', value: show(b.baselineValue),
    message: `de nulmeting (${show(b.baselineValue)} op ${formatDate(b.baselineDate)}) wijkt af van de eigen afgeleide reeks (${show(at.value)} op ${formatDate(at.measuredOn)}); neem ${show(at.value)} over of geef een reden voor de afwijking`,
  };
}
