import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 built for Electron lives apart from the Node build in node_modules (which tests, the CLI
 * and the web host load): `native/electron/better_sqlite3.node`, made by `npm run electron:rebuild`, and
 * loaded with better-sqlite3's `nativeBinding` option. In a packaged app electron-builder copies the folder
 * to the resources folder (extraResources in electron-builder.yml).
 */
export const NATIVE_BINDING_SUBDIR = ['native', 'electron'] as const;
export const NATIVE_BINDING_FILE = 'better_sqlite3.node';

export interface NativeBindingInputs {
  /** `app.getAppPath()`: the project folder when unpackaged. */
  appPath: string;
  /** `process.resourcesPath`: the packaged app's resources folder. */
  resourcesPath?: string | undefined;
  isPackaged: boolean;
}

export function nativeBindingPath(inputs: NativeBindingInputs): string {
  const base = inputs.isPackaged && inputs.resourcesPath ? inputs.resourcesPath : inputs.appPath;
  return join(base, ...NATIVE_BINDING_SUBDIR, NATIVE_BINDING_FILE);
}

export interface NativeBinding {
  path: string;
  exists: boolean;
}

export function findNativeBinding(inputs: NativeBindingInputs, exists: (path: string) => boolean = existsSync): NativeBinding {
  const path = nativeBindingPath(inputs);
  return { path, exists: exists(path) };
}

/** What the user reads when the Electron build of the database engine is missing. */
export function missingNativeBindingMessage(path: string): string {
  return (
    `Lectern's database engine for Electron is missing (${path}). ` +
    'Build it with "npm run electron:rebuild" on a machine with internet access, or run "npm run serve" to use Lectern in a browser.'
  );
}
