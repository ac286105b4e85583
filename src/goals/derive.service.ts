/**
 * Derived measurements, on demand: for a KPI with a derivation, one measurement per
 * completed quarter of the hours ledger, computed from the ledger service's figures (the
 * employer × municipality-served matrix, substitution and cooperation overhead per team)
 * for the goal's team or, for a cooperation-wide goal, all teams; or, for a BBV indicator,
 * one per year from the member municipalities' annual figures and inhabitants (register).
 * Each records how it was computed. Running it again updates changed periods and adds new ones.
 */
import { singlePersonMeasurements } from '../coverage/report-data.ts';
import { ledgerOverview, type LedgerOverview } from '../ledger/ledger.service.ts';
import { derivedKpis, insertMeasurements, measurementsOfKpis, updateMeasurementRow } from './queries.ts';
import { completedQuarters, derivedValue, methodText, type Quarter, type QuarterFigures } from './derive.ts';
import { DERIVATION_INFO, type Derivation, type LedgerDerivation } from './catalogue.ts';
import { bbvIndicator, isBbvDerivation, type BbvDerivation, type MemberYear } from './bbv-indicators.ts';
import { memberAnnualFigures } from '../register/annual-figures.service.ts';
import { normalise } from './decimal.ts';
import { presentMeasurement, type MeasurementView } from './present.ts';
import { isoToday, kpiContext } from './access.service.ts';
import { mutate, requireMutationAccess, type Ctx } from '../platform/context.ts';
import { VlechtError } from '../platform/errors.ts';

/** The quarter's minutes from the ledger overview, for one team (the overview is filtered to it) or all. */
function figuresOf(v: LedgerOverview, teamFiltered: boolean): QuarterFigures {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    totalMinutes: v.total.minutes,
    otherMinutes: sum(v.matrix.filter((c) => c.employer.cbsCode !== c.served.cbsCode).map((c) => c.minutes)),
    substitutionMinutes: sum(v.teams.map((t) => t.substitution.minutes)),
    overheadMinutes: teamFiltered ? v.teams[0]?.cooperationOverhead.minutes ?? 0 : v.cooperationOverhead.minutes,
    costCents: v.total.costCents,
    minutesWithRate: v.total.minutes - v.minutesWithoutRate,
  };
}

export interface DerivationResult {
  kpiId: string;
  derivation: Derivation;
  quarters: number;
  added: number;
  changed: number;
  unchanged: number;
  measurements: MeasurementView[];
}

interface Computed { period: { label: string; to: string }; value: string; method: string }

/** One value per completed quarter of the hours ledger, for the goal's team or all teams. */
async function quarterlyFromLedger(ctx: Ctx, kind: LedgerDerivation, coop: Awaited<ReturnType<typeof kpiContext>>['coop'], teamId: string | null) {
  const team = teamId ? coop.teams.find((t) => t.id === teamId)! : null;
  const slug = coop.cooperation.slug;
  const { span } = await ledgerOverview(ctx, slug, { per: 'kwartaal' });
  const quarters: Quarter[] = span.first && span.last ? completedQuarters(span.first, span.last, isoToday(ctx)) : [];
  const scopeWords = team ? `team ${team.name}` : `alle teams van ${coop.cooperation.name}`;
  const computed: Computed[] = [];
  for (const quarter of quarters) {
    const v = await ledgerOverview(ctx, slug, { van: quarter.from, tot: quarter.to, per: 'kwartaal', ...(team ? { team: team.slug } : {}) });
    const figures = figuresOf(v, !!team);
    const value = derivedValue(kind, figures);
    if (value !== null) computed.push({ period: { label: quarter.label, to: quarter.to }, value, method: methodText(kind, quarter, scopeWords, figures, value) });
  }
  return { computed, source: `Urenregistratie ${coop.cooperation.name} (afgeleid: ${DERIVATION_INFO[kind].label.toLowerCase()})` };
}

/** Eenpitters (pooled) at each quarter end with qualifications, for the goal's team or all teams: the coverage capability's own series. */
async function quarterlyFromCoverage(ctx: Ctx, coop: Awaited<ReturnType<typeof kpiContext>>['coop'], teamId: string | null) {
  const series = await singlePersonMeasurements(ctx, coop.cooperation.slug, teamId);
  const computed: Computed[] = series.filter((p) => p.measuredOn <= isoToday(ctx)).map((p) => ({ period: { label: p.quarter, to: p.measuredOn }, value: p.value, method: p.method }));
  return { computed, source: `Kwalificaties ${coop.cooperation.name} (afgeleid: ${DERIVATION_INFO['eenpitters-per-kwartaal'].label.toLowerCase()})` };
}

