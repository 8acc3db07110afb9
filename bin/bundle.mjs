// The web host and the CLI as bundled JavaScript in out/node/ (esbuild), so they start without compiling
// TypeScript. `freshBundle(name)` returns the path of an up-to-date bundle, building it first when it is
// missing or older than any file it was built from; null when it cannot be built (the caller then runs the
// sources through tsx). Kept free of imports that cost start-up time: esbuild loads only to build.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const outDir = join(root, 'out', 'node');
const manifestPath = join(outDir, 'manifest.json');

/**
 * Each bundle keeps the depth of its source (out/node/x.mjs ↔ src/server/main.ts), so the paths the code
 * computes from import.meta.url (resources/, out/renderer/) are the same in both. The card-generation
 * worker sits beside them under the name generation-job.ts looks for.
 */
const entries = {
  serve: 'src/server/main.ts',
  cli: 'src/cli/main.ts',
  'generation-worker': 'src/core/library/generation-worker.ts',
};
const outName = (name) => (name === 'generation-worker' ? `${name}.js` : `${name}.mjs`);
export const bundlePath = (name) => join(outDir, outName(name));

/** The native addon stays a package: each host loads its own build (Electron's differs from Node's). */
const external = ['better-sqlite3'];

function readManifest() {
  try {
    return JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch {
    return null;
  }
}

/** True when every bundle exists and no file it was built from (this script and npm's lockfile included) changed since. */
export function isFresh() {
  const manifest = readManifest();
  if (!manifest || manifest.entries !== JSON.stringify(entries)) return false;
  if (!Object.keys(entries).every((name) => existsSync(bundlePath(name)))) return false;
  for (const [file, mtimeMs] of Object.entries(manifest.inputs)) {
    try {
      if (statSync(join(root, file)).mtimeMs !== mtimeMs) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * Builds every bundle. Files are written to a private folder and renamed into place, the manifest last, so
 * processes building at the same time (parallel tests) never read half a file.
 */
export async function build() {
  const esbuild = await import('esbuild');
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external,
    // Bundled CommonJS packages call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as __lecternRequire } from 'node:module'; const require = __lecternRequire(import.meta.url);" },
    outdir: outDir,
    entryNames: '[name]',
    write: false,
    metafile: true,
    logLevel: 'silent',
  };
  const pick = (names) => Object.fromEntries(names.map((name) => [name, entries[name]]));
  const results = await Promise.all([
    esbuild.build({ ...common, entryPoints: pick(['serve', 'cli']), outExtension: { '.js': '.mjs' } }),
    // The worker is loaded by the name the desktop build ships it under: generation-worker.js.
    esbuild.build({ ...common, entryPoints: pick(['generation-worker']) }),
  ]);
  const staging = join(outDir, `.staging-${process.pid}-${Date.now()}`);
  mkdirSync(staging, { recursive: true });
  try {
    const moves = [];
    const inputs = {};
    for (const result of results) {
      for (const file of result.outputFiles) {
        const staged = join(staging, basename(file.path));
        writeFileSync(staged, file.contents);
        moves.push([staged, file.path]);
      }
      for (const input of Object.keys(result.metafile.inputs)) if (!input.startsWith('node_modules/')) inputs[input] = statSync(join(root, input)).mtimeMs;
    }
    // Bundled packages change only through npm, which rewrites its hidden lockfile: one stat instead of hundreds.
    for (const file of [relative(root, fileURLToPath(import.meta.url)), 'node_modules/.package-lock.json']) {
      if (existsSync(join(root, file))) inputs[file] = statSync(join(root, file)).mtimeMs;
    }
    const staged = join(staging, 'manifest.json');
    writeFileSync(staged, `${JSON.stringify({ entries: JSON.stringify(entries), inputs }, null, 1)}\n`);
    moves.push([staged, manifestPath]);
    for (const [from, to] of moves) renameSync(from, to);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** The path of an up-to-date bundle, building it when needed; null (with the reason on stderr) when it cannot be built. */
export async function freshBundle(name) {
  if (isFresh()) return bundlePath(name);
  try {
    await build();
    return bundlePath(name);
  } catch (error) {
    const reason = error?.errors?.[0]?.text ?? error?.message ?? String(error);
    process.stderr.write(`lectern: could not bundle the sources (${reason}); running them through tsx instead.\n`);
    return null;
  }
}

/** Runs an entry's exported main(argv): from its bundle, else from its TypeScript source through tsx. */
export async function runMain(name, argv) {
  const bundle = await freshBundle(name);
  if (bundle) {
    const { main } = await import(pathToFileURL(bundle).href);
    const code = await main(argv);
    if (typeof code === 'number') process.exitCode = code;
  } else {
    const { runEntry } = await import('./run-ts.mjs');
    await runEntry(join(root, entries[name]), argv);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // `node bin/bundle.mjs [--if-stale] [--optional]`: the build step of `npm test` and the e2e global setup;
  // `prepare` passes --optional, so an install never fails for it (the bins build on demand or use tsx).
  const args = process.argv.slice(2);
  if (!(args.includes('--if-stale') && isFresh())) {
    try {
      await build();
    } catch (error) {
      process.stderr.write(`lectern: bundling the web host and CLI failed: ${error?.message ?? error}\n`);
      if (!args.includes('--optional')) process.exitCode = 1;
    }
  }
}
