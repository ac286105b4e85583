/** CLI: load the CBS municipality reference (codes, names, validity periods after mergers) into the register. */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { VlechtError } from '../platform/errors.ts';
import { importMunicipalityList } from './municipality.service.ts';
import { readCbsReference, CBS_CHANGES, CBS_LIST_2023 } from './cbs-list.ts';
import type { Ctx } from '../platform/context.ts';

export function mountReferenceCli(program: Command, withCtx: <T>(work: (ctx: Ctx) => Promise<T>) => Promise<T>) {
  const ref = program.command('referentie').description('Referentiegegevens die met Vlecht meekomen');
  ref.command('gemeenten').description('Laad de CBS-gemeentelijst met codewijzigingen door herindelingen (idempotent: nog een keer laden verandert niets)')
    .option('--lijst <bestand>', 'een nieuwere CBS-lijst (gemeentecode;gemeentenaam)', CBS_LIST_2023.path)
    .option('--wijzigingen <bestand>', 'codewijzigingen (gemeentecode;gemeentenaam;geldig_van;geldig_tot;opgegaan_in;bron)', CBS_CHANGES.path)
    .action((o: { lijst: string; wijzigingen: string }) => withCtx(async (ctx) => {
      for (const [field, path] of [['lijst', o.lijst], ['wijzigingen', o.wijzigingen]]) {
        if (!existsSync(path)) throw new VlechtError('VALIDATION', {}, [{ field, message: 'bestand niet gevonden', value: path }]);
      }
      const rows = readCbsReference(o.lijst, o.wijzigingen);
      const r = await importMunicipalityList(ctx, rows, `${o.lijst === CBS_LIST_2023.path ? CBS_LIST_2023.source : o.lijst}; ${o.wijzigingen === CBS_CHANGES.path ? CBS_CHANGES.source : o.wijzigingen}`);
      console.log(`Gemeenten: ${r.added} toegevoegd, ${r.changed} gewijzigd, ${r.unchanged} ongewijzigd.`);
    }));
}
