#!/usr/bin/env node
// `npm run electron:rebuild`: builds better-sqlite3 for Electron into native/electron/better_sqlite3.node,
// the file the desktop app loads with better-sqlite3's `nativeBinding` option (src/main/native-binding.ts).
//
// - It never touches node_modules: it builds a COPY of the package in a temporary folder, so the Node build
//   that tests, the CLI and the web host load stays as it is.
// - It needs internet access (node-gyp downloads Electron's headers), unless --headers-dir points at
//   Electron's node headers already on disk.
// - It checks that the file it built targets Electron's ABI, not Node's: with npm_config_nodedir set (as
//   `npx` and `npm run` do from ~/.npmrc), a rebuild can silently compile against Node's headers.
//
// Usage:
//   node scripts/electron-rebuild.mjs                      build and install (run this after changing
//                                                          the electron or better-sqlite3 version)
//   node scripts/electron-rebuild.mjs --check [file]       check an existing build (default: native/electron/…)
//   node scripts/electron-rebuild.mjs --print-abi <file>   print the NODE_MODULE_VERSION a .node file targets
// Options: --headers-dir <dir> (Electron's node headers, offline), --dist-url <url> (headers mirror).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const repo = fileURLToPath(new URL('..', import.meta.url));
export const NATIVE_FILE = join(repo, 'native', 'electron', 'better_sqlite3.node');
const DEFAULT_DIST_URL = 'https://electronjs.org/headers';

/** The NODE_MODULE_VERSION a V8 addon was compiled for, read from its `node_register_module_v<N>` symbol. */
export function addonAbi(bytes) {
  const found = new Set([...bytes.toString('latin1').matchAll(/node_register_module_v(\d+)/g)].map((m) => Number(m[1])));
  return found.size === 1 ? [...found][0] : null;
}

/** Electron's version and ABI from the installed electron package (its abi_version file), cross-checked with node-abi when present. */
export function electronTarget(root = repo) {
  const electronDir = join(root, 'node_modules', 'electron');
  const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
  let abi = Number.NaN;
  try {
    abi = Number(readFileSync(join(electronDir, 'abi_version'), 'utf8').trim());
  } catch {
    // older electron packages have no abi_version file
  }
  const fromNodeAbi = nodeAbiFor(root, version);
  if (!Number.isFinite(abi)) abi = fromNodeAbi ?? Number.NaN;
  else if (fromNodeAbi !== null && fromNodeAbi !== abi) {
    console.warn(`warning: node-abi says Electron ${version} has ABI ${fromNodeAbi}, electron's abi_version says ${abi}; using ${abi}.`);
  }
  if (!Number.isFinite(abi)) throw new Error(`Cannot tell the ABI of Electron ${version}: no node_modules/electron/abi_version and no node-abi.`);
  return { version, abi };
}

function nodeAbiFor(root, version) {
  const from = [join(root, 'package.json'), join(root, 'node_modules', 'prebuild-install', 'package.json'), join(root, 'node_modules', 'better-sqlite3', 'node_modules', 'prebuild-install', 'package.json')];
  for (const base of from) {
    try {
      return Number(createRequire(base)('node-abi').getAbi(version, 'electron'));
    } catch {
      // not resolvable from here
    }
  }
  return null;
}

/**
 * The Electron executable, found the way node_modules/electron/index.js finds it but WITHOUT requiring that
 * module (since electron 42, require('electron') tries to download a missing binary).
 * Returns { path } or { reason }.
 */
export function electronExecutable(root = repo, env = process.env) {
  let packageDir;
  try {
    packageDir = dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const relativePath = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!override && !relativePath) return { reason: 'its binary was not downloaded' };
  const path = override ? join(override, relativePath || 'electron') : join(packageDir, 'dist', relativePath);
  if (!existsSync(path)) return { reason: `its binary is missing (${path})` };
  try {
    if (process.platform !== 'win32') accessSync(path, constants.X_OK);
  } catch {
    return { reason: `its binary cannot be executed (${path})` };
  }
  return { path };
}

/**
 * Why the desktop app cannot run on this machine, or the Electron executable when it can:
 * the binary, Electron's build of better-sqlite3 (with the right ABI) and, on Linux, a display.
 */
export function desktopStatus(root = repo, env = process.env) {
  const electron = electronExecutable(root, env);
  if (!electron.path) return { reason: `Electron is not available here (${electron.reason})` };
  const nativeFile = join(root, 'native', 'electron', 'better_sqlite3.node');
  if (!existsSync(nativeFile)) {
    return { reason: "Electron's build of better-sqlite3 is missing (run \"npm run electron:rebuild\" on a machine with internet access)" };
  }
  const target = electronTarget(root);
  const abi = addonAbi(readFileSync(nativeFile));
  if (abi !== target.abi) {
    return { reason: `native/electron/better_sqlite3.node targets ABI ${abi ?? 'unknown'}, not Electron ${target.version}'s ${target.abi} (run "npm run electron:rebuild")` };
  }
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { reason: 'there is no display to open a window on (DISPLAY is not set; try xvfb-run)' };
  }
  return { electron: electron.path };
}

/** Chromium refuses to start as root on Linux without --no-sandbox (the renderer stays sandboxed by Electron). */
export function electronSwitches() {
  return process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [];
}

/** The environment for node-gyp, without the settings that make it build against Node's headers. */
export function buildEnv(env = process.env) {
  const clean = {};
  for (const [key, value] of Object.entries(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|target_arch|build_from_source)$/i.test(key)) continue;
    if (/^(NODEDIR|NODE_GYP_FORCE_PYTHON_VERSION)$/.test(key)) continue;
    clean[key] = value;
  }
  return clean;
}

