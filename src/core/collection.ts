import type { Clock } from './clock';
import { systemClock } from './clock';
import { DEFAULT_PRESET_ID } from './ids';
import { openDatabase, type Db } from './storage/database';
import type { Migration } from './storage/migrations';

/** What a write touched, so the UI knows what to refresh. */
export type ChangeArea = 'articles' | 'cards' | 'queue' | 'decks' | 'presets' | 'settings';

export interface Changes {
  mark(...areas: ChangeArea[]): void;
}

export interface Transacted<T> {
  value: T;
  changed: ChangeArea[];
}

export interface Collection {
  readonly db: Db;
  readonly clock: Clock;
  readonly path: string;
  readonly schemaVersion: number;
  /** The only way to write: one SQLite transaction, rolled back on any error. */
  transact<T>(fn: (changes: Changes) => T): Transacted<T>;
  close(): void;
}

export interface OpenCollectionOptions {
  /** The collection file, or ':memory:' for tests. */
  path: string;
  clock?: Clock;
  nativeBinding?: string | undefined;
  migrations?: Migration[];
}

/** The one entry point to a collection: opens (or creates) it, migrates it, and seeds a new one. */
export function openCollection(options: OpenCollectionOptions): Collection {
  const clock = options.clock ?? systemClock;
  const { db, schemaVersion } = openDatabase({
    path: options.path,
    nativeBinding: options.nativeBinding,
    migrations: options.migrations,
    now: clock.now(),
  });

  const transact = <T>(fn: (changes: Changes) => T): Transacted<T> => {
    const changed = new Set<ChangeArea>();
    const value = db.transaction(() =>
      fn({
        mark: (...areas) => areas.forEach((a) => changed.add(a)),
      }),
    )();
    return { value, changed: [...changed].sort() };
  };

  const collection: Collection = {
    db,
    clock,
    path: options.path,
    schemaVersion,
    transact,
    close: () => {
      if (db.open) db.close();
    },
  };
  seedNewCollection(collection);
  return collection;
}

/** A new collection has one settings record and the preset "default" (INTERFACES.md). */
function seedNewCollection(collection: Collection): void {
  const { db } = collection;
  const hasSettings = db.prepare('SELECT 1 FROM collection_settings WHERE id = 1').get();
  if (hasSettings) return;
  collection.transact((changes) => {
    db.prepare('INSERT INTO collection_settings (id, day_starts_at, time_zone, created_at) VALUES (1, 4, NULL, ?)').run(
      collection.clock.now(),
    );
    db.prepare("INSERT OR IGNORE INTO presets (id, name) VALUES (?, 'Default')").run(DEFAULT_PRESET_ID);
    changes.mark('settings', 'presets');
  });
}
