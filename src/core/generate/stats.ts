import type { Article } from '../../shared/contract/models';
import { maskCitations } from './analyze';
import { paragraphKind, STUDY_KINDS, type GenerateOptions } from './kinds';
import { isStopword, specificity, stem } from './lexicon';
import { type SentencePlace, type TermStats, type Unit } from './model';
import { codeSpans } from './tokens';

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/** Article-wide statistics over the study text, cheap enough to compute even when one section is asked for. */
export function termStats(article: Article, options: GenerateOptions): TermStats {
  const stemCounts = new Map<string, number>();
  const properWords = new Set<string>();
  const wordCounts = new Map<string, number>();
  const bigrams = new Map<string, number>();
  let totalWords = 0;
  article.sections.forEach((section, s) => {
    if (!section.study) return;
    section.paragraphs.forEach((text, p) => {
      if (!STUDY_KINDS.has(paragraphKind(article, options, s, p))) return;
      const clean = maskCitations(text);
      let prev: { lower: string; end: number } | undefined;
      for (const m of clean.matchAll(WORD)) {
        const word = m[0];
        const lower = word.toLowerCase();
        totalWords++;
        wordCounts.set(lower, (wordCounts.get(lower) ?? 0) + 1);
        // adjacent words separated by spaces only: the raw material of collocations ("open source")
        if (prev && m.index > prev.end && spacesOnly(clean, prev.end, m.index)) {
          const k = `${prev.lower} ${lower}`;
          bigrams.set(k, (bigrams.get(k) ?? 0) + 1);
        }
        prev = { lower, end: m.index + word.length };
        for (const part of word.split('-')) {
          const k = stem(part);
          stemCounts.set(k, (stemCounts.get(k) ?? 0) + 1);
        }
        if (word.includes('-')) {
          const k = stem(word);
          stemCounts.set(k, (stemCounts.get(k) ?? 0) + 1);
        }
        // capitalised after a lower-case word or a comma: a name
        const before = clean.slice(Math.max(0, m.index - 3), m.index);
        if (/^\p{Lu}/u.test(word) && /[\p{Ll},;]\s+$/u.test(before)) properWords.add(word.toLowerCase());
      }
    });
  });
  const { templates, proseDefined, figures } = sentencesOf(article, options);
  const titleStems = new Set<string>();
  for (const m of article.title.matchAll(WORD)) if (!isStopword(m[0])) titleStems.add(stem(m[0]));
  const topicStems = new Set<string>();
  const topics = [article.title, article.meta.dek ?? '', ...article.sections.map((s) => s.heading ?? '')];
  for (const t of topics) for (const m of t.matchAll(WORD)) if (!isStopword(m[0])) topicStems.add(stem(m[0]));
  const articleVector = new Map<string, number>();
  let maxStemCount = 1;
  for (const [k, n] of stemCounts) {
    if (n > maxStemCount) maxStemCount = n;
    if (n > 1 && k.length > 2 && !isStopword(k)) articleVector.set(k, Math.log(1 + n) * specificity(k));
  }
  const subjectStems = new Set(titleStems);
  const frequent = Math.max(SUBJECT_MIN_COUNT, SUBJECT_RATE * totalWords);
  for (const [k, n] of stemCounts) if (n >= frequent && k.length > 2 && !isStopword(k) && /\p{L}/u.test(k)) subjectStems.add(k);
  return { stemCounts, properWords, topicStems, titleStems, wordCounts, bigrams, totalWords, articleVector, maxStemCount, templates, subjectStems, proseDefined, figures };
}

/** A content word used this often (per word of study text, and at least this many times) is the text's subject. */
const SUBJECT_RATE = 0.009;
const SUBJECT_MIN_COUNT = 6;

/** Stem key of a term: its content words, stemmed ("An Organ System" → "organ system"). */
export function termKey(term: string): string {
  return [...term.matchAll(WORD)]
    .map((m) => m[0])
    .filter((w) => !isStopword(w))
    .map((w) => stem(w))
    .join(' ');
}

/** "An organ is an …", "Precedence refers to …": the term a prose sentence opens by defining. */
const PROSE_DEFINITION = /^(?:(?:an?|the)\s+)?([\p{L}\p{N}][\p{L}\p{N}' -]{0,40}?)\s+(?:is|are)\s+(?:an?|the|any)\s|^(?:(?:an?|the)\s+)?([\p{L}\p{N}][\p{L}\p{N}' -]{0,40}?)\s+(?:refers? to|means|is defined as|are defined as)\s/iu;

