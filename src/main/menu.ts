import type { InputEvent, KeyboardInputEvent, MenuItemConstructorOptions } from 'electron';

/**
 * The app's own shortcuts belong to the renderer (src/renderer/src/shortcuts.ts: "g then key" to go to a
 * screen, `?` for the list), so they work the same in the web host, which has no native menu. A menu item
 * replays its keys into the page; an item that shows an accelerator sets `registerAccelerator: false`, so
 * the keystroke still reaches the page instead of being taken by the menu. The bridge stays one `invoke`.
 */
export const MENU_SHORTCUTS = {
  import: { label: 'Import…', accelerator: 'CmdOrCtrl+O', keys: ['CmdOrCtrl+O'] },
  library: { label: 'Library', keys: ['g', 'l'] },
  read: { label: 'Read', keys: ['g', 'r'] },
  review: { label: 'Review', keys: ['g', 'v'] },
  cards: { label: 'Cards', keys: ['g', 'c'] },
  stats: { label: 'Stats', keys: ['g', 's'] },
  settings: { label: 'Settings…', keys: ['g', ','] },
  shortcuts: { label: 'Keyboard Shortcuts', accelerator: '?', keys: ['?'] },
} as const satisfies Record<string, { label: string; accelerator?: string; keys: readonly string[] }>;

export type ShortcutId = keyof typeof MENU_SHORTCUTS;

type KeyEvent = KeyboardInputEvent & { type: 'keyDown' | 'keyUp' | 'char' };

/** The input events that replay an accelerator into the page: key down, the character if it types one, key up. */
export function shortcutInputEvents(accelerator: string, platform: NodeJS.Platform): KeyEvent[] {
  const parts = accelerator.split('+').filter((part) => part !== '');
  if (accelerator.endsWith('++')) parts.push('+');
  const keyCode = parts.pop() ?? '';
  const modifiers: InputEvent['modifiers'] = [];
  for (const part of parts) {
    const lower = part.toLowerCase();
    if (lower === 'cmdorctrl' || lower === 'commandorcontrol') modifiers.push(platform === 'darwin' ? 'meta' : 'control');
    else if (lower === 'cmd' || lower === 'command' || lower === 'super' || lower === 'meta') modifiers.push('meta');
    else if (lower === 'ctrl' || lower === 'control') modifiers.push('control');
    else if (lower === 'alt' || lower === 'option') modifiers.push('alt');
    else if (lower === 'shift') modifiers.push('shift');
  }
  const events: KeyEvent[] = [{ type: 'keyDown', keyCode, modifiers }];
  const typesCharacter = keyCode.length === 1 && !modifiers.some((m) => m === 'control' || m === 'meta' || m === 'alt');
  if (typesCharacter) events.push({ type: 'char', keyCode, modifiers });
  events.push({ type: 'keyUp', keyCode, modifiers });
  return events;
}

export interface MenuInputs {
  platform: NodeJS.Platform;
  appName: string;
  isPackaged: boolean;
  /** Replays a shortcut into the focused app window. */
  sendShortcut(id: ShortcutId): void;
}

function shortcutItem(id: ShortcutId, inputs: MenuInputs): MenuItemConstructorOptions {
  const shortcut: { label: string; accelerator?: string } = MENU_SHORTCUTS[id];
  const item: MenuItemConstructorOptions = { id, label: shortcut.label, click: () => inputs.sendShortcut(id) };
  return shortcut.accelerator ? { ...item, accelerator: shortcut.accelerator, registerAccelerator: false } : item;
}

/** All the input events of a shortcut's keys, in order (`g` then `l`, or one chord). */
export function shortcutKeyEvents(id: ShortcutId, platform: NodeJS.Platform): KeyEvent[] {
  return MENU_SHORTCUTS[id].keys.flatMap((key) => shortcutInputEvents(key, platform));
}

/** The application menu: the usual roles and shortcuts, plus the app's own items. */
export function menuTemplate(inputs: MenuInputs): MenuItemConstructorOptions[] {
  const mac = inputs.platform === 'darwin';
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const template: MenuItemConstructorOptions[] = [];

  if (mac) {
    template.push({
      label: inputs.appName,
      submenu: [
        { role: 'about' },
        sep,
        shortcutItem('settings', inputs),
        sep,
        { role: 'services' },
        sep,
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        sep,
        { role: 'quit' },
      ],
    });
  }

  template.push({
    label: 'File',
    submenu: [shortcutItem('import', inputs), sep, ...(mac ? [] : [shortcutItem('settings', inputs), sep]), mac ? { role: 'close' } : { role: 'quit' }],
  });

  template.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      sep,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      sep,
      { role: 'selectAll' },
    ],
  });

  template.push({
    label: 'View',
    submenu: [
      shortcutItem('library', inputs),
      shortcutItem('read', inputs),
      shortcutItem('review', inputs),
      shortcutItem('cards', inputs),
      shortcutItem('stats', inputs),
      sep,
      { role: 'reload' },
      { role: 'forceReload' },
      ...(inputs.isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
      sep,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      sep,
      { role: 'togglefullscreen' },
    ],
  });

  template.push({ role: 'windowMenu' });

  template.push({
    role: 'help',
    submenu: [shortcutItem('shortcuts', inputs), ...(mac ? [] : [sep, { role: 'about' } as const])],
  });

  return template;
}
