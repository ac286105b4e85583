/**
 * Use cases of the joint agenda: meeting calendars per body (by hand, iCalendar or CSV;
 * imports all-or-nothing and idempotent) and the earliest dates on which every council
 * can decide on a joint proposal (planner.ts).
 */
import { parseInput } from '../platform/validation.ts';
import { mutate, requireMutationAccess, type Ctx } from '../platform/context.ts';
import { VlechtError, type FieldIssue } from '../platform/errors.ts';
import { calendarImportQuery, meetingInput, planQuery } from './schema.ts';
import { bodiesOf, deleteMeeting, findMeeting, insertMeetings, meetingsOf, type BodyRow, type MeetingRow } from './queries.ts';
import { parseCalendarCsv, parseIcs, type CalendarRow } from './calendar-file.ts';
import { planJointDecision, type CouncilTrack, type JointPlan } from './planner.ts';
import { ensureSetup, govContext, isoToday, mayManage } from './access.service.ts';

export interface MeetingView { id: string; meetingOn: string; title: string; origin: string }
export interface CalendarView { key: string; name: string; kind: string; leadDays: number; committeeFor: string | null; meetings: MeetingView[] }

const presentMeeting = (m: MeetingRow): MeetingView => ({ id: m.id, meetingOn: m.meetingOn, title: m.title, origin: m.origin });

/** Calendars of the councils and committees (and any other body with meetings). */
export async function agendaOf(ctx: Ctx, slug: string) {
  const { coop, scope } = await govContext(ctx, slug);
  const bodies = await bodiesOf(ctx.db, coop.cooperation.id);
  const meetings = await meetingsOf(ctx.db, bodies.map((b) => b.id));
  const calendars: CalendarView[] = bodies
    .filter((b) => b.kind === 'raad' || b.kind === 'commissie' || meetings.some((m) => m.bodyId === b.id))
    .map((b) => ({
      key: b.key, name: b.name, kind: b.kind, leadDays: b.leadDays, committeeFor: bodies.find((x) => x.id === b.committeeForBodyId)?.key ?? null,
      meetings: meetings.filter((m) => m.bodyId === b.id).map(presentMeeting),
    }));
  const c = coop.cooperation;
  return { cooperation: { id: c.id, slug: c.slug, name: c.name }, today: isoToday(ctx), calendars, setUp: bodies.length > 0, may: { manage: mayManage(ctx.actor, scope) } };
}

export async function addMeeting(ctx: Ctx, slug: string, input: unknown): Promise<MeetingView> {
  const data = parseInput(meetingInput, input);
  const { coop, scope } = await govContext(ctx, slug);
  const attempt = { action: 'vergadering.aanmaken', objectType: 'vergadering', objectId: `${data.bodyKey} ${data.meetingOn}` };
  await requireMutationAccess(ctx, 'governance:manage', scope, attempt);
  return mutate(ctx, async (tx) => {
    await ensureSetup(tx, coop);
    const body = (await bodiesOf(tx, coop.cooperation.id)).find((b) => b.key === data.bodyKey);
    if (!body) throw new VlechtError('VALIDATION', {}, [{ field: 'bodyKey', message: 'onbekend orgaan in deze samenwerking', value: data.bodyKey }]);
    const [row] = await insertMeetings(tx, [{ bodyId: body.id, meetingOn: data.meetingOn, title: data.title, origin: 'hand' }]);
    if (!row) throw new VlechtError('DUPLICATE', { field: 'meetingOn', value: data.meetingOn });
    return { value: presentMeeting(row), audit: { ...attempt, objectId: row.id, newValue: { orgaan: body.key, ...presentMeeting(row) } } };
  });
}

export async function removeMeeting(ctx: Ctx, id: string): Promise<void> {
  const found = await findMeeting(ctx.db, id);
  if (!found) throw new VlechtError('NOT_FOUND', { object: 'vergadering', key: id });
  const { scope } = await govContext(ctx, found.cooperationSlug);
  const attempt = { action: 'vergadering.verwijderen', objectType: 'vergadering', objectId: id };
  await requireMutationAccess(ctx, 'governance:manage', scope, attempt);
  await mutate(ctx, async (tx) => {
    const row = await deleteMeeting(tx, id);
    return { value: undefined, audit: { ...attempt, oldValue: row ? { orgaan: found.body.key, ...presentMeeting(row) } : null } };
  });
}

export interface CalendarImportResult { added: number; unchanged: number; rows: number }

/**
 * Imports a calendar file for one body (query `orgaan`) or, for CSV with a column
 * `orgaan`, for several. Every bad row is reported and nothing is written; meetings that
 * already exist (same body and day) are left alone, so the same file twice changes nothing.
 */
