import type { CardDraft } from '../../shared/contract/card-draft';
import type { Article } from '../../shared/contract/models';
import { analyzeParagraph, maskCitations, type AnalyzedParagraph } from './analyze';
import {
  buildUnits,
  clozeCandidates,
  commandCandidates,
  countWords,
  definitionCandidates,
  listCandidates,
  qaCandidates,
  splitDefinition,
  type Candidate,
  type Kind,
  type TermStats,
  type Unit,
} from './candidates';
import { isStopword, specificity, stem } from './lexicon';

export type ParagraphKind = 'prose' | 'list' | 'definition' | 'quote' | 'code' | 'table';

export interface GenerateOptions {
  /**
   * Paragraph kinds parallel to `article.sections[i].paragraphs[j]`. When absent, every paragraph is taken as
   * prose, except paragraphs that look like code or table rows.
   */
  kinds?: ParagraphKind[][];
  /** Only these sections (0-based); cards for one section do not depend on which others are generated. */
  sectionIndexes?: number[];
  /** Called after each paragraph is analysed, and once at the end with done === total. */
  onProgress?: (done: number, total: number) => void;
  /** Polled before each paragraph; when it returns true, generation stops with a GenerationCancelled error. */
  shouldCancel?: () => boolean;
}

export class GenerationCancelled extends Error {
  constructor() {
    super('card generation was cancelled');
    this.name = 'GenerationCancelled';
  }
}

/** Cards per 100 words of study text the ranking aims for (the rule allows 1 to 5). */
const CARDS_PER_100_WORDS = 3.5;
const MAX_CARDS_PER_100_WORDS = 5;
/** A sentence of this many words or more may give a second card, when it asks for a different specific term. */
const LONG_SENTENCE = 28;
/** The least value of a second card from one sentence. */
const SECOND_CARD_VALUE = 0.6;
/** Below this score a candidate is only used to give an uncovered paragraph a card. */
const MIN_SCORE = 0.3;
/** A paragraph whose best card scores below this is left without one, as long as coverage stays at this share. */
const WEAK_SCORE = 0.3;
const COVERAGE = 0.85;

const STUDY_KINDS: ReadonlySet<ParagraphKind> = new Set(['prose', 'list', 'definition', 'quote']);

