/**
 * Use cases of reports: create a concept, write its texts (If-Match), publish it, read it.
 * Policy: preparing needs report:prepare in the report's scope (a team manager only for
 * the factsheet of the own team); publishing needs report:publish. Concepts are visible
 * only to those who may prepare them: council, rekenkamer and OR accounts see published
 * versions and nothing else — an unpublished report does not exist for them (404).
 * A publication stores the figures and the rendered body as they were, numbered per report.
 */
import { getCooperation } from '../register/cooperation.service.ts';
import { can, type Scope } from '../platform/auth/policy.ts';
import { checkVersion, mutate, requireMutationAccess, type Ctx } from '../platform/context.ts';
import { parseInput } from '../platform/validation.ts';
import { VlechtError } from '../platform/errors.ts';
import { formatDate, formatDateTime } from '../platform/i18n/format.ts';
import { reportInput, textsInput, TEXT_SECTIONS, type ReportKind } from './schema.ts';
import { gatherContent, type ReportContent } from './content.service.ts';
import { renderBodyHtml, type ReportMeta } from './document.tsx';
import * as q from './queries.ts';
import { confirmationWords, reviewPublication } from './review.ts';
import { ensurePublicationPdf, isPrinting, printInBackground } from './publication-pdf.service.ts';
import type { ReportPeriod } from './period.ts';

type Coop = Awaited<ReturnType<typeof getCooperation>>;

const scopeOf = (coop: Coop, teamId: string | null): Scope => ({
  cooperationId: coop.cooperation.id,
  memberMunicipalityIds: [...new Set(coop.members.map((m) => m.municipality.id))],
  ...(teamId ? { teamIds: [teamId] } : {}),
});

const periodOf = (r: q.ReportRow): ReportPeriod => ({ from: r.periodFrom, to: r.periodTo, label: r.periodLabel });

export interface PublicationView { number: number; reportVersion: number; publishedAt: string; publishedBy: string; dataDate: string }
const presentPublication = (p: q.PublicationMeta): PublicationView => ({
  number: p.number, reportVersion: p.reportVersion, publishedAt: p.publishedAt.toISOString(), publishedBy: p.publishedBy, dataDate: p.dataDate,
});

export interface ReportView {
  id: string; kind: ReportKind; kindWords: string; title: string; version: number;
  team: { id: string; slug: string; name: string } | null;
  period: ReportPeriod;
  texts: Record<string, string>;
  status: 'concept' | 'gepubliceerd'; statusWords: string;
  /** Edited since the last publication: the next publication will differ in its texts. */
  changedSincePublication: boolean;
  publications: PublicationView[];
  createdBy: string; updatedAt: string;
}

const KIND_WORDS: Record<ReportKind, string> = { voortgang: 'Voortgangsrapportage', factsheet: 'Factsheet' };

function present(r: q.ReportRow, coop: Coop, pubs: q.PublicationMeta[], showTexts: boolean): ReportView {
  const own = pubs.filter((p) => p.reportId === r.id);
  const last = own.at(-1);
  const team = r.teamId ? coop.teams.find((t) => t.id === r.teamId) ?? null : null;
  return {
    id: r.id, kind: r.kind as ReportKind, kindWords: KIND_WORDS[r.kind as ReportKind], title: r.title, version: r.version,
    team: team ? { id: team.id, slug: team.slug, name: team.name } : null,
    period: periodOf(r), texts: showTexts ? r.texts : {},
    status: last ? 'gepubliceerd' : 'concept',
    statusWords: last ? `gepubliceerd (versie ${last.number}, ${formatDate(last.publishedAt.toISOString().slice(0, 10))})` : 'concept, niet gepubliceerd',
    // Publishing itself adds one to the version (see publishReport).
    changedSincePublication: !!last && r.version !== last.reportVersion + 1,
    publications: own.map(presentPublication),
    createdBy: r.createdBy, updatedAt: r.updatedAt.toISOString(),
  };
}

const mayPrepare = (ctx: Ctx, coop: Coop, teamId: string | null) => can(ctx.actor, 'report:prepare', scopeOf(coop, teamId));

/** The reports of a cooperation the actor may see: all for those who prepare them, else the published ones. */
export async function listReports(ctx: Ctx, cooperationSlug: string) {
  const coop = await getCooperation(ctx, cooperationSlug); // checks register:read
  const rows = await q.reportsOf(ctx.db, coop.cooperation.id);
  const pubs = await q.publicationsOf(ctx.db, rows.map((r) => r.id));
  const reports = rows
    .map((r) => ({ r, prepare: mayPrepare(ctx, coop, r.teamId) }))
    .filter(({ r, prepare }) => prepare || pubs.some((p) => p.reportId === r.id))
    .map(({ r, prepare }) => present(r, coop, pubs, prepare));
  return {
    cooperation: { slug: coop.cooperation.slug, name: coop.cooperation.name },
    teams: coop.teams.filter((t) => mayPrepare(ctx, coop, t.id)).map((t) => ({ id: t.id, slug: t.slug, name: t.name })),
    reports,
    may: { prepareProgress: mayPrepare(ctx, coop, null), prepareFactsheet: coop.teams.some((t) => mayPrepare(ctx, coop, t.id)) },
  };
}

