/** Every table of the product, for Drizzle and drizzle-kit. */
export * from '../../register/tables.ts';
export * from '../auth/tables.ts';
export * from '../audit/tables.ts';
export * from '../../ledger/tables.ts';
export * from '../../goals/tables.ts';
export * from '../../goals/benchmark-tables.ts';
export * from '../../goals/survey-tables.ts';
export * from '../../coverage/tables.ts';
export * from '../../governance/tables.ts';
export * from '../../reports/tables.ts';