export async function importCalendar(ctx: Ctx, slug: string, text: string, query: unknown): Promise<CalendarImportResult> {
  const { orgaan, formaat } = parseInput(calendarImportQuery, query);
  const { coop, scope } = await govContext(ctx, slug);
  const attempt = { action: 'vergaderkalender.importeren', objectType: 'samenwerking', objectId: coop.cooperation.id };
  await requireMutationAccess(ctx, 'governance:manage', scope, attempt);
  const parsed = formaat === 'ics' ? parseIcs(text) : parseCalendarCsv(text);
  const bodies = await bodiesOf(ctx.db, coop.cooperation.id);
  const issues: FieldIssue[] = parsed.problems.map((p) => ({ row: p.row, field: p.field, message: p.message, ...(p.value !== undefined ? { value: p.value } : {}) }));
  const fallback = orgaan ? bodies.find((b) => b.key === orgaan) : undefined;
  if (orgaan && !fallback) issues.unshift({ field: 'orgaan', message: 'onbekend orgaan in deze samenwerking', value: orgaan });
  const resolved: { row: CalendarRow; body: BodyRow }[] = [];
  for (const r of parsed.rows) {
    const body = r.bodyKey ? bodies.find((b) => b.key === r.bodyKey) : fallback;
    if (body) resolved.push({ row: r, body });
    else if (r.bodyKey) issues.push({ row: r.row, field: 'orgaan', message: 'onbekend orgaan in deze samenwerking', value: r.bodyKey });
    else if (!orgaan) issues.push({ row: r.row, field: 'orgaan', message: 'kies bij het importeren een orgaan, of vul de kolom orgaan' });
  }
  if (issues.length) throw new VlechtError('VALIDATION', {}, issues);
  if (resolved.length === 0) throw new VlechtError('VALIDATION', {}, [{ field: 'bestand', message: 'het bestand bevat geen vergaderingen' }]);
  const unique = new Map(resolved.map((r) => [`${r.body.id} ${r.row.meetingOn}`, r]));
  const existing = new Set((await meetingsOf(ctx.db, [...new Set(resolved.map((r) => r.body.id))])).map((m) => `${m.bodyId} ${m.meetingOn}`));
  const fresh = [...unique.entries()].filter(([k]) => !existing.has(k)).map(([, r]) => r);
  if (fresh.length === 0) return { added: 0, unchanged: unique.size, rows: parsed.rows.length };
  return mutate(ctx, async (tx) => {
    const added = await insertMeetings(tx, fresh.map((r) => ({ bodyId: r.body.id, meetingOn: r.row.meetingOn, title: r.row.title, uid: r.row.uid, origin: formaat })));
    const result = { added: added.length, unchanged: unique.size - added.length, rows: parsed.rows.length };
    return { value: result, audit: { ...attempt, newValue: { formaat, ...result, vergaderingen: added.map((m) => `${bodies.find((b) => b.id === m.bodyId)?.key} ${m.meetingOn}`) } } };
  });
}

/** The earliest dates per council (with its committee) and the date by which all have decided. */
export async function planJoint(ctx: Ctx, slug: string, query: unknown): Promise<JointPlan & { cooperation: { slug: string; name: string } }> {
  const { gereed, raden } = parseInput(planQuery, query);
  const { coop } = await govContext(ctx, slug);
  const bodies = await bodiesOf(ctx.db, coop.cooperation.id);
  const councils = bodies.filter((b) => b.kind === 'raad' && (raden.length === 0 || raden.includes(b.key)));
  const unknown = raden.filter((k) => !councils.some((b) => b.key === k));
  if (unknown.length) throw new VlechtError('VALIDATION', {}, unknown.map((k) => ({ field: 'raden', message: 'onbekende raad in deze samenwerking', value: k })));
  if (councils.length === 0) throw new VlechtError('VALIDATION', {}, [{ field: 'raden', message: 'deze samenwerking heeft nog geen raden met een vergaderkalender' }]);
  const meetings = await meetingsOf(ctx.db, bodies.map((b) => b.id));
  const datesOf = (b: BodyRow) => meetings.filter((m) => m.bodyId === b.id).map((m) => m.meetingOn);
  const tracks: CouncilTrack[] = councils.map((council) => {
    const committee = bodies.find((b) => b.kind === 'commissie' && b.committeeForBodyId === council.id) ?? null;
    return {
      council: { id: council.key, name: council.name, meetings: datesOf(council), leadDays: council.leadDays },
      committee: committee ? { id: committee.key, name: committee.name, meetings: datesOf(committee), leadDays: committee.leadDays } : null,
    };
  });
  return { ...planJointDecision({ readyOn: gereed, tracks }), cooperation: { slug: coop.cooperation.slug, name: coop.cooperation.name } };
}
