/**
 * Re-anchoring: after a changed text of an article is imported, each card looks for its quoted passage
 * in the new text. Found as it was (anywhere in the article) → the card moves there, status "ok";
 * found changed (its context still frames a new passage, or most of its words are still together) →
 * "changed", for the user to check; not found → "missing". A card is never deleted, and its memory
 * and review history are never touched here.
 */
import type { Collection } from '../collection';
import type { Db } from '../storage/database';
import { listArticleCardSources, writeCardSource, type CardSourceRow } from '../storage/card-edits';
import { sentenceSpans, sourceWithContext, type SourceSpan } from './provenance';

export interface ReanchorLayout {
  sections: readonly { paragraphs: readonly string[] }[];
}

export type SourceStatus = 'ok' | 'changed' | 'missing';

export interface OldSource {
  sectionIndex: number;
  paragraphIndex: number;
  start: number;
  quote: string;
  prefix: string | null;
  suffix: string | null;
}

export interface Located {
  status: SourceStatus;
  sectionIndex: number;
  paragraphIndex: number;
  span: SourceSpan | null;
}

/** How alike two word lists are (Dice over the multiset of words), 0 to 1. */
const FUZZY_THRESHOLD = 0.6;

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

interface Place {
  section: number;
  paragraph: number;
  text: string;
  /** The paragraph's distinct words, computed once per layout (a book has thousands of paragraphs). */
  words: Set<string>;
}

const prepared = new WeakMap<ReanchorLayout, Place[]>();

function placesOf(layout: ReanchorLayout): Place[] {
  const cached = prepared.get(layout);
  if (cached) return cached;
  const places: Place[] = [];
  layout.sections.forEach((s, section) =>
    s.paragraphs.forEach((text, paragraph) => places.push({ section, paragraph, text, words: new Set(words(text)) })),
  );
  prepared.set(layout, places);
  return places;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}


