/** Column definitions of the ledger exports (CSV/XLSX), shared by API and pages. */
import type { Column } from '../platform/export/table.ts';
import type { LedgerOverview } from './ledger.service.ts';
import type { CostAllocation } from './cost.service.ts';

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

type BalanceRow = { period: string; a: string; b: string; netMinutes: number; netCostCents: number };
const decimal = (n: number) => n.toFixed(2).replace('.', ',');

/** The balance per period and pair, as on the page. */
export const balanceColumns: Column<BalanceRow>[] = [
  { header: 'periode', value: (r) => r.period },
  { header: 'gemeente a', value: (r) => r.a },
  { header: 'gemeente b', value: (r) => r.b },
  { header: 'netto uren (a voor b min b voor a)', value: (r) => decimal(r.netMinutes / 60) },
  { header: 'netto kosten (euro)', value: (r) => decimal(r.netCostCents / 100) },
];
export const balanceRows = (v: LedgerOverview): BalanceRow[] =>
  v.balanceOverTime.flatMap((p) => p.pairs.map((x) => ({ period: p.period, ...x })));

type AllocationRow = { item: string; period: string; key: string; cbsCode: string; name: string; basis: string; cents: number; standaloneCents: number | null; savingCents: number | null };

/** Every cost item's allocation per municipality with the counterfactual. */
export const allocationColumns: Column<AllocationRow>[] = [
  { header: 'kostenpost', value: (r) => r.item },
  { header: 'periode', value: (r) => r.period },
  { header: 'verdeelsleutel', value: (r) => r.key },
  { header: 'gemeente', value: (r) => r.cbsCode },
  { header: 'naam', value: (r) => r.name },
  { header: 'grondslag', value: (r) => r.basis },
  { header: 'aandeel (euro)', value: (r) => decimal(r.cents / 100) },
  { header: 'alleen (euro)', value: (r) => (r.standaloneCents === null ? null : decimal(r.standaloneCents / 100)) },
  { header: 'besparing (euro)', value: (r) => (r.savingCents === null ? null : decimal(r.savingCents / 100)) },
];

export function allocationRows(allocations: CostAllocation[]): AllocationRow[] {
  return allocations.flatMap((a) => a.lines.map((l) => {
    const cf = a.counterfactual.lines.find((x) => x.cbsCode === l.cbsCode);
    return {
      item: a.costItem.name, period: `${a.costItem.periodFrom} t/m ${a.costItem.periodTo}`, key: a.key.label, cbsCode: l.cbsCode, name: l.name,
      basis: l.explanation, cents: l.cents, standaloneCents: cf?.standaloneCents ?? null, savingCents: cf?.savingCents ?? null,
    };
  }));
}
