/**
 * Facts for the demo taken from the source documents (shared/seeds), each with its source.
 * Dates the seeds give only by year are set to 1 January and say so in the note.
 */
import { cite } from '../platform/sources.ts';

export const SRC = {
  rkc: cite('rekenkamer'),
  vgr7: cite('voortgang7'),
  factsheets: cite('factsheets'),
  raad: cite('kader'),
  bel: cite('bel'),
  product: 'Vlecht-demo: inwonertal bij benadering (orde van grootte CBS)',
} as const;

export const HB = {
  slug: 'heemstede-bloemendaal',
  name: 'Ambtelijke samenwerking Heemstede–Bloemendaal',
  legalForm: 'privaatrechtelijke-samenwerkingsovereenkomst' as const,
  startDate: '2013-12-01',
  mustStayDisentanglable: true,
  thirdMunicipalityMayJoin: true,
  description: 'Twee zelfstandige gemeenten delen sinds 2013 zes vervlochten teams. Medewerkers blijven in dienst van hun eigen gemeente en werken op grond van de samenwerkingsovereenkomst (vastgesteld door beide colleges op 19-12-2016) voor beide gemeenten. Inzet wordt niet gefactureerd, om btw over het uitlenen van personeel te voorkomen.',
  source: `${SRC.rkc}; ${SRC.vgr7}`,
};

export interface TeamFact {
  slug: string;
  name: string;
  lead: string | null;
  bbv: string | null;
  levels: { level: number; validFrom: string; decisionReference: string; note: string; source: string }[];
  functions: { name: string; critical: boolean; requiredQualified: number }[];
}