/** One value per year in which every member municipality has the figures and inhabitants the indicator needs (measured on 31-12). */
async function annualBbv(ctx: Ctx, kind: BbvDerivation, cooperation: { id: string; name: string }) {
  const members = await memberAnnualFigures(ctx, cooperation.id);
  const years = [...new Set(members.flatMap((m) => [...m.years.keys()]))].sort((a, b) => a - b);
  const computed: Computed[] = [];
  for (const year of years) {
    const rows: MemberYear[] = members.map((m) => {
      const y = m.years.get(year);
      const f = y?.figures;
      return {
        cbsCode: m.cbsCode, name: m.name, inhabitants: y?.inhabitants?.value ?? null, inhabitantsSource: y?.inhabitants?.source ?? null,
        formatieFteMilli: f?.formatieFteMilli ?? null, bezettingFteMilli: f?.bezettingFteMilli ?? null, loonsomCents: f?.loonsomCents ?? null,
        inhuurCents: f?.inhuurCents ?? null, apparaatskostenCents: f?.apparaatskostenCents ?? null, overheadCents: f?.overheadCents ?? null,
        totaleLastenCents: f?.totaleLastenCents ?? null, figuresSource: f?.source ?? null,
      };
    });
    const r = bbvIndicator(kind, year, rows);
    if (r) computed.push({ period: { label: String(year), to: `${year}-12-31` }, ...r });
  }
  return { computed, source: `Jaarcijfers en inwoners (CBS) van de gemeenten van ${cooperation.name} (afgeleid: ${DERIVATION_INFO[kind].label})` };
}

/** The series a derivation gives for a goal's team (or the whole cooperation), without storing it. */
export async function derivedSeries(ctx: Ctx, kind: Derivation, coop: Awaited<ReturnType<typeof kpiContext>>['coop'], teamId: string | null) {
  return isBbvDerivation(kind)
    ? annualBbv(ctx, kind, coop.cooperation)
    : kind === 'eenpitters-per-kwartaal'
      ? quarterlyFromCoverage(ctx, coop, teamId)
      : quarterlyFromLedger(ctx, kind, coop, teamId);
}

export async function deriveMeasurements(ctx: Ctx, kpiId: string): Promise<DerivationResult> {
  const { kpi, goal, coop, scope } = await kpiContext(ctx, kpiId);
  const attempt = { action: 'meting.afleiden', objectType: 'indicator', objectId: kpi.id };
  await requireMutationAccess(ctx, 'team:manage', scope, attempt);
  if (!kpi.derivation) {
    throw new VlechtError('VALIDATION', {}, [{ field: 'derivation', message: 'deze indicator heeft geen afleiding (uit de urenregistratie, de kwalificaties of de jaarcijfers); leg metingen met de hand vast of importeer ze' }]);
  }
  const kind = kpi.derivation as Derivation;
  const { computed, source } = await derivedSeries(ctx, kind, coop, goal.teamId);
  return mutate(ctx, async (tx) => {
    const existing = new Map((await measurementsOfKpis(tx, [kpiId])).map((m) => [m.measuredOn, m]));
    let changed = 0;
    let unchanged = 0;
    const fresh = [];
    for (const c of computed) {
      const old = existing.get(c.period.to);
      if (!old) fresh.push({ kpiId, measuredOn: c.period.to, value: c.value, source, recordedBy: ctx.actor.label, derived: true, method: c.method });
      else if (normalise(old.value) === c.value && old.method === c.method) unchanged++;
      else {
        await updateMeasurementRow(tx, old.id, { value: c.value, method: c.method, source, derived: true, recordedBy: ctx.actor.label, updatedAt: ctx.clock() });
        changed++;
      }
    }
    await insertMeasurements(tx, fresh);
    const measurements = (await measurementsOfKpis(tx, [kpiId])).map(presentMeasurement);
    const value: DerivationResult = { kpiId, derivation: kind, quarters: computed.length, added: fresh.length, changed, unchanged, measurements };
    return { value, audit: { ...attempt, newValue: { derivation: kind, quarters: computed.map((c) => ({ quarter: c.period.label, value: c.value })), added: fresh.length, changed, unchanged } } };
  });
}

/**
 * Every KPI with a derivation, derived again (for a schedule: `vlecht afleiden` from cron or
 * a systemd timer; app instances stay stateless). One KPI failing does not stop the others.
 */
export async function deriveAll(ctx: Ctx, cooperationSlug?: string) {
  const kpis = (await derivedKpis(ctx.db)).filter((k) => !cooperationSlug || k.cooperationSlug === cooperationSlug);
  const results: { cooperation: string; goal: string; kpi: string; derivation: string; added: number; changed: number; unchanged: number; error: string | null }[] = [];
  for (const k of kpis) {
    try {
      const r = await deriveMeasurements(ctx, k.id);
      results.push({ cooperation: k.cooperationSlug, goal: k.goalTitle, kpi: k.name, derivation: r.derivation, added: r.added, changed: r.changed, unchanged: r.unchanged, error: null });
    } catch (e) {
      results.push({ cooperation: k.cooperationSlug, goal: k.goalTitle, kpi: k.name, derivation: k.derivation ?? '', added: 0, changed: 0, unchanged: 0, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return results;
}
