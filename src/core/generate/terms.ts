import type { Word } from './analyze';
import { keyness, SPECIFIC, specificity, stem } from './lexicon';
import { isContent, type TermStats } from './model';

// ---------------------------------------------------------------------------------------------------------
// Term scoring

/** How good a phrase is as an answer: specific to the text, repeated, on topic, of a useful length. */
export function termValue(words: Word[], stats: TermStats, lengthMatters = true): number {
  const content = words.filter(isContent);
  if (content.length === 0) return 0;
  const specs = content.map((w) => specificity(w.text, w.lemma));
  const max = Math.max(...specs);
  const mean = specs.reduce((a, b) => a + b, 0) / specs.length;
  const spec = 0.6 * max + 0.4 * mean;
  const head = content[content.length - 1]!;
  const counts = content.map((w) => stats.stemCounts.get(stem(w.text)) ?? 1);
  const repetition = Math.min(1, Math.log(1 + Math.max(...counts)) / Math.log(9));
  const headRep = Math.min(1, Math.log(1 + (stats.stemCounts.get(stem(head.text)) ?? 1)) / Math.log(9));
  // length in content words, of the longest conjunct when the phrase coordinates two
  let n = 0;
  let run = 0;
  for (const w of words) {
    if (w.lower === 'and' || w.lower === 'or') run = 0;
    else if (isContent(w)) n = Math.max(n, ++run);
  }
  const lengthFactor = !lengthMatters ? 1 : n === 1 ? 0.8 : n <= 3 ? 1 : n <= 5 ? 0.95 : 0.85;
  let value = (0.62 * spec + 0.23 * repetition + 0.15 * headRep) * lengthFactor;
  // a named thing (a provision, an institution, a date) is what a reader is most often asked to recall
  const named = content.some(
    (w, i) => /^\p{Lu}{2,}$/u.test(w.text) || (w.pos === 'PROPN' && (i > 0 || stats.properWords.has(w.lower))) || (w.pos === 'NUM' && /\d/.test(w.text)),
  );
  // …unless it is a single name the whole text keeps repeating (its subject), which anyone can guess
  const ubiquitous = content.length === 1 && (stats.stemCounts.get(stem(content[0]!.text)) ?? 0) > 0.006 * stats.totalWords;
  if (named && !ubiquitous) value += 0.22;
  if (content.some((w) => stats.topicStems.has(stem(w.text)))) value += 0.04;
  return value;
}

/** A name, an acronym or a figure: specific whatever its frequency in general English. */
export function isNamedWord(w: Word, stats: TermStats, sentenceInitial: boolean): boolean {
  if (/\d/.test(w.text)) return true;
  if (/^\p{Lu}{2,}/u.test(w.text) || /^\p{Ll}+\p{Lu}/u.test(w.text)) return true;
  // a capital at the start of a sentence says nothing; elsewhere it marks a name
  if (sentenceInitial || !/^\p{Lu}/u.test(w.text) || !stats.properWords.has(w.lower)) return false;
  return w.pos === 'PROPN' || w.pos === 'NOUN';
}

/**
 * How much a word makes a phrase specific, in [0, 1]: rare in general English, or characteristic of this text
 * (used far more often than in general English), or a name.
 */
export function termhood(w: Word, stats: TermStats, sentenceInitial = false): number {
  const cache = sentenceInitial ? initialTermhood : innerTermhood;
  let byStats = cache.get(stats);
  if (!byStats) cache.set(stats, (byStats = new WeakMap()));
  let value = byStats.get(w);
  if (value === undefined) {
    value = isNamedWord(w, stats, sentenceInitial)
      ? 1
      : Math.max(specificity(w.text, w.lemma), keyness(w.lower, w.lemma, stats.stemCounts.get(stem(w.text)) ?? 0, stats.totalWords));
    byStats.set(w, value);
  }
  return value;
}

/** Termhood is asked of the same words again and again while candidates are weighed. */
const initialTermhood = new WeakMap<TermStats, WeakMap<Word, number>>();
const innerTermhood = new WeakMap<TermStats, WeakMap<Word, number>>();

/** The head of a phrase: its last content word before any "of", preposition, comma or verb. */
export function headIndex(words: Word[]): number {
  let head = -1;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (head >= 0 && (w.pos === 'ADP' || w.text === ',' || w.pos === 'AUX' || w.pos === 'SCONJ' || (w.pos === 'PRON' && ['that', 'which', 'who'].includes(w.lower)))) break;
    if (isContent(w) && w.pos !== 'ADV') head = i;
  }
  return head;
}

/**
 * A generic phrase: its head is a common word of general English that this text does not use as a term
 * ("amount", "data", "features", "reason"), and nothing before the head makes it specific ("a certain amount",
 * "the actual data", "new concept", "removing plates"). "Rust program" or "heap memory" are not generic.
 */
export function isGenericPhrase(words: Word[], stats: TermStats, sentenceStart?: Word): boolean {
  const h = headIndex(words);
  if (h < 0) return true;
  const strong = (w: Word): boolean => termhood(w, stats, w === sentenceStart) >= SPECIFIC;
  if (strong(words[h]!)) return false;
  for (let i = 0; i < h; i++) if (isContent(words[i]!) && strong(words[i]!)) return false;
  return true;
}
