import { describe, expect, it } from 'vitest';
import { WINDOW_BACKGROUND, windowOptions } from './window';

describe('windowOptions', () => {
  const options = windowOptions({ preloadPath: '/app/out/preload/index.cjs', dark: false, devTools: false, platform: 'linux' });

  it('sandboxes and isolates the renderer', () => {
    expect(options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
  });

  it('loads the built preload', () => {
    expect(options.webPreferences?.preload).toBe('/app/out/preload/index.cjs');
  });

  it('never weakens a default that matters', () => {
    const prefs = options.webPreferences as Record<string, unknown>;
    for (const risky of ['enableBlinkFeatures', 'additionalArguments', 'disableBlinkFeatures', 'partition', 'session', 'offscreen']) {
      expect(prefs, risky).not.toHaveProperty(risky);
    }
  });

  it('opens at 1280×800, hidden until the first paint, in the theme colour', () => {
    expect(options).toMatchObject({ width: 1280, height: 800, show: false, title: 'Lectern' });
    expect(options.minWidth).toBeLessThanOrEqual(900);
    expect(options.minHeight).toBeLessThanOrEqual(700);
    expect(options.backgroundColor).toBe(WINDOW_BACKGROUND.light);
    expect(windowOptions({ preloadPath: 'p', dark: true, devTools: false }).backgroundColor).toBe(WINDOW_BACKGROUND.dark);
  });

  it('offers DevTools only when asked (unpackaged)', () => {
    expect(options.webPreferences?.devTools).toBe(false);
    expect(windowOptions({ preloadPath: 'p', dark: false, devTools: true }).webPreferences?.devTools).toBe(true);
  });
});
