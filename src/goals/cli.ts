/** `vlecht afleiden [--samenwerking SLUG]`: derive every KPI with a derivation again, for a schedule (cron, systemd timer). */
import type { Command } from 'commander';
import { deriveAll } from './derive.service.ts';
import type { Ctx } from '../platform/context.ts';

export function mountGoalsCli(program: Command, withCtx: <T>(work: (ctx: Ctx) => Promise<T>) => Promise<T>) {
  program.command('afleiden').description('Leid alle metingen met een afleiding opnieuw af (urenregistratie, dekking, jaarcijfers); voor een planning met cron')
    .option('--samenwerking <slug>', 'alleen deze samenwerking')
    .action((o: { samenwerking?: string }) => withCtx(async (ctx) => {
      const results = await deriveAll(ctx, o.samenwerking);
      for (const r of results) {
        console.log(r.error
          ? `${r.cooperation} · ${r.kpi}: NIET afgeleid — ${r.error}`
          : `${r.cooperation} · ${r.kpi} (${r.derivation}): ${r.added} toegevoegd, ${r.changed} gewijzigd, ${r.unchanged} ongewijzigd`);
      }
      const failed = results.filter((r) => r.error).length;
      console.log(`${results.length} indicatoren afgeleid${failed ? `, ${failed} met een fout` : ''}.`);
      if (failed) process.exitCode = 1;
    }));
}
