import type { AnalyzedParagraph, Sentence, Word } from './analyze';
import {
  ANAPHORA,
  ANAPHORIC_OPENERS,
  ASIDE_OPENERS,
  CONNECTIVES,
  isStopword,
  keyness,
  PREPOSITIONAL_PARTICIPLES,
  rootKey,
  SPECIFIC,
  specificity,
  stem,
  STRUCTURE_WORDS,
} from './lexicon';

/** A span of a paragraph in UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

/**
 * A prompt unit: a sentence (or, for a very long sentence, one of its clauses), minus any opening connective
 * that needs the previous sentence ("In response, …").
 */
export interface Unit {
  section: number;
  paragraph: number;
  /** Index of the unit within its section, in reading order. */
  order: number;
  para: AnalyzedParagraph;
  words: Word[];
  /** Where the prompt text starts and ends in the paragraph. */
  start: number;
  end: number;
  /** The source quote: the whole sentence (or clause). */
  quoteStart: number;
  quoteEnd: number;
  /** The prompt had its opening connective dropped, so its first letter is capitalised. */
  capitalise: boolean;
  /** The unit ends inside its sentence (a clause), so the prompt ends with an ellipsis. */
  clause: boolean;
  firstInParagraph: boolean;
  /** Filled in by the ranking: how central the sentence is to its section, in [0, 1]. */
  centrality: number;
}

export type Kind = 'cloze' | 'qa' | 'list';

export interface Candidate {
  kind: Kind;
  unit: Unit;
  /** The hidden spans (cloze, list) or the answer span (qa), in the paragraph. */
  answers: Span[];
  text?: string;
  front?: string;
  back?: string;
  /** Quality of what is asked, before the sentence's centrality is applied. */
  value: number;
  score: number;
  /** Normalised answer, to refuse duplicates. */
  key: string;
  /** The answer is a generic phrase ("a certain amount", "the actual data"): kept only when nothing better exists. */
  generic?: boolean;
}

/** Corpus statistics the scores need: how often each stem occurs in the study text of the article. */
export interface TermStats {
  stemCounts: Map<string, number>;
  /** Lower-cased words seen capitalised in mid-sentence: names, which keep their capital in a question. */
  properWords: Set<string>;
  /** Stems of the title, the dek and the headings. */
  topicStems: Set<string>;
  /** Stems of the title alone. */
  titleStems: Set<string>;
  /** Lower-cased words of the study text and how often each occurs. */
  wordCounts: Map<string, number>;
  /** Lower-cased pairs of adjacent words ("open source") and how often each occurs. */
  bigrams: Map<string, number>;
  /** Words of the study text. */
  totalWords: number;
}

export const MAX_PROMPT_WORDS = 40;
export const MIN_CONTEXT_WORDS = 8;
export const MAX_ANSWER_WORDS = 8;
export const MAX_QA_ANSWER_WORDS = 15;

const HEAD = new Set(['NOUN', 'PROPN', 'NUM']);

