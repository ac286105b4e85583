/**
 * Pure logic: the yearly price of a licence or contract under its pricing model, for a
 * number of units (inhabitants or users). Amounts in integer cents; per-unit prices in
 * cents may have decimals (a licence of € 0,35 per inhabitant is 35 cents) and the total is
 * rounded to whole cents once.
 *
 * - `vast`: one yearly amount, whatever the size of the party;
 * - `per-inwoner` / `per-gebruiker`: a price per unit;
 * - `staffel` (volume discount): the price per unit of the highest tier the party reaches;
 *   a smaller party after a split can fall into a dearer tier — the volume discount lost.
 */
export const PRICING_MODELS = ['vast', 'per-inwoner', 'per-gebruiker', 'staffel'] as const;
export type PricingModel = (typeof PRICING_MODELS)[number];

export const PRICING_WORDS: Record<PricingModel, string> = {
  vast: 'vast bedrag per jaar',
  'per-inwoner': 'prijs per inwoner',
  'per-gebruiker': 'prijs per gebruiker',
  staffel: 'staffel (volumekorting)',
};

export type Basis = 'inwoners' | 'gebruikers';

export type Pricing =
  | { model: 'vast'; yearlyCents: number }
  | { model: 'per-inwoner'; unitCents: number }
  | { model: 'per-gebruiker'; unitCents: number }
  /** Tiers ordered by `fromUnits`; the first starts at 0. */
  | { model: 'staffel'; basis: Basis; tiers: { fromUnits: number; unitCents: number }[] };

/** What the price is counted in: inhabitants, users, or nothing (fixed). */
export function basisOf(p: Pricing): Basis | null {
  switch (p.model) {
    case 'vast': return null;
    case 'per-inwoner': return 'inwoners';
    case 'per-gebruiker': return 'gebruikers';
    case 'staffel': return p.basis;
  }
}

/** The unit price that applies to `units` (null for a fixed price). */
export function unitPriceFor(p: Pricing, units: number): number | null {
  switch (p.model) {
    case 'vast': return null;
    case 'per-inwoner':
    case 'per-gebruiker': return p.unitCents;
    case 'staffel': {
      const tiers = [...p.tiers].sort((a, b) => a.fromUnits - b.fromUnits);
      let price = tiers[0]?.unitCents ?? 0;
      for (const t of tiers) if (units >= t.fromUnits) price = t.unitCents;
      return price;
    }
  }
}

/** Yearly price in cents for a party with `units`; zero units on a unit price cost nothing. */
export function yearlyCost(p: Pricing, units: number): number {
  if (p.model === 'vast') return p.yearlyCents;
  return Math.round(units * unitPriceFor(p, units)!);
}

/** A short Dutch description of the price, e.g. "staffel: vanaf 0 inwoners € 0,40, vanaf 40.000 € 0,30". */
export function describePricing(p: Pricing, money: (cents: number) => string): string {
  switch (p.model) {
    case 'vast': return `vast ${money(p.yearlyCents)} per jaar`;
    case 'per-inwoner': return `${money(p.unitCents)} per inwoner per jaar`;
    case 'per-gebruiker': return `${money(p.unitCents)} per gebruiker per jaar`;
    case 'staffel': return `staffel per ${p.basis === 'inwoners' ? 'inwoner' : 'gebruiker'}: ${[...p.tiers].sort((a, b) => a.fromUnits - b.fromUnits).map((t) => `vanaf ${t.fromUnits.toLocaleString('nl-NL')} ${money(t.unitCents)}`).join(', ')}`;
  }
}
