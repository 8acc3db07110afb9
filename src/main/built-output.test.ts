import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext, Script } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IPC_CHANNEL } from '../shared/contract/bridge';
import { CONTENT_SECURITY_POLICY } from './security';

/**
 * Tests of what electron-vite builds, without Electron: the preload must be one CommonJS file that requires
 * only `electron`, and the built main process, loaded under Node with a fake `electron` module
 * (test-support/electron-harness.mjs), must set up the window, the guards and the IPC handler.
 *
 * The build goes to its own folder (other tests may read out/ meanwhile). It stays under node_modules so
 * the bundle's external imports (better-sqlite3, zod, …) resolve as they do from out/.
 */
const repo = fileURLToPath(new URL('../..', import.meta.url));
const outDir = join(repo, 'node_modules', '.cache', `lectern-built-output-${process.pid}-${Date.now()}`);
const harness = fileURLToPath(new URL('./test-support/electron-harness.mjs', import.meta.url));
const nodeBuild = join(repo, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const TITLE = 'Examining the legal basis for collective self-defense and its limits in interstate and asymmetrical conflicts.';
const temps: string[] = [];

beforeAll(() => {
  const build = spawnSync(process.execPath, [join(repo, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--outDir', outDir], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: 170_000,
  });
  if (build.status !== 0) throw new Error(`electron-vite build failed (${build.status}):\n${build.stdout}\n${build.stderr}`);
}, 180_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

describe('the built preload', () => {
  const preloadDir = () => join(outDir, 'preload');
  const source = () => readFileSync(join(preloadDir(), 'index.cjs'), 'utf8');

  it('is a single file', () => {
    expect(readdirSync(preloadDir(), { recursive: true })).toEqual(['index.cjs']);
  });

  it('is CommonJS (it compiles as a script: no import or export statements)', () => {
    expect(() => new Script(`(function (exports, require, module) {${source()}\n})`)).not.toThrow();
    expect(source()).not.toMatch(/^\s*(import|export)\s/m);
    expect(source()).not.toMatch(/\bimport\s*\(/);
  });

  it('requires electron and nothing else', () => {
    const required = [...source().matchAll(/\brequire\(\s*(['"`])([^'"`]+)\1\s*\)/g)].map((m) => m[2]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(source().match(/\brequire\b/g)?.length).toBe(required.length);
  });

  it('exposes only window.lectern.invoke, which calls the one IPC channel', async () => {
    const exposed = new Map<string, unknown>();
    const invocations: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => {
          invocations.push(args);
          return { ok: true, data: 'pong' };
        },
      },
    };
    const required: string[] = [];
    const module = { exports: {} };
    runInNewContext(`(function (exports, require, module) {${source()}\n})`, {})(module.exports, (id: string) => {
      required.push(id);
      if (id !== 'electron') throw new Error(`the preload required ${id}`);
      return electron;
    }, module);

    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['lectern']);
    const api = exposed.get('lectern') as { invoke: (name: string, input: unknown) => Promise<unknown> };
    expect(Object.keys(api)).toEqual(['invoke']);
    expect(Object.isFrozen(api)).toBe(true);
    await expect(api.invoke('library.list', {})).resolves.toEqual({ ok: true, data: 'pong' });
    expect(invocations).toEqual([[IPC_CHANNEL, 'library.list', {}]]);
  });
});

interface Observed {
  schemes: { scheme: string; privileges: Record<string, boolean> }[];
  sandboxEnabled: boolean;
  singleInstanceLockRequested: number;
  userData: string | null;
  errorBoxes: { title: string; message: string }[];
  exitCodes: number[];
  quit: number;
  appListeners: string[];
  ipcChannels: string[];
  protocolSchemes: string[];
  windows: { options: { webPreferences: Record<string, unknown> } & Record<string, unknown>; loadedUrls: string[] }[];
  menu: { label?: string; role?: string; submenu?: { id?: string; accelerator?: string; registerAccelerator?: boolean }[] }[] | null;
  collectionFileExists: boolean;
  ipc: Record<string, { resolved?: { ok: boolean; data?: { articles: { title: string }[] }; error?: { code: string } }; rejected?: string }>;
  navigation: { url: string; prevented: boolean; openedExternally: boolean }[];
  webviewPrevented: boolean;
  windowOpen: { url: string; result: { action: string } | null }[];
  permissions: { requests: { permission: string; granted: boolean }[]; check: boolean | null; device: boolean | null };
  protocol: Record<string, { status: number; contentType: string | null; csp: string | null; bodyStart: string }> & {
    traversal: { url: string; status: number; bodyStart: string }[];
  };
  menuLibraryKeys: string[];
  afterQuit: { resolved?: { ok: boolean } };
}

/** An app folder like the project's: resources/ and (unless told not to) native/electron with a loadable addon. */
function appFolder(withNative: boolean): string {
  const appPath = tempDir('lectern-harness-app-');
  cpSync(join(repo, 'resources'), join(appPath, 'resources'), { recursive: true });
  if (withNative) {
    // Under Node the "Electron build" must be a Node build: the harness checks the wiring, not the ABI.
    mkdirSync(join(appPath, 'native', 'electron'), { recursive: true });
    cpSync(nodeBuild, join(appPath, 'native', 'electron', 'better_sqlite3.node'));
  }
  return appPath;
}

function runHarness(options: { withNative?: boolean; lock?: boolean } = {}): { observed: Observed; dataDir: string; stderr: string } {
  const dataDir = join(tempDir('lectern-harness-data-'), 'data');
  const args = [harness, '--main', join(outDir, 'main', 'index.js'), '--app-path', appFolder(options.withNative ?? true), '--data-dir', dataDir];
  if (options.lock === false) args.push('--no-lock');
  const env = { ...process.env };
  delete env.LECTERN_DATA_DIR;
  delete env.LECTERN_NOW;
  const run = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8', env, timeout: 60_000 });
  if (run.status !== 0) throw new Error(`the harness failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  const line = run.stdout.trim().split('\n').at(-1) ?? '';
  return { observed: JSON.parse(line) as Observed, dataDir, stderr: run.stderr };
}

describe('the built main process under a fake electron', () => {
  let observed: Observed;
  let dataDir: string;
  beforeAll(() => {
    ({ observed, dataDir } = runHarness());
  }, 60_000);

  it('registers the app scheme as privileged, enables the sandbox and asks for the single-instance lock', () => {
    expect(observed.schemes).toEqual([
      { scheme: 'lectern', privileges: expect.objectContaining({ standard: true, secure: true }) as unknown },
    ]);
    expect(observed.sandboxEnabled).toBe(true);
    expect(observed.singleInstanceLockRequested).toBe(1);
    expect(observed.appListeners).toEqual(expect.arrayContaining(['second-instance', 'web-contents-created', 'window-all-closed', 'will-quit']));
  });

  it('opens the collection in the --data-dir folder, keeping Electron\'s state there too', () => {
    expect(observed.errorBoxes).toEqual([]);
    expect(observed.exitCodes).toEqual([]);
    expect(observed.collectionFileExists).toBe(true);
    expect(observed.userData).toBe(dataDir);
  });

  it('opens one sandboxed, isolated window on lectern://app with the built preload', () => {
    expect(observed.windows).toHaveLength(1);
    const [window] = observed.windows;
    expect(window?.loadedUrls).toEqual(['lectern://app/index.html']);
    expect(window?.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: join(outDir, 'preload', 'index.cjs'),
    });
    expect(existsSync(String(window?.options.webPreferences.preload))).toBe(true);
  });

  it('routes IPC from the app page to the real dispatch and its collection (with the bundled article)', () => {
    expect(observed.ipcChannels).toEqual([IPC_CHANNEL]);
    const list = observed.ipc.trustedList?.resolved;
    expect(list?.ok).toBe(true);
    expect(list?.data?.articles.map((a) => a.title)).toEqual([TITLE]);
    expect(observed.ipc.trustedUnknown?.resolved?.error?.code).toBe('unknown_command');
    expect(observed.ipc.trustedBadInput?.resolved?.error?.code).toBe('bad_input');
    expect(observed.ipc.trustedNonStringName?.resolved?.error?.code).toBe('unknown_command');
  });

  it('refuses IPC from any other sender', () => {
    for (const key of ['untrustedWeb', 'untrustedFile', 'untrustedOtherHost', 'noFrame']) {
      expect(observed.ipc[key]?.rejected, key).toMatch(/^Refused/);
      expect(observed.ipc[key]?.resolved, key).toBeUndefined();
    }
  });

  it('guards navigation, new windows and <webview> on the window\'s web contents', () => {
    const byUrl = Object.fromEntries(observed.navigation.map((n) => [n.url, n]));
    expect(byUrl['https://evil.example/']).toMatchObject({ prevented: true, openedExternally: true });
    expect(byUrl['file:///etc/passwd']).toMatchObject({ prevented: true, openedExternally: false });
    expect(byUrl['javascript:alert(1)']).toMatchObject({ prevented: true, openedExternally: false });
    expect(byUrl['lectern://app/index.html']).toMatchObject({ prevented: false });
    expect(byUrl['http://127.0.0.1:9/']).toMatchObject({ prevented: true, openedExternally: false });
    expect(observed.windowOpen.every((w) => w.result?.action === 'deny')).toBe(true);
    expect(observed.webviewPrevented).toBe(true);
  });

  it('denies every permission request and check', () => {
    expect(observed.permissions.requests.length).toBeGreaterThan(0);
    expect(observed.permissions.requests.every((r) => r.granted === false)).toBe(true);
    expect(observed.permissions.check).toBe(false);
    expect(observed.permissions.device).toBe(false);
  });

  it('serves the built renderer on lectern://app with the CSP, and nothing outside it', () => {
    expect(observed.protocolSchemes).toEqual(['lectern']);
    const { index, root, route, post, traversal } = observed.protocol;
    expect(index).toMatchObject({ status: 200, csp: CONTENT_SECURITY_POLICY });
    expect(index?.contentType).toMatch(/^text\/html/);
    expect(index?.bodyStart).toMatch(/<!doctype html>/i);
    expect(root?.status).toBe(200);
    expect(route?.status).toBe(200);
    expect(post?.status).toBe(405);
    for (const t of traversal) {
      // Refused (404), or an extension-less path inside the root answered with the app's index.html.
      if (t.status === 200) expect(t.bodyStart, t.url).toBe(index?.bodyStart);
      else expect(t.status, t.url).toBe(404);
      expect(t.bodyStart, t.url).not.toMatch(/root:|"name": "lectern"/);
    }
    expect(traversal.filter((t) => t.url.includes('package.json')).every((t) => t.status === 404)).toBe(true);
  });

  it('sets the application menu, with Import… on Ctrl/Cmd+O', () => {
    const labels = observed.menu?.map((m) => m.label ?? m.role);
    expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'windowMenu', 'help']));
    const file = observed.menu?.find((m) => m.label === 'File');
    expect(file?.submenu?.find((i) => i.id === 'import')).toMatchObject({ accelerator: 'CmdOrCtrl+O', registerAccelerator: false });
    expect(observed.menuLibraryKeys).toEqual(['keyDown:g', 'char:g', 'keyUp:g', 'keyDown:l', 'char:l', 'keyUp:l']);
  });

  it('closes the collection on quit', () => {
    expect(observed.afterQuit.resolved?.ok).toBe(false);
  });
});

describe('the built main process, other starts', () => {
  it('quits at once when another instance holds the lock', () => {
    const { observed } = runHarness({ lock: false });
    expect(observed.singleInstanceLockRequested).toBe(1);
    expect(observed.quit).toBe(1);
    expect(observed.windows).toEqual([]);
    expect(observed.ipcChannels).toEqual([]);
    expect(observed.collectionFileExists).toBe(false);
  }, 60_000);

  it('says how to build the Electron addon, and exits, when it is missing', () => {
    const { observed } = runHarness({ withNative: false });
    expect(observed.errorBoxes).toHaveLength(1);
    expect(observed.errorBoxes[0]?.message).toMatch(/native[/\\]electron[/\\]better_sqlite3\.node.*npm run electron:rebuild/s);
    expect(observed.exitCodes).toEqual([1]);
    expect(observed.windows).toEqual([]);
    expect(observed.ipcChannels).toEqual([]);
  }, 60_000);
});

describe('the built card-generation worker', () => {
  it('ships beside the main bundle and writes cards in a worker thread', async () => {
    const script = join(outDir, 'main', 'generation-worker.js');
    expect(existsSync(script)).toBe(true);
    const { Worker } = await import('node:worker_threads');
    const paragraph =
      'International law grounds collective self-defense in both treaty-based and customary frameworks, most notably through Article 51 of the UN Charter and evolving jurisprudence on anticipatory action.';
    const layout = { sections: [{ heading: null, level: 1, study: true, paragraphs: [paragraph] }], kinds: [['prose']], excluded: [[false]] };
    const drafts = await new Promise<{ source: { quote: string } }[]>((resolve, reject) => {
      const worker = new Worker(script, { workerData: { layout, title: 'Worker check', scope: {}, entry: null } });
      worker.on('message', (message: { type: string; drafts?: { source: { quote: string } }[] }) => {
        if (message.type === 'done') {
          void worker.terminate();
          resolve(message.drafts!);
        }
      });
      worker.on('error', reject);
    });
    expect(drafts.length).toBeGreaterThan(0);
    for (const draft of drafts) expect(paragraph).toContain(draft.source.quote);
  });
});
