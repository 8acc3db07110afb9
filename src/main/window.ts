import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowInputs {
  /** Absolute path of the built preload (out/preload/index.cjs). */
  preloadPath: string;
  /** The system theme, so the window's first frame matches the app's background. */
  dark: boolean;
  /** DevTools are available only in an unpackaged app. */
  devTools: boolean;
  platform?: NodeJS.Platform;
}

/** Background colours of the two themes (the renderer's page background; shown before it paints). */
export const WINDOW_BACKGROUND = { light: '#faf9f6', dark: '#1b1a18' } as const;

/**
 * The main window's options. The renderer is sandboxed and isolated: no Node, no remote content,
 * no webview, no insecure content; its only door to the core is the preload's `window.lectern`.
 */
export function windowOptions(inputs: WindowInputs): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 720,
    minHeight: 560,
    title: 'Lectern',
    show: false,
    backgroundColor: inputs.dark ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
    autoHideMenuBar: false,
    ...(inputs.platform === 'darwin' ? { titleBarStyle: 'default' as const } : {}),
    webPreferences: {
      preload: inputs.preloadPath,
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
      safeDialogs: true,
      spellcheck: false,
      devTools: inputs.devTools,
    },
  };
}
