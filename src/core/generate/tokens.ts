import type { Sentence, Word } from './analyze';

/**
 * Technical tokens that a card must treat as one word: identifiers (`Z_BUF_ERROR`, `emitter.listeners()`),
 * paths (`config/database.yml`, `$HOME/.gitignore`), flags (`--no-ignore`, `-uu`), versions (`1.0.0-alpha+001`),
 * globs (`*.toml`), escapes (`\w+`) and names like `C++`. The tagger splits them at every symbol; a gap that
 * hides part of one is broken text.
 */
const CODE_CHUNK: readonly RegExp[] = [
  /\w_\w/, // snake_case and CONSTANT_CASE
  /[\w$]\([^()\s]*\)/, // a call: f(), timeout.ref()
  /[\p{L}\p{N}][./\\][\p{L}\p{N}*$.]/u, // dotted names, paths, escapes: Node.js, a/b, \w
  /^(?:\.{1,2}|~|\$[A-Z_]*)\/\S/, // ./x, ../x, ~/x, $HOME/x
  /^--?[A-Za-z.][\w.-]*$/, // flags
  /^!?\*?\.[\w{},*-]+$/, // dotfiles and globs: .gitignore, *.toml, !*.toml
  /^\*\.\{/, // *.{c,h}
  /^[A-Za-z]+(?:\+\+|#)$/, // C++, C#
  /^\\[A-Za-z]/, // \w
  /^\[[^\]]*\]$/, // [0-9A-Za-z-]
  /^\$[A-Za-z_][\w]*$/, // $GIT_DIR
  /^\p{Ll}+\p{Lu}[\p{L}\p{N}]*$/u, // camelCase: setTimeout, hasRef
];

const LEADING = /^["'“‘(<[{]+/;
const TRAILING = /["'”’)>\]},;:!?.]+$/;

/** Spans of technical tokens in a text, as UTF-16 offsets. */
export function codeSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    let chunk = m[0];
    let start = m.index;
    const lead = LEADING.exec(chunk)?.[0].length ?? 0;
    chunk = chunk.slice(lead);
    start += lead;
    // a call keeps its brackets, a bracket class its brackets; sentence punctuation goes
    let trimmed = chunk.replace(TRAILING, '');
    if (/\(\)?$/.test(chunk.replace(/[.,;:!?]+$/, '')) && /\w\(/.test(chunk)) trimmed = chunk.replace(/[.,;:!?"'”’]+$/, '');
    if (/^\[.*\]$/.test(chunk.replace(/[.,;:!?]+$/, ''))) trimmed = chunk.replace(/[.,;:!?]+$/, '');
    if (trimmed.length < 2 || !/[\p{L}\p{N}]/u.test(trimmed)) continue;
    if (/^[A-Z](?:\.[A-Z])+\.?$/.test(trimmed) || /^(?:e\.g|i\.e|etc|vs|cf)$/i.test(trimmed)) continue;
    if (CODE_CHUNK.some((re) => re.test(trimmed))) spans.push({ start, end: start + trimmed.length });
  }
  return spans;
}

/**
 * Joins the words (and sentences) that a technical token was split into back into one word, tagged as a
 * proper noun so that the phrase chunker takes it as a name.
 */
export function joinCodeTokens(text: string, sentences: Sentence[]): Sentence[] {
  const spans = codeSpans(text);
  if (spans.length === 0) return sentences;
  // a sentence boundary inside a token ("config/database." + "yml") is no boundary
  const merged: Sentence[] = [];
  for (const s of sentences) {
    const prev = merged[merged.length - 1];
    if (prev && spans.some((x) => x.start < prev.end && x.end > s.start)) {
      merged[merged.length - 1] = { words: [...prev.words, ...s.words], start: prev.start, end: s.end };
    } else merged.push(s);
  }
  return merged.map((s) => {
    const words: Word[] = [];
    for (const w of s.words) {
      const x = spans.find((sp) => w.start >= sp.start && w.end <= sp.end);
      const last = words[words.length - 1];
      if (x && last?.code && last.start === x.start) {
        last.end = w.end;
        last.text = text.slice(last.start, last.end);
        last.lower = last.text.toLowerCase();
        last.lemma = last.lower;
        continue;
      }
      if (x && w.start === x.start) {
        words.push({ ...w, text: text.slice(w.start, w.end), pos: 'PROPN', code: true });
        continue;
      }
      words.push(w);
    }
    // a token that ends inside a word the tagger kept whole is taken to that word's end
    for (const w of words) {
      if (!w.code) continue;
      const sp = spans.find((x) => x.start === w.start);
      if (sp && sp.end > w.end) {
        w.end = sp.end;
        w.text = text.slice(w.start, w.end);
        w.lower = w.text.toLowerCase();
        w.lemma = w.lower;
      }
    }
    return { words: words.filter((w, i) => !(i > 0 && words[i - 1]!.code && w.start < words[i - 1]!.end)), start: s.start, end: s.end };
  });
}
