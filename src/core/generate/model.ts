import type { CardRule } from '../../shared/contract/card-draft';
import type { AnalyzedParagraph, Word } from './analyze';
import { isStopword } from './lexicon';

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
  /**
   * The unit is a list item that leans on its list: a fragment without a verb ("Resource handles to the
   * database, …"), or an item under another item that names what it belongs to ("Minor release" → "A new rule
   * is created.").
   */
  dependentItem?: boolean;
  /** Filled in by the ranking: how central the sentence is to its section, in [0, 1]. */
  centrality: number;
  /**
   * The subject the sentence leaves to its heading ("Schedules execution of …" under `setTimeout()`), put in
   * front of the prompt so that the card stands on its own.
   */
  prefix?: string;
  /** The unit was carried on into the next sentence, which qualifies it ("However, …"). */
  extended?: boolean;
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
  /** Why it was made (see `CardRule`); refined by the sentence's type when it is scored. */
  rule: CardRule;
  /** The term the card is about, as written in the text. */
  keyTerm: string;
  /** Named features of the candidate, filled in when it is scored (`score.ts`). */
  features?: Record<string, number>;
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
  /** The article's term vector (stem → weight), against which each sentence's centrality is measured. */
  articleVector: Map<string, number>;
  /** The commonest stem count: the scale of a term's weight in the article. */
  maxStemCount: number;
  /**
   * Templated sentences ("Calling X multiple times will have no effect" under each of several methods): the
   * signature of each, with where it first occurs. Only the first is carded.
   */
  templates: Map<string, SentencePlace>;
  /**
   * The text's own subject: the title's words and the content words it keeps repeating ("GitHub" and "notice"
   * in a DMCA policy, "version" in a versioning spec). A gap made of nothing else asks what anyone could guess.
   */
  subjectStems: Set<string>;
  /** Terms that a prose sentence defines ("An organ is a …"), as stem keys: a glossary entry for one is a duplicate. */
  proseDefined: Set<string>;
  /** Each figure with its unit ("24 hour"), with where it first occurs: a later sentence asking it again is a duplicate. */
  figures: Map<string, SentencePlace>;
}

/** Where a sentence starts: section, paragraph and UTF-16 offset, in reading order. */
export interface SentencePlace {
  section: number;
  paragraph: number;
  start: number;
}

export const MAX_PROMPT_WORDS = 40;
export const MIN_CONTEXT_WORDS = 6;
export const MAX_ANSWER_WORDS = 8;
export const MAX_QA_ANSWER_WORDS = 15;


export function countWords(text: string): number {
  return text
    .replace(/\{\{c\d+::|\}\}/g, ' ')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}


export function isContent(w: Word): boolean {
  return /[\p{L}\p{N}]/u.test(w.text) && !isStopword(w.lower) && w.pos !== 'PUNCT';
}

export const HEAD = new Set(["NOUN", "PROPN", "NUM"]);
export const hasWordChar = (w: Word): boolean => /[\p{L}\p{N}]/u.test(w.text);
export function span(words: Word[], a: number, b: number): Span {
  return { start: words[a]!.start, end: words[b]!.end };
}
