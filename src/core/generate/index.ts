import type { CardDraft } from '../../shared/contract/card-draft';
import type { Article } from '../../shared/contract/models';
import { analyzeParagraph, type AnalyzedParagraph } from './analyze';
import { clozeCandidates, commandCandidates } from './cloze';
import { definitionCandidates, splitDefinition } from './definitions';
import { candidateGate, unitGate, type UnitContext } from './gates';
import { GenerationCancelled, paragraphKind, STUDY_KINDS, type GenerateOptions, type ParagraphKind } from './kinds';
import { listCandidates } from './lists';
import { countWords, type Candidate, type TermStats, type Unit } from './model';
import { qaCandidates } from './questions';
import { scoreCandidate } from './score';
import { selectSection } from './select';
import { rankUnits, termStats } from './stats';
import { buildUnits } from './units';

export { GenerationCancelled, looksLikeCode, looksLikeTableRow, type GenerateOptions, type ParagraphKind } from './kinds';
export { termStats } from './stats';

/** Cards chosen for an article, and per section the next-best candidates kept in reserve. */
export interface GenerationResult {
  cards: CardDraft[];
  /** Candidates that passed every gate but were not chosen, best first within each section. */
  reserve: CardDraft[];
}

const rounded = (x: number): number => Math.round(x * 10000) / 10000;

function toDraft(c: Candidate, sectionIndex: number): CardDraft {
  const { unit } = c;
  const source = {
    paragraphIndex: unit.paragraph,
    start: unit.quoteStart,
    end: unit.quoteEnd,
    quote: unit.para.text.slice(unit.quoteStart, unit.quoteEnd),
  };
  const why = { rule: c.rule, keyTerm: c.keyTerm, score: rounded(c.score), features: c.features ?? {} };
  return c.kind === 'qa'
    ? { kind: 'qa', sectionIndex, front: c.front ?? '', back: c.back ?? '', source, ...why }
    : { kind: c.kind, sectionIndex, text: c.text ?? '', source, ...why };
}

interface SectionInput {
  index: number;
  para: AnalyzedParagraph;
  kind: ParagraphKind;
}

/** A definition paragraph as one unit ("Term: description"), for the glossary rule. */
function wholeParagraphUnit(section: number, paragraph: number, para: AnalyzedParagraph, order: number): Unit | undefined {
  const words = para.sentences.flatMap((s) => s.words);
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last) return undefined;
  return {
    section,
    paragraph,
    order,
    para,
    words,
    start: first.start,
    end: last.end,
    quoteStart: first.start,
    quoteEnd: last.end,
    capitalise: false,
    clause: false,
    firstInParagraph: true,
    centrality: 1,
  };
}

/** Every candidate of one section that passes the gates, scored. */
function sectionCandidates(s: number, paragraphs: SectionInput[], stats: TermStats, ctx: UnitContext): Candidate[] {
  const units = buildUnits(s, paragraphs);
  rankUnits(units, stats);
  const candidates: Candidate[] = [];
  for (const unit of units) {
    if (unitGate(unit, ctx) !== undefined) continue;
    candidates.push(...clozeCandidates(unit, stats), ...commandCandidates(unit, stats), ...listCandidates(unit, stats), ...qaCandidates(unit, stats));
  }
  for (const { index, para, kind } of paragraphs) {
    if (kind !== 'definition' && kind !== 'list') continue;
    const def = splitDefinition(para.text);
    const whole = wholeParagraphUnit(s, index, para, units.find((u) => u.paragraph === index)?.order ?? units.length);
    if (def && whole && unitGate(whole, ctx) === undefined) candidates.push(...definitionCandidates(whole, stats, def));
  }
  const passed = candidates.filter((c) => candidateGate(c, stats) === undefined);
  for (const c of passed) scoreCandidate(c, stats, ctx.heading);
  return passed;
}

/**
 * Turns a parsed article into card drafts, and keeps the next-best candidates of each section in reserve.
 * Overgenerates candidates (cloze deletions of key terms, questions on what the text defines, list clozes of
 * enumerations), refuses those a gate refuses, scores the rest and chooses per section the ones that cover
 * its concepts best. Pure and deterministic: the same input gives the same cards.
 */
export function generateWithReserve(article: Article, options: GenerateOptions = {}): GenerationResult {
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
  for (const item of work) {
    const list = bySection.get(item.s);
    if (list) list.push(item);
    else bySection.set(item.s, [item]);
  }
  const cards: CardDraft[] = [];
  const reserve: CardDraft[] = [];
  let done = 0;
  for (const [s, items] of bySection) {
    const section = article.sections[s];
    if (!section) continue;
    const paragraphs: SectionInput[] = [];
    for (const item of items) {
      if (options.shouldCancel?.()) throw new GenerationCancelled();
      paragraphs.push({ index: item.p, para: analyzeParagraph(section.paragraphs[item.p] ?? ''), kind: item.kind });
      done++;
      if (done < total) options.onProgress?.(done, total);
    }
    if (options.shouldCancel?.()) throw new GenerationCancelled();
    const ctx: UnitContext = { heading: section.heading, title: article.title, stats };
    const words = paragraphs.reduce((n, p) => n + countWords(p.para.text), 0);
    const picked = selectSection(sectionCandidates(s, paragraphs, stats, ctx), words);
    for (const c of picked.chosen) cards.push(toDraft(c, s));
    for (const c of picked.reserve) reserve.push(toDraft(c, s));
  }
  options.onProgress?.(total, total);
  return { cards, reserve };
}

/** The chosen card drafts of an article (see `generateWithReserve`). */
export function generateCards(article: Article, options: GenerateOptions = {}): CardDraft[] {
  return generateWithReserve(article, options).cards;
}
