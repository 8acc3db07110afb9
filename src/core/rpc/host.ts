import { existsSync } from 'node:fs';
import { addBundledArticles } from '../bundled';
import type { Clock } from '../clock';
import { openCollection, type Collection } from '../collection';
import { prepareDataDir } from '../paths';
import { createDispatch, type Dispatch, type DispatchOptions } from './dispatch';

export interface HostCollectionOptions {
  dataDir: string;
  clock: Clock;
  /** The app's resources folder (bundled articles). */
  resourcesDir: string;
  nativeBinding?: string | undefined;
  dispatchOptions?: DispatchOptions;
}

export interface HostCollection {
  collection: Collection;
  dispatch: Dispatch;
  /** True when this open created the collection (and so added the bundled article). */
  created: boolean;
}

/**
 * What the desktop app and the web host do at start: open the collection in the data folder and,
 * when they have just created it, add the bundled article (INTERFACES.md).
 */
export function openHostCollection(options: HostCollectionOptions): HostCollection {
  const path = prepareDataDir(options.dataDir);
  const created = !existsSync(path);
  const collection = openCollection({ path, clock: options.clock, nativeBinding: options.nativeBinding });
  try {
    if (created) addBundledArticles(collection, options.resourcesDir);
  } catch (error) {
    collection.close();
    throw error;
  }
  const dispatch = createDispatch({ collection, dataDir: options.dataDir, nativeBinding: options.nativeBinding }, options.dispatchOptions);
  return { collection, dispatch, created };
}
