/**
 * The synthetic demo portfolio (pure, deterministic from a seed): 170 applications in use
 * on 1 January 2013, of which 20% used by both municipalities and 80% by only one (seed 000
 * §6.2: "80% van de ~170 applicaties verschilde"), in pairs per purpose; since then pairs
 * converge one by one (one product wins, the other is retired). Names, suppliers, prices and
 * dates are invented and every application is marked synthetic.
 */
import { prng } from '../demo/synthetic.ts';
import type { Pricing } from './pricing.ts';

export interface SyntheticApplication {
  name: string;
  supplier: string;
  category: string;
  teamSlug: string;
  pricing: Pricing;
  contractEnd: string;
  uses: { cbsCode: string; users: number; validFrom: string; validTo: string | null }[];
}

const CATEGORIES: { category: string; teamSlug: string; purposes: string[] }[] = [
  { category: 'Personeel en organisatie', teamSlug: 'p-en-o', purposes: ['Salarisadministratie', 'Personeelsdossier', 'Verlof en verzuim', 'Werving', 'Opleidingen', 'Gesprekscyclus', 'Roosters', 'Declaraties'] },
  { category: 'Financiën', teamSlug: 'financiele-administratie', purposes: ['Financieel systeem', 'Crediteurenscan', 'Debiteurenbeheer', 'Begrotingsapp', 'Belastingen', 'Kasbeheer', 'Inkoopregistratie', 'Contractregister', 'Subsidieregistratie', 'Treasury'] },
  { category: 'Communicatie', teamSlug: 'communicatie', purposes: ['Websitebeheer', 'Intranet', 'Social media-beheer', 'Nieuwsbrief', 'Beeldbank', 'Enquêtes', 'Klachtenregistratie', 'Raadsinformatie'] },
  { category: 'Facilitair', teamSlug: 'facilitaire-zaken', purposes: ['Ruimtereservering', 'Postregistratie', 'Gebouwbeheer', 'Wagenparkbeheer', 'Toegangsbeheer', 'Bezoekersregistratie', 'Schoonmaakplanning', 'Inventarisbeheer'] },
  { category: 'Openbare ruimte en handhaving', teamSlug: 'handhaving', purposes: ['Handhavingsregistratie', 'Boa-app', 'Meldingen openbare ruimte', 'Parkeerbeheer', 'Naheffing', 'Kaartviewer handhaving', 'Evenementenvergunningen', 'Camerabeheer'] },
  { category: 'Informatievoorziening en ICT', teamSlug: 'informatisering', purposes: [
    'Zaaksysteem', 'Documentmanagement', 'Archief (e-depot)', 'Basisregistratie personen', 'Basisregistratie adressen', 'Basisregistratie grootschalige topografie', 'GIS', 'Werkplekbeheer', 'Servicedesk', 'Identiteitsbeheer',
    'Back-up', 'Mailbeveiliging', 'Telefonie', 'Vergadersysteem', 'Burgerzaken-balie', 'Reisdocumenten', 'Rijbewijzen', 'Omgevingsvergunningen', 'Wmo-registratie', 'Jeugdhulp', 'Participatiewet', 'Schuldhulpverlening', 'Leerlingenvervoer',
    'Afvalinzameling', 'Begraafplaatsbeheer', 'Beheer openbare verlichting', 'Rioleringsbeheer', 'Groenbeheer', 'Wegbeheer', 'Vastgoedbeheer', 'Grondexploitatie', 'Bestemmingsplannen', 'Monumentenregister', 'WOZ-waardering',
    'Verkiezingen', 'Leerplicht', 'Integriteitsregistratie', 'Bezwaar en beroep', 'Klantcontactsysteem', 'E-formulieren', 'Digitaal ondertekenen', 'Berichtenbox-koppeling', 'Gegevensmagazijn', 'Managementinformatie', 'Risicomanagement', 'Projectportfolio', 'Wob/Woo-verzoeken', 'Privacyregister', 'Beveiligingsmonitoring', 'Mobiel apparaatbeheer', 'Netwerkbeheer', 'Printbeheer', 'Kwaliteitsmonitor', 'Planning en control', 'Inkoopportaal', 'Burgerparticipatie', 'Zorgregistratie', 'Vergunningencheck', 'Open data-portaal', 'Toegankelijkheidsmonitor'] },
];

