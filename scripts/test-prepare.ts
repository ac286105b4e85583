/**
 * Called by `scripts/test.mjs`: `prepare <dir>` builds the run's database snapshots and
 * prints the manifest's path; `drop <manifest>` removes the PostgreSQL templates again.
 */
import { ENGINES, PG_URL } from '../test/support/engines.ts';
import { dropSnapshots, prepareSnapshots } from '../test/support/prepare-snapshots.ts';

const [command, path] = process.argv.slice(2);
if (command === 'prepare' && path) {
  const manifest = await prepareSnapshots(path, ENGINES, PG_URL);
  process.stdout.write(`${manifest}\n`);
} else if (command === 'drop' && path) {
  await dropSnapshots(path, PG_URL);
} else {
  console.error('gebruik: test-prepare.ts prepare <map> | drop <manifest>');
  process.exit(2);
}
