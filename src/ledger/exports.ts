/** Column definitions of the ledger exports (CSV/XLSX), shared by API and pages. */
import type { Column } from '../platform/export/table.ts';
import type { LedgerOverview } from './ledger.service.ts';

type CellView = LedgerOverview['cells'][number];

export const ledgerCellColumns: Column<CellView>[] = [
  { header: 'periode', value: (r) => r.period },
  { header: 'team', value: (r) => r.team },
  { header: 'werkgever', value: (r) => r.employer },
  { header: 'voor gemeente', value: (r) => r.served },
  { header: 'activiteit', value: (r) => r.activity },
  { header: 'uren', value: (r) => (r.minutes / 60).toFixed(2).replace('.', ',') },
  { header: 'kosten (euro)', value: (r) => (r.costCents / 100).toFixed(2).replace('.', ',') },
  { header: 'uren zonder tarief', value: (r) => (r.minutesWithoutRate / 60).toFixed(2).replace('.', ',') },
];
