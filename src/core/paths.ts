import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The product name Electron derives its userData folder from. */
export const PRODUCT_NAME = 'Lectern';
export const COLLECTION_FILE = 'lectern.sqlite';
export const BACKUPS_DIR = 'backups';

export interface DataDirInputs {
  /** `--data-dir` from the command line, if given. */
  flag?: string | undefined;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
}

/**
 * The data folder, in one place for every host (INTERFACES.md): `--data-dir`, else LECTERN_DATA_DIR,
 * else the folder Electron's userData would be for "Lectern" on this platform.
 */
export function resolveDataDir(inputs: DataDirInputs = {}): string {
  const env = inputs.env ?? process.env;
  if (inputs.flag && inputs.flag.trim() !== '') return resolve(inputs.flag);
  if (env.LECTERN_DATA_DIR && env.LECTERN_DATA_DIR.trim() !== '') return resolve(env.LECTERN_DATA_DIR);
  return userDataDir(inputs.platform ?? process.platform, inputs.home ?? homedir(), env);
}

/** Electron's `app.getPath('userData')` for the product name, computed without Electron. */
export function userDataDir(platform: NodeJS.Platform, home: string, env: NodeJS.ProcessEnv): string {
  switch (platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', PRODUCT_NAME);
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
    default:
      return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
  }
}

export function collectionPath(dataDir: string): string {
  return join(dataDir, COLLECTION_FILE);
}

export function backupsPath(dataDir: string): string {
  return join(dataDir, BACKUPS_DIR);
}

/** Creates the data folder if missing and returns the collection file's path in it. */
export function prepareDataDir(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  return collectionPath(dataDir);
}