export function countWords(text: string): number {
  return text
    .replace(/\{\{c\d+::|\}\}/g, ' ')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function isContent(w: Word): boolean {
  return /[\p{L}\p{N}]/u.test(w.text) && !isStopword(w.lower) && w.pos !== 'PUNCT';
}

const GERUND_OK_AFTER = new Set(['DET', 'ADJ', 'CCONJ', 'NUM']);

function isPremod(w: Word, next: Word | undefined, prev: Word | undefined): boolean {
  if (isStopword(w.lower) || !/[\p{L}\p{N}]/u.test(w.text)) return false;
  const ing = /ing$/.test(w.lower) && w.lower.length > 5;
  // "…, guiding actions", "by strengthening customary law": a gerund, not an adjective
  if (ing && (w.pos === 'ADJ' || w.pos === 'VERB') && (!prev || prev.text === ',' || prev.pos === 'ADV' || prev.pos === 'SCONJ')) {
    return false;
  }
  if (w.pos === 'ADJ' || HEAD.has(w.pos)) return true;
  if (w.pos !== 'VERB' || !next || !(next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ')) return false;
  if (ing) return !!prev && GERUND_OK_AFTER.has(prev.pos) && next.pos !== 'ADJ';
  return /ed$/.test(w.lower) && !(prev && (prev.pos === 'NOUN' || prev.pos === 'PROPN'));
}

// ---------------------------------------------------------------------------------------------------------
// Units

const LEADING_CONNECTIVES = [...CONNECTIVES].sort((a, b) => b.length - a.length);

/** Splits the analysed paragraphs of one section into prompt units. */
export function buildUnits(section: number, paragraphs: { index: number; para: AnalyzedParagraph }[]): Unit[] {
  const units: Unit[] = [];
  for (const { index, para } of paragraphs) {
    para.sentences.forEach((sentence, si) => {
      for (const piece of clauses(sentence)) {
        const unit = makeUnit(section, index, para, piece, si === 0 && piece.words[0] === sentence.words[0]);
        if (unit) {
          unit.order = units.length;
          units.push(unit);
        }
      }
    });
  }
  return units;
}

/** A sentence longer than a prompt may be is cut at its strongest clause boundaries. */
function clauses(sentence: Sentence): { words: Word[]; clause: boolean }[] {
  if (sentence.words.filter((w) => /[\p{L}\p{N}]/u.test(w.text)).length <= MAX_PROMPT_WORDS) {
    return [{ words: sentence.words, clause: false }];
  }
  const pieces: { words: Word[]; clause: boolean }[] = [];
  let from = 0;
  const words = sentence.words;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    const strong = w.text === ';' || w.text === ':';
    const weak =
      w.text === ',' && !!next && ['while', 'whereas', 'although', 'though', 'but', 'yet', 'which'].includes(next.lower);
    if ((strong || weak) && i - from >= 6) {
      pieces.push({ words: words.slice(from, i + 1), clause: true });
      from = i + 1;
    }
  }
  if (from < words.length) pieces.push({ words: words.slice(from), clause: pieces.length > 0 });
  // a later clause opening with a subordinator ("…, while its plume …") leans on the one before
  return pieces.filter((p, i) => i === 0 || !['while', 'whereas', 'although', 'though', 'but', 'yet', 'which'].includes(p.words[0]?.lower ?? ''));
}

function makeUnit(
  section: number,
  paragraph: number,
  para: AnalyzedParagraph,
  piece: { words: Word[]; clause: boolean },
  firstInParagraph: boolean,
): Unit | undefined {
  let words = piece.words;
  const quoteStart = words[0]!.start;
  const last = words[words.length - 1]!;
  let quoteEnd = last.end;
  let promptEnd = last.end;
  let clause = false;
  if (/^[,;:]$/.test(last.text)) {
    // a clause cut before its end: the quote stops before the punctuation, the prompt ends with "…"
    words = words.slice(0, -1);
    quoteEnd = words[words.length - 1]?.end ?? quoteEnd;
    promptEnd = quoteEnd;
    clause = true;
  }
  // Drop an opening connective, or an opening phrase that points back ("To counteract this, …").
  let capitalise = false;
  const lowerText = para.masked.slice(quoteStart, promptEnd).toLowerCase();
  for (const c of LEADING_CONNECTIVES) {
    if (lowerText.startsWith(`${c} `) || lowerText.startsWith(`${c},`)) {
      const n = c.split(' ').length;
      let k = n;
      if (words[k]?.text === ',') k++;
      // "Equally important is …" is an inversion, not a connective
      else if (words[k] && (words[k]!.pos === 'ADJ' || words[k]!.pos === 'AUX' || words[k]!.pos === 'VERB')) break;
      words = words.slice(k);
      capitalise = true;
      break;
    }
  }
  if (!capitalise) {
    const comma = words.findIndex((w) => w.text === ',');
    if (comma > 0 && comma <= 6 && words.slice(0, comma).some((w) => ANAPHORA.has(w.lower) || w.lower === 'that')) {
      const opener = words.slice(0, comma);
      // only an adverbial opener ("To counteract this", "After that"), never the subject itself
      if (opener[0] && (opener[0].pos === 'ADP' || opener[0].pos === 'PART' || opener[0].pos === 'ADV')) {
        words = words.slice(comma + 1);
        capitalise = true;
      }
    }
  }
  if (words.length === 0) return undefined;
  return {
    section,
    paragraph,
    order: 0,
    para,
    words,
    start: words[0]!.start,
    end: promptEnd,
    quoteStart,
    quoteEnd,
    capitalise,
    clause,
    firstInParagraph,
    centrality: 0,
  };
}

/** A prompt opening with a pronoun or demonstrative needs the previous sentence. */
export function opensWithAnaphora(words: Word[]): boolean {
  const first = words[0];
  if (!first) return true;
  if (ANAPHORIC_OPENERS.has(first.lower)) return true;
  if (first.lower === 'the' && words[1] && ['latter', 'former', 'same', 'above'].includes(words[1].lower)) return true;
  if (['some', 'others', 'one', 'both', 'many', 'most', 'few', 'several'].includes(first.lower)) {
    const next = words[1];
    return !!next && (next.pos === 'VERB' || next.pos === 'AUX');
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------
// Prompt text

const MARKUP = /<\/?[a-z][^>]*>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);|\*\*|__|`|\{\{|\}\}|\{%|%\}|\]\(|\[\[|\]\]/i;

/** A sentence holding markup, entities or cloze braces never becomes a card. */
export function hasMarkup(text: string): boolean {
  return MARKUP.test(text);
}

function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/ +(?=[.,;:!?)\]])/g, '')
    .trim();
}

/** The unit's text with the given spans hidden as c1 gaps (all gaps c1). */
export function clozeText(unit: Unit, gaps: Span[]): string {
  const { masked, text } = unit.para;
  let out = '';
  let at = unit.start;
  for (const g of [...gaps].sort((a, b) => a.start - b.start)) {
    out += masked.slice(at, g.start) + `{{c1::${text.slice(g.start, g.end)}}}`;
    at = g.end;
  }
  out += masked.slice(at, unit.end);
  out = tidy(out);
  if (unit.capitalise && /^\p{Ll}/u.test(out)) out = out[0]!.toUpperCase() + out.slice(1);
  if (unit.clause) out = `${out.replace(/[,;:]$/, '')} …`;
  return out;
}

function plainText(unit: Unit): string {
  return clozeText(unit, []);
}

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
function isNamedWord(w: Word, stats: TermStats, sentenceInitial: boolean): boolean {
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
function headIndex(words: Word[]): number {
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

/**
 * A gap that ends on a verb the tagger read as a noun: "the {{c1::compiler checks}}.", "the {{c1::stack stores}}
 * values", "these {{c1::two types deal}} with": a singular noun then an -s form, or a plural noun then a base
 * form, followed by what follows a verb.
 */
function endsOnVerb(answer: Word[], following: Word | undefined): boolean {
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
function splitsName(words: Word[], a: number, b: number): boolean {
  const cap = (w: Word | undefined): boolean => !!w && /^\p{Lu}/u.test(w.text) && /\p{L}/u.test(w.text);
  return (a > 0 && cap(words[a - 1]) && !isStopword(words[a - 1]!.lower) && cap(words[a])) || (cap(words[b]) && cap(words[b + 1]) && words[b + 1]!.start === words[b]!.end + 1);
}

/** A reference to a part of the document ("Chapter 3", "Listing 4-1", "section 5"). */
function isCrossReference(words: Word[], a: number, b: number): boolean {
  const numberLike = (w: Word | undefined): boolean => !!w && /^(?:\d+(?:[.\-–]\d+)*[a-z]?|[IVXLC]+|\p{Lu})$/u.test(w.text);
  for (let i = Math.max(0, a - 1); i <= b; i++) {
    if (STRUCTURE_WORDS.has(words[i]!.lower) && numberLike(words[i + 1]) && i + 1 >= a) return true;
  }
  return false;
}

/** True when a gap would cut through a word or a figure ("{{c1::10}}–12", "Node.{{c1::js}}"). */
function cutsToken(text: string, s: Span): boolean {
  const before = text.slice(Math.max(0, s.start - 2), s.start);
  const after = text.slice(s.end, s.end + 2);
  return /[\p{L}\p{N}][-–/.]$|[\p{L}\p{N}]$/u.test(before) || /^[-–/.][\p{L}\p{N}]|^[\p{L}\p{N}]/u.test(after);
}

/**
 * A gap that splits a collocation the text keeps using ("open {{c1::source licenses}}"): the word outside and
 * the word inside occur together at least three times, and in at least half of the inner word's uses.
 */
function splitsCollocation(outer: Word | undefined, inner: Word, stats: TermStats, outerFirst: boolean): boolean {
  if (!outer || !isContent(outer) || outer.pos === 'PUNCT') return false;
  const pair = outerFirst ? `${outer.lower} ${inner.lower}` : `${inner.lower} ${outer.lower}`;
  const together = stats.bigrams.get(pair) ?? 0;
  return together >= 3 && together >= 0.5 * (stats.wordCounts.get(inner.lower) ?? Infinity);
}

/** An acronym in parentheses right after its own expansion: "garbage collector ({{c1::GC}})" gives itself away. */
function expandedAcronym(words: Word[], a: number, b: number): boolean {
  if (a !== b || words[a - 1]?.text !== '(' || !/^\p{Lu}{2,}s?$/u.test(words[a]!.text)) return false;
  const letters = words[a]!.text.replace(/s$/, '');
  const before = words.slice(Math.max(0, a - 1 - letters.length), a - 1);
  return before.map((w) => w.text[0]!.toUpperCase()).join('') === letters;
}

// ---------------------------------------------------------------------------------------------------------
// Noun phrases

interface Chunk {
  a: number;
  b: number;
  starts: number[];
}

/** Noun-phrase chunks from the parts of speech: premodifiers then a head, split where an adjective follows a noun. */
function chunks(words: Word[]): { chunks: Chunk[]; adjRuns: Chunk[] } {
  const out: Chunk[] = [];
  const adjRuns: Chunk[] = [];
  let i = 0;
  while (i < words.length) {
    if (!isPremod(words[i]!, words[i + 1], words[i - 1])) {
      i++;
      continue;
    }
    const a = i;
    let j = i;
    while (j + 1 < words.length && isPremod(words[j + 1]!, words[j + 2], words[j])) {
      const next = words[j + 1]!;
      const cur = words[j]!;
      if (next.pos === 'ADJ' && (cur.pos === 'NOUN' || cur.pos === 'PROPN')) break;
      j++;
    }
    let b = j;
    while (b >= a && !HEAD.has(words[b]!.pos)) b--;
    if (b >= a) {
      const starts = [a];
      for (let k = a + 1; k <= b; k++) {
        const prev = words[k - 1]!;
        if (prev.pos === 'ADJ' || prev.pos === 'VERB') starts.push(k);
      }
      out.push({ a, b, starts });
    } else {
      adjRuns.push({ a, b: j, starts: [a] });
    }
    i = j + 1;
  }
  return { chunks: out, adjRuns };
}

function span(words: Word[], a: number, b: number): Span {
  return { start: words[a]!.start, end: words[b]!.end };
}

/** Candidate answer phrases of a unit, as word-index ranges. */
export function phrases(words: Word[]): [number, number, boolean][] {
  const { chunks: cs, adjRuns } = chunks(words);
  const byStart = new Map<number, Chunk>();
  for (const c of cs) byStart.set(c.a, c);
  const found: [number, number][] = [];
  const named = new Set<string>();
  const add = (a: number, b: number): void => {
    const n = b - a + 1;
    if (n < 1 || n > MAX_ANSWER_WORDS) return;
    if (isStopword(words[a]!.lower) || isStopword(words[b]!.lower)) return;
    found.push([a, b]);
  };
  const following = (idx: number): Chunk | undefined => {
    let k = idx;
    if (words[k]?.pos === 'DET' && !['this', 'these', 'those', 'that', 'such'].includes(words[k]!.lower)) k++;
    return byStart.get(k);
  };
  for (const c of cs) {
    for (const s of c.starts) {
      add(s, c.b);
      const next = words[c.b + 1];
      if (next?.lower === 'of') {
        const c2 = following(c.b + 2);
        if (c2) {
          add(s, c2.b);
          if (words[c2.b]!.pos === 'PROPN' || words[c.b]!.pos === 'PROPN' || words[c.b]!.pos === 'NUM') named.add(`${s}:${c2.b}`);
          const conj = words[c2.b + 1];
          if (conj && (conj.lower === 'and' || conj.lower === 'or')) {
            const c3 = following(c2.b + 2);
            if (c3 && c3.b - c3.a < 3 && c2.b - c2.a < 3) add(s, c3.b);
          }
        }
      }
      if (next && (next.lower === 'and' || next.lower === 'or')) {
        const c2 = byStart.get(c.b + 2);
        // like with like: "necessity and proportionality", not "the UN Charter and evolving jurisprudence"
        const named = (x: Chunk): boolean => words[x.b]!.pos === 'PROPN';
        if (c2 && s === c.a && c.b - s < 4 && c2.b - c2.a < 4 && named(c) === named(c2)) add(s, c2.b);
      }
    }
  }
  for (const r of adjRuns) {
    const conj = words[r.b + 1];
    if (conj && (conj.lower === 'and' || conj.lower === 'or')) {
      const c2 = byStart.get(r.b + 2);
      if (c2 && words[c2.a]!.pos === 'ADJ') add(r.a, c2.b);
    }
  }
  return found.map(([a, b]) => [a, b, named.has(`${a}:${b}`)]);
}

// ---------------------------------------------------------------------------------------------------------
// Checks shared by every kind

function roots(words: Word[]): Set<string> {
  const out = new Set<string>();
  for (const w of words) if (isContent(w) && w.lower.length > 2) out.add(rootKey(w.lower));
  return out;
}

const hasWordChar = (w: Word): boolean => /[\p{L}\p{N}]/u.test(w.text);

/** How often each root of `roots` occurs in the words: the answer's roots recur in its context when the unit has more. */
function rootCounts(words: Word[]): Map<string, number> {
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
function outside(words: Word[], ranges: [number, number][]): Word[] {
  return words.filter((_, i) => !ranges.some(([a, b]) => i >= a && i <= b));
}

function givenAway(answerWords: Word[], promptWords: Word[]): boolean {
  const r = roots(promptWords);
  for (const k of roots(answerWords)) if (r.has(k)) return true;
  return false;
}

function answerKey(words: Word[]): string {
  return words
    .filter(isContent)
    .map((w) => stem(w.text))
    .join(' ');
}

function anaphoraPenalty(words: Word[]): number {
  let n = 0;
  for (const w of words) if (ANAPHORA.has(w.lower) && w.pos !== 'ADJ') n++;
  return Math.max(0.5, 1 - 0.12 * n);
}

function usable(unit: Unit): boolean {
  const text = unit.para.masked.slice(unit.start, unit.end);
  if (hasMarkup(text) || hasMarkup(unit.para.text.slice(unit.start, unit.end).replace(/\[[^\]]*\]/g, ''))) return false;
  if (opensWithAnaphora(unit.words)) return false;
  // "— @author, "Title"": the attribution of a quotation
  if (/^[-–—]$/.test(unit.words[0]!.text) || /(?:^|\s)@\w/.test(text)) return false;
  // code inside a sentence ("let s2 = s1;", "fn main() {") makes no prompt
  if (/[{}]|\s=\s|::|\(\)/.test(text)) return false;
  return countWords(plainText(unit)) >= MIN_CONTEXT_WORDS + 1;
}

// ---------------------------------------------------------------------------------------------------------
// Cloze

/** Index of the comma that opens a trailing subordinate or participle clause (", trying to …", ", while …"). */
export function subordinateFrom(words: Word[]): number {
  for (let i = 3; i + 1 < words.length; i++) {
    if (words[i]!.text !== ',') continue;
    const next = words[i + 1]!;
    if (next.pos === 'SCONJ' || ['which', 'where', 'while', 'though', 'although', 'whereas'].includes(next.lower)) return i;
    if ((next.pos === 'VERB' || next.pos === 'ADJ') && /ing$/.test(next.lower)) return i;
  }
  return words.length;
}

const REPORTING_VERBS = new Set(
  (
    'say argue advocate emphasize emphasise stress highlight contend insist warn urge debate point claim note ' +
    'suggest believe maintain assert propose recommend call observe caution remark report write think'
  ).split(/\s+/),
);

/**
 * Cloze candidates of a unit. `relaxed` accepts commoner single-word answers: it is used only for a paragraph
 * that would otherwise get no card at all.
 */
export function clozeCandidates(unit: Unit, stats: TermStats, relaxed = false): Candidate[] {
  if (!usable(unit)) return [];
  const words = unit.words;
  const out: Candidate[] = [];
  const total = countWords(plainText(unit));
  if (total > MAX_PROMPT_WORDS) return [];
  const penalty = anaphoraPenalty(words);
  const seen = new Set<string>();
  const unitWords = { count: words.filter(hasWordChar).length, roots: rootCounts(words) };
  for (const [a, b, fullName] of phrases(words)) {
    const answer = words.slice(a, b + 1);
    const s = span(words, a, b);
    // a figure keeps its unit: "{{c1::10%}}", not "{{c1::10}}%"
    if (/\d$/.test(words[b]!.text) && unit.para.text[s.end] === '%') s.end++;
    const id = `${s.start}:${s.end}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (unit.para.masked.slice(s.start, s.end) !== unit.para.text.slice(s.start, s.end)) continue;
    const following = words[b + 1];
    if (following && following.start === words[b]!.end + 1 && (following.pos === 'ADJ' || HEAD.has(following.pos))) continue;
    if (isCrossReference(words, a, b) || cutsToken(unit.para.text, s) || expandedAcronym(words, a, b)) continue;
    // "[{{c1::NTP}}]": a reference label in brackets
    if (words[a - 1]?.text === '[') continue;
    if (splitsCollocation(words[a - 1], answer[0]!, stats, true) || splitsCollocation(following, answer[answer.length - 1]!, stats, false)) continue;
    if (endsOnVerb(answer, following) || splitsName(words, a, b)) continue;
    // "to {{c1::relicense Firefox}}": after an infinitive marker the gap opens with a verb
    // ("from X to Y" is a range, not an infinitive)
    if (words[a - 1]?.lower === 'to' && words[a - 1]!.pos === 'PART' && !words.slice(Math.max(0, a - 8), a - 1).some((w) => w.lower === 'from')) continue;
    // "In some {{c1::cases copyright}} will …": a generic plural noun before another noun ends one phrase
    if (answer.slice(0, -1).some((w, i) => w.pos === 'NOUN' && stem(w.lower) !== w.lower && HEAD.has(answer[i + 1]!.pos) && termhood(w, stats) < SPECIFIC)) continue;
    const last = answer[answer.length - 1]!;
    // a "noun" followed straight by an article is a verb the tagger missed ("Listing 4-1 shows a …", "literal using the …")
    if (following && ['a', 'an', 'the'].includes(following.lower) && last.pos === 'NOUN' && following.start === last.end + 1) continue;
    // "Mozilla announced": a past tense read as a noun after a name or a noun
    if (answer.length > 1 && last.pos === 'NOUN' && /[^e]ed$/.test(last.lower) && last.lower.length > 5) {
      const before = answer[answer.length - 2]!;
      if (before.pos === 'PROPN' || before.pos === 'NOUN') continue;
    }
    // the context: at least 8 words, and none of the answer's words (counted over the unit, less the answer)
    if (unitWords.count - answer.filter(hasWordChar).length < MIN_CONTEXT_WORDS) continue;
    const answerRoots = rootCounts(answer);
    if ([...answerRoots].some(([k, n]) => (unitWords.roots.get(k) ?? 0) > n)) continue;
    // a two-letter acronym ("GC") is given away when it stands elsewhere in the prompt
    if (answer.some((w) => /^\p{Lu}{2}s?$/u.test(w.text) && words.filter((x) => x.text === w.text).length > answer.filter((x) => x.text === w.text).length)) continue;
    let value = termValue(answer, stats);
    // a generic phrase ("a certain amount", "the actual data") asks what anyone could guess
    const generic = isGenericPhrase(answer, stats, words[0]);
    if (generic) value *= 0.45;
    // the full name of a named thing ("Article 51 of the UN Charter") beats its parts
    if (fullName) value += 0.08;
    // a contrast ("distinguish between X and Y") is worth asking about
    if (words[a - 1]?.lower === 'between' && answer.some((w) => w.lower === 'and')) value += 0.1;
    const contentCount = answer.filter(isContent).length;
    if (contentCount === 1 && specificity(answer[answer.length - 1]!.text) < (relaxed ? 0.3 : 0.5)) continue;
    // the main clause carries what the sentence asserts; a trailing participle or subordinate clause less so
    if (a > subordinateFrom(words)) value *= 0.85;
    // hiding the article's own subject ("Git" in an article on Git) asks nothing
    if (answer.filter(isContent).every((w) => stats.titleStems.has(stem(w.text)))) value *= 0.6;
    // "The evolving framework …" at the start of a sentence mostly points back to something said before
    if (a === 1 && words[0]!.lower === 'the' && !answer.some((w) => w.lower === 'of')) value *= 0.8;
    // hiding the subject at the very start leaves a prompt that begins with a gap: slightly worse
    if (a === 0) value *= 0.92;
    // who said it ("legal scholars advocate …") is rarely what a reader should remember
    const after = words[b + 1];
    if (after && (after.pos === 'VERB' || after.pos === 'NOUN') && REPORTING_VERBS.has(after.lemma)) value *= 0.6;
    value *= penalty;
    out.push({
      kind: 'cloze',
      unit,
      answers: [s],
      text: clozeText(unit, [s]),
      value,
      score: 0,
      key: answerKey(answer),
      generic,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Commands and paths in technical prose

/** A command with its flags ("git branch -d", "ls --all") or a path-like name ("origin/main"). */
const COMMAND = /(?<![\w-])(?:[A-Za-z][\w.]* ){0,3}-{1,2}[a-z][\w-]*(?: -{1,2}[a-z][\w-]*)*|(?<![\w/.-])[\w.-]+\/[\w./-]*\w/g;

/** True when an answer is one technical token, which a reader recalls whole (so only the whole may not recur). */
export function isCodeLike(answer: string): boolean {
  return /(?:^|\s)-{1,2}[a-z]|\w\/\w/.test(answer);
}

export function commandCandidates(unit: Unit, stats: TermStats): Candidate[] {
  if (!usable(unit)) return [];
  const { text, masked } = unit.para;
  const region = masked.slice(unit.start, unit.end);
  const out: Candidate[] = [];
  for (const m of region.matchAll(COMMAND)) {
    let answer = m[0];
    let start = unit.start + m.index;
    // drop leading function words and a capitalised sentence opener ("Run git branch --list")
    for (;;) {
      const first = /^(\S+)\s+/.exec(answer);
      if (!first || !(isStopword(first[1]!) || /^\p{Lu}/u.test(first[1]!))) break;
      answer = answer.slice(first[0].length);
      start += first[0].length;
    }
    const end = start + answer.length;
    if (text.slice(start, end) !== answer || countWords(answer) > MAX_ANSWER_WORDS) continue;
    const before = masked.slice(unit.start, start);
    const after = masked.slice(end, unit.end);
    if (countWords(before) + countWords(after) < MIN_CONTEXT_WORDS) continue;
    if (`${before} ${after}`.includes(answer)) continue;
    const parts = unit.words.filter((w) => w.start >= start && w.end <= end);
    const value = 0.7 + 0.1 * Math.min(1, (stats.stemCounts.get(stem(parts[parts.length - 1]?.text ?? '')) ?? 1) / 4);
    const gap = { start, end };
    out.push({ kind: 'cloze', unit, answers: [gap], text: clozeText(unit, [gap]), value, score: 0, key: answer.toLowerCase() });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// List cloze

const ITEM_INNER_ADP = new Set(['of', 'to', 'for', 'in', 'on', 'across', 'against', 'with']);

function isItemWord(w: Word): boolean {
  return w.pos === 'ADJ' || HEAD.has(w.pos) || (w.pos === 'VERB' && /(ing|ed)$/.test(w.lower));
}

/** Trims an item to start and end on content words; undefined if nothing is left. */
function trimItem(words: Word[], a: number, b: number): [number, number] | undefined {
  while (a <= b && (isStopword(words[a]!.lower) || words[a]!.pos === 'DET' || words[a]!.pos === 'PUNCT')) a++;
  while (b >= a && (isStopword(words[b]!.lower) || words[b]!.pos === 'PUNCT' || words[b]!.pos === 'ADP')) b--;
  if (a > b) return undefined;
  if (b - a + 1 > 6) return undefined;
  return [a, b];
}

function validItem(words: Word[], a: number, b: number): boolean {
  for (let k = a; k <= b; k++) {
    const w = words[k]!;
    if (w.pos === 'VERB' && k > a && !(/ed$/.test(w.lower) && words[k + 1] && HEAD.has(words[k + 1]!.pos))) return false;
    if (isItemWord(w)) continue;
    if (k > a && k < b && (ITEM_INNER_ADP.has(w.lower) || w.pos === 'DET')) continue;
    return false;
  }
  const last = words[b]!;
  return HEAD.has(last.pos) || last.pos === 'ADJ';
}

/** Sentences enumerating three or more items ("A, B, and C"): all items hidden together. */
export function listCandidates(unit: Unit, stats: TermStats): Candidate[] {
  if (!usable(unit)) return [];
  const words = unit.words;
  if (countWords(plainText(unit)) > MAX_PROMPT_WORDS) return [];
  const out: Candidate[] = [];
  const startsWithGerund = (i: number): boolean => words[i]!.pos === 'VERB' && /ing$/.test(words[i]!.lower);
  for (let j = 1; j < words.length; j++) {
    const conj = words[j]!;
    if (conj.lower !== 'and' && conj.lower !== 'or') continue;
    // the last item: after the conjunction, while the words still belong to a phrase
    let b = j + 1;
    while (b < words.length && (words[b]!.pos === 'DET' || isStopword(words[b]!.lower)) && b - j < 3) b++;
    const lastStart = b;
    while (b < words.length) {
      const w = words[b]!;
      if (b > lastStart && w.pos === 'VERB' && HEAD.has(words[b - 1]!.pos)) break; // "populations living under …"
      if (isItemWord(w) && !(w.pos === 'VERB' && b > lastStart && !/(ing|ed)$/.test(w.lower))) {
        b++;
        continue;
      }
      if (w.lower === 'of' && b + 1 < words.length && b > lastStart) {
        b++;
        continue;
      }
      break;
    }
    const last = trimItem(words, lastStart, b - 1);
    if (!last || !validItem(words, last[0], last[1])) continue;
    const gerunds = startsWithGerund(last[0]);
    // the separators going back: the comma before the conjunction (Oxford) and the commas before it
    const k = words[j - 1]!.text === ',' ? j - 1 : j;
    const commas: number[] = [];
    for (let i = k - 1; i >= 0; i--) {
      if (words[i]!.text === ',') commas.push(i);
      else if (/^[;:()—–]$/.test(words[i]!.text) || words[i]!.pos === 'SCONJ' || ['and', 'or', 'as', 'because', 'since', 'while', 'whereas'].includes(words[i]!.lower)) break;
    }
    if (commas.length === 0) continue;
    const items: [number, number][] = [last];
    const seps = [k, ...commas];
    let firstEnd = -1;
    for (let s = 0; s < seps.length; s++) {
      const right = seps[s]!;
      const left = seps[s + 1];
      const t = left === undefined ? undefined : trimItem(words, left + 1, right - 1);
      if (left === undefined || !t || right - left - 1 > 7 || !validItem(words, t[0], t[1]) || startsWithGerund(t[0]) !== gerunds) {
        firstEnd = right - 1;
        break;
      }
      items.unshift(t);
    }
    if (firstEnd < 0) continue;
    // the first item: extend left from its separator while the words still belong to a phrase
    let a = firstEnd;
    let crossedAt = -1;
    while (a - 1 >= 0) {
      const w = words[a - 1]!;
      if (w.pos === 'VERB' && /ing$/.test(w.lower)) {
        if (gerunds) a--;
        break;
      }
      if (isItemWord(w)) {
        a--;
        continue;
      }
      // "clear attribution of aggression", but not "the importance of | sunset clauses" or "requires scrutiny of | …"
      const before = words[a - 2];
      const beforeThat = words[a - 3];
      if (w.lower === 'of' && before && isItemWord(before) && before.pos !== 'VERB' && !(beforeThat && (beforeThat.pos === 'DET' || beforeThat.pos === 'VERB'))) {
        a--;
        continue;
      }
      // "advocate clear rules on attribution, …": a noun's own prepositional phrase belongs to the item
      if (w.lower !== 'of' && ITEM_INNER_ADP.has(w.lower) && before && (before.pos === 'NOUN' || before.pos === 'PROPN') && firstEnd - a < 3 && crossedAt < 0) {
        crossedAt = a;
        a--;
        continue;
      }
      break;
    }
    // …but only when that noun is the verb's object ("advocate clear rules on …", not "calls for clearer guidelines on …")
    const verb = words[a - 1];
    if (crossedAt >= 0 && !(verb && verb.pos === 'VERB' && !/(ing|ed)$/.test(verb.lower))) a = crossedAt;
    const first = trimItem(words, a, firstEnd);
    if (!first || !validItem(words, first[0], first[1]) || startsWithGerund(first[0]) !== gerunds) continue;
    items.unshift(first);
    if (items.length < 3 || items.length > 7) continue;
    // a lone verb ("should be preferred, with …") is no item of an enumeration
    if (items.some(([x, y]) => x === y && (words[x]!.pos === 'VERB' || (words[x]!.pos === 'ADJ' && /ed$/.test(words[x]!.lower))))) continue;
    const gaps = items.map(([x, y]) => span(words, x, y));
    if (gaps.some((g) => unit.para.masked.slice(g.start, g.end) !== unit.para.text.slice(g.start, g.end))) continue;
    const itemWords = items.flatMap(([x, y]) => words.slice(x, y + 1));
    const context = outside(words, items);
    if (countWords(context.map((w) => w.text).join(' ')) < MIN_CONTEXT_WORDS) continue;
    if (givenAway(itemWords, context)) continue;
    const values = items.map(([x, y]) => termValue(words.slice(x, y + 1), stats));
    const mean = values.reduce((p, q) => p + q, 0) / values.length;
    const value = (mean + 0.12) * anaphoraPenalty(words);
    out.push({
      kind: 'list',
      unit,
      answers: gaps,
      text: clozeText(unit, gaps),
      value,
      score: 0,
      key: items.map(([x, y]) => answerKey(words.slice(x, y + 1))).join(' | '),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Question and answer

/** Verbs that define, explain or relate (`X requires Y`, `X hinges on Y`); general English, not topic words. */
const EXPLAIN_VERBS = new Set(
  (
    'require demand need involve include comprise contain consist mean denote refer define describe explain ' +
    'clarify determine depend hinge rely rest ground base emphasize emphasise stress highlight underline ' +
    'underscore advocate urge insist favor favour prefer recognize recognise allow permit prohibit forbid ' +
    'prevent enable cause produce provide ensure measure represent call argue propose recommend establish ' +
    'govern regulate protect reduce increase undermine complicate shape identify distinguish combine replace ' +
    'generate create convert store return accept support implement compute calculate encode compare apply ' +
    'contend hold maintain state assert claim point limit restrict grant confer impose entail imply constitute ' +
    'form become raise treat use'
  ).split(/\s+/),
);

const PARTICLES = new Set(['on', 'to', 'for', 'in', 'of', 'as', 'between', 'with', 'into', 'from', 'against', 'upon']);
const MODALS = new Set(['can', 'could', 'may', 'might', 'must', 'shall', 'should', 'will', 'would', 'has', 'have', 'had', 'does', 'do', 'did']);

function lowerFirst(words: Word[], text: string, stats: TermStats, unitWords: Word[]): string {
  const first = words[0];
  if (!first || first !== unitWords[0]) return text;
  if (!/^\p{Lu}(?:\p{Ll}|$)/u.test(first.text)) return text;
  if (stats.properWords.has(first.lower)) return text;
  return first.lower + text.slice(first.text.length);
}

/** The noun phrase a clause opens with: DET? chunk (of DET? chunk)? — at most 8 words, not anaphoric. */
function subjectAt(words: Word[], from: number): number | undefined {
  let i = from;
  const det = words[i];
  if (det && det.pos === 'DET') {
    if (['this', 'these', 'those', 'that', 'such', 'some', 'any', 'each', 'another'].includes(det.lower)) return undefined;
    i++;
  }
  const first = words[i];
  if (i === from && first && first.pos === 'VERB' && /ing$/.test(first.lower) && words[i + 1]?.pos === 'AUX') return i;
  const { chunks: cs } = chunks(words.slice(i, i + 9));
  const c = cs[0];
  if (!c || c.a !== 0) return undefined;
  let end = i + c.b;
  if (words[end + 1]?.lower === 'of') {
    let k = end + 2;
    if (words[k]?.pos === 'DET') k++;
    const { chunks: c2 } = chunks(words.slice(k, k + 6));
    if (c2[0] && c2[0].a === 0) end = k + c2[0].b;
  }
  if (end - from + 1 > 8) return undefined;
  if (words.slice(from, end + 1).some((w) => ANAPHORA.has(w.lower))) return undefined;
  return end;
}

/** The object after a verb: up to a clause boundary, lists included. */
function objectFrom(words: Word[], from: number): [number, number] | undefined {
  if (from >= words.length) return undefined;
  let clauseObject = false;
  if (words[from]!.lower === 'that' && words[from]!.pos === 'SCONJ') {
    from++;
    clauseObject = true;
  }
  let k = from;
  while (k < words.length) {
    const w = words[k]!;
    const next = words[k + 1];
    if (/^[.;:?!—–()]$/.test(w.text)) break;
    if (!clauseObject) {
      if (w.pos === 'SCONJ' || (w.pos === 'PRON' && k > from) || (w.pos === 'ADV' && ['when', 'where', 'while', 'as'].includes(w.lower))) break;
      if (w.lower === 'to' && next && next.pos === 'VERB' && !/ing$/.test(next.lower)) break;
      if (w.text === ',' && next && (next.pos === 'VERB' || next.pos === 'SCONJ' || next.pos === 'ADV' || next.pos === 'PRON' || /ing$/.test(next.lower))) break;
      if (w.lower === 'not' || w.lower === 'but') break;
      if (w.pos === 'VERB' && k > from && !/(ing|ed)$/.test(w.lower)) break;
      if (w.pos === 'VERB' && k > from && HEAD.has(words[k - 1]!.pos) && !(next && HEAD.has(next.pos))) break;
    } else if (w.text === ',' && next && (next.pos === 'VERB' || next.pos === 'SCONJ')) break;
    k++;
  }
  let b = k - 1;
  // commas inside an answer only as a list: "A, B, and C"
  const commas = words.slice(from, b + 1).map((w, i) => (w.text === ',' ? from + i : -1)).filter((i) => i >= 0);
  const lastComma = commas[commas.length - 1];
  if (lastComma !== undefined && !words.slice(lastComma + 1, b + 1).some((w) => w.lower === 'and' || w.lower === 'or')) {
    b = commas[0]! - 1;
  }
  while (b >= from && (isStopword(words[b]!.lower) || words[b]!.pos === 'PUNCT' || words[b]!.pos === 'ADP')) b--;
  if (b < from) return undefined;
  return [from, b];
}

function verbPhrase(
  words: Word[],
  subjectEnd: number,
): { aux?: Word; verb: Word; verbIndex: number; adverbs: Word[]; particle?: Word; objectStart: number } | undefined {
  let i = subjectEnd + 1;
  let aux: Word | undefined;
  const adverbs: Word[] = [];
  while (i < words.length && words[i]!.pos === 'ADV' && adverbs.length < 2) adverbs.push(words[i++]!);
  if (words[i] && words[i]!.pos === 'AUX' && MODALS.has(words[i]!.lower)) aux = words[i++];
  while (i < words.length && words[i]!.pos === 'ADV' && adverbs.length < 3) adverbs.push(words[i++]!);
  const verb = words[i];
  if (!verb || verb.pos !== 'VERB') return undefined;
  const verbIndex = i;
  let particle: Word | undefined;
  const next = words[i + 1];
  if (next && next.pos === 'ADP' && PARTICLES.has(next.lower)) particle = next;
  const objectStart = particle ? i + 2 : i + 1;
  return { ...(aux ? { aux } : {}), verb, verbIndex, adverbs, ...(particle ? { particle } : {}), objectStart };
}

function isPlural(words: Word[]): boolean {
  const head = words[words.length - 1];
  if (!head) return false;
  if (words.some((w) => w.lower === 'and')) return true;
  return (head.lower !== head.lemma || stem(head.lower) !== head.lower) && /s$/.test(head.lower) && !/(ss|us|is)$/.test(head.lower);
}

/**
 * What a question's answer must be: a term (a name, an expansion), a noun phrase that says what something is,
 * or any complete clause ("… emphasize that X").
 */
export type AnswerShape = 'term' | 'np' | 'clause';

const RELATIVIZERS = new Set(['who', 'whom', 'whose', 'which', 'that', 'what', 'how', 'whether', 'where', 'when', 'why']);

/**
 * Why an answer is a fragment rather than something to recall: it opens with a preposition, a participle used as
 * one, an adverb or an aside ("e.g.", "see"); it ends on a function word; it runs over a sentence end or leaves a
 * bracket open; a noun-phrase answer holds a finite verb of its own ("Something is broken", "contributors confirm"),
 * or is a generic phrase ("an unusual circumstance").
 */
export function badAnswer(answer: Word[], back: string, shape: AnswerShape, stats: TermStats): boolean {
  const first = answer[0];
  const last = answer[answer.length - 1];
  if (!first || !last) return true;
  if (/[.!?]\s+\S/.test(back) || /\[/.test(back) || /,\s*(?:and|but|or)\s+(?:is|are|was|were|has|have|had)\b/.test(back)) return true;
  if ((back.match(/\(/g) ?? []).length !== (back.match(/\)/g) ?? []).length) return true;
  if ((back.match(/["“”]/g) ?? []).length % 2 === 1) return true;
  if (isStopword(last.lower) || ['ADP', 'DET', 'CCONJ', 'SCONJ', 'PRON', 'AUX', 'PART'].includes(last.pos)) return true;
  if (shape === 'term') return false;
  const opener = first.lower.replace(/[,:;]$/, '');
  if (ASIDE_OPENERS.has(opener) || PREPOSITIONAL_PARTICIPLES.has(opener)) return true;
  if (['ADP', 'SCONJ', 'ADV', 'PART', 'AUX', 'CCONJ', 'PUNCT'].includes(first.pos)) return true;
  if (shape === 'clause') return false;
  if (first.pos === 'PRON' && !(first.lower.endsWith('one') || first.lower.endsWith('thing'))) return true;
  if (first.pos === 'VERB' && !/ing$/.test(first.lower)) return true;
  // a predicate adjective ("available for …"), not a noun phrase
  if (first.pos === 'ADJ' && answer[1]?.pos === 'ADP') return true;
  for (let i = 1; i < answer.length; i++) {
    const w = answer[i]!;
    if (RELATIVIZERS.has(w.lower) || w.text === ',') break;
    if (w.pos === 'AUX' || (w.pos === 'VERB' && !/(ing|ed|en)$/.test(w.lower))) return true;
  }
  if (!answer.some((w) => HEAD.has(w.pos)) && !(first.pos === 'VERB' && /ing$/.test(first.lower))) return true;
  return answer.filter(isContent).length <= 2 && isGenericPhrase(answer, stats, first);
}

function qaCandidate(
  unit: Unit,
  front: string,
  answer: [number, number],
  valueBase: number,
  stats: TermStats,
  shape: AnswerShape = 'np',
): Candidate | undefined {
  const words = unit.words;
  const [a, b] = answer;
  const answerWords = words.slice(a, b + 1);
  const s = span(words, a, b);
  const back = unit.para.text.slice(s.start, s.end);
  if (unit.para.masked.slice(s.start, s.end) !== back) return undefined;
  if (badAnswer(answerWords, back, shape, stats)) return undefined;
  if (countWords(back) > MAX_QA_ANSWER_WORDS || countWords(back) < 1) return undefined;
  if (countWords(front) > MAX_PROMPT_WORDS) return undefined;
  const content = answerWords.filter(isContent);
  if (content.length === 0) return undefined;
  if (content.length === 1 && specificity(content[0]!.text, content[0]!.lemma) < 0.6) return undefined;
  const frontWords = front
    .replace(/[?]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((t): Word => ({ text: t, lower: t.toLowerCase(), lemma: t.toLowerCase(), pos: 'X', start: 0, end: 0 }));
  if (givenAway(answerWords, frontWords)) return undefined;
  let value = valueBase * 0.35 + termValue(answerWords, stats, false) * 0.65;
  if (content.length === 1) value *= 0.65;
  return { kind: 'qa', unit, answers: [s], front, back, value, score: 0, key: answerKey(answerWords) };
}

export function qaCandidates(unit: Unit, stats: TermStats): Candidate[] {
  if (!usable(unit)) return [];
  const words = unit.words;
  const text = unit.para.masked;
  const out: Candidate[] = [];
  const subjectEnd = subjectAt(words, 0);
  const phraseText = (a: number, b: number): string => tidy(text.slice(words[a]!.start, words[b]!.end));

  // 1. Appositive definitions: "X — Y —", "X (Y)"
  for (let i = 1; i < words.length - 2; i++) {
    const open = words[i]!.text;
    if (!['—', '–', '('].includes(open)) continue;
    const close = open === '(' ? ')' : open;
    const j = words.findIndex((w, k) => k > i && w.text === close);
    if (j < 0) continue;
    const termEnd = i - 1;
    const { chunks: cs } = chunks(words.slice(0, i));
    const c = cs.find((x) => x.b === termEnd);
    if (!c) continue;
    let termStart = c.a;
    if (words[termStart - 1]?.pos === 'DET' && words[termStart - 1]!.lower === 'the') termStart--;
    const inner = words.slice(i + 1, j);
    if (inner.length === 1 && /^\p{Lu}{2,}$/u.test(inner[0]!.text)) {
      // an acronym: "Coordinated Universal Time (UTC)"
      const initials = words
        .slice(c.a, termEnd + 1)
        .map((w) => w.text[0])
        .join('');
      if (initials.toUpperCase() === inner[0]!.text) {
        const q = qaCandidate(unit, `What does ${inner[0]!.text} stand for?`, [c.a, termEnd], 0.8, stats, 'term');
        if (q) out.push(q);
      }
      continue;
    }
    if (inner.length < 2 || ANAPHORA.has(inner[0]!.lower)) continue;
    // in brackets, a definition reads "X (a …)" or "X (Y's …)"; anything else is an example or an aside
    if (open === '(' && !(['a', 'an', 'the'].includes(inner[0]!.lower) || /^['’]s$/.test(inner[1]?.text ?? ''))) continue;
    const t = trimItem(words, i + 1, j - 1) ?? [i + 1, j - 1];
    const def = [i + 1, j - 1] as [number, number];
    if (t[0] !== def[0]) continue;
    const termWords = words.slice(termStart, termEnd + 1);
    if (isGenericPhrase(termWords, stats, words[0])) continue;
    const termText = lowerFirst(termWords, phraseText(termStart, termEnd), stats, words);
    const q = qaCandidate(unit, `What ${isPlural(termWords) ? 'are' : 'is'} ${termText}?`, def, 0.95, stats);
    if (q) out.push(q);
  }

  if (subjectEnd === undefined || opensWithAnaphora(words)) return out;
  const subjectWords = words.slice(0, subjectEnd + 1);
  // "What is the function?", "What do projects rely on?": a bare common noun is no subject to ask about
  if (isGenericPhrase(subjectWords, stats, words[0])) return out;
  const subjectText = lowerFirst(subjectWords, phraseText(0, subjectEnd), stats, words);
  const subjectValue = termValue(subjectWords, stats);

  // 2. Copula definitions: "X is a Y …"; naming: "X is known as Y"
  let c = subjectEnd + 1;
  while (words[c]?.pos === 'ADV') c++;
  const cop = words[c];
  if (cop && cop.lemma === 'be' && cop.pos === 'AUX' && ['is', 'are', 'was', 'were'].includes(cop.lower)) {
    const after = words[c + 1];
    const named = after && ['known', 'called', 'termed', 'named', 'referred', 'defined'].includes(after.lower);
    if (named) {
      let k = c + 2;
      if (words[k] && ['as', 'to'].includes(words[k]!.lower)) k++;
      if (words[k]?.lower === 'as') k++;
      const obj = objectFrom(words, k);
      if (obj) {
        const particle = after.lower === 'referred' ? ' to as' : after.lower === 'defined' ? ' as' : words[c + 2]?.lower === 'as' ? ' as' : '';
        const q = qaCandidate(unit, `What ${cop.lower} ${subjectText} ${after.lower}${particle}?`, obj, subjectValue + 0.1, stats);
        if (q) out.push(q);
      }
    } else if (after && (after.pos === 'DET' || after.pos === 'NOUN' || after.pos === 'ADJ' || after.pos === 'PROPN')) {
      const obj = objectFrom(words, c + 1);
      if (obj && words.slice(obj[0], obj[1] + 1).some((w) => HEAD.has(w.pos)) && words[obj[1]]!.pos !== 'ADJ') {
        const q = qaCandidate(unit, `What ${cop.lower} ${subjectText}?`, obj, subjectValue + 0.05, stats);
        if (q) out.push(q);
      }
    }
    return out;
  }

  // 3. "X requires Y", "X hinges on Y", "X emphasizes that Y"
  const vp = verbPhrase(words, subjectEnd);
  if (!vp || !EXPLAIN_VERBS.has(vp.verb.lemma)) return out;
  const obj = objectFrom(words, vp.objectStart);
  if (!obj) return out;
  const adv = vp.adverbs
    .filter((w) => !isStopword(w.lower) && !CONNECTIVES.includes(w.lower))
    .map((w) => `${w.lower} `)
    .join('');
  const particle = vp.particle ? ` ${vp.particle.lower}` : '';
  let front: string;
  if (vp.aux) {
    front = `What ${vp.aux.lower} ${subjectText} ${adv}${vp.verb.lower}${particle}?`;
  } else {
    const past = /ed$/.test(vp.verb.lower) && vp.verb.lower !== vp.verb.lemma;
    const third = !past && vp.verb.lower !== vp.verb.lemma;
    const doVerb = past ? 'did' : third || !isPlural(subjectWords) ? (third ? 'does' : 'do') : 'do';
    front = `What ${doVerb} ${subjectText} ${adv}${vp.verb.lemma}${particle}?`;
  }
  const clauseObject = words[vp.objectStart]?.lower === 'that' && words[vp.objectStart]!.pos === 'SCONJ';
  const q = qaCandidate(unit, front, obj, subjectValue, stats, clauseObject ? 'clause' : 'np');
  if (q) out.push(q);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Definition paragraphs ("Term: description")

/** A definition paragraph (or a list item of that shape): a short term, a separator, a description. */
export function splitDefinition(text: string): { term: Span; description: Span } | undefined {
  const m = /^(\s*)([^\n:—–]{1,60}?)(\s*(?:\n|:\s|\s[—–-]\s|\t)\s*)(\S[\s\S]*)$/.exec(text);
  if (!m) return undefined;
  const term = m[2]!.trim();
  if (countWords(term) < 1 || countWords(term) > 6) return undefined;
  const start = m[1]!.length;
  const descStart = start + m[2]!.length + m[3]!.length;
  return { term: { start, end: start + term.length }, description: { start: descStart, end: text.trimEnd().length } };
}

export function definitionCandidates(unit: Unit, stats: TermStats, def: { term: Span; description: Span }): Candidate[] {
  const words = unit.words;
  const inside = (x: Span): number[] => words.flatMap((w, i) => (w.start >= x.start && w.end <= x.end ? [i] : []));
  const termIdx = inside(def.term);
  const descIdx = inside(def.description);
  if (termIdx.length === 0 || descIdx.length === 0) return [];
  const ta = termIdx[0]!;
  const tb = termIdx[termIdx.length - 1]!;
  const da = descIdx[0]!;
  let db = descIdx[descIdx.length - 1]!;
  if (hasMarkup(unit.para.text.slice(def.term.start, def.description.end))) return [];
  const termWords = words.slice(ta, tb + 1);
  const termText = lowerFirst(termWords, tidy(unit.para.text.slice(words[ta]!.start, words[tb]!.end)), stats, termWords);
  const value = termValue(termWords, stats) + 0.25;
  const out: Candidate[] = [];
  // the description's first sentence, without a bracket it leaves open
  const stop = words.findIndex((w, i) => i > da && i <= db && /^[.!?]$/.test(w.text));
  if (stop > da) db = stop - 1;
  while (db > da && words[db]!.pos === 'PUNCT') db--;
  const bracket = words.findIndex((w, i) => i > da && i <= db && w.text === '(');
  if (bracket > da && !words.slice(bracket, db + 1).some((w) => w.text === ')')) db = bracket - 1;
  while (db > da && words[db]!.pos === 'PUNCT') db--;
  // What is the term? The description, or its core before the first comma when the whole is too long.
  let end = db;
  if (countWords(tidy(unit.para.masked.slice(words[da]!.start, words[end]!.end))) > MAX_QA_ANSWER_WORDS) {
    const comma = words.findIndex((w, i) => i > da && i <= db && /^[,;(]$/.test(w.text));
    end = comma > da + 2 ? comma - 1 : -1;
  }
  if (end > da) {
    const q = qaCandidate(unit, `What ${isPlural(termWords) ? 'are' : 'is'} ${termText}?`, [da, end], value, stats);
    if (q) out.push(q);
  }
  // Which term is described? The term is the answer.
  const description = tidy(unit.para.masked.slice(words[da]!.start, words[db]!.end));
  // a description that asks questions, points back or is a clause of its own defines nothing
  const describes = !/\?/.test(description) && !opensWithAnaphora(words.slice(da)) && !badAnswer(words.slice(da, db + 1), description, 'np', stats);
  if (out.length === 0 && describes && countWords(description) + 5 <= MAX_PROMPT_WORDS && countWords(description) >= MIN_CONTEXT_WORDS) {
    const q = qaCandidate(unit, `Which term is defined as: “${description}”?`, [ta, tb], value, stats);
    if (q) out.push(q);
  }
  return out;
}
