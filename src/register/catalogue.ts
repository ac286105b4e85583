/** Fixed lists of the register: legal forms, member roles, integration levels. */

export const LEGAL_FORMS = [
  'privaatrechtelijke-samenwerkingsovereenkomst',
  'regeling-zonder-meer',
  'centrumgemeenteregeling',
  'bedrijfsvoeringsorganisatie',
  'openbaar-lichaam',
  'ambtelijke-fusie',
] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

export const MEMBER_ROLES = ['centrumgemeente', 'deelnemer', 'opdrachtgever', 'werkorganisatie'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** The integration ladder of PRODUCT.md, 0–5. */
export const INTEGRATION_LEVELS = [0, 1, 2, 3, 4, 5] as const;
export type IntegrationLevel = (typeof INTEGRATION_LEVELS)[number];

/** The words of each level, for pages and reports. */
export const LEVEL_WORDS: Record<number, string> = {
  0: 'zelfstandig',
  1: 'kennisdeling',
  2: 'geharmoniseerde werkprocessen',
  3: 'onder één leiding',
  4: 'volledig vervlochten',
  5: 'in gezamenlijke organisatie',
};
