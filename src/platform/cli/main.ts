/** The `vlecht` command: mounts every capability's commands. Errors become Dutch messages and exit codes. */
import { Command } from 'commander';
import { userInfo } from 'node:os';
import { runServe } from './serve.ts';
import { openDatabase, optionsFromEnv, type Database } from '../db/open.ts';
import { migrate } from '../db/migrate.ts';
import { isEmpty, loadDemo } from '../../demo/load.ts';
import { createUser } from '../auth/auth.service.ts';
import { resetOidcBindingByEmail } from '../auth/oidc.service.ts';
import { resetSecondFactorByEmail } from '../auth/second-factor.service.ts';
import { hashesOf, latestAnchor, verifyAuditTrail } from '../audit/trail.ts';
import { anchorMismatches, formatAnchor, parseAnchors } from '../audit/chain.ts';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { cliActor } from '../auth/actor.ts';
import { ROLES, type Role } from '../auth/roles.ts';
import { isVlechtError, VlechtError } from '../errors.ts';
import { t } from '../i18n/index.ts';
import { invalidParamText } from '../http/problem.ts';
import { fieldLabel } from '../i18n/index.ts';
import { backupTo, restoreFrom } from '../db/backup.ts';
import { grantAppRole } from '../db/roles.ts';
import { mountLedgerCli } from '../../ledger/cli.ts';
import { mountEmployeeImportCli } from '../../register/employee-import.edges.ts';
import { mountPopulationImportCli } from '../../register/population-import.edges.ts';
import { mountReferenceCli } from '../../register/reference.cli.ts';
import { mountReportCli } from '../../reports/cli.ts';
import { mountGoalsCli } from '../../goals/cli.ts';
import type { Ctx } from '../context.ts';

const EXIT: Record<string, number> = { VALIDATION: 65, NOT_FOUND: 66, FORBIDDEN: 77, DATA_DIR_LOCKED: 75, PRECONDITION_FAILED: 75, MIGRATIONS_NOT_PERMITTED: 75, DATABASE_ROLE: 77 };

