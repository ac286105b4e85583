/**
 * `vlecht import uren FILE --samenwerking SLUG [--vervang-periode VAN TOT] [--voorbeeld]` with a progress bar;
 * `vlecht uren controleer`: ledger_day against a fresh aggregation of the entries.
 */
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { importHours, type ImportResult } from './import.service.ts';
import { ledgerDayDifferences } from './ledger.queries.ts';
import { parseDutchDate, formatNumber } from '../platform/i18n/format.ts';
import type { Ctx } from '../platform/context.ts';

export function describeResult(r: ImportResult): string[] {
  const hours = formatNumber(Math.round(r.minutesAdded / 6) / 10);
  const lines = [`${r.fileName}: ${formatNumber(r.rowsInFile)} regels gelezen.`];
  if (r.status === 'voorbeeld') lines.push(`Voorbeeld: ${formatNumber(r.rowsAdded)} regels zouden worden toegevoegd, ${formatNumber(r.rowsAlreadyPresent)} staan er al in. Er is niets opgeslagen.`);
  if (r.status === 'ongewijzigd') lines.push(`Niets gewijzigd: alle regels staan al in de urenregistratie${r.previousImport ? ` (eerder geïmporteerd op ${r.previousImport.at.slice(0, 10).split('-').reverse().join('-')} door ${r.previousImport.by})` : ''}.`);
  if (r.status === 'geimporteerd') lines.push(`Geïmporteerd: ${formatNumber(r.rowsAdded)} regels (${hours} uur)${r.rowsReplaced ? `, ${formatNumber(r.rowsReplaced)} regels in de periode vervangen` : ''}; ${formatNumber(r.rowsAlreadyPresent)} stonden er al in.`);
  for (const m of r.minutesByServed) lines.push(`  voor ${m.name} (${m.cbsCode}): ${formatNumber(Math.round(m.minutes / 6) / 10)} uur`);
  return lines;
}

export function mountLedgerCli(program: Command, withCtx: <T>(work: (ctx: Ctx) => Promise<T>) => Promise<T>) {
  const imp = program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('Gegevens importeren');
  imp.command('uren <bestand>').description('Importeer uren (CSV of XLSX): alles of niets, dezelfde regels twee keer verandert niets')
    .requiredOption('--samenwerking <slug>', 'de samenwerking, bijv. heemstede-bloemendaal')
    .option('--vervang-periode <datums...>', 'vervang alle uren van VAN t/m TOT (dd-mm-jjjj) door dit bestand')
    .option('--voorbeeld', 'alleen controleren en tellen, niets opslaan', false)
    .action((file: string, o: { samenwerking: string; vervangPeriode?: string[]; voorbeeld: boolean }) => withCtx(async (ctx) => {
      const [van, tot] = (o.vervangPeriode ?? []).map(parseDutchDate);
      const size = statSync(file).size;
      const bar = new cliProgress.SingleBar({ format: 'Uren importeren {bar} {value} regels | {duration_formatted}', stream: process.stderr, hideCursor: true, noTTYOutput: true, notTTYSchedule: 250 }, cliProgress.Presets.shades_classic);
      // Rows are unknown up front: estimate ~45 bytes a row and grow as needed.
      bar.start(Math.max(1, Math.round(size / 45)), 0);
      try {
        const result = await importHours(ctx, {
          cooperationSlug: o.samenwerking, fileName: basename(file), input: createReadStream(file), preview: o.voorbeeld,
          replacePeriod: van && tot ? { from: van, to: tot } : undefined,
          onProgress: (rows) => { if (rows > bar.getTotal()) bar.setTotal(rows); bar.update(rows); },
        });
        bar.stop();
        for (const line of describeResult(result)) console.log(line);
      } finally {
        bar.stop();
      }
    }));

  const hours = program.commands.find((c) => c.name() === 'uren') ?? program.command('uren').description('Urenregistratie');
  hours.command('controleer').description('Controleer of de dagtotalen (ledger_day) gelijk zijn aan de urenregels en tarieven')
    .action(() => withCtx(async (ctx) => {
      const differences = await ledgerDayDifferences(ctx.db);
      if (differences === 0) {
        console.log('Dagtotalen kloppen: gelijk aan een nieuwe optelling van alle urenregels en tarieven.');
        return;
      }
      console.error(`Dagtotalen wijken af in ${formatNumber(differences)} rijen. Meld dit; herstel met een back-up en terugzetten, die de dagtotalen opnieuw opbouwt.`);
      process.exitCode = 1;
    }));
}