const VENDORS = ['Aquila Software', 'Brugwerk', 'Civitas Digitaal', 'Dijkstra ICT', 'Eemland Systemen', 'Fluxus', 'Gouwe Data', 'Hollandse Applicaties', 'IJmond Informatica', 'Kennemer Cloud', 'Lisse Labs', 'Meerwijk Software', 'Noordkaap', 'Oranjepoort IT', 'Polderdata', 'Rijnland Solutions', 'Spaarne Systems', 'Tulpsoft', 'Veluwe Digitaal', 'Zeeduin Software'];

const H = 'GM0397';
const B = 'GM0377';
const START = '2013-01-01';

function pricingOf(random: () => number): { pricing: Pricing; usersH: number; usersB: number } {
  const usersH = 3 + Math.floor(random() * 40);
  const usersB = 3 + Math.floor(random() * 35);
  const r = random();
  if (r < 0.3) return { pricing: { model: 'vast', yearlyCents: (20 + Math.floor(random() * 280)) * 10_000 }, usersH, usersB };
  if (r < 0.55) return { pricing: { model: 'per-inwoner', unitCents: 5 + Math.floor(random() * 60) }, usersH, usersB };
  if (r < 0.8) return { pricing: { model: 'per-gebruiker', unitCents: (10 + Math.floor(random() * 190)) * 100 }, usersH, usersB };
  const high = 20 + Math.floor(random() * 60);
  return { pricing: { model: 'staffel', basis: 'inwoners', tiers: [{ fromUnits: 0, unitCents: high }, { fromUnits: 40_000, unitCents: Math.round(high * 0.75) }] }, usersH, usersB };
}

const day = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-01`;

/** 34 shared purposes and 68 purposes with a different product per municipality (136 applications): 170 in 2013. */
export function syntheticPortfolio(seed = 6170): SyntheticApplication[] {
  const random = prng(seed);
  const purposes = CATEGORIES.flatMap((c) => c.purposes.map((p) => ({ ...c, purpose: p })));
  const out: SyntheticApplication[] = [];
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  purposes.slice(0, 102).forEach((p, i) => {
    const end = `${2026 + Math.floor(random() * 5)}-12-31`;
    const vendor = pick(VENDORS);
    if (i % 3 === 0) {
      // Shared from the start (34 of 102).
      const { pricing, usersH, usersB } = pricingOf(random);
      out.push({ name: `${p.purpose} (${vendor})`, supplier: vendor, category: p.category, teamSlug: p.teamSlug, pricing, contractEnd: end, uses: [{ cbsCode: H, users: usersH, validFrom: START, validTo: null }, { cbsCode: B, users: usersB, validFrom: START, validTo: null }] });
      return;
    }
    // Different per municipality; about 70% converge between 2014 and 2025 on one product.
    const other = VENDORS[(VENDORS.indexOf(vendor) + 1 + Math.floor(random() * (VENDORS.length - 1))) % VENDORS.length];
    const a = pricingOf(random);
    const b = pricingOf(random);
    const converges = random() < 0.7;
    const when = day(2014 + Math.floor(random() * 12), 1 + Math.floor(random() * 12));
    const heemstedeWins = random() < 0.55;
    const appH: SyntheticApplication = { name: `${p.purpose} (${vendor})`, supplier: vendor, category: p.category, teamSlug: p.teamSlug, pricing: a.pricing, contractEnd: end, uses: [{ cbsCode: H, users: a.usersH, validFrom: START, validTo: converges && !heemstedeWins ? when : null }] };
    const appB: SyntheticApplication = { name: `${p.purpose} (${other})`, supplier: other, category: p.category, teamSlug: p.teamSlug, pricing: b.pricing, contractEnd: end, uses: [{ cbsCode: B, users: b.usersB, validFrom: START, validTo: converges && heemstedeWins ? when : null }] };
    if (converges) {
      if (heemstedeWins) appH.uses.push({ cbsCode: B, users: b.usersB, validFrom: when, validTo: null });
      else appB.uses.push({ cbsCode: H, users: a.usersH, validFrom: when, validTo: null });
    }
    out.push(appH, appB);
  });
  return out;
}
