/** The app's screens, in navigation order, each with its "g then key" shortcut. */
export const screens = [
  { id: 'library', label: 'Library', key: 'l' },
  { id: 'read', label: 'Read', key: 'r' },
  { id: 'review', label: 'Review', key: 'v' },
  { id: 'cards', label: 'Cards', key: 'c' },
  { id: 'stats', label: 'Stats', key: 's' },
  { id: 'settings', label: 'Settings', key: ',' },
] as const;

export type ScreenId = (typeof screens)[number]['id'];

export function isScreenId(value: string | null): value is ScreenId {
  return screens.some((s) => s.id === value);
}
