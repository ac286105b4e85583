/**
 * The approval route of a goal: concept → voorgelegd aan college → aangeboden aan de raad
 * (B-stuk) → vastgesteld, one step at a time, or back to concept to revise it. A goal
 * leaves concept only when every KPI has a baseline (value, date and source): the audit
 * office's central finding was that there was none (seed 000 §2.1.2). Pure.
 */
import { GOAL_STATUSES, STATUS_WORDS, type GoalStatus } from './catalogue.ts';
import { formatDate } from '../platform/i18n/format.ts';

export interface TransitionFacts {
  from: GoalStatus;
  to: GoalStatus;
  /** ISO date of the decision. */
  decidedOn: string;
  /** Date of the latest recorded status change, if any. */
  lastDecidedOn: string | null;
  today: string;
  kpis: readonly { name: string; hasBaseline: boolean }[];
}

export interface TransitionIssue {
  field: string;
  message: string;
  value?: unknown;
}

/** The statuses a goal may move to from `from`: the next step, and back to concept. */
export function allowedTargets(from: GoalStatus): GoalStatus[] {
  const i = GOAL_STATUSES.indexOf(from);
  const next = GOAL_STATUSES[i + 1];
  return [...(next ? [next] : []), ...(from !== 'concept' ? ['concept' as const] : [])];
}

/** Moving forward is a decision of the board or the council: only directie or beheerder record it. */
export const needsApprover = (to: GoalStatus): boolean => to !== 'concept';

function routeIssue(from: GoalStatus, to: GoalStatus): TransitionIssue | null {
  if (from === to) return { field: 'to', message: `het doel heeft de status ‘${STATUS_WORDS[to]}’ al`, value: to };
  const allowed = allowedTargets(from);
  if (allowed.includes(to)) return null;
  const words = allowed.map((s) => `‘${STATUS_WORDS[s]}’`).join(' of ');
  return { field: 'to', message: `vanuit ‘${STATUS_WORDS[from]}’ kan een doel alleen naar ${words}`, value: to };
}

/** Everything that stands in the way of this status change; empty when it may happen. */
export function transitionIssues(f: TransitionFacts): TransitionIssue[] {
  const issues: TransitionIssue[] = [];
  const route = routeIssue(f.from, f.to);
  if (route) issues.push(route);
  if (f.decidedOn > f.today) issues.push({ field: 'decidedOn', message: 'de datum van het besluit ligt in de toekomst', value: formatDate(f.decidedOn) });
  if (f.lastDecidedOn && f.decidedOn < f.lastDecidedOn) {
    issues.push({ field: 'decidedOn', message: `de datum ligt vóór de vorige statuswijziging (${formatDate(f.lastDecidedOn)})`, value: formatDate(f.decidedOn) });
  }
  if (!route && f.to !== 'concept') {
    if (f.kpis.length === 0) {
      issues.push({ field: 'kpis', message: 'het doel heeft nog geen indicator: leg eerst minstens één indicator met nulmeting vast' });
    }
    for (const k of f.kpis.filter((k) => !k.hasBaseline)) {
      issues.push({ field: 'kpis', message: `indicator ‘${k.name}’ heeft nog geen nulmeting (waarde, datum en bron); leg die vast voordat het doel verder kan`, value: k.name });
    }
  }
  return issues;
}