/** A report and what the actor may do with it; 404 for an unpublished report the actor may not prepare. */
async function loadVisible(ctx: Ctx, reportId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(reportId)) throw new VlechtError('NOT_FOUND', { object: 'rapport', key: reportId });
  const row = await q.findReport(ctx.db, reportId);
  if (!row) throw new VlechtError('NOT_FOUND', { object: 'rapport', key: reportId });
  const slug = await q.cooperationSlugOf(ctx.db, row.cooperationId);
  const coop = await getCooperation(ctx, slug); // checks register:read
  const pubs = await q.publicationsOf(ctx.db, [row.id]);
  const prepare = mayPrepare(ctx, coop, row.teamId);
  if (!prepare && pubs.length === 0) throw new VlechtError('NOT_FOUND', { object: 'rapport', key: reportId });
  const publish = can(ctx.actor, 'report:publish', scopeOf(coop, row.teamId));
  return { row, coop, pubs, may: { prepare, publish } };
}

/** A report and what the actor may do; with `preview`, also the concept rendered with today's figures (preparers only). */
export async function getReport(ctx: Ctx, reportId: string, options: { preview?: boolean } = {}) {
  const { row, coop, pubs, may } = await loadVisible(ctx, reportId);
  const preview = options.preview && may.prepare ? await conceptOf(ctx, row, coop) : null;
  // Per version whether its PDF is stored, being printed now, or printed on the first download.
  const pdf: Record<number, 'klaar' | 'wordt gemaakt' | 'bij eerste download'> = {};
  for (const p of pubs) pdf[p.number] = (await q.storedPdfMeta(ctx.db, p.id)) ? 'klaar' : isPrinting(p.id) ? 'wordt gemaakt' : 'bij eerste download';
  const review = preview && may.publish ? reviewPublication(row.kind as ReportKind, row.texts, preview.content) : null;
  return { cooperation: { slug: coop.cooperation.slug, name: coop.cooperation.name }, report: present(row, coop, pubs, may.prepare), may, preview, pdf, review };
}

const conceptMeta = (title: string): ReportMeta => ({ title, statusLine: 'Concept — niet gepubliceerd, cijfers van vandaag' });
const publishedMeta = (title: string, p: PublicationView): ReportMeta => ({
  title, statusLine: `Versie ${p.number}, gepubliceerd op ${formatDateTime(p.publishedAt)} door ${p.publishedBy}; cijfers van ${formatDate(p.dataDate)}`,
});

export interface RenderedReport {
  title: string; html: string; content: ReportContent; meta: ReportMeta; publication: PublicationView | null;
  reportId: string; cooperation: { slug: string; name: string };
}

async function conceptOf(ctx: Ctx, row: q.ReportRow, coop: Coop): Promise<RenderedReport> {
  const content = await gatherContent(ctx, coop.cooperation.slug, row.kind as ReportKind, row.teamId, periodOf(row));
  const meta = conceptMeta(row.title);
  return { title: row.title, html: renderBodyHtml(content, row.texts, meta), content, meta, publication: null, reportId: row.id, cooperation: { slug: coop.cooperation.slug, name: coop.cooperation.name } };
}

/** The concept as it would be published now: today's figures with the current texts (preparers only). */
export async function renderConcept(ctx: Ctx, reportId: string): Promise<RenderedReport> {
  const { row, coop, may } = await loadVisible(ctx, reportId);
  if (!may.prepare) throw new VlechtError('NOT_FOUND', { object: 'rapport', key: reportId });
  return conceptOf(ctx, row, coop);
}

/** One publication exactly as it was published (`number` omitted: the latest). */
export async function renderPublication(ctx: Ctx, reportId: string, number?: number): Promise<RenderedReport> {
  const { row, coop, pubs } = await loadVisible(ctx, reportId);
  const wanted = number ?? pubs.at(-1)?.number;
  const p = wanted === undefined ? null : await q.findPublication(ctx.db, row.id, wanted);
  if (!p) throw new VlechtError('NOT_FOUND', { object: 'publicatie', key: `${reportId} versie ${number ?? '(laatste)'}` });
  const view = presentPublication(p);
  return { title: row.title, html: p.html, content: p.content as ReportContent, meta: publishedMeta(row.title, view), publication: view, reportId: row.id, cooperation: { slug: coop.cooperation.slug, name: coop.cooperation.name } };
}

