/**
 * The one policy table: which role may do what, in which scope. Pure; deny by default.
 * A grant applies to a resource when its scope matches one of the resource's scopes.
 */
import type { Actor, Grant } from './actor.ts';
import type { Role } from './roles.ts';

export type Permission =
  | 'register:read'            // cooperations, teams, aggregates
  | 'cooperation:create'
  | 'cooperation:update'
  | 'municipality:manage'
  | 'team:manage'              // team data, integration level, functions
  | 'personal:read'            // employees by name, cost rates
  | 'personal:write'
  | 'ledger:import'            // hours of named employees into a cooperation's ledger
  | 'coverage:manage'          // applications, contracts, disentanglement scenarios
  | 'governance:manage'        // decisions, rights matrix, commitments, route plan, agenda, form notes
  | 'report:prepare'           // create reports, write their texts (concepts)
  | 'report:publish'           // publish a report to the council
  | 'users:manage'
  | 'audit:read';

/** What a resource is attached to; only the fields that apply are set. */
export interface Scope {
  cooperationId?: string | null;
  /** Municipalities that are member of the cooperation concerned. */
  memberMunicipalityIds?: readonly string[];
  /** The municipality itself, or an employee's employer. */
  municipalityId?: string | null;
  /** Teams concerned, e.g. an employee's current teams. */
  teamIds?: readonly string[];
}

/** `teamCooperation`: a team grant reaches (for reading) the cooperation its team is in. */
type ScopeKind = 'cooperation' | 'member' | 'municipality' | 'team' | 'teamCooperation';
type Rule = Partial<Record<Role, readonly ScopeKind[]>>;

const ALL_READ: readonly ScopeKind[] = ['cooperation', 'member', 'team', 'teamCooperation'];

export const POLICY: Record<Permission, Rule> = {
  'register:read': {
    controller: [...ALL_READ, 'municipality'], teammanager: ALL_READ, directie: ALL_READ,
    raadslid: ALL_READ, rekenkamer: ALL_READ, 'or-lid': ALL_READ,
  },
  'cooperation:create': {},
  'cooperation:update': { directie: ['cooperation'] },
  'municipality:manage': { controller: ['municipality'] },
  'team:manage': {
    controller: ['cooperation', 'member'], directie: ['cooperation', 'member'], teammanager: ['team'],
  },
  'personal:read': { controller: ['municipality', 'cooperation'], teammanager: ['team'] },
  'personal:write': { controller: ['municipality'] },
  'ledger:import': { controller: ['cooperation', 'member'] },
  'coverage:manage': { controller: ['cooperation', 'member'], directie: ['cooperation', 'member'] },
  // A team manager reaches only objects scoped to the own team: milestones of that team.
  'governance:manage': { controller: ['cooperation', 'member'], directie: ['cooperation'], teammanager: ['team'] },
  // A team manager writes the factsheet of the own team; publishing is for the directie (PRODUCT.md).
  'report:prepare': { controller: ['cooperation', 'member'], directie: ['cooperation', 'member'], teammanager: ['team'] },
  'report:publish': { directie: ['cooperation'] },
  'users:manage': {},
  'audit:read': {},
};

function grantMatches(g: Grant, kinds: readonly ScopeKind[], s: Scope): boolean {
  return kinds.some((kind) => {
    switch (kind) {
      case 'cooperation':
        return !!g.cooperationId && g.cooperationId === s.cooperationId;
      case 'member':
        return !!g.municipalityId && (s.memberMunicipalityIds ?? []).includes(g.municipalityId);
      case 'municipality':
        return !!g.municipalityId && g.municipalityId === s.municipalityId;
      case 'team':
        return !!g.teamId && (s.teamIds ?? []).includes(g.teamId);
      case 'teamCooperation':
        return !!g.teamCooperationId && g.teamCooperationId === s.cooperationId;
    }
  });
}

/** True when the actor may use `permission` on a resource in `scope`. */
export function can(actor: Actor, permission: Permission, scope: Scope = {}): boolean {
  if (actor.system) return true;
  const rule = POLICY[permission];
  return actor.grants.some((g) => {
    if (g.role === 'beheerder' && !g.municipalityId && !g.cooperationId && !g.teamId) return true;
    if (g.role === 'beheerder') return grantMatches(g, ['cooperation', 'member', 'municipality', 'team'], scope);
    const kinds = rule[g.role];
    return !!kinds && grantMatches(g, kinds, scope);
  });
}

/** Roles that hold some write permission in some scope; derived from POLICY, so it cannot drift. */
const WRITER_ROLES: ReadonlySet<Role> = new Set(
  (Object.entries(POLICY) as [Permission, Rule][])
    .filter(([permission]) => permission !== 'register:read')
    .flatMap(([, rule]) => Object.keys(rule) as Role[]),
);

/**
 * True when the actor could change anything at all. Used by the HTTP edge to refuse a
 * write by a read-only role (raadslid, rekenkamer, or-lid) before the body is validated,
 * so a refused request never learns what the validation would have said.
 */
export function mayWriteAnything(actor: Actor): boolean {
  return actor.system || actor.grants.some((g) => g.role === 'beheerder' || WRITER_ROLES.has(g.role));
}
