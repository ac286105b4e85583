/**
 * Synthetic demo people: generated from a fixed seed, so every demo is the same, and
 * marked `synthetic` so no page presents them as real.
 */
const FIRST = ['Anouk', 'Bram', 'Charlotte', 'Daan', 'Esther', 'Floor', 'Gijs', 'Hanneke', 'Ilse', 'Jeroen', 'Karin', 'Lars', 'Marloes', 'Niels', 'Olga', 'Pieter', 'Renske', 'Sander', 'Tessa', 'Vincent', 'Wendy', 'Yusuf', 'Zeynep', 'Mohamed', 'Fatima', 'Joost', 'Linda', 'Ruben'];
const LAST = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits', 'de Graaf', 'van der Meer', 'Kok', 'Yılmaz', 'El Amrani'];

/** mulberry32: small deterministic PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticPerson {
  name: string;
  fteMilli: number;
  hourlyRateCents: number;
}

const FTE_CHOICES = [1000, 1000, 889, 889, 778, 667, 556, 500];

export function syntheticPeople(random: () => number, count: number): SyntheticPerson[] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  return Array.from({ length: count }, () => ({
    name: `${pick(FIRST)} ${pick(LAST)}`,
    fteMilli: pick(FTE_CHOICES),
    // Integral hourly cost (salary, employer charges, overhead), € 55–95, rounded to whole euros.
    hourlyRateCents: (55 + Math.floor(random() * 41)) * 100,
  }));
}
