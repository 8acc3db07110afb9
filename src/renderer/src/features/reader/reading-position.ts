/** Where the reader was: a section and how far into it, as "section:fraction" (stored per article). */
export interface ReadingPosition {
  section: number;
  fraction: number;
}

export function encodePosition(position: ReadingPosition): string {
  return `${position.section}:${position.fraction.toFixed(3)}`;
}

export function decodePosition(value: string | null): ReadingPosition | null {
  const match = value ? /^(\d+):(\d(?:\.\d+)?)$/.exec(value) : null;
  if (!match) return null;
  return { section: Number(match[1]), fraction: Math.min(1, Number(match[2])) };
}