export const HB_TEAMS: TeamFact[] = [
  {
    slug: 'communicatie', name: 'Communicatie', lead: null, bbv: '0.4',
    levels: [
      { level: 1, validFrom: '2013-12-01', decisionReference: 'Visie op samenwerking (december 2013)', note: 'Kennismaking en kennisdeling tussen de teams.', source: SRC.rkc },
      { level: 4, validFrom: '2017-04-01', decisionReference: 'Teamplan Communicatie 2017', note: 'Eén team onder één leiding vanaf 1 april 2017.', source: SRC.rkc },
    ],
    functions: [{ name: 'Communicatieadviseur', critical: false, requiredQualified: 2 }, { name: 'Webredacteur', critical: true, requiredQualified: 2 }, { name: 'Woordvoerder', critical: true, requiredQualified: 2 }],
  },
  {
    slug: 'p-en-o', name: 'P&O', lead: null, bbv: '0.4',
    levels: [
      { level: 2, validFrom: '2015-01-01', decisionReference: 'Overgang Heemstede naar het salarissysteem van Bloemendaal', note: 'Eén salarissysteem per januari 2015; administratie gezamenlijk in één systeem.', source: SRC.rkc },
      { level: 3, validFrom: '2016-01-01', decisionReference: 'Vijfde voortgangsrapportage', note: 'Personeels- en salarisadministratie onder eenhoofdige leiding (jaartal uit de bron, datum bij benadering).', source: SRC.rkc },
      { level: 4, validFrom: '2017-01-01', decisionReference: 'Samenwerkingsovereenkomst 19-12-2016', note: 'Vervlechting in 2017 gerealiseerd (jaartal uit de bron, datum bij benadering).', source: SRC.vgr7 },
    ],
    functions: [{ name: 'P&O-adviseur', critical: false, requiredQualified: 2 }, { name: 'Salarisadministrateur', critical: true, requiredQualified: 2 }, { name: 'Functioneel beheerder HR21', critical: true, requiredQualified: 2 }],
  },
  {
    slug: 'facilitaire-zaken', name: 'Facilitaire Zaken', lead: null, bbv: '0.4',
    levels: [
      { level: 1, validFrom: '2013-12-01', decisionReference: 'Visie op samenwerking (december 2013)', note: 'Kennisdeling.', source: SRC.rkc },
      { level: 4, validFrom: '2017-01-01', decisionReference: 'Samenwerkingsovereenkomst 19-12-2016', note: 'Vervlechting in 2017 gerealiseerd (jaartal uit de bron, datum bij benadering); bodes vanaf najaar 2018 onder één leiding.', source: `${SRC.vgr7}; ${SRC.factsheets}` },
    ],
    functions: [{ name: 'Facilitair coördinator', critical: false, requiredQualified: 2 }, { name: 'Bode', critical: false, requiredQualified: 2 }, { name: 'Inkoopadviseur', critical: true, requiredQualified: 2 }],
  },
  {
    slug: 'financiele-administratie', name: 'Financiële Administratie', lead: null, bbv: '0.4',
    levels: [
      { level: 1, validFrom: '2013-12-01', decisionReference: 'Visie op samenwerking (december 2013)', note: 'Kennisdeling.', source: SRC.rkc },
      { level: 4, validFrom: '2017-01-01', decisionReference: 'Samenwerkingsovereenkomst 19-12-2016', note: 'Teams financiële administratie onder één leiding gebracht (jaartal uit de bron, datum bij benadering).', source: `${SRC.vgr7}; ${SRC.factsheets}` },
    ],
    functions: [{ name: 'Medewerker crediteurenadministratie', critical: false, requiredQualified: 2 }, { name: 'Medewerker debiteurenadministratie', critical: false, requiredQualified: 2 }, { name: 'Functioneel beheerder financieel systeem', critical: true, requiredQualified: 2 }],
  },
  {
    slug: 'informatisering', name: 'Informatisering en ICT (GRIT)', lead: 'GM0397', bbv: '0.4',
    levels: [
      { level: 2, validFrom: '2013-06-01', decisionReference: 'Collegebesluiten juni 2013: ICT geleidelijk over de hele linie synchroniseren', note: 'Harmonisatie van ICT; 80% van de applicaties verschilde.', source: SRC.rkc },
      { level: 4, validFrom: '2015-10-05', decisionReference: 'Raadsbesluiten GRIT (lichte gemeenschappelijke regeling, Heemstede centrumgemeente)', note: 'Beide ICT-teams per 5 oktober 2015 samengevoegd tot één team, gehuisvest in Heemstede.', source: SRC.rkc },
    ],
    functions: [{ name: 'Informatieadviseur', critical: false, requiredQualified: 2 }, { name: 'Systeembeheerder', critical: true, requiredQualified: 2 }, { name: 'Applicatiebeheerder zaaksysteem', critical: true, requiredQualified: 2 }],
  },
  {
    slug: 'handhaving', name: 'Handhaving openbare ruimte', lead: null, bbv: '1.2',
    levels: [
      { level: 0, validFrom: '2013-12-01', decisionReference: '', note: 'Zelfstandige teams per gemeente.', source: SRC.vgr7 },
      { level: 4, validFrom: '2018-01-01', decisionReference: 'Besluit najaar 2017 tot vervlechting per 1 januari 2018', note: 'Eén team voert de handhavingsprogramma\'s van beide gemeenten uit; beleid blijft per gemeente.', source: SRC.vgr7 },
    ],
    functions: [{ name: 'Boa openbare ruimte', critical: false, requiredQualified: 4 }, { name: 'Coördinator handhaving', critical: true, requiredQualified: 2 }],
  },
];

export const BEL = {
  slug: 'bel-combinatie',
  name: 'BEL Combinatie (Blaricum, Eemnes, Laren)',
  legalForm: 'openbaar-lichaam' as const,
  startDate: '2008-01-01',
  mustStayDisentanglable: false,
  thirdMunicipalityMayJoin: false,
  description: 'Eén gezamenlijke werkorganisatie voert in principe alle taken uit voor drie zelfstandige gemeenten, op basis van bestuursopdrachten en contractuele afspraken (opdrachtgever–opdrachtnemer), onder een gemeenschappelijke regeling.',
  source: SRC.bel,
};

/** BEL teams are illustrative: the start-up interview names no team structure. */
export const BEL_TEAMS = [
  { slug: 'bedrijfsvoering', name: 'Bedrijfsvoering' },
  { slug: 'publiekszaken', name: 'Publiekszaken' },
  { slug: 'ruimte', name: 'Ruimte' },
  { slug: 'sociaal-domein', name: 'Sociaal domein' },
];

export const DEMO_MUNICIPALITIES = [
  { cbsCode: 'GM0397', name: 'Heemstede', inhabitants: 27_000 },
  { cbsCode: 'GM0377', name: 'Bloemendaal', inhabitants: 23_000 },
  { cbsCode: 'GM0376', name: 'Blaricum', inhabitants: 11_000 },
  { cbsCode: 'GM0317', name: 'Eemnes', inhabitants: 9_500 },
  { cbsCode: 'GM0417', name: 'Laren', inhabitants: 11_000 },
];
