/**
 * Traffic lights that explain themselves: per KPI green (target reached), orange (better
 * than the baseline, target not yet reached), red (no better than the baseline, or the
 * deadline passed without reaching the target) or grey (no judgement possible, and why),
 * each with a Dutch sentence; per goal the worst light of its KPIs. Pure.
 */
import type { Direction } from './catalogue.ts';
import { compareDecimal, percentOf, subtractDecimal } from './decimal.ts';
import { formatWithUnit } from './targets.ts';
import { formatDate } from '../platform/i18n/format.ts';

export const LIGHTS = ['rood', 'oranje', 'groen', 'grijs'] as const;
export type Light = (typeof LIGHTS)[number];

export interface Dated {
  value: string;
  date: string;
}

export interface LightFacts {
  direction: Direction;
  unit: string;
  baseline: Dated | null;
  /** The target that applies to the latest measurement. */
  target: Dated | null;
  latest: Dated | null;
  deadline: string | null;
}

export interface Judgement {
  light: Light;
  /** Dutch, complete: the light in words and why. */
  words: string;
}

/** True when `a` is better than `b` (or as good, with `orEqual`) in the KPI's direction. */
function better(direction: Direction, a: string, b: string, orEqual: boolean): boolean {
  const c = compareDecimal(a, b) * (direction === 'hoger-is-beter' ? 1 : -1);
  return c > 0 || (orEqual && c === 0);
}

export function kpiLight(f: LightFacts, today: string): Judgement {
  const missing = [!f.baseline && 'er is geen nulmeting', !f.target && 'er is geen streefwaarde', !f.latest && 'er is nog geen meting'].filter(Boolean);
  if (!f.baseline || !f.target || !f.latest) {
    return { light: 'grijs', words: `Geen oordeel mogelijk: ${missing.join(', ')}.` };
  }
  const show = (d: Dated) => formatWithUnit(d.value, f.unit);
  const latest = `${show(f.latest)} op ${formatDate(f.latest.date)}`;
  const target = `${show(f.target)} voor ${formatDate(f.target.date)}`;
  if (better(f.direction, f.latest.value, f.target.value, true)) {
    return { light: 'groen', words: `Op koers: de laatste meting (${latest}) haalt de streefwaarde (${target}).` };
  }
  const deadline = f.deadline ?? f.target.date;
  if (deadline < today) {
    return { light: 'rood', words: `Niet gehaald: de deadline (${formatDate(deadline)}) is verstreken en de laatste meting (${latest}) haalt de streefwaarde (${target}) niet.` };
  }
  if (!better(f.direction, f.latest.value, f.baseline.value, false)) {
    return { light: 'rood', words: `Achter: de laatste meting (${latest}) is niet beter dan de nulmeting (${show(f.baseline)}); de streefwaarde is ${target}.` };
  }
  const progress = percentOf(subtractDecimal(f.latest.value, f.baseline.value), subtractDecimal(f.target.value, f.baseline.value));
  return {
    light: 'oranje',
    words: `Onderweg: de laatste meting (${latest}) is beter dan de nulmeting (${show(f.baseline)}), maar haalt de streefwaarde (${target}) nog niet${progress === null ? '' : `; ${progress}% van de afstand is afgelegd`}.`,
  };
}

const LIGHT_NAMES: Record<Light, string> = { rood: 'Rood', oranje: 'Oranje', groen: 'Groen', grijs: 'Grijs' };
const STATE_WORDS: Record<Light, string> = { rood: 'achter of niet gehaald', oranje: 'onderweg', groen: 'op koers', grijs: 'zonder oordeel' };

const names = (xs: string[]) => (xs.length === 1 ? `‘${xs[0]}’` : `${xs.slice(0, -1).map((x) => `‘${x}’`).join(', ')} en ‘${xs[xs.length - 1]}’`);

/** The goal's light: the worst judged KPI; grey when no KPI can be judged. The words name every KPI's state. */
export function goalLight(kpis: readonly { name: string; light: Light }[]): Judgement {
  if (kpis.length === 0) return { light: 'grijs', words: 'Grijs: geen oordeel mogelijk, het doel heeft nog geen indicator.' };
  const light = LIGHTS.find((l) => l !== 'grijs' && kpis.some((k) => k.light === l)) ?? 'grijs';
  const parts = LIGHTS.map((l) => ({ l, of: kpis.filter((k) => k.light === l).map((k) => k.name) }))
    .filter((p) => p.of.length > 0).map((p) => `${names(p.of)} ${STATE_WORDS[p.l]}`);
  return { light, words: `${LIGHT_NAMES[light]}: ${parts.join('; ')}.` };
}
