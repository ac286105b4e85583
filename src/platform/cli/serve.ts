/** `vlecht serve`: migrate, load the demo when asked on an empty database, and listen. */
import { serve } from '@hono/node-server';
import { openDatabase, optionsFromEnv } from '../db/open.ts';
import { migrate } from '../db/migrate.ts';
import { createApp } from '../http/app.tsx';
import { issueSetupTokenIfNoUsers } from '../auth/auth.service.ts';
import { isEmpty, loadDemo } from '../../demo/load.ts';
import { durabilityProblems, EMBEDDED_RPO } from '../db/durability.ts';
import { rowsOf } from '../db/raw.ts';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/open.ts';
import { appendOnlyWritable } from '../db/roles.ts';
import { logger } from '../log.ts';
import { secretKeyFrom } from '../auth/secret-box.ts';
import { readOidcConfig, OidcConfigError, type OidcConfig } from '../auth/oidc.config.ts';
import { closePdfBrowser } from '../../reports/pdf.ts';
import { pdfPrinting, settlePrints } from '../../reports/publication-pdf.service.ts';

async function serverSettings(database: Database) {
  const [row] = await rowsOf<{ fsync: string; full_page_writes: string; synchronous_commit: string }>(database.db,
    sql`select current_setting('fsync') as fsync, current_setting('full_page_writes') as full_page_writes, current_setting('synchronous_commit') as synchronous_commit`);
  return row;
}

/**
 * Separation of privileges (docs/deployment.md, "Databaserollen"): a role that could change
 * the audit trail or drop its trigger is warned about, not refused (demo and development
 * use the owner). PostgreSQL only: embedded there is one user and the triggers protect.
 */
async function warnIfOwner(database: Database) {
  const tables = await appendOnlyWritable(database.db);
  if (!tables.length) return;
  const [who] = await rowsOf<{ role: string }>(database.db, sql`select current_user as role`);
  logger.warn({ role: who.role, tables },
    `De databaserol "${who.role}" mag ${tables.join(', ')} wijzigen of verwijderen (eigenaar of superuser): de triggers beschermen de audittrail dan niet tegen deze rol zelf. `
    + 'Draai de app onder een aparte rol: DATABASE_URL=<eigenaar-URL> npx vlecht database-rechten --app-rol vlecht_app, en start daarna met DATABASE_URL van die rol.');
}

/** VLECHT_OIDC_*: checked before anything starts; a mistake stops the server with a Dutch message. */
function oidcFromEnv(): OidcConfig | null {
  try {
    const oidc = readOidcConfig(process.env);
    if (oidc && !oidc.acr.length && !oidc.amr.length) {
      logger.warn('Aanmelden via OIDC zonder VLECHT_OIDC_ACR of VLECHT_OIDC_AMR: Vlecht accepteert dan elke aanmelding bij de identiteitsprovider, ook zonder tweede factor.');
    }
    return oidc;
  } catch (e) {
    if (!(e instanceof OidcConfigError)) throw e;
    console.error(e.message);
    process.exit(1);
  }
}

/** A malformed VLECHT_SECRET_KEY stops the start; a missing one is warned about outside the demo. */
function checkSecretKey(demo: boolean) {
  try {
    if (!secretKeyFrom() && !demo) logger.warn('VLECHT_SECRET_KEY is niet gezet: geheimen van de tweede factor (TOTP) worden onversleuteld opgeslagen. Zet een sleutel van 32 bytes, bijv. `openssl rand -base64 32`.');
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}

export async function runServe(options: { demo: boolean; port: number; host: string }) {
  const oidc = oidcFromEnv();
  checkSecretKey(options.demo);
  const database = await openDatabase(optionsFromEnv());
  if (database.engine === 'postgres') {
    const problems = durabilityProblems(await serverSettings(database));
    if (problems.length) {
      await database.close();
      console.error(`Vlecht start niet: de PostgreSQL-server is niet duurzaam ingesteld.\n  · ${problems.join('\n  · ')}\nZet deze instellingen aan in postgresql.conf en herstart de server.`);
      process.exit(1);
    }
  } else {
    console.log(EMBEDDED_RPO);
  }
  await migrate(database.db);
  if (database.engine === 'postgres') await warnIfOwner(database);
  if (options.demo && await isEmpty(database.db)) {
    console.log('Demo laden (eenmalig, op een lege database)…');
    await loadDemo(database.db, (step) => console.log(`  · ${step}`), database.bulk);
  }
  if (!options.demo) {
    const token = await issueSetupTokenIfNoUsers(database.db);
    if (token) {
      console.log('Nog geen accounts. Maak de eerste beheerder aan met deze eenmalige code:');
      console.log(`  http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${options.port}/installatie?code=${token}`);
    }
  }
  const app = createApp({ db: database.db, bulk: database.bulk, demo: options.demo, oidc });
  const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info) => {
    console.log(`Vlecht draait op http://localhost:${info.port} (${database.engine}: ${database.location})`);
  });
  // Published versions are printed right after publication (one shared browser, bounded queue).
  pdfPrinting.onPublish = true;
  const stop = async () => {
    server.close();
    await settlePrints();
    await closePdfBrowser();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
