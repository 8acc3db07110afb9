import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
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
 * Starts the real web host (`npm run serve` does the same: bin/serve.mjs, which runs the bundled host) on
 * --port 0 with a data folder of its own, and reads the one address line it prints. Nothing is stubbed: the
 * page talks to the real core.
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
  if (options.seed) options.seed(dataDir);
  else cpSync(await newCollection(env), dataDir, { recursive: true });
  const { host, stop } = await spawnHost(dataDir, env);
  return {
    host,
    stop: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function spawnHost(dataDir: string, env: NodeJS.ProcessEnv): Promise<{ host: RunningHost; stop: () => Promise<void> }> {
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
  };
  return { host, stop };
}

/**
 * What a first start leaves in an empty data folder (the new collection with the bundled article and its
 * cards), made once per worker and environment by the real host, then copied for each test: every test gets
 * a collection of its own, as new as a first start makes it, without paying for the import each time.
 */
const newCollections = new Map<string, Promise<string>>();
const templateDirs: string[] = [];
process.on('exit', () => {
  for (const dir of templateDirs) rmSync(dir, { recursive: true, force: true });
});

function newCollection(env: NodeJS.ProcessEnv): Promise<string> {
  const key = JSON.stringify(Object.entries(env).sort(([a], [b]) => a.localeCompare(b)));
  let made = newCollections.get(key);
  if (!made) {
    made = (async () => {
      const dir = mkdtempSync(join(tmpdir(), 'lectern-e2e-new-'));
      templateDirs.push(dir);
      const { stop } = await spawnHost(dir, env);
      await stop(); // closes the collection: everything is in lectern.sqlite
      return dir;
    })();
    made.catch(() => newCollections.delete(key)); // the next test tries again, and reports its own failure
    newCollections.set(key, made);
  }
  return made;
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
