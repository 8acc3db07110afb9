#!/usr/bin/env node
// `npm start`: the desktop app where Electron and its build of better-sqlite3 are available; otherwise one
// line saying why, then the web host (bin/serve.mjs, which prints its address), with the same arguments.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { desktopStatus, electronSwitches } from '../scripts/electron-rebuild.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);

function run(command, commandArgs, env = process.env) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const status = desktopStatus(root);
if (status.electron) {
  const built = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].every((p) => existsSync(join(root, p)));
  if (!built) {
    process.stderr.write('Building the app once (out/ is missing)…\n');
    const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) {
      process.stderr.write('The build failed; see the messages above.\n');
      process.exit(2);
    }
  }
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  run(status.electron, [...electronSwitches(), root, ...args], env);
} else {
  process.stderr.write(`${status.reason}; starting the web host instead.\n`);
  run(process.execPath, [join(root, 'bin', 'serve.mjs'), ...args]);
}
