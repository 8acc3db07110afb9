/**
 * Where a card came from: a span of one paragraph, quoted with a little text on each side so the
 * passage can be found again after the article changes (INTERFACES.md, `source`).
 */

/** How much text before and after a quote is kept to tell repeated passages apart. */
export const CONTEXT_CHARS = 32;

export interface SourceSpan {
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Moves an offset off the middle of a surrogate pair, so a context never starts or ends with half a character. */
function snap(text: string, at: number, direction: -1 | 1): number {
  const i = Math.max(0, Math.min(text.length, at));
  if (i > 0 && i < text.length && isLowSurrogate(text.charCodeAt(i))) return i + direction;
  return i;
}

/** The quote of `paragraph` between `start` and `end` (UTF-16 offsets) with about 32 characters either side. */
export function sourceWithContext(paragraph: string, start: number, end: number): SourceSpan {
  const from = snap(paragraph, Math.min(start, end), -1);
  const to = snap(paragraph, Math.max(start, end), 1);
  return {
    start: from,
    end: to,
    quote: paragraph.slice(from, to),
    prefix: paragraph.slice(snap(paragraph, from - CONTEXT_CHARS, 1), from),
    suffix: paragraph.slice(to, snap(paragraph, to + CONTEXT_CHARS, -1)),
  };
}

/** Narrows a span so it neither starts nor ends with white space. */
export function trimSpan(paragraph: string, start: number, end: number): { start: number; end: number } {
  let s = Math.max(0, Math.min(start, paragraph.length));
  let e = Math.max(s, Math.min(end, paragraph.length));
  while (s < e && /\s/.test(paragraph[s]!)) s++;
  while (e > s && /\s/.test(paragraph[e - 1]!)) e--;
  return { start: s, end: e };
}

/**
 * The sentences of a paragraph as spans. A sentence ends at . ! ? or … (with any closing quote or
 * bracket) followed by white space and something that is not a lower-case letter; common
 * abbreviations and initials do not end one.
 */
export function sentenceSpans(paragraph: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const boundary = /[.!?…]+["'”’)\]]*(?=\s+[^\s\p{Ll}]|\s*$)/gu;
  let start = 0;
  for (const match of paragraph.matchAll(boundary)) {
    const end = match.index + match[0].length;
    const before = paragraph.slice(start, match.index);
    const lastWord = /(\S+)$/.exec(before)?.[1] ?? '';
    if (match[0] === '.' && /^(?:[A-Z]|[a-z]{1,3}\.[a-z]|e\.g|i\.e|etc|vs|cf|Dr|Mr|Mrs|Ms|St|No|Fig|al)$/.test(lastWord)) continue;
    const span = trimSpan(paragraph, start, end);
    if (span.end > span.start) spans.push(span);
    start = end;
  }
  const rest = trimSpan(paragraph, start, paragraph.length);
  if (rest.end > rest.start) spans.push(rest);
  return spans;
}

/** The sentence (or run of sentences) around a span. */
export function sentenceAround(paragraph: string, start: number, end: number): { start: number; end: number } {
  const sentences = sentenceSpans(paragraph);
  const touching = sentences.filter((s) => s.end > start && s.start < Math.max(end, start + 1));
  if (touching.length === 0) return trimSpan(paragraph, start, end);
  return { start: Math.min(start, touching[0]!.start), end: Math.max(end, touching[touching.length - 1]!.end) };
}

/**
 * A cloze made from a selection: the sentence around it with the selection as gap c1. The source is
 * the sentence, so "show in article" highlights what the card asks about in context.
 */
export function clozeFromSelection(paragraph: string, start: number, end: number): { text: string; source: SourceSpan } {
  const gap = trimSpan(paragraph, start, end);
  if (gap.end <= gap.start) throw new RangeError('empty selection');
  const sentence = sentenceAround(paragraph, gap.start, gap.end);
  const text =
    paragraph.slice(sentence.start, gap.start) +
    `{{c1::${paragraph.slice(gap.start, gap.end).replace(/\}\}/g, '} }').replace(/::/g, ': :')}}}` +
    paragraph.slice(gap.end, sentence.end);
  return { text, source: sourceWithContext(paragraph, sentence.start, sentence.end) };
}
