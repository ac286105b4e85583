/**
 * The balance verdict in one sentence a council member can quote, e.g. "In heel 2025
 * leverde Heemstede 538,5 uur (€ 95.061,75) meer aan Bloemendaal dan het ontving." Pure.
 */
import { formatCents, formatNumber } from '../platform/i18n/format.ts';

export const hoursOf = (minutes: number) => formatNumber(Math.round(minutes / 6) / 10);

/** "heel 2025" → "In heel 2025"; a partial period keeps its warning in brackets. */
export const inPeriod = (label: string) => `In ${label.replace(/, onvolledig$/, ' (onvolledig)')}`;

export function verdictSentence(periodLabel: string, p: { a: { name: string }; b: { name: string }; netMinutes: number; netCostCents: number }): string {
  if (p.netMinutes === 0) return `${inPeriod(periodLabel)} leverden ${p.a.name} en ${p.b.name} elkaar evenveel uren.`;
  const [giver, taker] = p.netMinutes > 0 ? [p.a, p.b] : [p.b, p.a];
  return `${inPeriod(periodLabel)} leverde ${giver.name} ${hoursOf(Math.abs(p.netMinutes))} uur (${formatCents(Math.abs(p.netCostCents))}) meer aan ${taker.name} dan het ontving.`;
}
