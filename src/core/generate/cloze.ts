import type { Word } from './analyze';
import { generalCount, isStopword, SPECIFIC, specificity, stem } from './lexicon';
import { countWords, HEAD, hasWordChar, isContent, MAX_ANSWER_WORDS, MAX_PROMPT_WORDS, MIN_CONTEXT_WORDS, span, type Candidate, type TermStats, type Unit } from './model';
import { isWeakWord } from './focus';
import { phrases } from './phrases';
import { clozeText, plainText } from './text';
import { isGenericPhrase, termhood, termValue } from './terms';
import { answerKey, anaphoraPenalty, cutsToken, endsOnVerb, expandedAcronym, isCrossReference, rootCounts, splitsCollocation, splitsName, usable } from './checks';

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
    // a lone verb ("{{c1::Assigning}} organs to …") is no fact to recall
    if (a === b && words[a]!.pos === 'VERB' && !words[a]!.code) continue;
    // a sentence whose subject was put in from its heading: the gap never opens on its verb
    if (unit.prefix && a === 0) continue;
    const id = `${s.start}:${s.end}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (unit.para.masked.slice(s.start, s.end) !== unit.para.text.slice(s.start, s.end)) continue;
    const following = words[b + 1];
    // a gap stops at the end of its noun phrase — except on the modifiers of a generic or subject head, which
    // are the fact ("a {{c1::one-time}} callback", "backwards {{c1::incompatible}} changes")
    const modifiers = !!following && HEAD.has(following.pos) && isWeakWord(following, stats) && !following.code && (words[b + 2] === undefined || !HEAD.has(words[b + 2]!.pos)) && answer.every((w) => !isWeakWord(w, stats) && (w.pos === 'ADJ' || /(?:ed|\w-\w+)$/.test(w.lower)));
    if (following && following.start === words[b]!.end + 1 && (following.pos === 'ADJ' || HEAD.has(following.pos)) && !modifiers) continue;
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
    // a technical token with the generic noun or verb around it ("the {{c1::--debug flag}}", "{{c1::use the flag
    // --ignore-file-case-insensitive}}"): the token alone is the answer
    if (answer.some((w) => w.code) && answer.some((w) => !w.code && isContent(w) && w.pos !== 'CCONJ')) continue;
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
    const generic = isGenericPhrase(answer, stats, words[0]) || REPORTING_VERBS.has(words[b + 1]?.lemma ?? '');
    if (generic) value *= 0.45;
    // the full name of a named thing ("Article 51 of the UN Charter") beats its parts
    if (fullName) value += 0.08;
    // a contrast ("distinguish between X and Y") is worth asking about
    if (words[a - 1]?.lower === 'between' && answer.some((w) => w.lower === 'and')) value += 0.1;
    const contentCount = answer.filter(isContent).length;
    // the term a sentence defines is worth asking however common the word ("A {{c1::cell}} is the smallest …")
    const defines = a <= 1 && ['is', 'are'].includes(words[b + 1]?.lower ?? '') && ['a', 'an', 'the', 'any', 'one'].includes(words[b + 2]?.lower ?? '');
    const lone = answer[answer.length - 1]!;
    if (!defines && contentCount === 1 && specificity(lone.text) < (relaxed || lone.text.includes('-') ? 0.3 : 0.5)) continue;
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
    const reporter = !!after && (after.pos === 'VERB' || after.pos === 'NOUN') && REPORTING_VERBS.has(after.lemma);
    if (reporter) value *= 0.6;
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
      rule: answer.some((w) => w.code) ? 'code' : answer.some((w) => w.pos === 'NUM' || /\d/.test(w.text)) ? 'value' : 'key-term',
      keyTerm: unit.para.text.slice(s.start, s.end),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Commands and paths in technical prose

/** A command with its flags ("git branch -d", "ls --all") or a path-like name ("origin/main"). */
const COMMAND = /(?<![\w-])(?:[A-Za-z][\w.]* ){0,3}-{1,2}[a-z][\w-]*(?: -{1,2}[a-z][\w-]*)*|(?<![\w/.-])[\w.-]+\/[\w./-]*\w/g;

/** Command names that are also English words: kept in front of their flags ("git branch -d", "make -j"). */
const COMMAND_NAMES = new Set(['git', 'npm', 'npx', 'node', 'make', 'cargo', 'go', 'find', 'sort', 'head', 'tail', 'cat', 'less', 'kill', 'top', 'watch', 'touch', 'docker', 'python', 'pip', 'grep', 'rg', 'ls', 'cd', 'rm', 'cp', 'mv', 'yarn', 'pnpm', 'deno', 'bun']);

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
    // drop the words before the command itself: function words, a capitalised sentence opener ("Run git
    // branch --list"), English words ("tacking on a couple -u flags", "re-run ripgrep with the --debug") —
    // a command name is a program's name (rg, git, npm), not a word of general English
    for (;;) {
      const first = /^(\S+)\s+/.exec(answer);
      if (!first || !(isStopword(first[1]!) || /^\p{Lu}/u.test(first[1]!) || (generalCount(first[1]!) > 0 && !COMMAND_NAMES.has(first[1]!)) || /^\w+-\w+$/.test(first[1]!))) break;
      answer = answer.slice(first[0].length);
      start += first[0].length;
    }
    // the program's name alone before its flags is kept only when its flags follow at once ("rg -i")
    if (/^\S+\s/.test(answer) && !/^\S+(?:\s+\S+)?\s+-/.test(answer)) continue;
    const end = start + answer.length;
    if (text.slice(start, end) !== answer || countWords(answer) > MAX_ANSWER_WORDS) continue;
    const before = masked.slice(unit.start, start);
    const after = masked.slice(end, unit.end);
    if (countWords(before) + countWords(after) < MIN_CONTEXT_WORDS) continue;
    if (`${before} ${after}`.includes(answer)) continue;
    const parts = unit.words.filter((w) => w.start >= start && w.end <= end);
    const value = 0.7 + 0.1 * Math.min(1, (stats.stemCounts.get(stem(parts[parts.length - 1]?.text ?? '')) ?? 1) / 4);
    const gap = { start, end };
    out.push({ kind: 'cloze', unit, answers: [gap], text: clozeText(unit, [gap]), value, score: 0, key: answer.toLowerCase(), rule: 'code', keyTerm: answer });
  }
  return out;
}

