import type { Word } from './analyze';
import { isGenericNoun, specificity, stem } from './lexicon';
import { isContent, type TermStats } from './model';

/**
 * The fact a gap hides. Blind graders keep a card whose gap is what the sentence teaches — a figure with its
 * unit ("24 hours"), an identifier, flag or path, a specific term ("alpha cells"), the term a sentence defines —
 * and delete one whose gap is the text's own subject ("GitHub" in GitHub's policy, "ripgrep" in its guide) or a
 * noun any such text uses ("the user", "new functionality", "a callback") while the fact stays in view.
 */

/** Units a figure is counted in: "24 hours", "six months", "10-14 days", "100 ms". */
const UNITS =
  /^(?:ms|milliseconds?|seconds?|secs?|s|minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?|years?|decades?|centuries|bytes?|kb|mb|gb|tb|kib|mib|gib|bits?|percent|%|times|characters?|chars?|lines?|digits?|levels?|steps?|degrees?|°c|°f|kg|g|mg|km|m|cm|mm|l|ml|hz|khz|mhz|ghz|dollars?|usd|euros?|eur)$/i;

const NUMBER_WORDS = new Set(
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen twenty thirty forty fifty sixty hundred thousand million billion half once twice'.split(
    ' ',
  ),
);

/** A figure: digits, or a number word followed by a unit. */
export function isFigure(words: Word[]): boolean {
  return words.some((w, i) => {
    if (/\d/.test(w.text) && !/^\(?\d\)?$/.test(w.text)) return true;
    if (/^\d$/.test(w.text)) return words.length > 1 || UNITS.test(words[i + 1]?.text ?? '');
    const next = words[i + 1];
    return NUMBER_WORDS.has(w.lower) && !!next && UNITS.test(next.text.replace(/-.*$/, ''));
  });
}

/** A word the text's subject is made of, or a generic noun, or a word of everyday English. */
export function isWeakWord(w: Word, stats: TermStats): boolean {
  const k = stem(w.text);
  if (stats.subjectStems.has(k) || stats.subjectStems.has(w.lower)) return true;
  if (isGenericNoun(w.text)) return true;
  // a technical token made of the subject's words ("Node.js" in Node's docs, "eslint:recommended" in ESLint's)
  if (w.code) {
    const parts = w.lower.split(/[^\p{L}\p{N}]+/u).filter((x) => x.length > 2);
    return parts.length > 0 && parts.every((x) => stats.subjectStems.has(stem(x)));
  }
  if (/^\p{Lu}$/u.test(w.text)) return true;
  // a hyphenated compound of common words is still a term of its own ("one-time", "read-only")
  const floor = w.text.includes('-') ? 0.3 : 0.45;
  return specificity(w.text, w.lemma) < floor && !/\d/.test(w.text);
}

/**
 * The term a sentence defines is worth asking ("An {{c1::organ}} is …") unless it is the title's subject, the
 * name the whole text is about ("{{c1::ripgrep}} is a command line tool …") or a generic noun ("The DMCA
 * {{c1::framework}} is …").
 */
function definesWorthAsking(content: Word[], stats: TermStats): boolean {
  if (content.every((w) => stats.titleStems.has(stem(w.text)))) return false;
  if (content.length === 1 && stats.subjectStems.has(stem(content[0]!.text)) && specificity(content[0]!.text) >= 0.8) return false;
  return content.some((w) => !isGenericNoun(w.text) && (specificity(w.text, w.lemma) >= 0.45 || stats.subjectStems.has(stem(w.text))) && !/^\p{Lu}$/u.test(w.text));
}

export interface Focus {
  /** How much the gap is the fact of its sentence, in [0, 1]. */
  fact: number;
  /** The gap is only the text's subject, generic nouns and common words. */
  weak: boolean;
}

/**
 * What kind of fact the gap words are. `defines`: the gap is the term its sentence defines, which is worth
 * asking unless it is the title's own subject.
 */
export function answerFocus(answer: Word[], stats: TermStats, defines: boolean): Focus {
  const content = answer.filter(isContent);
  if (content.length === 0) return { fact: 0, weak: true };
  if (answer.some((w) => w.code && !isWeakWord(w, stats))) return { fact: 1, weak: false };
  if (isFigure(answer)) return { fact: 1, weak: false };
  const strong = content.filter((w) => !isWeakWord(w, stats));
  if (defines && definesWorthAsking(content, stats)) return { fact: 0.9, weak: false };
  if (strong.length === 0) return { fact: 0, weak: true };
  const named = strong.some((w) => w.pos === 'PROPN' || /^\p{Lu}{2,}/u.test(w.text));
  const best = Math.max(...strong.map((w) => specificity(w.text, w.lemma)));
  return { fact: Math.min(1, 0.35 + 0.45 * best + (named ? 0.15 : 0) + (strong.length >= 2 ? 0.1 : 0)), weak: false };
}
