import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { desktopStatus, electronExecutable } from '../../scripts/electron-rebuild.mjs';

/**
 * The ABI check of scripts/electron-rebuild.mjs, which must tell an Electron build of better-sqlite3 from a
 * Node build (a rebuild that cannot download Electron's headers can silently produce the latter).
 * The rebuild itself needs internet access and is not run here.
 */
const repo = fileURLToPath(new URL('../..', import.meta.url));
const script = join(repo, 'scripts', 'electron-rebuild.mjs');
const nodeBuild = join(repo, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const electronAbi = Number(readFileSync(join(repo, 'node_modules', 'electron', 'abi_version'), 'utf8').trim());
const dir = mkdtempSync(join(tmpdir(), 'lectern-abi-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: repo, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

function fakeAddon(name: string, symbols: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]), ...symbols.map((s) => Buffer.from(`\0${s}\0`, 'latin1'))]));
  return path;
}

describe('scripts/electron-rebuild.mjs ABI check', () => {
  it("reads the Node build's ABI as this Node's NODE_MODULE_VERSION", () => {
    const { status, out } = run('--print-abi', nodeBuild);
    expect(status).toBe(0);
    expect(out.trim()).toBe(process.versions.modules);
  });

  it('refuses the Node build as an Electron build, saying why', () => {
    const { status, out } = run('--check', nodeBuild);
    expect(status).toBe(1);
    expect(out).toContain(`Node ${process.version}'s ABI (${process.versions.modules})`);
    expect(out).toContain(`(${electronAbi})`);
  });

  it("accepts a file that targets Electron's ABI", () => {
    const { status, out } = run('--check', fakeAddon('electron.node', [`node_register_module_v${electronAbi}`]));
    expect(status, out).toBe(0);
    expect(out).toMatch(/^OK: .*targets Electron \d+\.\d+\.\d+ \(ABI \d+\)/m);
  });

  it('refuses a file with no or conflicting ABI symbols', () => {
    expect(run('--check', fakeAddon('none.node', ['napi_register_module_v1'])).status).toBe(1);
    expect(run('--check', fakeAddon('both.node', ['node_register_module_v115', `node_register_module_v${electronAbi}`])).status).toBe(1);
    expect(run('--print-abi', fakeAddon('none2.node', [])).out.trim()).toBe('unknown');
  });

  it('says how to make a missing build', () => {
    const { status, out } = run('--check', join(dir, 'missing.node'));
    expect(status).toBe(1);
    expect(out).toMatch(/does not exist.*npm run electron:rebuild/);
  });
});

describe('desktopStatus (npm start and the Electron smoke test ask it whether the desktop app can run)', () => {
  /** A project folder sharing the real node_modules, with or without an Electron build of better-sqlite3. */
  function project(abi: number | null): string {
    const root = mkdtempSync(join(dir, 'project-'));
    writeFileSync(join(root, 'package.json'), '{"name":"fake","private":true}');
    symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
    if (abi !== null) {
      mkdirSync(join(root, 'native', 'electron'), { recursive: true });
      writeFileSync(join(root, 'native', 'electron', 'better_sqlite3.node'), `\0node_register_module_v${abi}\0`);
    }
    return root;
  }
  function fakeElectronDist(): string {
    const dist = mkdtempSync(join(dir, 'dist-'));
    writeFileSync(join(dist, 'electron'), '#!/bin/sh\nexit 0\n');
    chmodSync(join(dist, 'electron'), 0o755);
    return dist;
  }

  it('says the binary was not downloaded when it was not (as on our build machines)', () => {
    const env = { DISPLAY: ':0' };
    if (electronExecutable(repo, env).path) return; // a machine with Electron: nothing to check here
    expect(desktopStatus(repo, env)).toEqual({ reason: 'Electron is not available here (its binary was not downloaded)' });
  });

  it.runIf(process.platform !== 'win32')('needs the Electron build of better-sqlite3, with Electron\'s ABI', () => {
    const env = { DISPLAY: ':0', ELECTRON_OVERRIDE_DIST_PATH: fakeElectronDist() };
    expect(desktopStatus(project(null), env).reason).toMatch(/better-sqlite3 is missing.*npm run electron:rebuild/);
    expect(desktopStatus(project(Number(process.versions.modules)), env).reason).toMatch(new RegExp(`targets ABI ${process.versions.modules}, not Electron`));
    expect(desktopStatus(project(electronAbi), env)).toEqual({ electron: join(env.ELECTRON_OVERRIDE_DIST_PATH, 'electron') });
  });

  it.runIf(process.platform === 'linux')('needs a display on Linux', () => {
    const env = { ELECTRON_OVERRIDE_DIST_PATH: fakeElectronDist() };
    expect(desktopStatus(project(electronAbi), env).reason).toMatch(/no display/);
  });
});