/**
 * The PDF of one publication as stored (printed now and stored first if it never was):
 * the same bytes on every download, with their SHA-256 for the ETag.
 */
export async function publicationPdf(ctx: Ctx, reportId: string, number: number): Promise<{ title: string; number: number; sha256: string; pdf: Buffer }> {
  const { row, pubs } = await loadVisible(ctx, reportId);
  const meta = pubs.find((p) => p.number === number);
  if (!meta) throw new VlechtError('NOT_FOUND', { object: 'publicatie', key: `${reportId} versie ${number}` });
  const html = async () => (await q.findPublication(ctx.db, row.id, number))!.html;
  const stored = await ensurePublicationPdf(ctx.db, meta.id, row.title, html, ctx.clock);
  return { title: row.title, number, sha256: stored.sha256, pdf: stored.pdf };
}

export async function createReport(ctx: Ctx, cooperationSlug: string, input: unknown): Promise<ReportView> {
  const coop = await getCooperation(ctx, cooperationSlug);
  // Authorisation before validation: someone who may prepare nothing here learns nothing from messages.
  if (!mayPrepare(ctx, coop, null) && !coop.teams.some((t) => mayPrepare(ctx, coop, t.id))) {
    await requireMutationAccess(ctx, 'report:prepare', scopeOf(coop, null), { action: 'rapport.aanmaken', objectType: 'rapport', objectId: coop.cooperation.slug });
  }
  const data = parseInput(reportInput, input);
  const team = data.team ? coop.teams.find((t) => t.slug === data.team || t.id === data.team) : null;
  if (data.team && !team) throw new VlechtError('VALIDATION', {}, [{ field: 'team', message: `team “${data.team}” bestaat niet in ${coop.cooperation.name}`, value: data.team }]);
  const teamId = team?.id ?? null;
  const attempt = { action: 'rapport.aanmaken', objectType: 'rapport', objectId: `${coop.cooperation.slug}/${team?.slug ?? 'voortgang'}/${data.period.label}` };
  await requireMutationAccess(ctx, 'report:prepare', scopeOf(coop, teamId), attempt);
  const title = data.title ?? (team ? `Factsheet ${team.name} ${data.period.label}` : `Voortgangsrapportage ${coop.cooperation.name} ${data.period.label}`);
  return mutate(ctx, async (tx) => {
    const row = await q.insertReport(tx, {
      cooperationId: coop.cooperation.id, kind: data.kind, teamId, periodFrom: data.period.from, periodTo: data.period.to,
      periodLabel: data.period.label, title, texts: {}, createdBy: ctx.actor.label,
    });
    const view = present(row, coop, [], true);
    return { value: view, audit: { ...attempt, objectId: row.id, newValue: { kind: row.kind, title, team: team?.slug ?? null, period: data.period } } };
  });
}

/** Saves the texts (all sections of the kind; an absent key keeps its text). */
export async function saveTexts(ctx: Ctx, reportId: string, expectedVersion: number | undefined, input: unknown): Promise<ReportView> {
  const { row, coop, pubs, may } = await loadVisible(ctx, reportId);
  const attempt = { action: 'rapport.teksten', objectType: 'rapport', objectId: row.id };
  if (!may.prepare) await requireMutationAccess(ctx, 'report:prepare', scopeOf(coop, row.teamId), attempt);
  const texts = parseInput(textsInput, input);
  const allowed = TEXT_SECTIONS[row.kind as ReportKind].map((s) => s.key);
  const unknown = Object.keys(texts).filter((k) => !allowed.includes(k));
  if (unknown.length) throw new VlechtError('VALIDATION', {}, unknown.map((k) => ({ field: k, message: `onbekend onderdeel; kies uit ${allowed.join(', ')}`, value: k })));
  checkVersion(row.version, expectedVersion);
  const next: Record<string, string> = { ...row.texts };
  for (const [k, v] of Object.entries(texts)) if (v !== undefined) next[k] = v.replace(/\r\n/g, '\n');
  return mutate(ctx, async (tx) => {
    const updated = await q.updateReportTexts(tx, row.id, row.version, next, ctx.clock());
    if (!updated) throw new VlechtError('PRECONDITION_FAILED', { current: row.version + 1, expected: expectedVersion });
    return { value: present(updated, coop, pubs, true), audit: { ...attempt, oldValue: row.texts, newValue: next } };
  });
}

/**
 * Publishes the report as it stands (the version the publisher saw, If-Match): gathers the
 * figures now, renders the body, stores both as the next numbered publication.
 */
