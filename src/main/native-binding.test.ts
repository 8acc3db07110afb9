import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appLocations } from './locations';
import { findNativeBinding, missingNativeBindingMessage, nativeBindingPath } from './native-binding';

describe('nativeBindingPath', () => {
  it('is native/electron/better_sqlite3.node in the project when unpackaged', () => {
    expect(nativeBindingPath({ appPath: '/work/lectern', resourcesPath: '/opt/electron/resources', isPackaged: false })).toBe(
      join('/work/lectern', 'native', 'electron', 'better_sqlite3.node'),
    );
  });

  it('is in the resources folder when packaged (electron-builder extraResources)', () => {
    expect(nativeBindingPath({ appPath: '/opt/Lectern/resources/app.asar', resourcesPath: '/opt/Lectern/resources', isPackaged: true })).toBe(
      join('/opt/Lectern/resources', 'native', 'electron', 'better_sqlite3.node'),
    );
  });

  it('never points into node_modules (the Node build stays for tests and the CLI)', () => {
    expect(nativeBindingPath({ appPath: '/work/lectern', isPackaged: false })).not.toContain('node_modules');
  });
});

describe('findNativeBinding', () => {
  it('reports whether the file exists', () => {
    const inputs = { appPath: '/work/lectern', isPackaged: false };
    expect(findNativeBinding(inputs, () => true)).toEqual({ path: nativeBindingPath(inputs), exists: true });
    expect(findNativeBinding(inputs, () => false).exists).toBe(false);
  });

  it('explains how to make the missing build', () => {
    expect(missingNativeBindingMessage('/x/better_sqlite3.node')).toMatch(/\/x\/better_sqlite3\.node.*npm run electron:rebuild.*npm run serve/s);
  });
});

describe('appLocations', () => {
  it('finds preload and renderer beside the built main, resources in the app folder', () => {
    const out = join('/work', 'lectern', 'out');
    const locations = appLocations({ mainFileUrl: pathToFileURL(join(out, 'main', 'index.js')).href, appPath: '/work/lectern' });
    expect(locations).toEqual({
      outDir: out,
      preloadPath: join(out, 'preload', 'index.cjs'),
      rendererDir: join(out, 'renderer'),
      resourcesDir: join('/work/lectern', 'resources'),
    });
  });
});
