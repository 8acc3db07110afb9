import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LocationInputs {
  /** `import.meta.url` of the built main process (out/main/index.js). */
  mainFileUrl: string;
  /** `app.getAppPath()`: the project folder, or app.asar when packaged. */
  appPath: string;
}

export interface AppLocations {
  /** The build output folder holding main/, preload/ and renderer/. */
  outDir: string;
  preloadPath: string;
  rendererDir: string;
  /** resources/ (the bundled articles); inside app.asar when packaged, which Electron's fs reads. */
  resourcesDir: string;
}

/** Where the built pieces and resources are, derived from the main file so any --outDir works. */
export function appLocations(inputs: LocationInputs): AppLocations {
  const outDir = dirname(dirname(fileURLToPath(inputs.mainFileUrl)));
  return {
    outDir,
    preloadPath: join(outDir, 'preload', 'index.cjs'),
    rendererDir: join(outDir, 'renderer'),
    resourcesDir: join(inputs.appPath, 'resources'),
  };
}
