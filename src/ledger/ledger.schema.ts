/** Input schemas of the ledger views and import options. */
import { z } from 'zod';
import { dutchDay } from '../platform/validation.ts';


export const ledgerQuery = z.object({
  van: dutchDay.optional(),
  tot: dutchDay.optional(),
  per: z.enum(['maand', 'kwartaal', 'jaar']).default('kwartaal'),
  team: z.string().max(60).optional(),
}).refine((q) => !q.van || !q.tot || q.van <= q.tot, { path: ['tot'], message: 'de einddatum ligt voor de begindatum' });
export type LedgerQuery = z.output<typeof ledgerQuery>;

export const importOptions = z.object({
  bestandsnaam: z.string().trim().min(1).max(200).default('upload.csv'),
  voorbeeld: z.enum(['ja', 'nee']).default('nee'),
  vervangVan: dutchDay.optional(),
  vervangTot: dutchDay.optional(),
}).refine((o) => !!o.vervangVan === !!o.vervangTot, { path: ['vervangTot'], message: 'geef zowel begin als einde van de te vervangen periode' });
