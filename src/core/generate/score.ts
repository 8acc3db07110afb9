import { keyness, stem } from './lexicon';
import { isContent, type Candidate, type TermStats } from './model';
import { anaphoraCount } from './gates';
import { answerFocus } from './focus';

/**
 * Scoring: each candidate gets a small vector of named features, each in [0, 1], and its score is their
 * weighted sum. The features travel with the draft (`CardDraft.features`) so that a learned ranking can
 * weigh them again from what a learner kept.
 */
export const FEATURE_WEIGHTS = {
  /** How good the answer is as an answer: specific, repeated, named, of a useful length (from the candidate makers). */
  term: 0.4,
  /** How characteristic of this text the answer is against general English (keyness against SUBTLEX). */
  salience: 0.12,
  /** How much of the article is about the answer's concept: its stem's share of the article's words. */
  concept: 0.04,
  /** The answer names what the section's heading or the title names. */
  heading: 0,
  /** How much the gap is the fact of its sentence: a figure, an identifier, a specific term, the defined term (`focus.ts`). */
  fact: 0.3,
  /** The gap is only the text's subject, generic nouns or everyday words, while the fact stays in view. */
  weak: -0.45,
  /** The sentence defines something, and the card asks the defined term or its definition. */
  definitional: 0.22,
  /** The sentence says what must, should or must not be done, or sets a limit. */
  normative: 0.12,
  /** The answer is a name, a figure or a technical token. */
  named: 0.2,
  /** How central the sentence is to its section and to the article. */
  centrality: 0.12,
  /** The sentence opens its paragraph. */
  first: 0.03,
  /** How much context the prompt gives around the gap. */
  context: 0.04,
  /** The answer is a generic phrase ("a certain amount"). */
  generic: -0.25,
  /** A list card: several items recalled together. */
  list: 0.02,
  /** Pronouns and demonstratives left in the prompt. */
  anaphora: -0.15,
  /** The sentence gives an example ("For example, …", "Examples include …"). */
  example: -0.2,
} as const;

export type FeatureName = keyof typeof FEATURE_WEIGHTS;
export const FEATURE_NAMES = Object.keys(FEATURE_WEIGHTS) as FeatureName[];

/** Scale of the makers' answer value: the value of a very good answer. */
const TERM_VALUE_SCALE = 1.2;
/** Content words of context that count as plenty. */
const FULL_CONTEXT = 12;
/** Anaphoric words that count as fully anaphoric. */
const FULL_ANAPHORA = 3;

const DEFINITION =
  /^(?:(?:an?|the)\s+)?[^,;:]{1,60}?\s(?:is|are)\s(?:an?|the|any|one|everything|anything|whatever)\s(?!(?:bit|lot|little|kind of|sort of|way)\b)|\b(?:is|are) (?:defined as|called|known as|referred to as)\b|\b(?:means|refers to|stands for|denotes)\b/i;
const EXAMPLE = /^(?:for (?:example|instance)|e\.g\.|examples? include|consider|imagine|say you|suppose)\b|\b(?:for example|for instance)\b/i;
const NORMATIVE =
  /\b(?:must|shall|should|never|always|only|required|requires?|cannot|can't|may not|do not|don't|at most|at least|no more than|no fewer than|is a violation|prohibit\w*|forbid\w*|mandatory|MUST|SHOULD|SHALL)\b/;

const rounded = (x: number): number => Math.round(x * 10000) / 10000;

/** Fills in the candidate's features, refines its rule by the sentence's type, and returns its score. */
export function scoreCandidate(c: Candidate, stats: TermStats, heading: string | null): number {
  const { unit } = c;
  const sentence = unit.para.masked.slice(unit.start, unit.end);
  const answerWords = c.answers.flatMap((a) => unit.words.filter((w) => w.start >= a.start && w.end <= a.end));
  const content = answerWords.filter(isContent);
  const stems = content.map((w) => stem(w.text));
  const headingStems = new Set<string>();
  for (const m of `${heading ?? ''}`.matchAll(/[\p{L}\p{N}]+/gu)) headingStems.add(stem(m[0]));
  const firstAnswer = c.answers[0]?.start ?? unit.start;
  const definitionSentence = DEFINITION.test(sentence);
  // the defined term: a gap before the sentence's first "is"/"are"/"means"
  // the defined term: the gap opens the sentence (after a determiner) and the copula follows it
  const copulaAt = unit.words.findIndex((w) => ['is', 'are', 'means', 'refers'].includes(w.lower));
  const gapStart = unit.words.findIndex((w) => w.start >= firstAnswer);
  const gapEnd = c.answers[0]?.end ?? 0;
  const definesAnswer =
    definitionSentence && copulaAt > 0 && gapStart >= 0 && gapStart <= 3 && unit.words.slice(0, gapStart).every((w) => !['VERB', 'AUX', 'ADP', 'SCONJ', 'PUNCT'].includes(w.pos)) && (unit.words[copulaAt - 1]?.end ?? -1) <= gapEnd && unit.words[copulaAt]!.start >= gapEnd;
  const definitional =
    c.rule === 'definition' || c.rule === 'glossary' || c.rule === 'naming' || c.rule === 'acronym' || definesAnswer ? 1 : definitionSentence ? 0.5 : 0;
  const normative = NORMATIVE.test(sentence) ? 1 : 0;
  if (c.kind === 'cloze' && c.rule === 'key-term') c.rule = definesAnswer ? 'defined-term' : normative ? 'rule' : 'key-term';
  const counts = stems.map((s) => stats.stemCounts.get(s) ?? 1);
  const contextWords = unit.words.filter((w) => isContent(w) && !c.answers.some((a) => w.start >= a.start && w.end <= a.end)).length;
  const definitionalRule = c.rule === 'definition' || c.rule === 'glossary' || c.rule === 'naming' || c.rule === 'acronym';
  const focus = c.kind === 'qa' && definitionalRule ? { fact: 0.9, weak: false } : answerFocus(answerWords, stats, definesAnswer);
  const features: Record<FeatureName, number> = {
    term: Math.min(1, c.value / TERM_VALUE_SCALE),
    salience: content.length === 0 ? 0 : Math.max(...content.map((w) => keyness(w.lower, w.lemma, stats.stemCounts.get(stem(w.text)) ?? 0, stats.totalWords))),
    concept: counts.length === 0 ? 0 : Math.log(1 + Math.max(...counts)) / Math.log(1 + stats.maxStemCount),
    heading: stems.some((s) => headingStems.has(s) || stats.titleStems.has(s)) ? 1 : 0,
    definitional,
    normative,
    named: answerWords.some((w) => w.code || w.pos === 'PROPN' || /\d/.test(w.text)) ? 1 : 0,
    centrality: unit.centrality,
    first: unit.firstInParagraph ? 1 : 0,
    context: Math.min(1, contextWords / FULL_CONTEXT),
    fact: focus.fact,
    weak: focus.weak ? 1 : 0,
    generic: c.generic ? 1 : 0,
    list: c.kind === 'list' ? 1 : 0,
    anaphora: Math.min(1, anaphoraCount(unit.words) / FULL_ANAPHORA),
    example: EXAMPLE.test(unit.para.masked.slice(unit.quoteStart, unit.quoteEnd)) ? 1 : 0,
  };
  let score = 0;
  for (const name of FEATURE_NAMES) {
    features[name] = rounded(features[name]);
    score += FEATURE_WEIGHTS[name] * features[name];
  }
  c.features = features;
  c.score = rounded(score);
  return c.score;
}