export async function publishReport(ctx: Ctx, reportId: string, expectedVersion: number | undefined, options: { confirmMissing?: boolean } = {}): Promise<{ report: ReportView; publication: PublicationView }> {
  const { row, coop } = await loadVisible(ctx, reportId);
  const attempt = { action: 'rapport.publiceren', objectType: 'rapport', objectId: row.id };
  await requireMutationAccess(ctx, 'report:publish', scopeOf(coop, row.teamId), attempt);
  checkVersion(row.version, expectedVersion);
  const content = await gatherContent(ctx, coop.cooperation.slug, row.kind as ReportKind, row.teamId, periodOf(row));
  // Publication is irreversible: going out with gaps needs a confirmation that names them.
  const review = reviewPublication(row.kind as ReportKind, row.texts, content);
  if (review.missingWords && !options.confirmMissing) {
    throw new VlechtError('VALIDATION', {}, [{ field: 'bevestigOntbrekend', message: `bevestig dat u publiceert met: ${review.missingWords}`, value: options.confirmMissing }]);
  }
  let printed: { id: string; html: string } | null = null;
  const result = await mutate(ctx, async (tx) => {
    const locked = await q.lockReport(tx, row.id);
    if (!locked || locked.version !== row.version) throw new VlechtError('PRECONDITION_FAILED', { current: locked?.version ?? 0, expected: expectedVersion });
    const number = await q.nextPublicationNumber(tx, row.id);
    const publishedAt = ctx.clock();
    const view: PublicationView = { number, reportVersion: row.version, publishedAt: publishedAt.toISOString(), publishedBy: ctx.actor.label, dataDate: content.dataDate };
    const html = renderBodyHtml(content, row.texts, publishedMeta(row.title, view));
    const p = await q.insertPublication(tx, { reportId: row.id, number, reportVersion: row.version, publishedAt, publishedBy: ctx.actor.label, dataDate: content.dataDate, content, html });
    // Publishing moves the version on: a second publisher holding the same version gets 412.
    const after = await q.bumpReportVersion(tx, row.id, row.version, publishedAt);
    const pubs = await q.publicationsOf(tx, [row.id]);
    printed = { id: p.id, html };
    return {
      value: { report: present(after, coop, pubs, true), publication: presentPublication(p) },
      audit: { ...attempt, newValue: { number, reportVersion: row.version, dataDate: content.dataDate, title: row.title, ...(review.missingWords ? { bevestigd: confirmationWords(review) } : {}) } },
    };
  });
  // After the commit, outside the transaction: printing takes seconds and needs no lock.
  const done = printed as { id: string; html: string } | null;
  if (done) printInBackground(ctx.db, done.id, row.title, done.html, ctx.clock);
  return result;
}

/**
 * The report of a cooperation (or one team's factsheet) for a period, for the CLI: the
 * latest publication when there is one (unless `concept`), else the concept with today's
 * figures — also when no report was ever created (then without texts).
 */
export async function renderForPeriod(ctx: Ctx, cooperationSlug: string, input: { team?: string; period: string; concept?: boolean }): Promise<RenderedReport & { source: string }> {
  const data = parseInput(reportInput, { kind: input.team ? 'factsheet' : 'voortgang', team: input.team, period: input.period });
  const coop = await getCooperation(ctx, cooperationSlug);
  const team = data.team ? coop.teams.find((t) => t.slug === data.team) : null;
  if (data.team && !team) throw new VlechtError('VALIDATION', {}, [{ field: 'team', message: `team “${data.team}” bestaat niet in ${coop.cooperation.name}`, value: data.team }]);
  const rows = (await q.reportsOf(ctx.db, coop.cooperation.id))
    .filter((r) => r.teamId === (team?.id ?? null) && r.periodFrom === data.period.from && r.periodTo === data.period.to);
  const pubs = await q.publicationsOf(ctx.db, rows.map((r) => r.id));
  const published = rows.find((r) => pubs.some((p) => p.reportId === r.id));
  if (published && !input.concept) return { ...(await renderPublication(ctx, published.id)), source: 'gepubliceerde versie' };
  if (rows[0] && mayPrepare(ctx, coop, rows[0].teamId)) return { ...(await renderConcept(ctx, rows[0].id)), source: 'concept met de cijfers van vandaag' };
  if (!mayPrepare(ctx, coop, team?.id ?? null)) throw new VlechtError('NOT_FOUND', { object: 'gepubliceerd rapport', key: `${cooperationSlug} ${data.period.label}` });
  const content = await gatherContent(ctx, coop.cooperation.slug, data.kind, team?.id ?? null, data.period);
  const title = team ? `Factsheet ${team.name} ${data.period.label}` : `Voortgangsrapportage ${coop.cooperation.name} ${data.period.label}`;
  const meta: ReportMeta = { title, statusLine: 'Concept — niet opgeslagen en niet gepubliceerd, cijfers van vandaag, zonder teksten' };
  return { title, html: renderBodyHtml(content, {}, meta), content, meta, publication: null, reportId: '', cooperation: { slug: coop.cooperation.slug, name: coop.cooperation.name }, source: 'concept zonder teksten (geen rapport vastgelegd)' };
}
