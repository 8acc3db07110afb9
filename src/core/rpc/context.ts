import type { Collection } from '../collection';

/** What every handler receives: the open collection and where it lives. */
export interface HandlerContext {
  collection: Collection;
  /** The data folder, or null for an in-memory collection. */
  dataDir: string | null;
  /** Electron's build of better-sqlite3, for code that opens a second database (Anki packages). */
  nativeBinding?: string | undefined;
}