/** node-gyp: the one npm runs scripts with, else the copy bundled with npm next to this Node. */
function findNodeGyp(env = process.env) {
  const bin = dirname(process.execPath);
  const candidates = [
    env.npm_config_node_gyp,
    join(bin, '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(bin, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(repo, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ].filter(Boolean);
  return candidates.find((path) => existsSync(path)) ?? null;
}

function sha256(path) {
  return existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : null;
}

function describeAbi(abi, target) {
  if (abi === null) return 'no single node_register_module_v<N> symbol was found in it';
  if (abi === target.abi) return `it targets Electron ${target.version} (ABI ${abi})`;
  if (abi === Number(process.versions.modules)) return `it targets Node ${process.version}'s ABI (${abi}), not Electron ${target.version}'s (${target.abi})`;
  return `it targets ABI ${abi}, not Electron ${target.version}'s (${target.abi})`;
}

class Refusal extends Error {}

function check(file, target) {
  if (!existsSync(file)) throw new Refusal(`${file} does not exist. Run "npm run electron:rebuild" on a machine with internet access.`);
  const abi = addonAbi(readFileSync(file));
  if (abi !== target.abi) throw new Refusal(`${file} cannot be loaded by Electron: ${describeAbi(abi, target)}.`);
  return `OK: ${relative(process.cwd(), file) || file}: ${describeAbi(abi, target)}.`;
}

function rebuild(options, target) {
  const packageDir = join(repo, 'node_modules', 'better-sqlite3');
  if (!existsSync(join(packageDir, 'binding.gyp'))) throw new Refusal('node_modules/better-sqlite3 is missing: run "npm ci" first.');
  const nodeGyp = findNodeGyp();
  if (!nodeGyp) throw new Refusal('node-gyp was not found (it ships with npm). Run this through "npm run electron:rebuild".');
  const nodeBuild = join(packageDir, 'build', 'Release', 'better_sqlite3.node');
  const nodeBuildBefore = sha256(nodeBuild);
  const bsVersion = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;

  const work = mkdtempSync(join(tmpdir(), 'lectern-electron-rebuild-'));
  try {
    const copy = join(work, 'better-sqlite3');
    // The copy leaves out the Node build, so nothing it does can reach node_modules.
    cpSync(packageDir, copy, { recursive: true, filter: (src) => !`${src}${sep}`.startsWith(join(packageDir, 'build') + sep) });
    const distUrl = options['dist-url'] ?? DEFAULT_DIST_URL;
    const args = [
      nodeGyp,
      'rebuild',
      '--release',
      `--target=${target.version}`,
      `--arch=${process.arch}`,
      `--dist-url=${distUrl}`,
      `--devdir=${join(work, 'gyp')}`,
      '--jobs=max',
    ];
    if (options['headers-dir']) args.push(`--nodedir=${resolve(options['headers-dir'])}`);
    console.log(`Building better-sqlite3 ${bsVersion} for Electron ${target.version} (ABI ${target.abi}, ${process.platform}-${process.arch}) in ${copy}…`);
    const result = spawnSync(process.execPath, args, { cwd: copy, env: buildEnv(), stdio: 'inherit' });
    if (result.status !== 0) {
      const source = options['headers-dir'] ? `the headers in ${options['headers-dir']}` : `Electron's headers, downloaded from ${distUrl} (this needs internet access; offline, pass --headers-dir <dir>)`;
      throw new Refusal(
        `node-gyp could not build better-sqlite3 for Electron ${target.version} (exit ${result.status ?? result.signal}). ` +
          `It builds against ${source}. Nothing was changed: node_modules and native/ are as they were.`,
      );
    }
    const built = join(copy, 'build', 'Release', 'better_sqlite3.node');
    if (!existsSync(built)) throw new Refusal(`node-gyp reported success but ${built} is missing. Nothing was installed.`);
    const abi = addonAbi(readFileSync(built));
    if (abi !== target.abi) {
      throw new Refusal(
        `The build is not usable by Electron: ${describeAbi(abi, target)}. node-gyp probably used Node's headers ` +
          '(check npm_config_nodedir and ~/.npmrc "nodedir"). Nothing was installed.',
      );
    }
    mkdirSync(dirname(NATIVE_FILE), { recursive: true });
    const staging = `${NATIVE_FILE}.${process.pid}.tmp`;
    cpSync(built, staging);
    renameSync(staging, NATIVE_FILE);
    writeFileSync(
      join(dirname(NATIVE_FILE), 'build-info.json'),
      `${JSON.stringify({ betterSqlite3: bsVersion, electron: target.version, abi, platform: process.platform, arch: process.arch }, null, 2)}\n`,
    );
    console.log(`Installed ${relative(repo, NATIVE_FILE)}: ${describeAbi(abi, target)}.`);
  } finally {
    rmSync(work, { recursive: true, force: true });
    if (sha256(nodeBuild) !== nodeBuildBefore) console.error(`warning: ${nodeBuild} changed during the rebuild; run "npm rebuild better-sqlite3".`);
  }
}

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      check: { type: 'boolean', default: false },
      'print-abi': { type: 'string' },
      'headers-dir': { type: 'string' },
      'dist-url': { type: 'string' },
    },
  });
  try {
    if (values['print-abi']) {
      const abi = addonAbi(readFileSync(values['print-abi']));
      console.log(abi ?? 'unknown');
      return abi === null ? 1 : 0;
    }
    const target = electronTarget();
    if (values.check) {
      console.log(check(resolve(positionals[0] ?? NATIVE_FILE), target));
      return 0;
    }
    rebuild(values, target);
    return 0;
  } catch (error) {
    console.error(`electron:rebuild: ${error instanceof Refusal ? error.message : (error?.stack ?? error)}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exitCode = main();