/** Code: braces, semicolons at line ends, assignments, keywords, or mostly symbols. */
export function looksLikeCode(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim().length > 0);
  if (lines.length === 0) return false;
  const symbols = (text.match(/[{}();=<>[\]$#|\\]/g) ?? []).length;
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  if (letters === 0) return true;
  const codeLines = lines.filter(
    (l) =>
      /[;{}]\s*$/.test(l) ||
      /^\s{2,}\S/.test(l) ||
      /^\s*(?:import|export|const|let|var|function|def|class|return|if|for|while|#include|fn|pub|use|package|public|private)\b.*[({=:;]/.test(l) ||
      /=>|::|\(\)|==|!=|&&|\|\||\+\+/.test(l),
  ).length;
  if (codeLines / lines.length >= 0.5) return true;
  // several short lines none of which ends like a sentence: commands, not prose
  if (lines.length >= 2 && lines.every((l) => l.length < 100) && lines.filter((l) => /[.!?:]["')\]]?\s*$/.test(l)).length <= lines.length * 0.2) {
    return true;
  }
  if (symbols / Math.max(1, letters) > 0.12) return true;
  // a paragraph without a single space between words is an identifier or a path, not prose
  return !/\s/.test(text.trim()) && /[._/\\()]/.test(text);
}

/** A table row flattened to text: cells separated by pipes or tabs. */
export function looksLikeTableRow(text: string): boolean {
  return (text.match(/\|/g) ?? []).length >= 2 || (text.match(/\t/g) ?? []).length >= 2;
}

function paragraphKind(article: Article, options: GenerateOptions, s: number, p: number): ParagraphKind {
  const given = options.kinds?.[s]?.[p];
  if (given) return given;
  const text = article.sections[s]!.paragraphs[p]!;
  if (options.kinds === undefined && (looksLikeCode(text) || looksLikeTableRow(text))) return 'code';
  return 'prose';
}

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
  const titleStems = new Set<string>();
  for (const m of article.title.matchAll(WORD)) if (!isStopword(m[0])) titleStems.add(stem(m[0]));
  const topicStems = new Set<string>();
  const topics = [article.title, article.meta.dek ?? '', ...article.sections.map((s) => s.heading ?? '')];
  for (const t of topics) for (const m of t.matchAll(WORD)) if (!isStopword(m[0])) topicStems.add(stem(m[0]));
  return { stemCounts, properWords, topicStems, titleStems, wordCounts, bigrams, totalWords };
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

function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, x] of a) {
    na += x * x;
    const y = b.get(k);
    if (y) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Centrality of each unit: similarity to the rest of its section and to the whole article, scaled to [0, 1]. */
export function rankUnits(units: Unit[], stats: TermStats): void {
  const vectors = units.map(vectorOf);
  const centroid: Vector = new Map();
  for (const v of vectors) for (const [k, x] of v) centroid.set(k, (centroid.get(k) ?? 0) + x);
  const article: Vector = new Map();
  for (const [k, n] of stats.stemCounts) if (n > 1 && k.length > 2 && !isStopword(k)) article.set(k, Math.log(1 + n) * specificity(k));
  const raw = vectors.map((v) => {
    const rest: Vector = new Map(centroid);
    for (const [k, x] of v) rest.set(k, (rest.get(k) ?? 0) - x);
    return 0.6 * cosine(v, rest) + 0.4 * cosine(v, article);
  });
  const max = Math.max(1e-9, ...raw);
  units.forEach((u, i) => (u.centrality = raw[i]! / max));
}

const KIND_WEIGHT: Record<Kind, number> = { cloze: 1, list: 1.12, qa: 1.1 };

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.answers.some((x) => b.answers.some((y) => x.start < y.end && y.start < x.end));
}

function selectForSection(candidates: Candidate[], paragraphs: number[], words: number): Candidate[] {
  const maxCards = Math.max(1, Math.floor((words * MAX_CARDS_PER_100_WORDS) / 100));
  const withCandidates = paragraphs.filter((p) => candidates.some((c) => c.unit.paragraph === p));
  let target = Math.max(1, Math.round((words * CARDS_PER_100_WORDS) / 100));
  target = Math.min(maxCards, Math.max(target, Math.ceil(withCandidates.length * 0.8)));
  const share = target / Math.max(1, withCandidates.length);
  const chosen: Candidate[] = [];
  const keys = new Set<string>();
  const prompts = new Set<string>();
  // keyed by where the source sentence starts: a definition paragraph's whole-paragraph unit and its first
  // sentence are one sentence
  const perUnit = new Map<string, Candidate[]>();
  const sentenceKeys = new Map<Unit, string>();
  const at = (c: Candidate): string => {
    let k = sentenceKeys.get(c.unit);
    if (k === undefined) sentenceKeys.set(c.unit, (k = `${c.unit.paragraph}:${c.unit.quoteStart}`));
    return k;
  };
  const perParagraph = new Map<number, number>();
  const longUnits = new Map<Unit, boolean>();
  const long = (u: Unit): boolean => {
    let v = longUnits.get(u);
    if (v === undefined) longUnits.set(u, (v = u.words.filter((w) => /[\p{L}\p{N}]/u.test(w.text)).length >= LONG_SENTENCE));
    return v;
  };
  const ok = (c: Candidate): boolean => {
    if (keys.has(c.key)) return false;
    if (prompts.has(c.text ?? c.front ?? '')) return false;
    const same = perUnit.get(at(c)) ?? [];
    if (same.length === 0) return true;
    // one card per sentence; a long sentence may give a second one that asks for a different, specific term
    if (same.length >= 2 || !long(c.unit)) return false;
    if (c.generic || c.value < SECOND_CARD_VALUE) return false;
    const stems = new Set(c.key.split(/[\s|]+/));
    return !same.some((x) => overlaps(x, c) || x.kind === c.kind || x.key.split(/[\s|]+/).some((k) => stems.has(k)));
  };
  // later cards from a sentence or a paragraph that already has its share count for less
  const adjusted = (c: Candidate): number => {
    const fromUnit = perUnit.get(at(c))?.length ?? 0;
    const fromParagraph = perParagraph.get(c.unit.paragraph) ?? 0;
    return c.score * 0.5 ** fromUnit * (fromParagraph >= Math.ceil(share) ? 0.8 ** (fromParagraph - Math.ceil(share) + 1) : 1);
  };
  const better = (a: Candidate, b: Candidate, sa: number, sb: number): boolean =>
    sa > sb ||
    (sa === sb &&
      (a.unit.order - b.unit.order || a.answers[0]!.start - b.answers[0]!.start || a.kind.localeCompare(b.kind)) < 0);
  const take = (c: Candidate): void => {
    chosen.push(c);
    keys.add(c.key);
    prompts.add(c.text ?? c.front ?? '');
    perUnit.set(at(c), [...(perUnit.get(at(c)) ?? []), c]);
    perParagraph.set(c.unit.paragraph, (perParagraph.get(c.unit.paragraph) ?? 0) + 1);
  };
  const pick = (pool: Candidate[], floor: number): Candidate | undefined => {
    let best: Candidate | undefined;
    let bestScore = -1;
    for (const c of pool) {
      if (!ok(c)) continue;
      const s = adjusted(c);
      if (s < floor) continue;
      if (!best || better(c, best, s, bestScore)) {
        best = c;
        bestScore = s;
      }
    }
    return best;
  };
  // every paragraph that can give a card gets its best one first, strongest paragraphs first; the weakest
  // are left out while enough paragraphs are covered
  const bests = withCandidates
    .map((p) => ({ p, best: pick(candidates.filter((c) => c.unit.paragraph === p), 0) }))
    .filter((x): x is { p: number; best: Candidate } => x.best !== undefined)
    .sort((x, y) => y.best.score - x.best.score || x.p - y.p);
  const needed = Math.ceil(paragraphs.length * COVERAGE);
  bests.forEach(({ best }, i) => {
    if (best.score >= WEAK_SCORE || i < needed) take(best);
  });
  while (chosen.length < target) {
    const best = pick(candidates, MIN_SCORE);
    if (!best) break;
    take(best);
  }
  return chosen.sort(
    (a, b) => a.unit.order - b.unit.order || a.answers[0]!.start - b.answers[0]!.start || a.kind.localeCompare(b.kind),
  );
}

function toDraft(c: Candidate, sectionIndex: number): CardDraft {
  const { unit } = c;
  const source = {
    paragraphIndex: unit.paragraph,
    start: unit.quoteStart,
    end: unit.quoteEnd,
    quote: unit.para.text.slice(unit.quoteStart, unit.quoteEnd),
  };
  return c.kind === 'qa'
    ? { kind: 'qa', sectionIndex, front: c.front!, back: c.back!, source }
    : { kind: c.kind, sectionIndex, text: c.text!, source };
}

/** Candidates of one section, scored and ranked; the chosen ones in reading order. */
function sectionCards(
  s: number,
  paragraphs: { index: number; para: AnalyzedParagraph; kind: ParagraphKind }[],
  stats: TermStats,
): Candidate[] {
  const units = buildUnits(s, paragraphs);
  rankUnits(units, stats);
  const candidates: Candidate[] = [];
  for (const unit of units) {
    candidates.push(
      ...clozeCandidates(unit, stats),
      ...commandCandidates(unit, stats),
      ...listCandidates(unit, stats),
      ...qaCandidates(unit, stats),
    );
  }
  // a paragraph that gave nothing under the strict rules gets a second, more lenient look
  for (const { index } of paragraphs) {
    if (candidates.some((c) => c.unit.paragraph === index)) continue;
    for (const unit of units) if (unit.paragraph === index) candidates.push(...clozeCandidates(unit, stats, true));
  }
  for (const { index, para, kind } of paragraphs) {
    if (kind !== 'definition' && kind !== 'list') continue;
    const def = splitDefinition(para.text);
    const whole = wholeParagraphUnit(s, index, para, units.find((u) => u.paragraph === index)?.order ?? units.length);
    if (def && whole) candidates.push(...definitionCandidates(whole, stats, def));
  }
  for (const c of candidates) {
    const u = c.unit;
    c.score = c.value * (0.5 + 0.5 * u.centrality) * (u.firstInParagraph ? 1.05 : 1) * KIND_WEIGHT[c.kind];
  }
  const words = paragraphs.reduce((n, p) => n + countWords(p.para.text), 0);
  return selectForSection(
    candidates,
    paragraphs.map((p) => p.index),
    words,
  );
}

/**
 * Turns a parsed article into card drafts: cloze deletions of key terms, questions on what the text defines
 * or explains, and list clozes of enumerations. Pure and deterministic: the same input gives the same cards.
 */
export function generateCards(article: Article, options: GenerateOptions = {}): CardDraft[] {
  const wanted = options.sectionIndexes ? new Set(options.sectionIndexes) : undefined;
  const work: { s: number; p: number; kind: ParagraphKind }[] = [];
  article.sections.forEach((section, s) => {
    if (!section.study || (wanted && !wanted.has(s))) return;
    section.paragraphs.forEach((_, p) => {
      const kind = paragraphKind(article, options, s, p);
      if (STUDY_KINDS.has(kind)) work.push({ s, p, kind });
    });
  });
  const stats = termStats(article, options);
  const total = work.length;
  const bySection = new Map<number, { p: number; kind: ParagraphKind }[]>();
  for (const item of work) bySection.set(item.s, [...(bySection.get(item.s) ?? []), item]);
  const cards: CardDraft[] = [];
  let done = 0;
  for (const [s, items] of bySection) {
    const paragraphs: { index: number; para: AnalyzedParagraph; kind: ParagraphKind }[] = [];
    for (const item of items) {
      if (options.shouldCancel?.()) throw new GenerationCancelled();
      paragraphs.push({ index: item.p, para: analyzeParagraph(article.sections[s]!.paragraphs[item.p]!), kind: item.kind });
      done++;
      if (done < total) options.onProgress?.(done, total);
    }
    if (options.shouldCancel?.()) throw new GenerationCancelled();
    for (const c of sectionCards(s, paragraphs, stats)) cards.push(toDraft(c, s));
  }
  options.onProgress?.(total, total);
  return cards;
}

function wholeParagraphUnit(section: number, paragraph: number, para: AnalyzedParagraph, order: number): Unit | undefined {
  const words = para.sentences.flatMap((s) => s.words);
  if (words.length === 0) return undefined;
  const start = words[0]!.start;
  const end = words[words.length - 1]!.end;
  return {
    section,
    paragraph,
    order,
    para,
    words,
    start,
    end,
    quoteStart: start,
    quoteEnd: end,
    capitalise: false,
    clause: false,
    firstInParagraph: true,
    centrality: 1,
  };
}
