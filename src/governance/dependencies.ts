/**
 * Dependencies between milestones (pure): a cycle check, and milestones that are
 * planned before one they depend on (a dependency that cannot be met in time).
 */

export interface DependencyNode { id: string; dependsOn: readonly string[] }

/** One cycle as a list of ids (first repeated at the end), or null when the graph is acyclic. */
export function findCycle(nodes: readonly DependencyNode[]): string[] | null {
  const edges = new Map(nodes.map((n) => [n.id, n.dependsOn]));
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | null => {
    const s = state.get(id);
    if (s === 'done') return null;
    if (s === 'open') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'open');
    path.push(id);
    for (const next of edges.get(id) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return null;
  };
  for (const n of nodes) {
    const cycle = visit(n.id);
    if (cycle) return cycle;
  }
  return null;
}

/** Pairs [milestone, dependency] where the milestone is due before the milestone it depends on. */
export function scheduleConflicts(nodes: readonly (DependencyNode & { dueOn: string })[]): [string, string][] {
  const due = new Map(nodes.map((n) => [n.id, n.dueOn]));
  return nodes.flatMap((n) => n.dependsOn.filter((d) => (due.get(d) ?? '') > n.dueOn).map((d): [string, string] => [n.id, d]));
}
