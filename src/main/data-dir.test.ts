import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { userDataDir } from '../core/paths';
import { dataDirFlag, desktopDataDir } from './data-dir';

describe('dataDirFlag', () => {
  it('reads --data-dir <dir> and --data-dir=<dir>, the last one winning', () => {
    expect(dataDirFlag(['electron', '.', '--data-dir', '/tmp/a'])).toBe('/tmp/a');
    expect(dataDirFlag(['lectern', '--data-dir=/tmp/b'])).toBe('/tmp/b');
    expect(dataDirFlag(['x', '--data-dir', '/tmp/a', '--data-dir=/tmp/c'])).toBe('/tmp/c');
  });

  it('ignores a flag without a value and unrelated flags', () => {
    expect(dataDirFlag(['electron', '.', '--data-dir'])).toBeUndefined();
    expect(dataDirFlag(['electron', '.', '--data-dir', '--inspect=0'])).toBeUndefined();
    expect(dataDirFlag(['electron', '.', '--remote-debugging-port=0'])).toBeUndefined();
  });
});

describe('desktopDataDir (the core\'s one data-folder function)', () => {
  it('prefers --data-dir, then LECTERN_DATA_DIR', () => {
    expect(desktopDataDir(['e', '--data-dir', 'rel/dir'], { LECTERN_DATA_DIR: '/env' }, 'linux', '/home/u')).toBe(resolve('rel/dir'));
    expect(desktopDataDir(['e'], { LECTERN_DATA_DIR: '/env/dir' }, 'linux', '/home/u')).toBe(resolve('/env/dir'));
  });

  it('is Electron\'s userData for "Lectern" on Linux', () => {
    expect(desktopDataDir(['e'], {}, 'linux', '/home/u')).toBe(join('/home/u', '.config', 'Lectern'));
    expect(desktopDataDir(['e'], { XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/u')).toBe(join('/xdg', 'Lectern'));
  });

  it('is Electron\'s userData for "Lectern" on macOS', () => {
    expect(desktopDataDir(['e'], {}, 'darwin', '/Users/u')).toBe(join('/Users/u', 'Library', 'Application Support', 'Lectern'));
  });

  it('is Electron\'s userData for "Lectern" on Windows', () => {
    expect(desktopDataDir(['e'], { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toBe(
      join('C:\\Users\\u\\AppData\\Roaming', 'Lectern'),
    );
  });

  it('agrees with the folder the web host and the CLI compute', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(desktopDataDir(['e'], { APPDATA: 'A' }, platform, '/h')).toBe(userDataDir(platform, '/h', { APPDATA: 'A' }));
    }
  });
});
