import { mkdirSync } from 'node:fs';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, session, shell } from 'electron';
import { clockFromEnv } from '../core/clock';
import { PRODUCT_NAME } from '../core/paths';
import { openHostCollection, type HostCollection } from '../core/rpc/host';
import { desktopDataDir } from './data-dir';
import { hardenSession, hardenWebContents } from './harden';
import { registerDispatchHandler } from './ipc';
import { appLocations } from './locations';
import { menuTemplate, shortcutKeyEvents, type ShortcutId } from './menu';
import { findNativeBinding, missingNativeBindingMessage } from './native-binding';
import { APP_SCHEME_PRIVILEGES, createAssetHandler } from './protocol';
import { APP_ENTRY_URL, APP_SCHEME, devServerOrigin } from './security';
import { windowOptions } from './window';

/**
 * The Electron host: a window, a menu, the app's protocol, and one IPC channel into the core's dispatch.
 * Everything it decides is in the small pure modules beside it; this file only wires them to Electron.
 */
const locations = appLocations({ mainFileUrl: import.meta.url, appPath: app.getAppPath() });
const dataDir = desktopDataDir(process.argv);
const devOrigin = devServerOrigin(process.env.ELECTRON_RENDERER_URL, app.isPackaged);
const trustedOrigins = devOrigin ? [devOrigin] : [];

let host: HostCollection | null = null;
let mainWindow: BrowserWindow | null = null;

app.setName(PRODUCT_NAME);
// Electron's own state (and the single-instance lock) lives in the data folder, so a --data-dir run is
// isolated from the user's app; by default the two folders are the same (INTERFACES.md).
mkdirSync(dataDir, { recursive: true });
app.setPath('userData', dataDir);
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { openExternal: (url) => void shell.openExternal(url), trustedOrigins });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (host && BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('will-quit', () => {
    host?.collection.close();
    host = null;
  });
  app.whenReady().then(start, (error: unknown) => fatal('Lectern could not start', error));
}

function start(): void {
  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, createAssetHandler(locations.rendererDir));

  const binding = findNativeBinding({ appPath: app.getAppPath(), resourcesPath: process.resourcesPath, isPackaged: app.isPackaged });
  if (!binding.exists) return fatal('Lectern cannot open its database', missingNativeBindingMessage(binding.path));
  try {
    host = openHostCollection({
      dataDir,
      clock: clockFromEnv(),
      resourcesDir: locations.resourcesDir,
      nativeBinding: binding.path,
      dispatchOptions: { onInternalError: (name, error) => console.error(`[lectern] internal error in ${name}:`, error) },
    });
  } catch (error) {
    return fatal(`Lectern could not open the collection in ${dataDir}`, error);
  }

  registerDispatchHandler(ipcMain, host.dispatch, trustedOrigins);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate({ platform: process.platform, appName: PRODUCT_NAME, isPackaged: app.isPackaged, sendShortcut })),
  );
  createWindow();
}

function createWindow(): void {
  const win = new BrowserWindow(
    windowOptions({
      preloadPath: locations.preloadPath,
      dark: nativeTheme.shouldUseDarkColors,
      devTools: !app.isPackaged,
      platform: process.platform,
    }),
  );
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(devOrigin && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : APP_ENTRY_URL);
}

function sendShortcut(id: ShortcutId): void {
  const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
  if (!target) return;
  target.webContents.focus();
  for (const event of shortcutKeyEvents(id, process.platform)) target.webContents.sendInputEvent(event);
}

function fatal(title: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`[lectern] ${title}: ${message}`);
  dialog.showErrorBox(title, message);
  app.exit(1);
}
