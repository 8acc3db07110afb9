// The `electron` module as the built main process sees it under the harness (electron-harness.mjs
// installs the fake on globalThis before importing the build; electron-hooks.mjs points `electron` here).
const fake = globalThis.__lecternFakeElectron;
if (!fake) throw new Error('fake-electron.mjs was loaded without the harness installing a fake electron');

export const { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, session, shell } = fake;
export default fake;