function dice(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of b) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(w, n - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

/** Nearness to where the card was, as a tie-breaker: the same paragraph first, then the same section. */
function nearness(place: Place, old: OldSource): number {
  if (place.section === old.sectionIndex && place.paragraph === old.paragraphIndex) return 2;
  return place.section === old.sectionIndex ? 1 : 0;
}

/** Every exact occurrence of the quote, the one with the best-matching context (then the nearest) first. */
function exactMatches(places: Place[], old: OldSource): { place: Place; start: number; score: number }[] {
  const found: { place: Place; start: number; score: number }[] = [];
  for (const place of places) {
    for (let at = place.text.indexOf(old.quote); at >= 0; at = place.text.indexOf(old.quote, at + 1)) {
      const context =
        commonSuffix(place.text.slice(0, at), old.prefix ?? '') + commonPrefix(place.text.slice(at + old.quote.length), old.suffix ?? '');
      found.push({ place, start: at, score: context * 10 + nearness(place, old) * 3 - Math.min(2, Math.abs(at - old.start) / 1000) });
    }
  }
  return found.sort((a, b) => b.score - a.score);
}

/** The passage between the old prefix and suffix, when both are still there close together. */
function betweenContext(places: Place[], old: OldSource): { place: Place; start: number; end: number } | null {
  const prefix = (old.prefix ?? '').trimStart();
  const suffix = (old.suffix ?? '').trimEnd();
  if (prefix.length < 12 || suffix.length < 12) return null;
  const limit = old.quote.length * 3 + 80;
  let best: { place: Place; start: number; end: number; near: number } | null = null;
  for (const place of places) {
    for (let p = place.text.indexOf(prefix); p >= 0; p = place.text.indexOf(prefix, p + 1)) {
      const start = p + prefix.length;
      const s = place.text.indexOf(suffix, start);
      if (s < 0 || s - start > limit) continue;
      const near = nearness(place, old);
      if (!best || near > best.near) best = { place, start, end: s, near };
    }
  }
  return best;
}

/** The run of words (or sentences) in the new text most like the quote, when it is like enough. */
function fuzzyMatch(places: Place[], old: OldSource): { place: Place; start: number; end: number; score: number } | null {
  const quoteWords = words(old.quote);
  if (quoteWords.length < 3) return null;
  const wanted = new Set(quoteWords);
  // Narrow to the few paragraphs sharing the most words with the quote before sliding windows over them.
  const ranked = places
    .map((place) => {
      let shared = 0;
      for (const w of wanted) if (place.words.has(w)) shared++;
      return { place, shared: shared + nearness(place, old) * 0.1 };
    })
    .filter((r) => r.shared >= wanted.size * 0.4)
    .sort((a, b) => b.shared - a.shared)
    .slice(0, 4);
  let best: { place: Place; start: number; end: number; score: number } | null = null;
  const consider = (place: Place, start: number, end: number) => {
    const score = dice(quoteWords, words(place.text.slice(start, end))) + nearness(place, old) * 0.001;
    if (score >= FUZZY_THRESHOLD && (!best || score > best.score)) best = { place, start, end, score };
  };
  for (const { place } of ranked) {
    // Whole sentences (what generated cards quote)…
    const sentences = sentenceSpans(place.text);
    for (let i = 0; i < sentences.length; i++) {
      for (let j = i; j < Math.min(sentences.length, i + 3); j++) consider(place, sentences[i]!.start, sentences[j]!.end);
    }
    // …and runs of about as many words as the quote (what a selection quotes).
    const tokens = [...place.text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    const n = quoteWords.length;
    for (let i = 0; i < tokens.length; i++) {
      for (let len = Math.max(1, n - 2); len <= n + 2 && i + len <= tokens.length; len++) {
        consider(place, tokens[i]!.start, tokens[i + len - 1]!.end);
      }
    }
  }
  return best;
}

/** Finds a card's passage in a new layout of its article. */
export function locatePassage(layout: ReanchorLayout, old: OldSource): Located {
  const places = placesOf(layout);
  if (old.quote.length > 0) {
    const exact = exactMatches(places, old)[0];
    if (exact) {
      return {
        status: 'ok',
        sectionIndex: exact.place.section,
        paragraphIndex: exact.place.paragraph,
        span: sourceWithContext(exact.place.text, exact.start, exact.start + old.quote.length),
      };
    }
    const framed = betweenContext(places, old) ?? fuzzyMatch(places, old);
    if (framed) {
      return {
        status: 'changed',
        sectionIndex: framed.place.section,
        paragraphIndex: framed.place.paragraph,
        span: sourceWithContext(framed.place.text, framed.start, framed.end),
      };
    }
  }
  const lastSection = Math.max(0, layout.sections.length - 1);
  return { status: 'missing', sectionIndex: Math.min(old.sectionIndex, lastSection), paragraphIndex: old.paragraphIndex, span: null };
}

export interface ReanchorReport {
  ok: number;
  changed: number;
  missing: number;
}

/**
 * Re-anchors every card of an article to its new layout, inside the caller's transaction (the import
 * that replaced the text). Cards without a source keep their section, clamped to the new sections.
 */
export function reanchorCards(target: Collection | Db, articleId: string, layout: ReanchorLayout, now?: number): ReanchorReport {
  const db: Db = 'transact' in target ? target.db : target;
  const at = now ?? ('transact' in target ? target.clock.now() : Date.now());
  const report: ReanchorReport = { ok: 0, changed: 0, missing: 0 };
  const lastSection = Math.max(0, layout.sections.length - 1);
  for (const card of listArticleCardSources(db, articleId)) {
    const update = (patch: Partial<CardSourceRow>) => writeCardSource(db, { ...card, ...patch }, at);
    if (card.quote === null || card.paragraphIndex === null) {
      if (card.sectionIndex !== null && card.sectionIndex > lastSection) update({ sectionIndex: lastSection });
      continue;
    }
    const located = locatePassage(layout, {
      sectionIndex: card.sectionIndex ?? 0,
      paragraphIndex: card.paragraphIndex,
      start: card.start ?? 0,
      quote: card.quote,
      prefix: card.prefix,
      suffix: card.suffix,
    });
    report[located.status]++;
    if (located.span) {
      update({
        sectionIndex: located.sectionIndex,
        paragraphIndex: located.paragraphIndex,
        start: located.span.start,
        end: located.span.end,
        // A changed passage keeps the card's old quote, so the user can compare the card with what the text says now.
        quote: located.status === 'ok' ? located.span.quote : card.quote,
        prefix: located.span.prefix,
        suffix: located.span.suffix,
        status: located.status,
      });
    } else {
      update({ sectionIndex: located.sectionIndex, status: 'missing' });
    }
  }
  return report;
}
