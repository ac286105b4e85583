/**
 * Databases built once per `npm test` run and copied per suite (issue 15, item 1).
 *
 * Migrating and loading the demo costs seconds per suite and engine; copying a finished
 * database costs well under one. `scripts/test.mjs` builds, before any test file runs:
 * - PGlite: a dump of the data directory (`dumpDataDir`) of a migrated database and of one
 *   with the demo; a suite opens an in-memory PGlite from the dump;
 * - PostgreSQL: two template databases; a suite gets `create database … template …`.
 * The manifest's path travels in VLECHT_TEST_SNAPSHOTS. Without it (a test file run on its
 * own with `node --test`), suites build their databases themselves, as before.
 */
import { readFileSync } from 'node:fs';

export type SnapshotKind = 'empty' | 'demo';

export interface SnapshotManifest {
  /** Dump files of the PGlite data directory, per kind. */
  pglite?: Record<SnapshotKind, string>;
  /** Template database names on the PostgreSQL server of VLECHT_TEST_PG_URL, per kind. */
  postgres?: Record<SnapshotKind, string>;
}

export const MANIFEST_ENV = 'VLECHT_TEST_SNAPSHOTS';

let manifest: SnapshotManifest | null | undefined;

/** The run's manifest, or null when this process runs without prepared snapshots. */
export function snapshotManifest(): SnapshotManifest | null {
  if (manifest === undefined) {
    const path = process.env[MANIFEST_ENV];
    manifest = path ? (JSON.parse(readFileSync(path, 'utf8')) as SnapshotManifest) : null;
  }
  return manifest;
}

const dumps = new Map<string, Blob>();

/** The PGlite dump of `kind`, read once per process. */
export function pgliteDump(kind: SnapshotKind): Blob | null {
  const path = snapshotManifest()?.pglite?.[kind];
  if (!path) return null;
  let blob = dumps.get(path);
  if (!blob) {
    blob = new Blob([readFileSync(path)]);
    dumps.set(path, blob);
  }
  return blob;
}

/** The PostgreSQL template database of `kind`, when prepared. */
export function postgresTemplate(kind: SnapshotKind): string | null {
  return snapshotManifest()?.postgres?.[kind] ?? null;
}
