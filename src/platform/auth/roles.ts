/** The roles of Vlecht, granted per municipality, per cooperation or (teammanager) per team. */
export const ROLES = ['beheerder', 'controller', 'teammanager', 'directie', 'raadslid', 'rekenkamer', 'or-lid'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that only ever see aggregates, never data per named employee. */
export const AGGREGATE_ONLY_ROLES: readonly Role[] = ['raadslid', 'rekenkamer', 'or-lid', 'directie'];