async function withDatabase<T>(work: (d: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(optionsFromEnv());
  try {
    await migrate(database.db);
    return await work(database);
  } finally {
    await database.close();
  }
}

/** Runs work as the CLI user (audited as `cli:<os user>`) on the configured database. */
function withCliCtx<T>(work: (ctx: Ctx) => Promise<T>): Promise<T> {
  return withDatabase((d) => work({ db: d.db, bulk: d.bulk, actor: cliActor(userInfo().username), clock: () => new Date(), origin: 'cli' }));
}

const program = new Command('vlecht').description('Vlecht: sturing en verantwoording van ambtelijke samenwerking');

program.command('serve').description('Start de webapplicatie')
  .option('--demo', 'laad de demo op een lege database en toon de demobanner', false)
  .option('--port <poort>', 'poort', process.env.PORT ?? '3000')
  .option('--host <adres>', 'adres om op te luisteren', process.env.HOST ?? '0.0.0.0')
  .action((o) => runServe({ demo: o.demo, port: Number(o.port), host: o.host }));

program.command('migrate').description('Voer databasemigraties uit').action(() => withDatabase(async (d) => {
  console.log(`${await migrate(d.db)} migratie(s) uitgevoerd op ${d.engine} (${d.location}).`);
}));

program.command('database-rechten')
  .description('PostgreSQL: maak of herstel de app-rol met alleen de rechten die de app nodig heeft (draai met de eigenaar als DATABASE_URL, na elke migratie opnieuw)')
  .requiredOption('--app-rol <rol>', 'naam van de databaserol waaronder de app draait, bijv. vlecht_app')
  .action((o) => withDatabase(async (d) => {
    if (d.engine !== 'postgres') throw new VlechtError('DATABASE_ROLE', { reason: 'alleen voor PostgreSQL (DATABASE_URL). Ingebed (PGlite) is er één gebruiker; daar beschermen de triggers de audittrail.' });
    // LOGIN with a password when VLECHT_APP_PASSWORD is set; otherwise a NOLOGIN group role.
    const r = await grantAppRole(d.db, { role: o.appRol, password: process.env.VLECHT_APP_PASSWORD });
    console.log(`Rol ${r.role} ${r.created ? 'aangemaakt' : 'bestond al'} (${r.login ? 'LOGIN' : 'NOLOGIN'}); tabellen van eigenaar ${r.owner}.`);
    console.log(`  · lezen en schrijven: ${r.readWrite.length} tabellen`);
    console.log(`  · alleen lezen en toevoegen (append-only): ${r.appendOnly.join(', ')}`);
    console.log(`  · alleen lezen: ${r.readOnly.join(', ')}`);
    console.log(`  · nieuwe tabellen van ${r.owner} krijgen dezelfde rechten (default privileges); draai dit na elke migratie opnieuw.`);
    for (const w of r.warnings) console.log(`Let op: ${w}`);
  }));

program.command('demo').description('Laad de demo (alleen op een lege database)').action(() => withDatabase(async (d) => {
  if (!(await isEmpty(d.db))) {
    console.log('De database bevat al samenwerkingen; de demo wordt niet opnieuw geladen.');
    return;
  }
  await loadDemo(d.db, (step) => console.log(`  · ${step}`), d.bulk);
  console.log('Demo geladen.');
}));

const user = program.command('user').description('Accounts');
user.command('add').description('Maak een account aan (wachtwoord via VLECHT_PASSWORD of --password)')
  .requiredOption('--email <email>').requiredOption('--name <naam>')
  .option('--password <wachtwoord>', 'liever via de omgevingsvariabele VLECHT_PASSWORD')
  .option('--role <rol>', `rol: ${ROLES.join(', ')}`, 'beheerder')
  .option('--gemeente <cbs>', 'scope: CBS-code van de gemeente')
  .option('--samenwerking <slug>', 'scope: samenwerking')
  .option('--team <samenwerking/team>', 'scope voor een teammanager, bijv. heemstede-bloemendaal/p-en-o')
  .action((o) => withDatabase(async (d) => {
    const { scopeGrant } = await import('./scope.ts');
    const ctx = { db: d.db, actor: cliActor(userInfo().username), clock: () => new Date(), origin: 'cli' };
    if (!ROLES.includes(o.role)) throw new VlechtError('VALIDATION', {}, [{ field: 'rol', message: `kies uit ${ROLES.join(', ')}`, value: o.role }]);
    const grant = await scopeGrant(ctx, o.role as Role, o.gemeente, o.samenwerking, o.team);
    const created = await createUser(ctx, { email: o.email, name: o.name, password: o.password ?? process.env.VLECHT_PASSWORD ?? '', grants: [grant] });
    console.log(`Account aangemaakt: ${created.email} (${o.role}).`);
  }));

user.command('reset-second-factor').description('Verwijder de tweede factor (authenticator-app) van een account en beëindig de sessies; het account stelt bij de volgende aanmelding een nieuwe in')
  .requiredOption('--email <email>')
  .action((o) => withCliCtx(async (ctx) => {
    const { hadSecondFactor } = await resetSecondFactorByEmail(ctx, o.email);
    console.log(hadSecondFactor ? `Tweede factor van ${o.email} verwijderd; de sessies van het account zijn beëindigd.` : `${o.email} had geen tweede factor; de sessies van het account zijn beëindigd.`);
  }));

user.command('reset-oidc').description('Verwijder de koppeling met het account bij de identity provider (OIDC) en beëindig de sessies; de volgende OIDC-aanmelding koppelt opnieuw')
  .requiredOption('--email <email>')
  .action((o) => withCliCtx(async (ctx) => {
    const { wasBound } = await resetOidcBindingByEmail(ctx, o.email);
    console.log(wasBound ? `OIDC-koppeling van ${o.email} verwijderd; de sessies van het account zijn beëindigd.` : `${o.email} was niet gekoppeld; de sessies van het account zijn beëindigd.`);
  }));

program.command('backup <bestand>').description('Schrijf alle gegevens naar een back-upbestand').action((file: string) => withDatabase(async (d) => {
  const summary = await backupTo(d.db, file, (table, n) => process.stderr.write(`  · ${table}: ${n} rijen\n`));
  console.log(`Back-up geschreven naar ${file}: ${summary.rows} rijen uit ${summary.tables} tabellen.`);
}));

program.command('restore <bestand>').description('Zet een back-up terug in een lege database').action((file: string) => withDatabase(async (d) => {
  const summary = await restoreFrom(d.db, file, (table, n) => process.stderr.write(`  · ${table}: ${n} rijen\n`));
  console.log(`Back-up teruggezet: ${summary.rows} rijen in ${summary.tables} tabellen.`);
}));

mountLedgerCli(program, withCliCtx);
mountReportCli(program, withCliCtx);
mountGoalsCli(program, withCliCtx);
mountEmployeeImportCli(program, withCliCtx);
mountPopulationImportCli(program, withCliCtx);
mountReferenceCli(program, withCliCtx);

const audit = program.command('audit').description('Audittrail');
audit.command('verify').description('Controleer de hashketen van de audittrail (en met --anker de ankers die buiten de database bewaard zijn)')
  .option('--anker <bestand>', 'bestand met ankerregels van `vlecht audit anker`: de keten mag daarna niet herschreven zijn')
  .action((o: { anker?: string }) => withDatabase(async (d) => {
    const verdict = await verifyAuditTrail(d.db);
    if (!verdict.ok) {
      const why = { hash: 'de inhoud van de regel is gewijzigd', link: 'de verwijzing naar de vorige regel klopt niet', gap: 'er ontbreekt een regel' }[verdict.reason];
      console.error(`Audittrail verbroken bij regel ${verdict.brokenSeq}: ${why}.`);
      process.exitCode = 1;
      return;
    }
    console.log(`Audittrail intact: ${verdict.rows} regels, laatste hash ${verdict.lastHash.slice(0, 16)}…`);
    if (!o.anker) return;
    const { anchors, badLines } = parseAnchors(readTextFile(o.anker));
    if (badLines.length || anchors.length === 0) {
      console.error(`Ankerbestand ${o.anker}: ${anchors.length === 0 ? 'geen ankerregels' : `regel ${badLines.join(', ')} is geen ankerregel`} (verwacht: vlecht-audit-anker seq=… hash=…).`);
      process.exitCode = 65;
      return;
    }
    const stored = await hashesOf(d.db, anchors.map((a) => a.seq));
    const wrong = anchorMismatches(anchors, (seq) => stored.get(seq));
    if (wrong.length) {
      for (const w of wrong) console.error(`Audittrail herschreven: regel ${w.seq} ${w.reason === 'ontbreekt' ? 'bestaat niet meer' : 'heeft een andere hash dan het anker'}.`);
      process.exitCode = 1;
      return;
    }
    console.log(`Ankers kloppen: ${anchors.length} (tot en met regel ${Math.max(...anchors.map((a) => a.seq))}).`);
  }));

audit.command('anker').description('Druk een anker af (volgnummer en hash van de laatste regel) om buiten de database te bewaren')
  .option('--bestand <bestand>', 'voeg de ankerregel toe aan dit bestand')
  .action((o: { bestand?: string }) => withDatabase(async (d) => {
    const anchor = await latestAnchor(d.db);
    if (!anchor) { console.error('De audittrail is leeg: er is nog niets te verankeren.'); process.exitCode = 1; return; }
    const line = formatAnchor(anchor);
    if (o.bestand) appendFileSync(o.bestand, `${line}\n`);
    console.log(line);
  }));

/** A text file the user named; a missing one is a Dutch validation error naming it. */
function readTextFile(path: string): string {
  if (!existsSync(path)) throw new VlechtError('VALIDATION', {}, [{ field: 'anker', message: 'bestand niet gevonden', value: path }]);
  return readFileSync(path, 'utf8');
}

program.parseAsync(process.argv).catch((e: unknown) => {
  if (isVlechtError(e)) {
    const lines = e.issues.length
      ? e.issues.map((i) => `${i.row !== undefined ? `Regel ${i.row}, ` : ''}${invalidParamText('nl', { name: i.field, label: fieldLabel('nl', i.field), reason: i.message, value: i.value })}`)
      : [t('nl', `error.${e.code}` as never, e.params)];
    for (const line of lines) console.error(line);
    process.exit(EXIT[e.code] ?? 1);
  }
  // No SQL or stack for users; VLECHT_DEBUG=1 shows everything for the administrator.
  if (process.env.VLECHT_DEBUG === '1') console.error(e);
  else console.error('Onverwachte fout. Probeer het opnieuw; zet VLECHT_DEBUG=1 voor technische details voor de beheerder.');
  process.exit(70);
});
