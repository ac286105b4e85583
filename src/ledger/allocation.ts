/**
 * Pure logic: splitting a shared cost over member municipalities with an allocation key
 * (verdeelsleutel). No I/O; the service gathers the facts and calls these functions.
 *
 * Money is integer cents and every weight an integer (inhabitants, minutes, thousandths of
 * FTE, basis points), so a split is exact and reproducible to the cent.
 */
import type { AllocationKey } from './tables.ts';
import { VlechtError, type FieldIssue } from '../platform/errors.ts';
import { formatFte, formatNumber } from '../platform/i18n/format.ts';

export interface Weight {
  /** Stable identity of the receiver; the service uses the CBS code. Ties are broken on it. */
  key: string;
  weight: number;
}

export interface Share {
  key: string;
  cents: number;
}

/** The largest total we accept: € 10 miljard, far above any shared cost. */
export const MAX_TOTAL_CENTS = 1_000_000_000_000;

const invalid = (field: string, message: string, value?: unknown): VlechtError =>
  new VlechtError('VALIDATION', {}, [{ field, message, ...(value !== undefined ? { value } : {}) }]);

/**
 * Splits `totalCents` in proportion to the weights with the largest-remainder (Hamilton)
 * method: everyone first gets the rounded-down exact share, then the cents left over (fewer
 * than the number of receivers) go one each to the largest remainders; equal remainders
 * go to the smallest key, so the result never depends on the input order.
 *
 * Why this method: each share lies within one cent of the exact proportional value, no
 * share is ever negative, and the shares always add up to the total. Rounding each share
 * on its own loses or invents cents, and "plug" corrections on the last receiver can even
 * make a share negative — as happened to shared costs in OpenCost/kubecost (issue 168).
 * A council report that splits € 30.000 must show amounts that add up to € 30.000.
 *
 * Products are computed with BigInt: a total of 10^12 cents × a weight of 10^9 is far past
 * 2^53. Throws VALIDATION when a weight is negative, fractional or not finite, a key
 * repeats, or every weight is 0 (there is nothing to split on).
 *
 * @example
 * allocateLargestRemainder(100, [{ key: 'GM0397', weight: 1 }, { key: 'GM0377', weight: 1 }, { key: 'GM0376', weight: 1 }])
 * // → GM0397: 33, GM0377: 34, GM0376: 33 (the extra cent goes to the smallest key of the tie)
 */
