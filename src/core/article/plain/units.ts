/**
 * A unit is the smallest piece of plain text that can be a heading or a paragraph. Text copied
 * from a web page has one paragraph per line; hard-wrapped text (RFCs, e-mails) has paragraphs
 * separated by blank lines. The layout decides which.
 */
export interface Unit {
  /** Raw lines, indentation kept, trailing spaces removed. */
  lines: string[];
}

export function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** Text whose lines run long was not hard-wrapped: each line is its own paragraph. */
export function isLinePerParagraph(lines: string[]): boolean {
  const nonBlank = lines.filter((l) => l.trim());
  const long = nonBlank.filter((l) => l.trim().length > 120).length;
  if (long >= 3 || (nonBlank.length > 0 && long / nonBlank.length >= 0.1)) return true;
  // Hard wrapping breaks lines mid-sentence; lines that nearly all end a sentence were not wrapped.
  const followed = lines.flatMap((l, i) => (l.trim() && lines[i + 1]?.trim() ? [l.trim()] : []));
  const sentenceEnds = followed.filter((l) => /[.!?]["”'’)]?$/.test(l)).length;
  return followed.length >= 3 && sentenceEnds >= followed.length * 0.8;
}

export const BULLET = /^\s*(?:[-*•·◦▪‣]|o(?=\s{1,4}\S)|\d{1,3}[.)]|[a-z][.)])\s+\S/;
const GLYPH_BULLET = /^\s*(?:[-*•·◦▪‣]|o(?=\s{1,4}\S))\s+\S/;
const UNDERLINE = /^\s*(?:={3,}|-{3,}|~{3,})\s*$/;

export function isUnderline(line: string): boolean {
  return UNDERLINE.test(line);
}

export function isGlyphBullet(line: string): boolean {
  return GLYPH_BULLET.test(line);
}

function splitBlock(block: string[]): Unit[] {
  const units: Unit[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) units.push({ lines: current });
    current = [];
  };
  const base = indentOf(block[0]!);
  block.forEach((line, i) => {
    // An underlined heading is its own unit, whatever follows it without a blank line.
    if (isUnderline(line) && current.length === 1 && i > 0) {
      current.push(line);
      flush();
      return;
    }
    // Each list item starts a unit; its wrapped continuation lines stay with it.
    if (current.length && isGlyphBullet(line) && indentOf(line) <= base + 2) flush();
    current.push(line);
  });
  flush();
  return units;
}

export function toUnits(lines: string[], linePerParagraph: boolean): Unit[] {
  if (linePerParagraph) return lines.filter((l) => l.trim()).map((l) => ({ lines: [l] }));
  const units: Unit[] = [];
  let block: string[] = [];
  for (const line of [...lines, '']) {
    if (line.trim()) block.push(line);
    else if (block.length) {
      units.push(...splitBlock(block));
      block = [];
    }
  }
  return units;
}
