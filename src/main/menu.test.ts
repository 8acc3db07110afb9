import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_SHORTCUTS, menuTemplate, shortcutInputEvents, shortcutKeyEvents } from './menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

const build = (platform: NodeJS.Platform, isPackaged = true, sendShortcut = vi.fn()) =>
  menuTemplate({ platform, appName: 'Lectern', isPackaged, sendShortcut });

describe('menuTemplate', () => {
  it('has File, Edit, View, Window and Help, plus the app menu on macOS', () => {
    const linux = build('linux');
    expect(linux.map((m) => m.label ?? m.role)).toEqual(['File', 'Edit', 'View', 'windowMenu', 'help']);
    expect(build('darwin').map((m) => m.label ?? m.role)).toEqual(['Lectern', 'File', 'Edit', 'View', 'windowMenu', 'help']);
  });

  it('uses the standard roles for editing, zoom, full screen and quitting', () => {
    const roles = flatten(build('linux')).map((item) => item.role).filter(Boolean);
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'quit', 'about']) {
      expect(roles, role).toContain(role);
    }
    const macRoles = flatten(build('darwin')).map((item) => item.role);
    for (const role of ['hide', 'hideOthers', 'unhide', 'services', 'close', 'pasteAndMatchStyle']) expect(macRoles, role).toContain(role);
  });

  it('offers DevTools only in an unpackaged app', () => {
    expect(flatten(build('linux', true)).some((item) => item.role === 'toggleDevTools')).toBe(false);
    expect(flatten(build('linux', false)).some((item) => item.role === 'toggleDevTools')).toBe(true);
  });

  it('has Import… on Ctrl/Cmd+O and the shortcut list on ?, without taking the keys from the page', () => {
    const items = flatten(build('linux'));
    const importItem = items.find((item) => item.id === 'import');
    expect(importItem).toMatchObject({ label: 'Import…', accelerator: 'CmdOrCtrl+O', registerAccelerator: false });
    expect(items.find((item) => item.id === 'shortcuts')).toMatchObject({ accelerator: '?', registerAccelerator: false });
    for (const item of items.filter((i) => i.accelerator)) expect(item.registerAccelerator, String(item.label)).toBe(false);
  });

  it('replays an item\'s keys into the page when clicked', () => {
    const sendShortcut = vi.fn();
    const items = flatten(build('linux', true, sendShortcut));
    for (const id of ['import', 'library', 'read', 'review', 'cards', 'stats', 'settings', 'shortcuts'] as const) {
      const item = items.find((i) => i.id === id);
      (item?.click as () => void)();
      expect(sendShortcut).toHaveBeenLastCalledWith(id);
    }
  });

  it('matches the renderer\'s "g then key" navigation', () => {
    expect(MENU_SHORTCUTS.library.keys).toEqual(['g', 'l']);
    expect(MENU_SHORTCUTS.review.keys).toEqual(['g', 'v']);
    expect(MENU_SHORTCUTS.settings.keys).toEqual(['g', ',']);
  });
});

describe('shortcut input events', () => {
  it('maps CmdOrCtrl to Ctrl on Linux and Windows and to Cmd on macOS', () => {
    expect(shortcutInputEvents('CmdOrCtrl+O', 'linux')).toEqual([
      { type: 'keyDown', keyCode: 'O', modifiers: ['control'] },
      { type: 'keyUp', keyCode: 'O', modifiers: ['control'] },
    ]);
    expect(shortcutInputEvents('CmdOrCtrl+O', 'darwin')[0]).toEqual({ type: 'keyDown', keyCode: 'O', modifiers: ['meta'] });
  });

  it('types a plain key as down, char, up', () => {
    expect(shortcutInputEvents('?', 'linux').map((e) => e.type)).toEqual(['keyDown', 'char', 'keyUp']);
    expect(shortcutInputEvents('Shift+A', 'linux')[0]).toEqual({ type: 'keyDown', keyCode: 'A', modifiers: ['shift'] });
  });

  it('plays a two-key sequence in order', () => {
    expect(shortcutKeyEvents('cards', 'linux').map((e) => `${e.type}:${e.keyCode}`)).toEqual([
      'keyDown:g',
      'char:g',
      'keyUp:g',
      'keyDown:c',
      'char:c',
      'keyUp:c',
    ]);
  });
});