export function allocateLargestRemainder(totalCents: number, weights: readonly Weight[]): Share[] {
  if (!Number.isSafeInteger(totalCents) || totalCents < 0 || totalCents > MAX_TOTAL_CENTS) {
    throw invalid('amountCents', 'het bedrag moet een geheel aantal centen zijn, niet negatief en hoogstens € 10 miljard', totalCents);
  }
  const seen = new Set<string>();
  for (const w of weights) {
    if (!Number.isSafeInteger(w.weight) || w.weight < 0) {
      throw invalid('allocationKey', `het gewicht van ${w.key} moet een geheel getal van 0 of meer zijn`, w.weight);
    }
    if (seen.has(w.key)) throw invalid('allocationKey', `${w.key} komt twee keer voor in de verdeling`, w.key);
    seen.add(w.key);
  }
  const sum = weights.reduce((acc, w) => acc + BigInt(w.weight), 0n);
  if (sum === 0n) {
    throw invalid('allocationKey', 'de verdeelsleutel geeft alle gemeenten gewicht 0, dus er valt niets naar verhouding te verdelen; vul de gegevens aan of kies een andere sleutel');
  }
  const total = BigInt(totalCents);
  const exact = weights.map((w) => {
    const product = total * BigInt(w.weight);
    return { key: w.key, floor: product / sum, remainder: product % sum };
  });
  let left = total - exact.reduce((acc, e) => acc + e.floor, 0n);
  const order = [...exact].sort((a, b) =>
    (a.remainder === b.remainder ? 0 : a.remainder > b.remainder ? -1 : 1) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const extra = new Set<string>();
  for (const e of order) {
    if (left === 0n) break;
    extra.add(e.key);
    left -= 1n;
  }
  return exact.map((e) => ({ key: e.key, cents: Number(e.floor + (extra.has(e.key) ? 1n : 0n)) }));
}

/** A member municipality as the allocation sees it. */
export interface MemberFact {
  municipalityId: string;
  cbsCode: string;
  name: string;
}

/** What the keys need; only the facts of the chosen key have to be present. */
export interface AllocationFacts {
  members: readonly MemberFact[];
  /** inwoners: the year whose population counts. */
  keyYear?: number | null;
  /** inwoners: inhabitants per municipality id, per year. */
  populationByMunicipality?: ReadonlyMap<string, ReadonlyMap<number, number>>;
  /** uren: minutes worked for each municipality served in the period, by municipality id. */
  minutesServedByMunicipality?: ReadonlyMap<string, number>;
  /** fte: FTE in thousandths used by / employed at each municipality, by municipality id. */
  fteMilliByMunicipality?: ReadonlyMap<string, number>;
  /** vast: basis points per CBS code, summing to 10000 over exactly the members. */
  fixedShares?: Readonly<Record<string, number>> | null;
}

const label = (m: MemberFact) => `${m.name} (${m.cbsCode})`;

function fromMap(members: readonly MemberFact[], map: ReadonlyMap<string, number> | undefined, what: string, field: string): Weight[] {
  if (!map) throw invalid(field, `voor deze verdeelsleutel zijn ${what} nodig, maar die zijn niet beschikbaar`);
  const weights = members.map((m) => ({ key: m.cbsCode, weight: map.get(m.municipalityId) ?? 0 }));
  if (weights.every((w) => w.weight === 0)) {
    throw invalid('allocationKey', `er zijn geen ${what} van de leden in deze periode, dus er valt niets naar verhouding te verdelen`);
  }
  return weights;
}

function fixedWeights(members: readonly MemberFact[], shares: Readonly<Record<string, number>> | null | undefined): Weight[] {
  if (!shares) throw invalid('fixedShares', 'bij de verdeelsleutel vast hoort een vast percentage per gemeente');
  const issues: FieldIssue[] = [];
  const codes = new Set(members.map((m) => m.cbsCode));
  for (const m of members) {
    if (!(m.cbsCode in shares)) issues.push({ field: `fixedShares.${m.cbsCode}`, message: `het vaste percentage van ${label(m)} ontbreekt` });
  }
  for (const [code, bp] of Object.entries(shares)) {
    if (!codes.has(code)) issues.push({ field: `fixedShares.${code}`, message: `${code} is in deze periode geen lid van de samenwerking`, value: bp });
    else if (!Number.isSafeInteger(bp) || bp < 0 || bp > 10_000) {
      issues.push({ field: `fixedShares.${code}`, message: 'een vast aandeel is een geheel aantal basispunten van 0 tot en met 10.000 (100%)', value: bp });
    }
  }
  const sum = Object.values(shares).reduce((acc, bp) => acc + (Number.isFinite(bp) ? bp : 0), 0);
  if (issues.length === 0 && sum !== 10_000) {
    issues.push({ field: 'fixedShares', message: `de vaste percentages tellen op tot ${formatBasisPoints(sum)} in plaats van 100%`, value: sum });
  }
  if (issues.length) throw new VlechtError('VALIDATION', {}, issues);
  return members.map((m) => ({ key: m.cbsCode, weight: shares[m.cbsCode] }));
}

function populationWeights(members: readonly MemberFact[], year: number | null | undefined, population: AllocationFacts['populationByMunicipality']): Weight[] {
  if (!year) throw invalid('keyYear', 'bij de verdeelsleutel inwoners hoort het jaar waarvan het inwonertal telt');
  const issues: FieldIssue[] = [];
  const weights = members.map((m) => {
    const inhabitants = population?.get(m.municipalityId)?.get(year);
    if (inhabitants === undefined) issues.push({ field: 'keyYear', message: `het inwonertal van ${label(m)} in ${year} ontbreekt; vul het in bij de gemeente`, value: year });
    return { key: m.cbsCode, weight: inhabitants ?? 0 };
  });
  if (issues.length) throw new VlechtError('VALIDATION', {}, issues);
  return weights;
}

/**
 * The weight of each member under an allocation key, keyed by CBS code:
 * - gelijk: 1 each;
 * - inwoners: the inhabitants in the key year (a missing figure is an error naming the
 *   municipality and the year — never silently 0);
 * - uren: the minutes worked for each municipality served (0 when it got none);
 * - fte: FTE in thousandths per municipality (0 when none);
 * - vast: the fixed basis points, which must cover exactly the members and sum to 10000.
 * Errors are VALIDATION with Dutch messages per field.
 */
export function weightsFor(key: AllocationKey, facts: AllocationFacts): Weight[] {
  if (facts.members.length === 0) throw invalid('allocationKey', 'de samenwerking heeft in deze periode geen leden om de kosten over te verdelen');
  switch (key) {
    case 'gelijk': return facts.members.map((m) => ({ key: m.cbsCode, weight: 1 }));
    case 'inwoners': return populationWeights(facts.members, facts.keyYear, facts.populationByMunicipality);
    case 'uren': return fromMap(facts.members, facts.minutesServedByMunicipality, 'geregistreerde uren', 'allocationKey');
    case 'fte': return fromMap(facts.members, facts.fteMilliByMunicipality, 'fte-gegevens', 'allocationKey');
    case 'vast': return fixedWeights(facts.members, facts.fixedShares);
  }
}

/** Basis points → `54,00%`. */
export function formatBasisPoints(bp: number): string {
  return `${new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(bp / 100)}%`;
}

/** weight / total as a percentage with one decimal, rounded half up on the exact ratio: `54,0%`. */
export function formatShare(weight: number, total: number): string {
  if (total <= 0) return '0,0%';
  const permille = (BigInt(weight) * 2000n + BigInt(total)) / (2n * BigInt(total));
  return `${formatNumber(Number(permille / 10n))},${permille % 10n}%`;
}

const hours = (minutes: number) => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format(minutes / 60);

/**
 * One line of Dutch that says how a member's share follows from the key, e.g.
 * `inwoners 2023: 27.000 van 50.000 (54,0%)`.
 */
export function explainWeight(key: AllocationKey, weight: number, totalWeight: number, keyYear?: number | null): string {
  const pct = formatShare(weight, totalWeight);
  switch (key) {
    case 'gelijk': return `gelijke delen: 1 van ${formatNumber(totalWeight)} gemeenten (${pct})`;
    case 'inwoners': return `inwoners ${keyYear ?? ''}: ${formatNumber(weight)} van ${formatNumber(totalWeight)} (${pct})`;
    case 'uren': return `uren afgenomen: ${hours(weight)} van ${hours(totalWeight)} uur (${pct})`;
    case 'fte': return `fte: ${formatFte(weight)} van ${formatFte(totalWeight)} (${pct})`;
    case 'vast': return `vast aandeel: ${formatBasisPoints(weight)}`;
  }
}
