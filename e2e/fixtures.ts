import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { test as base } from '@playwright/test';

export interface RunningHost {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
}

/**
 * Starts the real web host (`npm run serve` does the same) on --port 0 with an empty data folder,
 * and reads the one address line it prints. Nothing is stubbed: the page talks to the real core.
 */
export interface StartHostOptions {
  /** Writes into the data folder before the host starts (a pre-made collection, for example). */
  seed?: (dataDir: string) => void;
}

export async function startHost(
  env: NodeJS.ProcessEnv = {},
  options: StartHostOptions = {},
): Promise<{ host: RunningHost; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lectern-e2e-'));
  options.seed?.(dataDir);
  const child: ChildProcess = spawn(process.execPath, [resolve('bin/serve.mjs'), '--port', '0', '--data-dir', dataDir], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolveLine, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolveLine);
    child.once('exit', (code) => reject(new Error(`the web host exited with ${code} before printing its address`)));
  });
  const match = /(http:\/\/127\.0\.0\.1:\d+)\/#token=([A-Za-z0-9_-]+)/.exec(line);
  if (!match) throw new Error(`unexpected address line: ${line}`);
  const host = { url: `${match[1]}/#token=${match[2]}`, origin: match[1]!, token: match[2]!, dataDir };
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { host, stop };
}

export const test = base.extend<{ host: RunningHost }>({
  // Playwright reads a fixture's dependencies from its first parameter's pattern, so it must be {}.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const { host, stop } = await startHost();
    await use(host);
    await stop();
  },
});

export { expect } from '@playwright/test';
