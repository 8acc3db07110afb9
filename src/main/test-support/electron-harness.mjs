// Loads the BUILT main process (out/main/index.js) under plain Node with a fake `electron` module, drives
// it the way Electron would (ready, web-contents-created, IPC calls, navigation, permission requests,
// protocol requests, quit) and prints what it observed as one JSON line on stdout.
//
//   node electron-harness.mjs --main <out/main/index.js> --app-path <dir> --data-dir <dir> [--no-lock]
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { register } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

const { values: opts } = parseArgs({
  options: {
    main: { type: 'string' },
    'app-path': { type: 'string' },
    'data-dir': { type: 'string' },
    'no-lock': { type: 'boolean', default: false },
  },
});

const calls = {
  schemes: [],
  sandboxEnabled: false,
  singleInstanceLockRequested: 0,
  quit: 0,
  exitCodes: [],
  names: [],
  paths: {},
  errorBoxes: [],
  openedExternally: [],
  windows: [],
  ipcHandlers: new Map(),
  protocolHandlers: new Map(),
  menus: [],
  session: {},
};

class FakeWebContents extends EventEmitter {
  windowOpenHandler = null;
  inputEvents = [];
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  sendInputEvent(event) {
    this.inputEvents.push(event);
  }
  focus() {}
}

const app = new EventEmitter();
Object.assign(app, {
  isPackaged: false,
  getAppPath: () => opts['app-path'],
  setName: (name) => calls.names.push(name),
  getName: () => calls.names.at(-1) ?? 'lectern',
  setPath: (name, path) => {
    calls.paths[name] = path;
  },
  getPath: (name) => calls.paths[name],
  enableSandbox: () => {
    calls.sandboxEnabled = true;
  },
  requestSingleInstanceLock: () => {
    calls.singleInstanceLockRequested += 1;
    return !opts['no-lock'];
  },
  quit: () => {
    calls.quit += 1;
  },
  exit: (code) => calls.exitCodes.push(code),
  whenReady: () => Promise.resolve(),
});

class BrowserWindow extends EventEmitter {
  static all = [];
  static getAllWindows = () => [...BrowserWindow.all];
  static getFocusedWindow = () => null;
  constructor(options) {
    super();
    this.options = options;
    this.loadedUrls = [];
    this.webContents = new FakeWebContents();
    BrowserWindow.all.push(this);
    calls.windows.push(this);
    // Electron emits this for every web contents it creates, the window's included.
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    this.loadedUrls.push(url);
    return Promise.resolve();
  }
  show() {}
  focus() {}
  isMinimized() {
    return false;
  }
  restore() {}
}

const record = (key) => (handler) => {
  calls.session[key] = handler;
};

globalThis.__lecternFakeElectron = {
  app,
  BrowserWindow,
  dialog: { showErrorBox: (title, message) => calls.errorBoxes.push({ title, message }) },
  ipcMain: {
    handle: (channel, handler) => calls.ipcHandlers.set(channel, handler),
    removeHandler: (channel) => calls.ipcHandlers.delete(channel),
  },
  Menu: { buildFromTemplate: (template) => ({ template }), setApplicationMenu: (menu) => calls.menus.push(menu) },
  nativeTheme: { shouldUseDarkColors: false },
  protocol: {
    registerSchemesAsPrivileged: (schemes) => calls.schemes.push(...schemes),
    handle: (scheme, handler) => calls.protocolHandlers.set(scheme, handler),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: record('permissionRequest'),
      setPermissionCheckHandler: record('permissionCheck'),
      setDevicePermissionHandler: record('devicePermission'),
    },
  },
  shell: { openExternal: (url) => calls.openedExternally.push(url) },
};

register(new URL('./electron-hooks.mjs', import.meta.url));
process.argv = [process.argv[0], opts.main, '--data-dir', opts['data-dir']];
delete process.env.LECTERN_DATA_DIR;
delete process.env.ELECTRON_RENDERER_URL;

await import(pathToFileURL(opts.main).href);
// Let `whenReady().then(start)` run.
for (let i = 0; i < 50 && calls.windows.length === 0 && calls.exitCodes.length === 0; i += 1) {
  await new Promise((r) => setTimeout(r, 10));
}

const observed = {
  schemes: calls.schemes,
  sandboxEnabled: calls.sandboxEnabled,
  singleInstanceLockRequested: calls.singleInstanceLockRequested,
  names: calls.names,
  userData: calls.paths.userData ?? null,
  errorBoxes: calls.errorBoxes,
  exitCodes: calls.exitCodes,
  quit: calls.quit,
  appListeners: app.eventNames().map(String).sort(),
  ipcChannels: [...calls.ipcHandlers.keys()],
  protocolSchemes: [...calls.protocolHandlers.keys()],
  windows: calls.windows.map((w) => ({ options: w.options, loadedUrls: w.loadedUrls })),
  menu: calls.menus.length > 0 ? strip(calls.menus.at(-1).template) : null,
  collectionFileExists: existsSync(join(opts['data-dir'], 'lectern.sqlite')),
};