const FIGURE =
  /(?<![\w.])(\d+(?:[.,]\d+)?(?:\s*[-–]\s*\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|sixty|hundred)(?:\s+|-)(ms|milliseconds?|seconds?|minutes?|hours?|days?|weeks?|months?|years?|bytes?|[kmg]b|percent|times)\b/gi;

/** The figures with units a text states, as keys: "24 hours" and "a 24-hour window" are both "24 hour". */
export function figureKeys(text: string): string[] {
  return [...text.matchAll(FIGURE)].map((m) => `${m[1]!.toLowerCase().replace(/\s+/g, '')} ${stem(m[2]!.toLowerCase())}`);
}

/** Fewest words a sentence needs to count as a template. */
const TEMPLATE_MIN_WORDS = 5;

/**
 * A sentence's template: its words, lower-cased, with names, technical tokens and figures replaced by one
 * placeholder. "If true, the Immediate object will keep the Node.js event loop active." and the same sentence
 * about the Timeout object share one.
 */
export function templateOf(sentence: string): string | undefined {
  let text = sentence;
  for (const sp of [...codeSpans(sentence)].reverse()) text = `${text.slice(0, sp.start)}#${text.slice(sp.end)}`;
  const words = text
    .replace(/(?<=\S\s+)\p{Lu}[\p{L}\p{N}]*/gu, '#')
    .replace(/\d[\d.,]*/g, '#')
    .toLowerCase()
    .split(/[^\p{L}\p{N}#]+/u)
    .filter(Boolean);
  return words.filter((w) => w !== '#').length >= TEMPLATE_MIN_WORDS ? words.join(' ') : undefined;
}

const SENTENCE_END = /(?<=[.!?])\s+(?=[\p{Lu}"“(])/u;

function sentencesOf(
  article: Article,
  options: GenerateOptions,
): { templates: Map<string, SentencePlace>; proseDefined: Set<string>; figures: Map<string, SentencePlace> } {
  const first = new Map<string, SentencePlace>();
  const proseDefined = new Set<string>();
  const figures = new Map<string, SentencePlace>();
  article.sections.forEach((section, s) => {
    if (!section.study) return;
    section.paragraphs.forEach((text, p) => {
      if (!STUDY_KINDS.has(paragraphKind(article, options, s, p))) return;
      let at = 0;
      for (const sentence of text.split(SENTENCE_END)) {
        const start = text.indexOf(sentence, at);
        at = start + sentence.length;
        const t = templateOf(maskCitations(sentence));
        if (t !== undefined && !first.has(t)) first.set(t, { section: s, paragraph: p, start });
        for (const k of figureKeys(sentence)) if (!figures.has(k)) figures.set(k, { section: s, paragraph: p, start });
        const defined = PROSE_DEFINITION.exec(sentence.trim());
        if (defined && paragraphKind(article, options, s, p) !== 'definition') proseDefined.add(termKey(defined[1] ?? defined[2] ?? ''));
      }
    });
  });
  return { templates: first, proseDefined, figures };
}

function spacesOnly(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text[i] !== ' ' && text[i] !== '\t') return false;
  return true;
}

type Vector = Map<string, number>;

function vectorOf(unit: Unit): Vector {
  const v: Vector = new Map();
  for (const w of unit.words) {
    if (!/\p{L}/u.test(w.text) || isStopword(w.lower) || w.text.length < 3) continue;
    const k = stem(w.text);
    v.set(k, (v.get(k) ?? 0) + specificity(w.text, w.lemma));
  }
  return v;
}

function dot(a: Vector, b: Vector): number {
  let sum = 0;
  for (const [k, x] of a) {
    const y = b.get(k);
    if (y) sum += x * y;
  }
  return sum;
}

function norm2(a: Vector): number {
  let sum = 0;
  for (const x of a.values()) sum += x * x;
  return sum;
}

/** Weight of a sentence's likeness to the rest of its section, against its likeness to the whole article. */
const SECTION_LIKENESS = 0.6;
const ARTICLE_LIKENESS = 0.4;
const articleNorms = new WeakMap<TermStats, number>();

/**
 * Centrality of each unit: cosine similarity to the rest of its section and to the whole article, scaled to
 * [0, 1]. Linear in the section's size: the rest of the section is its centroid less the unit itself.
 */
export function rankUnits(units: Unit[], stats: TermStats): void {
  const vectors = units.map(vectorOf);
  const centroid: Vector = new Map();
  for (const v of vectors) for (const [k, x] of v) centroid.set(k, (centroid.get(k) ?? 0) + x);
  const c2 = norm2(centroid);
  let a2 = articleNorms.get(stats);
  if (a2 === undefined) articleNorms.set(stats, (a2 = norm2(stats.articleVector)));
  const raw = vectors.map((v) => {
    const v2 = norm2(v);
    if (v2 === 0) return 0;
    const vc = dot(v, centroid);
    const rest2 = c2 - 2 * vc + v2;
    const toSection = rest2 <= 1e-12 ? 0 : (vc - v2) / Math.sqrt(v2 * rest2);
    const toArticle = a2 === 0 ? 0 : dot(v, stats.articleVector) / Math.sqrt(v2 * a2);
    return SECTION_LIKENESS * toSection + ARTICLE_LIKENESS * toArticle;
  });
  const max = Math.max(1e-9, ...raw);
  units.forEach((u, i) => (u.centrality = Math.max(0, raw[i]!) / max));
}
