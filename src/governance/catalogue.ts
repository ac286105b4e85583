/**
 * Fixed lists of governance: kinds of bodies, rights, document statuses, kinds and
 * statuses of commitments and milestones, and the defaults a cooperation starts with
 * (its bodies, decision types and decision-rights matrix) until it edits them.
 */

export const BODY_KINDS = ['gezamenlijk-mt', 'directie', 'teammanager', 'college', 'raad', 'commissie', 'or', 'go'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
export const BODY_KIND_WORDS: Record<BodyKind, string> = {
  'gezamenlijk-mt': 'Gezamenlijk managementteam', directie: 'Directie', teammanager: 'Teammanager', college: 'College van B&W',
  raad: 'Gemeenteraad', commissie: 'Raadscommissie', or: 'Ondernemingsraad', go: 'Georganiseerd overleg',
};

export const RIGHTS = ['besluit', 'adviseert', 'geinformeerd'] as const;
export type Right = (typeof RIGHTS)[number];
export const RIGHT_WORDS: Record<Right, string> = { besluit: 'besluit', adviseert: 'adviseert', geinformeerd: 'wordt geïnformeerd' };

export const DOCUMENT_STATUSES = ['A', 'B', 'C'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export const DOCUMENT_STATUS_WORDS: Record<DocumentStatus, string> = {
  A: 'A-stuk (ter bespreking en besluitvorming)', B: 'B-stuk (ter bespreking)', C: 'C-stuk (ter kennisname)',
};

export const COMMITMENT_KINDS = ['raadsvraag', 'toezegging', 'motie', 'accountantsbevinding', 'aanbeveling-rekenkamer'] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];
export const COMMITMENT_KIND_WORDS: Record<CommitmentKind, string> = {
  raadsvraag: 'Raadsvraag', toezegging: 'Toezegging', motie: 'Motie', accountantsbevinding: 'Bevinding accountant (managementletter)',
  'aanbeveling-rekenkamer': 'Aanbeveling rekenkamer(commissie)',
};

/** What is stored; 'te-laat' is never stored but derived (status.ts). */
export const COMMITMENT_STATUSES = ['nieuw', 'in-behandeling', 'afgedaan'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];
export type ShownCommitmentStatus = CommitmentStatus | 'te-laat';
export const COMMITMENT_STATUS_WORDS: Record<ShownCommitmentStatus, string> = {
  nieuw: 'nieuw', 'in-behandeling': 'in behandeling', afgedaan: 'afgedaan', 'te-laat': 'te laat',
};

export const MILESTONE_STATUSES = ['gepland', 'loopt', 'gereed', 'vervallen'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
export const MILESTONE_STATUS_WORDS: Record<MilestoneStatus | 'te-laat', string> = {
  gepland: 'gepland', loopt: 'loopt', gereed: 'gereed', vervallen: 'vervallen', 'te-laat': 'te laat',
};

export interface DefaultBody { key: string; name: string; kind: BodyKind; municipalityCbs: string | null; committeeForKey: string | null; leadDays: number }

/**
 * The bodies every cooperation starts with (issue 6): the joint MT, directieoverleg,
 * teammanager, per member municipality its college, raad and a raadscommissie that
 * advises the raad, the ondernemingsraad and the georganiseerd overleg. Lead times are
 * a starting point (raad: 21 days, commissie: 28 days before the meeting); edit them.
 */
export function defaultBodies(members: { cbsCode: string; name: string }[]): DefaultBody[] {
  const code = (c: string) => c.toLowerCase();
  return [
    { key: 'mt-kzoom', name: 'MT-Kzoom (gezamenlijk managementteam)', kind: 'gezamenlijk-mt', municipalityCbs: null, committeeForKey: null, leadDays: 0 },
    { key: 'directieoverleg', name: 'Directieoverleg', kind: 'directie', municipalityCbs: null, committeeForKey: null, leadDays: 0 },
    { key: 'teammanager', name: 'Teammanager', kind: 'teammanager', municipalityCbs: null, committeeForKey: null, leadDays: 0 },
    ...members.flatMap((m): DefaultBody[] => [
      { key: `college-${code(m.cbsCode)}`, name: `College ${m.name}`, kind: 'college', municipalityCbs: m.cbsCode, committeeForKey: null, leadDays: 7 },
      { key: `raad-${code(m.cbsCode)}`, name: `Raad ${m.name}`, kind: 'raad', municipalityCbs: m.cbsCode, committeeForKey: null, leadDays: 21 },
      { key: `commissie-${code(m.cbsCode)}`, name: `Raadscommissie ${m.name}`, kind: 'commissie', municipalityCbs: m.cbsCode, committeeForKey: `raad-${code(m.cbsCode)}`, leadDays: 28 },
    ]),
    { key: 'ondernemingsraad', name: 'Ondernemingsraad', kind: 'or', municipalityCbs: null, committeeForKey: null, leadDays: 0 },
    { key: 'georganiseerd-overleg', name: 'Georganiseerd overleg', kind: 'go', municipalityCbs: null, committeeForKey: null, leadDays: 0 },
  ];
}

/**
 * Default decision types and, per kind of body, the right it has. A starting point in
 * line with seed 000 (§4.4: the OR advises on vervlechting; §5.3.1: MT-Kzoom has no
 * formal status) and seed 004 (the raad sets the kader; the colleges set the
 * samenwerkingsovereenkomst after zienswijzen of raad and OR). Every cell is editable.
 */
export const DEFAULT_DECISION_TYPES: { key: string; name: string; rights: Partial<Record<BodyKind, Right>> }[] = [
  // Seed 004: after the raad sets the kader, OR and georganiseerd overleg are informed.
  { key: 'kader-samenwerking', name: 'Kader en vorm van de samenwerking', rights: { raad: 'besluit', commissie: 'adviseert', college: 'adviseert', directie: 'adviseert', or: 'geinformeerd', go: 'geinformeerd', 'gezamenlijk-mt': 'geinformeerd' } },
  { key: 'samenwerkingsovereenkomst', name: 'Samenwerkingsovereenkomst', rights: { college: 'besluit', raad: 'adviseert', commissie: 'adviseert', or: 'adviseert', directie: 'adviseert', go: 'geinformeerd' } },
  { key: 'vervlechting-team', name: 'Vervlechting of ontvlechting van een team', rights: { college: 'besluit', directie: 'adviseert', 'gezamenlijk-mt': 'adviseert', or: 'adviseert', raad: 'geinformeerd', teammanager: 'geinformeerd', go: 'geinformeerd' } },
  { key: 'teamplan', name: 'Teamplan en werkwijze van een team', rights: { directie: 'besluit', 'gezamenlijk-mt': 'adviseert', teammanager: 'adviseert', or: 'adviseert' } },
  { key: 'werkproces', name: 'Harmonisatie van een werkproces', rights: { teammanager: 'besluit', 'gezamenlijk-mt': 'geinformeerd', directie: 'geinformeerd' } },
  { key: 'voortgangsrapportage', name: 'Voortgangsrapportage aan de raad', rights: { college: 'besluit', directie: 'adviseert', raad: 'geinformeerd', commissie: 'geinformeerd' } },
  { key: 'ict-applicaties', name: 'ICT en applicaties (GRIT)', rights: { college: 'besluit', directie: 'adviseert', 'gezamenlijk-mt': 'adviseert', raad: 'geinformeerd' } },
];
