/**
 * Demo: budget/account figures of Heemstede and Bloemendaal for 2021–2023 and their
 * inhabitants for 2021–2022, so the BBV indicators can be derived. All synthetic, of a
 * plausible order of magnitude for municipalities of this size; never real figures.
 */
import { setAnnualFigures } from '../register/annual-figures.service.ts';
import { setPopulation } from '../register/municipality.service.ts';
import type { Ctx } from '../platform/context.ts';

const SOURCE = 'Synthetisch demogegeven (niet uit de bronnen): jaarcijfers ter illustratie';

const FIGURES = [
  { cbsCode: 'GM0397', inhabitants: { 2021: 26_900, 2022: 26_950 }, years: {
    2021: { formatieFte: '205,0', bezettingFte: '196,4', loonsom: '15.400.000', inhuur: '2.300.000', apparaatskosten: '21.900.000', overhead: '9.100.000', totaleLasten: '92.000.000' },
    2022: { formatieFte: '207,5', bezettingFte: '199,0', loonsom: '16.100.000', inhuur: '2.050.000', apparaatskosten: '22.600.000', overhead: '9.300.000', totaleLasten: '95.500.000' },
    2023: { formatieFte: '209,0', bezettingFte: '202,3', loonsom: '17.200.000', inhuur: '1.800.000', apparaatskosten: '23.400.000', overhead: '9.500.000', totaleLasten: '99.800.000' },
  } },
  { cbsCode: 'GM0377', inhabitants: { 2021: 23_300, 2022: 23_200 }, years: {
    2021: { formatieFte: '188,0', bezettingFte: '176,9', loonsom: '14.200.000', inhuur: '2.900.000', apparaatskosten: '20.800.000', overhead: '8.700.000', totaleLasten: '85.000.000' },
    2022: { formatieFte: '189,5', bezettingFte: '181,2', loonsom: '14.900.000', inhuur: '2.400.000', apparaatskosten: '21.300.000', overhead: '8.800.000', totaleLasten: '88.200.000' },
    2023: { formatieFte: '190,0', bezettingFte: '184,6', loonsom: '15.800.000', inhuur: '2.000.000', apparaatskosten: '22.000.000', overhead: '8.900.000', totaleLasten: '91.400.000' },
  } },
] as const;

export async function loadDemoAnnualFigures(ctx: Ctx) {
  for (const m of FIGURES) {
    for (const [year, inhabitants] of Object.entries(m.inhabitants)) {
      await setPopulation(ctx, m.cbsCode, { year: Number(year), inhabitants, source: 'Synthetisch demogegeven (orde van grootte CBS)' });
    }
    for (const [year, figures] of Object.entries(m.years)) {
      await setAnnualFigures(ctx, m.cbsCode, undefined, { year: Number(year), ...figures, source: SOURCE });
    }
  }
}
