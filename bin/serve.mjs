#!/usr/bin/env node
// `npm run serve`: builds the renderer when it has not been built yet, then starts the web host: its bundle
// (out/node/serve.mjs, rebuilt when a source changed), or the sources through tsx where it cannot be built.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runMain } from './bundle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(new URL('../out/renderer/index.html', import.meta.url))) {
  process.stderr.write('Building the app once (out/ is missing)…\n');
  const build = spawnSync(process.execPath, [fileURLToPath(new URL('../node_modules/electron-vite/bin/electron-vite.js', import.meta.url)), 'build'], {
    cwd: root,
    stdio: ['ignore', 2, 2], // stdout carries only the address line
  });
  if (build.status !== 0) {
    process.stderr.write('The build failed; see the messages above.\n');
    process.exit(2);
  }
}
await runMain('serve', process.argv.slice(2));
