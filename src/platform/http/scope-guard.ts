/**
 * Authorisation before validation for objects of another cooperation or municipality: a
 * change to an object the actor may not even read (register:read in its scope) is refused
 * and audited before any handler reads or validates the body, so a controller of another
 * cooperation learns nothing from validation messages. The services check their own,
 * stricter permission again. An unknown object passes on: the handler answers 404.
 */
import type { MiddlewareHandler } from 'hono';
import { sql, type SQL } from 'drizzle-orm';
import type { AppEnv } from './env.ts';
import { can, type Scope } from '../auth/policy.ts';
import { writeAudit } from '../audit/trail.ts';
import { rowsOf } from '../db/raw.ts';
import type { Queryable } from '../db/types.ts';
import { VlechtError } from '../errors.ts';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Per path prefix: how to find the cooperation (and team) an object belongs to. */
const OWNERS: { prefix: string; uuid: boolean; query: (key: string) => SQL }[] = [
  { prefix: 'samenwerkingen', uuid: false, query: (k) => sql`select id as cooperation_id, null::uuid as team_id from cooperation where slug = ${k}` },
  { prefix: 'teams', uuid: true, query: (k) => sql`select cooperation_id, id as team_id from team where id = ${k}` },
  { prefix: 'doelen', uuid: true, query: (k) => sql`select cooperation_id, team_id from goal where id = ${k}` },
  { prefix: 'indicatoren', uuid: true, query: (k) => sql`select g.cooperation_id, g.team_id from kpi k join goal g on g.id = k.goal_id where k.id = ${k}` },
  { prefix: 'kwalificaties', uuid: true, query: (k) => sql`select t.cooperation_id, t.id as team_id from qualification q join job_function f on f.id = q.function_id join team t on t.id = f.team_id where q.id = ${k}` },
  { prefix: 'peilingvragen', uuid: true, query: (k) => sql`select s.cooperation_id, null::uuid as team_id from survey_question q join survey s on s.id = q.survey_id where q.id = ${k}` },
];

async function scopeOf(db: Queryable, path: string): Promise<Scope | null> {
  const m = /^(?:\/api\/v1)?\/([a-z]+)\/([^/]+)/.exec(path);
  if (!m) return null;
  const [, prefix, key] = m;
  if (prefix === 'gemeenten') {
    if (!/^GM\d{4}$/i.test(key)) return null;
    const [row] = await rowsOf<{ id: string }>(db, sql`select id from municipality where cbs_code = ${key.toUpperCase()}`);
    return row ? { municipalityId: row.id } : null;
  }
  if (prefix === 'medewerkers') {
    // An employee is in scope of the employer and of the teams (and their cooperation) they work in.
    if (!UUID.test(key)) return null;
    const [e] = await rowsOf<{ employer: string }>(db, sql`select employer_municipality_id as employer from employee where id = ${key}`);
    if (!e) return null;
    const teams = await rowsOf<{ team_id: string; cooperation_id: string }>(db, sql`select distinct a.team_id, t.cooperation_id from employee_assignment a join team t on t.id = a.team_id where a.employee_id = ${key}`);
    return { municipalityId: e.employer, teamIds: teams.map((t) => t.team_id), cooperationId: teams[0]?.cooperation_id ?? null };
  }
  const owner = OWNERS.find((o) => o.prefix === prefix);
  if (!owner || (owner.uuid && !UUID.test(key))) return null;
  const [row] = await rowsOf<{ cooperation_id: string; team_id: string | null }>(db, owner.query(decodeURIComponent(key)));
  if (!row) return null;
  const members = await rowsOf<{ id: string }>(db, sql`select municipality_id as id from cooperation_member where cooperation_id = ${row.cooperation_id}`);
  return { cooperationId: row.cooperation_id, memberMunicipalityIds: members.map((x) => x.id), ...(row.team_id ? { teamIds: [row.team_id] } : {}) };
}

export function scopeGuard(clock: () => Date): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get('actor');
    if (!actor || actor.system || !MUTATING.has(c.req.method)) return next();
    const ctx = c.get('ctx');
    const scope = await scopeOf(ctx.db, c.req.path);
    if (!scope || can(actor, 'register:read', scope)) return next();
    await ctx.db.transaction((tx) => writeAudit(tx, actor, ctx.origin, {
      action: 'wijziging.geweigerd', objectType: 'route', objectId: `${c.req.method} ${c.req.path}`, result: 'geweigerd',
    }, clock()));
    throw new VlechtError('FORBIDDEN', { permission: 'register:read' });
  };
}
