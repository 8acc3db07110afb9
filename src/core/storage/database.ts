import Database from 'better-sqlite3';
import { LecternError } from '../../shared/contract';
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from './migrations';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  /** A file path, or ':memory:'. */
  path: string;
  /** Where Electron's own build of the addon lives; Node uses the default build. */
  nativeBinding?: string | undefined;
  /** Migrations to apply; tests pass their own list to simulate other versions. */
  migrations?: Migration[];
  /** The instant recorded with each migration applied. */
  now: number;
}

/**
 * Opens the collection database: WAL, foreign keys, and every pending migration. A database written
 * by a newer Lectern (a higher schema version than this build knows) is refused before anything
 * is written to it.
 */
export function openDatabase(options: OpenDatabaseOptions): { db: Db; schemaVersion: number } {
  const list = options.migrations ?? migrations;
  const latest = list.length > 0 ? list[list.length - 1]!.version : 0;
  let db: Db;
  try {
    db = new Database(options.path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw new LecternError('bad_input', `Cannot open the collection at ${options.path}: ${(error as Error).message}`);
  }
  try {
    const version = readSchemaVersion(db);
    if (version > latest) {
      throw new LecternError(
        'newer_schema',
        `This collection was written by a newer version of Lectern (schema ${version}; this version knows ${latest}). ` +
          'Update Lectern to open it; the file was left untouched.',
      );
    }
    if (options.path !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    applyMigrations(db, list, version, options.now);
    return { db, schemaVersion: latest };
  } catch (error) {
    db.close();
    if (error instanceof LecternError) throw error;
    const message = (error as Error).message;
    if (/file is not a database|malformed/i.test(message)) {
      throw new LecternError('bad_input', `${options.path} is not a Lectern collection (${message}); it was left untouched.`);
    }
    throw error;
  }
}

function readSchemaVersion(db: Db): number {
  // user_version is read from the header without writing anything, so a newer file stays untouched.
  return db.pragma('user_version', { simple: true }) as number;
}

function applyMigrations(db: Db, list: Migration[], from: number, now: number): void {
  const pending = list.filter((m) => m.version > from);
  if (pending.length === 0) return;
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of pending) {
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, now);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

export { LATEST_SCHEMA_VERSION };
