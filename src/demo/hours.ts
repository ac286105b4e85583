/**
 * Eighteen months (July 2024 – 2025) of synthetic hours for the Heemstede–Bloemendaal teams, as the CSV a
 * time-registration system would export. Shaped so both municipalities lend staff to
 * each other, with Heemstede lending a little more: the balance is close to, but not
 * exactly, equal. Every figure here is made up and marked synthetic.
 */
import { prng } from './synthetic.ts';

export interface DemoWorker {
  personnelNumber: string;
  employerCode: 'GM0397' | 'GM0377';
  teamSlug: string;
  fteMilli: number;
}

/** Share of a worker's hours spent for the other municipality, per team (synthetic). */
const SHARE_FOR_OTHER: Record<string, number> = {
  communicatie: 0.42, 'p-en-o': 0.45, 'facilitaire-zaken': 0.3, 'financiele-administratie': 0.4, informatisering: 0.48, handhaving: 0.35,
};

function* workdays(from: string, to: string): Generator<string> {
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) yield d.toISOString().slice(0, 10);
  }
}

const dutch = (iso: string) => iso.split('-').reverse().join('-');
const hours = (minutes: number) => (minutes / 60).toFixed(2).replace('.', ',');

/** CSV lines (with header) for the workers from 1 July 2024 to 31 December 2025 (18 months, so lending longer than 12 months shows). */
export function* demoHoursCsv(workers: DemoWorker[], from = '2024-07-01', to = '2025-12-31'): Generator<string> {
  yield 'personeelsnummer;datum;uren;gemeente;activiteit;team;omschrijving\n';
  const random = prng(2025);
  // Scale Bloemendaal's lending so it is ~96% of Heemstede's, whatever the staff mix.
  const lent = (code: string) => workers.filter((w) => w.employerCode === code).reduce((sum, w) => sum + w.fteMilli * (SHARE_FOR_OTHER[w.teamSlug] ?? 0.3), 0);
  const bloemendaalFactor = lent('GM0377') > 0 ? Math.min(1.5, (0.96 * lent('GM0397')) / lent('GM0377')) : 1;
  for (const w of workers) {
    const other = w.employerCode === 'GM0397' ? 'GM0377' : 'GM0397';
    const share = (SHARE_FOR_OTHER[w.teamSlug] ?? 0.3) * (w.employerCode === 'GM0397' ? 1 : bloemendaalFactor);
    const dayMinutes = Math.round((w.fteMilli / 1000) * 8 * 60 / 15) * 15;
    for (const day of workdays(from, to)) {
      if (random() < 0.13) continue; // leave, illness, holidays
      const forOther = Math.round((dayMinutes * share * (0.6 + random() * 0.8)) / 15) * 15;
      const own = dayMinutes - forOther;
      const r = random();
      const activity = r < 0.05 ? 'vervanging' : r < 0.13 ? 'samenwerking' : r < 0.2 ? 'project' : 'regulier';
      const note = activity === 'samenwerking' ? 'Afstemming en reistijd (synthetisch)' : 'Synthetische demo-uren';
      if (own > 0) yield `${w.personnelNumber};${dutch(day)};${hours(own)};${w.employerCode};regulier;${w.teamSlug};Synthetische demo-uren\n`;
      if (forOther > 0) yield `${w.personnelNumber};${dutch(day)};${hours(forOther)};${other};${activity};${w.teamSlug};${note}\n`;
    }
  }
}
