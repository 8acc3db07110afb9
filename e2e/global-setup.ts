import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Before any worker starts a host: the renderer built (bin/serve.mjs would build it too, but parallel workers
 * would each start the same build) and the bundled web host up to date.
 */
export default function globalSetup(): void {
  const steps: [string, string[]][] = [];
  if (!existsSync(resolve('out/renderer/index.html'))) steps.push(['electron-vite build', [resolve('node_modules/electron-vite/bin/electron-vite.js'), 'build']]);
  steps.push(['bundling the web host', [resolve('bin/bundle.mjs'), '--if-stale']]);
  for (const [what, args] of steps) {
    const run = spawnSync(process.execPath, args, { stdio: 'inherit' });
    if (run.status !== 0) throw new Error(`${what} failed (exit ${run.status})`);
  }
}
