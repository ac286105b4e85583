/**
 * A lock on the PGlite data directory. PGlite does not lock its directory, and two
 * processes writing one directory corrupt it, so a second process must stop with a
 * clear message instead.
 */
import { openSync, writeSync, closeSync, readFileSync, unlinkSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { VlechtError } from '../errors.ts';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock or throws `DATA_DIR_LOCKED`; returns a release function. */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'vlecht.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => { try { unlinkSync(file); } catch { /* already gone */ } };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(pid) && pid !== process.pid && processAlive(pid)) {
        throw new VlechtError('DATA_DIR_LOCKED', { dir, pid });
      }
      // A lock left by a process that no longer runs: take it over.
      unlinkSync(file);
    }
  }
  throw new VlechtError('DATA_DIR_LOCKED', { dir, pid: 0 });
}
