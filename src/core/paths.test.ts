import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectionPath, resolveDataDir } from './paths';

describe('resolveDataDir', () => {
  const home = '/home/ada';
  it('prefers --data-dir, then LECTERN_DATA_DIR, then the desktop app folder', () => {
    const env = { LECTERN_DATA_DIR: '/srv/lectern' };
    expect(resolveDataDir({ flag: 'mine', env, platform: 'linux', home })).toBe(resolve('mine'));
    expect(resolveDataDir({ env, platform: 'linux', home })).toBe('/srv/lectern');
    expect(resolveDataDir({ env: {}, platform: 'linux', home })).toBe('/home/ada/.config/Lectern');
  });

  it('matches Electron userData for "Lectern" on each platform', () => {
    expect(resolveDataDir({ env: {}, platform: 'darwin', home })).toBe('/home/ada/Library/Application Support/Lectern');
    expect(resolveDataDir({ env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, platform: 'win32', home })).toBe(
      join('C:\\Users\\ada\\AppData\\Roaming', 'Lectern'),
    );
    expect(resolveDataDir({ env: { XDG_CONFIG_HOME: '/cfg' }, platform: 'linux', home })).toBe('/cfg/Lectern');
  });

  it('names the collection file lectern.sqlite', () => {
    expect(collectionPath('/d')).toBe('/d/lectern.sqlite');
  });
});
