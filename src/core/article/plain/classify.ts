import { endsWithClosingPunctuation, wordCount } from '../text-utils';
import { type Block } from '../types';
import { BULLET, indentOf, isGlyphBullet, isUnderline, type Unit } from './units';

/** "4.1. Coordinated Universal Time (UTC)", "Appendix A. ISO 8601 Collected ABNF", "2 Scope". */
const NUMBERED = /^(?:(?:appendix|annex|chapter|part|section)\s+)?((?:\d+|[A-Z])(?:\.\d+)*)\.?\s+\S/i;
const ATX = /^(#{1,6})\s+(\S.*?)\s*#*$/;

/** The most common indentation of body lines: headings sit at it or to the left of it. */
export function baseIndent(units: Unit[]): number {
  const counts = new Map<number, number>();
  for (const unit of units) {
    if (unit.lines.length < 2) continue;
    for (const line of unit.lines) counts.set(indentOf(line), (counts.get(indentOf(line)) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = -1;
  for (const [indent, count] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (count > bestCount) [best, bestCount] = [indent, count];
  }
  return best;
}

function looksLikeCodeLine(line: string): boolean {
  const t = line.trim();
  if (/[{};]$|^[{}]|^\/[/*]|^\*\/?|^#(?:include|define|!)|^;|^\$ /.test(t)) return true;
  if (/^[\w-]+\s*:?=\s*\S/.test(t)) return true; // an assignment or a grammar rule
  if (/^[/|(]|[/|]$/.test(t)) return true; // a grammar alternative continued
  if (/^\S+$/.test(t) && t.length > 4 && /[\d_:<>/=-]/.test(t)) return true; // a lone token: a timestamp, a path
  const symbols = (t.match(/[^\p{L}\p{N}\s]/gu) ?? []).length;
  return t.length > 0 && symbols / t.length > 0.25;
}

/** A heading line: short, no closing punctuation, starts like a title. */
function headingRank(line: string): number | null {
  const t = line.trim();
  const atx = ATX.exec(t);
  if (atx) return atx[1]!.length;
  if (t.length > 100 || t.length < 2 || endsWithClosingPunctuation(t)) return null;
  if (!/^[\p{Lu}\p{N}]/u.test(t) || isGlyphBullet(line) || /[{};=<>|]/.test(t)) return null;
  const numbered = NUMBERED.exec(t);
  if (numbered) return wordCount(t) <= 16 ? numbered[1]!.split('.').filter(Boolean).length : null;
  return wordCount(t) <= 12 ? 1 : null;
}

function headingText(line: string): string {
  const t = line.trim();
  return ATX.exec(t)?.[2] ?? t;
}

/** Join hard-wrapped lines; a word hyphenated at the end of a line is glued back. */
export function joinWrapped(lines: string[]): string {
  return lines
    .map((l) => l.trim())
    .reduce((acc, line) => (acc === '' ? line : /\p{L}-$/u.test(acc) && /^\p{Ll}/u.test(line) ? acc + line : `${acc} ${line}`), '');
}

/** Two or more spaces between cells; not the double space after a full stop. */
const COLUMN_GAP = /[^\s.:;!?,]\s{2,}\S/;
const RULE = /^\s*[-=+|]{3,}(?:\s+[-=+|]{3,})*\s*$/;

function tableRows(lines: string[]): Block[] {
  return lines
    .filter((l) => !RULE.test(l))
    .map((l) => ({ type: 'paragraph' as const, kind: 'table' as const, text: l.trim().split(/\s{2,}/).join(' | ') }));
}

function dedent(lines: string[]): string {
  const min = Math.min(...lines.map(indentOf));
  return lines.map((l) => l.slice(min)).join('\n');
}

/** "UTC         Coordinated Universal Time as…" or a term alone above its indented description. */
function definition(lines: string[]): Block | null {
  const first = lines[0]!;
  const rest = lines.slice(1);
  const gap = /^(\s*)(\S.{0,40}?)\s{3,}(\S.*)$/.exec(first);
  if (gap && !/[.:;!?]$/.test(gap[2]!) && rest.every((l) => indentOf(l) > indentOf(first))) {
    return { type: 'paragraph', kind: 'definition', text: `${gap[2]!.trim()}: ${joinWrapped([gap[3]!, ...rest])}` };
  }
  if (rest.length && first.trim().length <= 40 && !endsWithClosingPunctuation(first) && rest.every((l) => indentOf(l) >= indentOf(first) + 4)) {
    return { type: 'paragraph', kind: 'definition', text: `${first.trim()}: ${joinWrapped(rest)}` };
  }
  return null;
}

/** Classify a unit of hard-wrapped text. */
function wrappedBlocks(unit: Unit, base: number): Block[] {
  const { lines } = unit;
  const first = lines[0]!;
  if (lines.length === 2 && isUnderline(lines[1]!) && headingRank(first) !== null) {
    return [{ type: 'heading', text: first.trim(), rank: lines[1]!.trim().startsWith('=') ? 1 : 2 }];
  }
  if (lines.length === 1 && indentOf(first) <= base && (base < 2 || indentOf(first) < base)) {
    const rank = headingRank(first);
    if (rank !== null) return [{ type: 'heading', text: headingText(first), rank }];
  }
  if (BULLET.test(first) && !lines.slice(1).some((l) => RULE.test(l))) {
    const text = joinWrapped(lines).replace(/^(?:[-*•·◦▪‣]|o)\s+/, '');
    return [{ type: 'paragraph', kind: 'list', text }];
  }
  if (lines.some((l) => RULE.test(l))) return tableRows(lines);
  if (lines.filter(looksLikeCodeLine).length >= lines.length * 0.5) return [{ type: 'paragraph', kind: 'code', text: dedent(lines) }];
  const def = indentOf(first) > base || COLUMN_GAP.test(first.trim()) ? definition(lines) : null;
  if (def) return [def];
  if (lines.length >= 2 && lines.filter((l) => COLUMN_GAP.test(l.trim())).length >= lines.length * 0.8) return tableRows(lines);
  const kind = Math.min(...lines.map(indentOf)) > base + 1 ? 'quote' : 'prose';
  return [{ type: 'paragraph', kind, text: joinWrapped(lines) }];
}

/** Classify text with one paragraph per line: a heading is a short line introducing a longer paragraph. */
function lineBlocks(units: Unit[], i: number): Block[] {
  const line = units[i]!.lines[0]!;
  const next = units[i + 1]?.lines[0];
  if (isUnderline(line)) return [];
  const rank = headingRank(line);
  if (rank !== null && next !== undefined) {
    if (isUnderline(next)) return [{ type: 'heading', text: line.trim(), rank: next.trim().startsWith('=') ? 1 : 2 }];
    const nextIsProse = next.trim().length > line.trim().length && (endsWithClosingPunctuation(next) || next.trim().length > 120);
    // Two title-like lines in a row are a heading and its subheading only if prose follows them.
    const afterNext = units[i + 2]?.lines[0];
    const nextIsHeading = headingRank(next) !== null && afterNext !== undefined && endsWithClosingPunctuation(afterNext);
    if (nextIsProse || nextIsHeading) return [{ type: 'heading', text: headingText(line), rank }];
  }
  if (isGlyphBullet(line)) return [{ type: 'paragraph', kind: 'list', text: line.trim().replace(/^(?:[-*•·◦▪‣]|o)\s+/, '') }];
  return [{ type: 'paragraph', kind: 'prose', text: line.trim() }];
}

export function classifyUnits(units: Unit[], linePerParagraph: boolean): Block[] {
  if (linePerParagraph) return units.flatMap((_, i) => lineBlocks(units, i));
  const base = baseIndent(units);
  return units.flatMap((unit) => wrappedBlocks(unit, base));
}
