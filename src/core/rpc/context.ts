import type { Collection } from '../collection';

/** What every handler receives: the open collection and where it lives. */
export interface HandlerContext {
  collection: Collection;
  /** The data folder, or null for an in-memory collection. */
  dataDir: string | null;
}
