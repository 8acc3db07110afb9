import type { Word } from './analyze';
import { ANAPHORA, isStopword, rootKey, stem, STRUCTURE_WORDS } from './lexicon';
import { countWords, isContent, MIN_CONTEXT_WORDS, type Span, type TermStats, type Unit } from './model';
import { hasMarkup, plainText } from './text';
import { opensWithAnaphora } from './units';

/**
 * A gap that ends on a verb the tagger read as a noun: "the {{c1::compiler checks}}.", "the {{c1::stack stores}}
 * values", "these {{c1::two types deal}} with": a singular noun then an -s form, or a plural noun then a base
 * form, followed by what follows a verb.
 */
export function endsOnVerb(answer: Word[], following: Word | undefined): boolean {
  if (answer.length < 2) return false;
  const x = answer[answer.length - 2]!;
  const y = answer[answer.length - 1]!;
  const particle = !!following && ['out', 'up', 'off', 'down', 'away', 'back', 'over', 'into', 'onto', 'through'].includes(following.lower);
  if (y.pos !== 'NOUN' || !(x.pos === 'NOUN' || x.pos === 'NUM' || (x.pos === 'ADJ' && particle))) return false;
  const xPlural = stem(x.lower) !== x.lower || x.pos === 'NUM';
  const yS = /[^s]s$/.test(y.lower);
  // (the object may be mis-tagged in turn: "stores/NOUN values/VERB")
  const pluralNext = !!following && (following.pos === 'NOUN' || following.pos === 'VERB') && stem(following.lower) !== following.lower;
  const afterVerb = !following || ['DET', 'ADP', 'PRON', 'NUM', 'ADV', 'PUNCT'].includes(following.pos) || (yS && pluralNext);
  if (!afterVerb || (following && [',', ';', ':'].includes(following.text))) return false;
  return (!xPlural && yS && (following?.pos !== 'ADP' || particle)) || (xPlural && !yS && !!following && (following.pos === 'ADP' || following.pos === 'DET'));
}

/** A gap cut out of a longer name: "Resource Acquisition Is {{c1::Initialization}}". */
export function splitsName(words: Word[], a: number, b: number): boolean {
  const cap = (w: Word | undefined): boolean => !!w && /^\p{Lu}/u.test(w.text) && /\p{L}/u.test(w.text);
  return (a > 0 && cap(words[a - 1]) && !isStopword(words[a - 1]!.lower) && cap(words[a])) || (cap(words[b]) && cap(words[b + 1]) && words[b + 1]!.start === words[b]!.end + 1);
}

/** A reference to a part of the document ("Chapter 3", "Listing 4-1", "section 5"). */
export function isCrossReference(words: Word[], a: number, b: number): boolean {
  const numberLike = (w: Word | undefined): boolean => !!w && /^(?:\d+(?:[.\-–]\d+)*[a-z]?|[IVXLC]+|\p{Lu})$/u.test(w.text);
  for (let i = Math.max(0, a - 1); i <= b; i++) {
    if (STRUCTURE_WORDS.has(words[i]!.lower) && numberLike(words[i + 1]) && i + 1 >= a) return true;
  }
  return false;
}

/** True when a gap would cut through a word or a figure ("{{c1::10}}–12", "Node.{{c1::js}}"). */
export function cutsToken(text: string, s: Span): boolean {
  const before = text.slice(Math.max(0, s.start - 2), s.start);
  const after = text.slice(s.end, s.end + 2);
  return /[\p{L}\p{N}][-–/.]$|[\p{L}\p{N}]$/u.test(before) || /^[-–/.][\p{L}\p{N}]|^[\p{L}\p{N}]/u.test(after);
}

/**
 * A gap that splits a collocation the text keeps using ("open {{c1::source licenses}}"): the word outside and
 * the word inside occur together at least three times, and in at least half of the inner word's uses.
 */
export function splitsCollocation(outer: Word | undefined, inner: Word, stats: TermStats, outerFirst: boolean): boolean {
  if (!outer || !isContent(outer) || outer.pos === 'PUNCT') return false;
  const pair = outerFirst ? `${outer.lower} ${inner.lower}` : `${inner.lower} ${outer.lower}`;
  const together = stats.bigrams.get(pair) ?? 0;
  return together >= 3 && together >= 0.5 * (stats.wordCounts.get(inner.lower) ?? Infinity);
}

/** An acronym in parentheses right after its own expansion: "garbage collector ({{c1::GC}})" gives itself away. */
export function expandedAcronym(words: Word[], a: number, b: number): boolean {
  if (a !== b || words[a - 1]?.text !== '(' || !/^\p{Lu}{2,}s?$/u.test(words[a]!.text)) return false;
  const letters = words[a]!.text.replace(/s$/, '');
  const before = words.slice(Math.max(0, a - 1 - letters.length), a - 1);
  return before.map((w) => w.text[0]!.toUpperCase()).join('') === letters;
}

// ---------------------------------------------------------------------------------------------------------
// Checks shared by every kind

export function roots(words: Word[]): Set<string> {
  const out = new Set<string>();
  for (const w of words) if (isContent(w) && w.lower.length > 2) out.add(rootKey(w.lower));
  return out;
}


/** How often each root of `roots` occurs in the words: the answer's roots recur in its context when the unit has more. */
export function rootCounts(words: Word[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const w of words) {
    if (isContent(w) && w.lower.length > 2) {
      const k = rootKey(w.lower);
      out.set(k, (out.get(k) ?? 0) + 1);
    }
  }
  return out;
}

/** Words of the unit outside the given word ranges. */
export function outside(words: Word[], ranges: [number, number][]): Word[] {
  return words.filter((_, i) => !ranges.some(([a, b]) => i >= a && i <= b));
}

export function givenAway(answerWords: Word[], promptWords: Word[]): boolean {
  const r = roots(promptWords);
  for (const k of roots(answerWords)) if (r.has(k)) return true;
  return false;
}

export function answerKey(words: Word[]): string {
  return words
    .filter(isContent)
    .map((w) => stem(w.text))
    .join(' ');
}

export function anaphoraPenalty(words: Word[]): number {
  let n = 0;
  for (const w of words) if (ANAPHORA.has(w.lower) && w.pos !== 'ADJ') n++;
  return Math.max(0.5, 1 - 0.12 * n);
}

export function usable(unit: Unit): boolean {
  const text = unit.para.masked.slice(unit.start, unit.end);
  if (hasMarkup(text) || hasMarkup(unit.para.text.slice(unit.start, unit.end).replace(/\[[^\]]*\]/g, ''))) return false;
  if (opensWithAnaphora(unit.words)) return false;
  // "— @author, "Title"": the attribution of a quotation
  if (/^[-–—]$/.test(unit.words[0]!.text) || /(?:^|\s)@\w/.test(text)) return false;
  // code inside a sentence ("let s2 = s1;", "fn main() {") makes no prompt
  if (/[{}]|\s=\s|::|(?<![\w$.])\(\)/.test(text)) return false;
  // a sentence cut at a quotation or a bracket ("bodyParser", "connect:compress", …", "--hidden (-.")
  const prompt = plainText(unit);
  if ((prompt.match(/"/g) ?? []).length % 2 === 1 || (prompt.match(/“/g) ?? []).length !== (prompt.match(/”/g) ?? []).length) return false;
  if ((prompt.match(/\(/g) ?? []).length !== (prompt.match(/\)/g) ?? []).length) return false;
  return countWords(prompt) >= MIN_CONTEXT_WORDS + 1;
}