/** Menu templates without functions, for JSON. */
function strip(items) {
  return items.map((item) => ({
    ...(item.id ? { id: item.id } : {}),
    ...(item.label ? { label: item.label } : {}),
    ...(item.role ? { role: item.role } : {}),
    ...(item.type ? { type: item.type } : {}),
    ...(item.accelerator ? { accelerator: item.accelerator } : {}),
    ...(item.registerAccelerator === false ? { registerAccelerator: false } : {}),
    ...(typeof item.click === 'function' ? { clickable: true } : {}),
    ...(Array.isArray(item.submenu) ? { submenu: strip(item.submenu) } : {}),
  }));
}

async function invoke(senderFrame, name, input) {
  const handler = calls.ipcHandlers.get('lectern:dispatch');
  try {
    return { resolved: await handler({ senderFrame }, name, input) };
  } catch (error) {
    return { rejected: String(error?.message ?? error) };
  }
}

async function request(url, method = 'GET') {
  const response = await calls.protocolHandlers.get('lectern')({ url, method });
  const body = method === 'HEAD' ? '' : await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    csp: response.headers.get('content-security-policy'),
    bodyStart: body.slice(0, 200),
  };
}

function navigate(contents, eventName, url) {
  let prevented = false;
  const before = calls.openedExternally.length;
  contents.emit(eventName, { url, preventDefault: () => (prevented = true) }, url);
  return { url, prevented, openedExternally: calls.openedExternally.length > before };
}

const window = calls.windows[0];
if (window) {
  const contents = window.webContents;
  const trustedFrame = { url: 'lectern://app/index.html' };
  observed.ipc = {
    trustedList: await invoke(trustedFrame, 'library.list', {}),
    trustedUnknown: await invoke(trustedFrame, 'no.such.command', {}),
    trustedBadInput: await invoke(trustedFrame, 'library.list', { extra: 1 }),
    trustedNonStringName: await invoke(trustedFrame, 42, {}),
    untrustedWeb: await invoke({ url: 'https://evil.example/' }, 'library.list', {}),
    untrustedFile: await invoke({ url: 'file:///work/out/renderer/index.html' }, 'library.list', {}),
    untrustedOtherHost: await invoke({ url: 'lectern://evil/index.html' }, 'library.list', {}),
    noFrame: await invoke(null, 'library.list', {}),
  };
  observed.navigation = [
    navigate(contents, 'will-navigate', 'https://evil.example/'),
    navigate(contents, 'will-navigate', 'file:///etc/passwd'),
    navigate(contents, 'will-navigate', 'javascript:alert(1)'),
    navigate(contents, 'will-navigate', 'lectern://app/index.html'),
    navigate(contents, 'will-redirect', 'http://127.0.0.1:9/'),
  ];
  let webviewPrevented = false;
  contents.emit('will-attach-webview', { preventDefault: () => (webviewPrevented = true) }, {}, {});
  observed.webviewPrevented = webviewPrevented;
  observed.windowOpen = ['https://example.org/', 'lectern://app/index.html', 'file:///etc/passwd', 'javascript:alert(1)'].map((url) => ({
    url,
    result: contents.windowOpenHandler ? contents.windowOpenHandler({ url }) : null,
  }));
  const decisions = [];
  for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal']) {
    calls.session.permissionRequest?.(contents, permission, (granted) => decisions.push({ permission, granted }), {});
  }
  observed.permissions = {
    requests: decisions,
    check: calls.session.permissionCheck ? calls.session.permissionCheck(contents, 'media', 'lectern://app', {}) : null,
    device: calls.session.devicePermission ? calls.session.devicePermission({}) : null,
  };
  observed.protocol = {
    index: await request('lectern://app/index.html'),
    root: await request('lectern://app/'),
    route: await request('lectern://app/review'),
    head: await request('lectern://app/index.html', 'HEAD'),
    post: await request('lectern://app/index.html', 'POST'),
    traversal: await Promise.all(
      [
        'lectern://app/../../package.json',
        'lectern://app/%2e%2e/%2e%2e/package.json',
        'lectern://app/..%2f..%2fpackage.json',
        'lectern://app/..%5c..%5cpackage.json',
        'lectern://app/%2fetc%2fpasswd',
        'lectern://app/missing.js',
        'lectern://other/index.html',
      ].map(async (url) => {
        const { status, bodyStart } = await request(url);
        return { url, status, bodyStart };
      }),
    ),
  };
  // A menu item replays its keys into the page.
  const viewMenu = calls.menus.at(-1)?.template.find((item) => item.label === 'View');
  viewMenu?.submenu.find((item) => item.id === 'library')?.click();
  observed.menuLibraryKeys = contents.inputEvents.map((e) => `${e.type}:${e.keyCode}`);
  app.emit('will-quit');
  observed.afterQuit = await invoke(trustedFrame, 'library.list', {});
}

process.stdout.write(`${JSON.stringify(observed)}\n`);
process.exit(0);
