/** `vlecht rapport SLUG --periode 2019 [--team p-en-o] [--pdf uit.pdf] [--html uit.html] [--concept]`. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { renderForPeriod } from './report.service.ts';
import { closePdfBrowser, renderPdf, reportDocument } from './pdf.ts';
import type { Ctx } from '../platform/context.ts';

export function mountReportCli(program: Command, withCtx: <T>(work: (ctx: Ctx) => Promise<T>) => Promise<T>) {
  program.command('rapport <samenwerking>').description('Maak de voortgangsrapportage (of met --team de factsheet van een team) als PDF of HTML')
    .requiredOption('--periode <periode>', 'jaar (2019), kwartaal (2019-K3), halfjaar (2019-H1) of dd-mm-jjjj/dd-mm-jjjj')
    .option('--team <slug>', 'de factsheet van dit team, bijv. p-en-o')
    .option('--pdf <bestand>', 'schrijf een PDF (A4)')
    .option('--html <bestand>', 'schrijf een los HTML-bestand')
    .option('--concept', 'het concept met de cijfers van vandaag, ook als er een gepubliceerde versie is', false)
    .action((slug: string, o: { periode: string; team?: string; pdf?: string; html?: string; concept: boolean }) => withCtx(async (ctx) => {
      const r = await renderForPeriod(ctx, slug, { team: o.team, period: o.periode, concept: o.concept });
      if (o.html) writeFileSync(o.html, reportDocument(r.title, r.html));
      if (o.pdf) {
        try { writeFileSync(o.pdf, await renderPdf(r.title, r.html)); } finally { await closePdfBrowser(); }
      }
      console.log(`${r.title}: ${r.source}.`);
      if (o.pdf) console.log(`PDF geschreven: ${o.pdf}`);
      if (o.html) console.log(`HTML geschreven: ${o.html}`);
      if (!o.pdf && !o.html) console.log('Geef --pdf of --html om het rapport te schrijven.');
    }));
}
