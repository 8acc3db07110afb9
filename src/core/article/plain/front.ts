import { type ArticleMeta } from '../../../shared/contract';
import { endsWithClosingPunctuation, wordCount } from '../text-utils';
import { indentOf, type Unit } from './units';
import { bylineAuthor, isShareBar, parseDateline } from './web-junk';

export interface Front {
  title: string | null;
  meta: ArticleMeta;
  /** Units left once the front matter is taken. */
  units: Unit[];
}

const TWO_COLUMNS = /^\s*(\S.*?\S|\S)\s{3,}(\S.*)$/;
const MONTH_YEAR = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}$/i;
const INITIALS_NAME = /^(?:\p{Lu}\.\s?)+\s*\p{Lu}[\p{L}'’-]+(?:,?\s+(?:Ed\.|Editor))?$/u;

/**
 * The memo header of standards documents: a block of two-column lines ("Network Working Group
 * G. Klyne", "Category: Standards Track   July 2002"). It yields the authors, date and category.
 */
function memoHeader(unit: Unit): ArticleMeta | null {
  const { lines } = unit;
  if (lines.length < 2) return null;
  const columned = lines.filter((l) => TWO_COLUMNS.test(l) || indentOf(l) >= 30);
  if (columned.length < lines.length * 0.6) return null;
  const meta: ArticleMeta = {};
  const authors: string[] = [];
  for (const line of lines) {
    const cols = TWO_COLUMNS.exec(line);
    const left = cols ? cols[1]! : indentOf(line) >= 30 ? '' : line.trim();
    const right = cols ? cols[2]!.trim() : indentOf(line) >= 30 ? line.trim() : '';
    const category = /^category:\s*(.+)$/i.exec(left);
    if (category) meta.category = category[1]!.trim();
    if (MONTH_YEAR.test(right)) meta.date = right;
    else if (INITIALS_NAME.test(right)) authors.push(right);
  }
  if (authors.length) meta.author = authors.join(', ');
  return meta;
}

function isMastheadJunk(line: string): boolean {
  return isShareBar(line) || bylineAuthor(line) !== null || parseDateline(line) !== null;
}

function single(unit: Unit | undefined): string | null {
  return unit && unit.lines.length === 1 ? unit.lines[0]!.trim() : null;
}

/**
 * Text copied from a news page opens with a masthead: an optional category, the title, an optional
 * standfirst (dek), then a share bar, a byline and a dateline before the body.
 */
function masthead(units: Unit[]): Front | null {
  const junkAt = units.slice(0, 8).findIndex((u) => u.lines.length === 1 && isMastheadJunk(u.lines[0]!));
  if (junkAt < 1) return null;
  const head = units.slice(0, junkAt).map(single);
  if (head.some((l) => l === null)) return null;
  const lines = head as string[];
  const meta: ArticleMeta = {};
  let end = junkAt;
  for (; end < units.length && single(units[end]) !== null && isMastheadJunk(single(units[end])!); end++) {
    const line = single(units[end])!;
    const author = bylineAuthor(line);
    if (author) meta.author ??= author;
    const dateline = parseDateline(line);
    if (dateline?.date) meta.date ??= dateline.date;
    if (dateline?.readingTime) meta.readingTime ??= dateline.readingTime;
  }
  const isKicker = (l: string, next: string) => wordCount(l) <= 5 && l.length <= 40 && !endsWithClosingPunctuation(l) && next.length > l.length;
  if (lines.length >= 2 && isKicker(lines[0]!, lines[1]!)) meta.category = lines.shift()!;
  const title = lines.shift() ?? null;
  if (lines.length) meta.dek = lines.join(' ');
  return { title, meta, units: units.slice(end) };
}

/** A first line on its own, short and not a numbered section heading, is the title. */
function leadingTitle(units: Unit[]): Front | null {
  const first = units[0];
  if (!first || units.length < 2) return null;
  const centred = first.lines.every((l) => indentOf(l) >= 8 && !TWO_COLUMNS.test(l));
  const text = first.lines.map((l) => l.trim()).join(' ');
  if (!centred && first.lines.length > 1) return null;
  if (text.length > 150 || /^(?:\d+(?:\.\d+)*\.?|[A-Z]\.)\s/.test(text) || /^#{1,6}\s/.test(text)) return null;
  // A line that ends like a sentence is the first paragraph, not a title (a question may be a title).
  if (!centred && /[.,;:!…]["”'’)\]]*$/.test(text)) return null;
  return { title: text, meta: {}, units: units.slice(1) };
}

export function takeFront(units: Unit[]): Front {
  const header = units[0] ? memoHeader(units[0]) : null;
  const rest = header ? units.slice(1) : units;
  const found = masthead(rest) ?? leadingTitle(rest) ?? { title: null, meta: {}, units: rest };
  return { ...found, meta: { ...header, ...found.meta } };
}
