/**
 * The SMART check: for one goal, exactly what keeps it from being steerable — no baseline,
 * no target, no deadline, no owner, not adopted by the council, no measurement in the last
 * six months — each named with the KPI it concerns; and a per-cooperation summary. Pure.
 */
import type { GoalStatus } from './catalogue.ts';

export const GAP_CODES = ['geen-nulmeting', 'geen-streefwaarde', 'geen-deadline', 'geen-eigenaar', 'niet-vastgesteld', 'geen-recente-meting'] as const;
export type GapCode = (typeof GAP_CODES)[number];

export const GAP_WORDS: Record<GapCode, string> = {
  'geen-nulmeting': 'geen nulmeting',
  'geen-streefwaarde': 'geen streefwaarde',
  'geen-deadline': 'geen deadline',
  'geen-eigenaar': 'geen eigenaar',
  'niet-vastgesteld': 'niet vastgesteld door de raad',
  'geen-recente-meting': 'geen meting in de laatste 6 maanden',
};

export interface SmartKpi {
  name: string;
  hasBaseline: boolean;
  targetCount: number;
  deadline: string | null;
  /** Latest measurement date on or before today, ISO; null when none. */
  lastMeasuredOn: string | null;
}

export interface SmartGoal {
  ownerName: string;
  status: GoalStatus;
  kpis: readonly SmartKpi[];
}

export interface Gap {
  code: GapCode;
  /** The KPI concerned; null when the gap is the goal's own or the goal has no KPI. */
  kpi: string | null;
  /** Dutch, e.g. `geen nulmeting voor indicator ‘Vervangingsuren P&O’`. */
  message: string;
}

export interface SmartResult {
  smart: boolean;
  gaps: Gap[];
}

/** The same day six calendar months earlier (31 August → 28/29 February). */
export function sixMonthsBefore(today: string): string {
  const [y, m, d] = today.split('-').map(Number);
  const month = m - 6 <= 0 ? m + 6 : m - 6;
  const year = m - 6 <= 0 ? y - 1 : y;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

const forKpi = (code: GapCode, kpi: string): Gap => ({ code, kpi, message: `${GAP_WORDS[code]} voor indicator ‘${kpi}’` });
const forGoal = (code: GapCode, why = ''): Gap => ({ code, kpi: null, message: `${GAP_WORDS[code]}${why}` });

/** What the goal lacks on `today` (ISO), in the order of GAP_CODES, per KPI in the goal's order. */
export function smartCheck(goal: SmartGoal, today: string): SmartResult {
  const cutoff = sixMonthsBefore(today);
  const noKpi = goal.kpis.length === 0 ? ' (het doel heeft nog geen indicator)' : '';
  const perKpi = (code: GapCode, missing: (k: SmartKpi) => boolean): Gap[] =>
    noKpi ? [forGoal(code, noKpi)] : goal.kpis.filter(missing).map((k) => forKpi(code, k.name));
  const gaps: Gap[] = [
    ...perKpi('geen-nulmeting', (k) => !k.hasBaseline),
    ...perKpi('geen-streefwaarde', (k) => k.targetCount === 0),
    ...perKpi('geen-deadline', (k) => !k.deadline),
    ...(goal.ownerName.trim() === '' ? [forGoal('geen-eigenaar')] : []),
    ...(goal.status !== 'vastgesteld' ? [forGoal('niet-vastgesteld')] : []),
    ...perKpi('geen-recente-meting', (k) => !k.lastMeasuredOn || k.lastMeasuredOn < cutoff || k.lastMeasuredOn > today),
  ];
  return { smart: gaps.length === 0, gaps };
}

export interface SmartSummary {
  goals: number;
  smartGoals: number;
  /** How many goals have each gap (a goal counts once per code). */
  byCode: { code: GapCode; words: string; goals: number }[];
  /** Dutch, e.g. `1 van de 4 doelen is volledig SMART.` */
  sentence: string;
}

/** How steerable a cooperation is: how many goals are fully SMART and which gaps occur how often. */
export function smartSummary(results: readonly SmartResult[]): SmartSummary {
  const smartGoals = results.filter((r) => r.smart).length;
  const byCode = GAP_CODES.map((code) => ({ code, words: GAP_WORDS[code], goals: results.filter((r) => r.gaps.some((g) => g.code === code)).length }))
    .filter((c) => c.goals > 0);
  const n = results.length;
  const sentence = n === 0
    ? 'Er zijn nog geen doelen vastgelegd: de samenwerking is niet te sturen op doelen.'
    : `${smartGoals} van de ${n} ${n === 1 ? 'doel is' : 'doelen'} ${n === 1 ? '' : smartGoals === 1 ? 'is ' : 'zijn '}volledig SMART.`;
  return { goals: n, smartGoals, byCode, sentence: sentence.replace(/\s+/g, ' ') };
}
