import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { desktopStatus, electronSwitches } from '../scripts/electron-rebuild.mjs';

/**
 * Smoke test of the desktop app with Playwright's Electron launcher: the real Electron, the built app, a
 * fresh data folder. It runs wherever Electron, its build of better-sqlite3 and a display exist, and says
 * why it skipped everywhere else (on our build machines Electron's binary cannot be downloaded).
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const TITLE = 'Examining the legal basis for collective self-defense and its limits in interstate and asymmetrical conflicts.';

function ensureBuilt(): void {
  if (['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].every((p) => existsSync(join(root, p)))) return;
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`electron-vite build failed:\n${build.stdout}\n${build.stderr}`);
}

test.describe('the desktop app (Electron)', () => {
  test('opens its window on the library, with the bundled article', async () => {
    const status = desktopStatus(root);
    if (!status.electron) {
      console.log(`[electron smoke test] skipped: ${status.reason}`);
      test.skip(true, status.reason);
      return;
    }
    ensureBuilt();
    const dataDir = mkdtempSync(join(tmpdir(), 'lectern-electron-e2e-'));
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value;
    delete env.LECTERN_DATA_DIR;
    const app = await electron.launch({
      executablePath: status.electron,
      args: [...electronSwitches(), root, '--data-dir', dataDir],
      cwd: root,
      env,
      timeout: 60_000,
    });
    try {
      const window = await app.firstWindow();
      await expect(window.getByText(TITLE).first()).toBeVisible({ timeout: 30_000 });

      expect(window.url()).toBe('lectern://app/index.html');
      // The page has the one bridge and no Node.
      const page = await window.evaluate(() => {
        const g = globalThis as unknown as { lectern?: object; require?: unknown; process?: unknown };
        return { bridge: g.lectern ? Object.keys(g.lectern) : null, require: typeof g.require, process: typeof g.process };
      });
      expect(page).toEqual({ bridge: ['invoke'], require: 'undefined', process: 'undefined' });

      // window.open is denied (about:blank: a web link would open the system browser).
      expect(await window.evaluate(() => (globalThis as unknown as { open(url: string): unknown }).open('about:blank') === null)).toBe(true);
      expect(app.windows()).toHaveLength(1);
      expect(existsSync(join(dataDir, 'lectern.sqlite'))).toBe(true);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
