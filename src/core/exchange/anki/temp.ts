/**
 * SQLite wants a file, so packages are built and read in a private temporary folder that is always
 * removed, whatever happens.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function withTempDir<T>(work: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-anki-'));
  try {
    return work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Where Electron's own build of better-sqlite3 lives; Node uses the default build. */
export interface SqliteOptions {
  nativeBinding?: string | undefined;
}

export const sqliteOptions = (o: SqliteOptions | undefined) => (o?.nativeBinding ? { nativeBinding: o.nativeBinding } : {});
