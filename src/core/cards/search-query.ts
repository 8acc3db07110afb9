/**
 * Anki's search language, for what Lectern has: a pure parser from the text of the search box to a
 * tree. It follows Anki's parser (rslib/src/search/parser.rs) in what it accepts and refuses: words and
 * "quoted phrases" (matched anywhere in a card, `*` and `_` as wildcards), `-` to negate, `and` (or
 * nothing) and `or`, parentheses, and the `key:value` searches listed in `SEARCH_KEYS`. A malformed
 * search is refused with a sentence saying what is wrong and where; nothing is guessed.
 */

/** A value with Anki's wildcards: `*` any run of characters, `_` one character; `\*`, `\_` are literal. */
export type GlobPart = { kind: 'text'; text: string } | { kind: 'any' } | { kind: 'one' };
export type Glob = GlobPart[];

export type CompareOp = '=' | '!=' | '<' | '>' | '<=' | '>=';
export type StateName = 'new' | 'learn' | 'review' | 'due' | 'suspended' | 'buried';
export type PropName = 'ivl' | 'due' | 'reps' | 'lapses' | 'ease' | 's' | 'd' | 'r';
export type FieldName = 'text' | 'front' | 'back';
export type PassageStatus = 'ok' | 'changed' | 'missing' | 'none';

export type SearchTerm =
  | { type: 'all' }
  | { type: 'text'; glob: Glob }
  | { type: 'field'; field: FieldName; glob: Glob }
  | { type: 'deck'; glob: Glob }
  | { type: 'section'; glob: Glob }
  | { type: 'tag'; glob: Glob }
  | { type: 'untagged' }
  | { type: 'state'; state: StateName }
  | { type: 'flag'; flag: number }
  | { type: 'card'; glob: Glob }
  | { type: 'ord'; ord: number }
  | { type: 'prop'; prop: PropName; op: CompareOp; value: number }
  | { type: 'rated'; days: number; rating: number | null }
  | { type: 'added'; days: number }
  | { type: 'edited'; days: number }
  | { type: 'passage'; status: PassageStatus };

export type SearchNode =
  | { type: 'and'; nodes: SearchNode[] }
  | { type: 'or'; nodes: SearchNode[] }
  | { type: 'not'; node: SearchNode }
  | { type: 'term'; term: SearchTerm };

export class SearchSyntaxError extends Error {
  override readonly name = 'SearchSyntaxError';
}

/** The keys Lectern knows, for the help and for the message about an unknown one. */
export const SEARCH_KEYS = ['deck', 'section', 'tag', 'is', 'flag', 'card', 'prop', 'rated', 'added', 'edited', 'passage', 'text', 'front', 'back'] as const;

const STATES: readonly StateName[] = ['new', 'learn', 'review', 'due', 'suspended', 'buried'];
const PROPS: readonly PropName[] = ['ivl', 'due', 'reps', 'lapses', 'ease', 's', 'd', 'r'];
/** Far enough for any card, near enough that a study day can still be computed. */
export const MAX_DAYS = 100_000;

const isSpace = (c: string | undefined) => c !== undefined && /\s/u.test(c);
const quote = (s: string) => `“${s}”`;

// ---- Values: escapes and wildcards ------------------------------------------------------------

/** Characters a backslash may escape (Anki's list): the parser's own, and the wildcards. */
const ESCAPABLE = new Set(['\\', '"', ':', '(', ')', '-', '*', '_']);

function badEscape(value: string, at: number): never {
  const seq = value.slice(at, at + 2);
  throw new SearchSyntaxError(
    seq === '\\'
      ? `${quote(value)} ends with a lone backslash: write \\\\ to search for a backslash.`
      : `${quote(seq)} is not an escape Lectern knows: a backslash escapes \\ " : ( ) - * or _ (write \\\\ for a backslash).`,
  );
}

/** A value with its wildcards: `*` and `_` are wildcards unless escaped. */
export function parseGlob(value: string): Glob {
  const parts: Glob = [];
  let text = '';
  const flush = () => {
    if (text) parts.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\') {
      const next = value[i + 1];
      if (next === undefined || !ESCAPABLE.has(next)) badEscape(value, i);
      text += next;
      i++;
    } else if (c === '*') {
      flush();
      if (parts.at(-1)?.kind !== 'any') parts.push({ kind: 'any' });
    } else if (c === '_') {
      flush();
      parts.push({ kind: 'one' });
    } else text += c;
  }
  flush();
  return parts;
}

/** A value without wildcards (numbers, states): escapes undone, `*` and `_` kept as written. */
function plainValue(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = value[i + 1];
    if (next === undefined || !ESCAPABLE.has(next)) badEscape(value, i);
    out += next;
    i++;
  }
  return out;
}

export function globText(glob: Glob): string {
  return glob.map((p) => (p.kind === 'text' ? p.text.replace(/[\\*_]/g, '\\$&') : p.kind === 'any' ? '*' : '_')).join('');
}

// ---- Terms ----------------------------------------------------------------------------------------

function wholeNumber(value: string, what: string, min = 0): number {
  if (!/^-?\d+$/.test(value) || Number(value) < min) {
    throw new SearchSyntaxError(`${what} takes a whole number${min === 0 ? ' (0 or more)' : ''}, not ${quote(value)}.`);
  }
  return Math.max(-MAX_DAYS, Math.min(MAX_DAYS, Number(value)));
}

function days(value: string, key: string): number {
  return Math.max(1, wholeNumber(value, `${key}: (days back, 1 = today)`));
}

function parseProp(raw: string): SearchTerm {
  const value = plainValue(raw);
  const match = /^([a-z]+)(<=|>=|!=|=|<|>)(.*)$/i.exec(value);
  const prop = match?.[1]?.toLowerCase();
  if (!match || !prop || !PROPS.includes(prop as PropName)) {
    const name = /^[a-z]*/i.exec(value)?.[0] ?? '';
    if (name && PROPS.includes(name.toLowerCase() as PropName)) {
      throw new SearchSyntaxError(`prop:${name} needs a comparison: =, !=, <, >, <= or >=, then a number (such as prop:${name}>3).`);
    }
    throw new SearchSyntaxError(`${quote(`prop:${value}`)} is not a property Lectern knows: use prop:ivl, due, reps, lapses, ease, s, d or r with a comparison, such as prop:ivl>=10.`);
  }
  const op = match[2] as CompareOp;
  const number = match[3]!;
  const name = prop as PropName;
  if (name === 'ivl' || name === 'reps' || name === 'lapses') {
    return { type: 'prop', prop: name, op, value: wholeNumber(number, `prop:${name}`) };
  }
  if (name === 'due') {
    if (!/^-?\d+$/.test(number)) throw new SearchSyntaxError(`prop:due takes a whole number of days from today (negative for overdue), not ${quote(number)}.`);
    return { type: 'prop', prop: name, op, value: Math.max(-MAX_DAYS, Math.min(MAX_DAYS, Number(number))) };
  }
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(number)) throw new SearchSyntaxError(`prop:${name} takes a number, not ${quote(number)}.`);
  return { type: 'prop', prop: name, op, value: Number(number) };
}

function parseRated(raw: string): SearchTerm {
  const [back, button, ...rest] = plainValue(raw).split(':');
  if (rest.length > 0 || back === undefined) throw new SearchSyntaxError(`rated: is rated:N or rated:N:B (N days back, B the button 1–4), not ${quote(`rated:${raw}`)}.`);
  const n = days(back, 'rated');
  if (button === undefined) return { type: 'rated', days: n, rating: null };
  if (!/^[1-4]$/.test(button)) throw new SearchSyntaxError(`The answer button in rated:${back}:${button} must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).`);
  return { type: 'rated', days: n, rating: Number(button) };
}

function parseState(raw: string): SearchTerm {
  const value = plainValue(raw).toLowerCase();
  if (!STATES.includes(value as StateName)) {
    throw new SearchSyntaxError(`${quote(`is:${raw}`)} is not a state Lectern knows: use is:new, is:learn, is:review, is:due, is:suspended or is:buried.`);
  }
  return { type: 'state', state: value as StateName };
}

function parseFlag(raw: string): SearchTerm {
  const value = plainValue(raw);
  if (!/^[0-7]$/.test(value)) throw new SearchSyntaxError(`flag: takes 0 (no flag) to 7 (1 red, 2 orange, 3 green, 4 blue, 5 pink, 6 turquoise, 7 purple), not ${quote(value)}.`);
  return { type: 'flag', flag: Number(value) };
}

function parseCard(raw: string): SearchTerm {
  if (/^\d+$/.test(raw)) return { type: 'ord', ord: Math.max(1, Math.min(MAX_DAYS, Number(raw))) };
  return { type: 'card', glob: parseGlob(raw) };
}

function parsePassage(raw: string): SearchTerm {
  const value = plainValue(raw).toLowerCase();
  if (value !== 'ok' && value !== 'changed' && value !== 'missing' && value !== 'none') {
    throw new SearchSyntaxError(`passage: takes ok, changed, missing or none, not ${quote(raw)}.`);
  }
  return { type: 'passage', status: value };
}

function parseTag(raw: string): SearchTerm {
  if (raw === 'none') return { type: 'untagged' };
  const glob = parseGlob(raw);
  if (glob.length === 1 && glob[0]!.kind === 'any') return { type: 'all' };
  return { type: 'tag', glob };
}

function termWithKey(key: string, value: string, whole: string): SearchTerm {
  const name = key.toLowerCase();
  if (value === '' && name !== 'deck' && name !== 'section' && !['text', 'front', 'back'].includes(name)) {
    throw new SearchSyntaxError(`${quote(whole)} needs a value after the colon.`);
  }
  switch (name) {
    case 'deck':
      return value === '*' ? { type: 'all' } : { type: 'deck', glob: parseGlob(value) };
    case 'section':
      return { type: 'section', glob: parseGlob(value) };
    case 'tag':
      return parseTag(value);
    case 'is':
      return parseState(value);
    case 'flag':
      return parseFlag(value);
    case 'card':
      return parseCard(value);
    case 'prop':
      return parseProp(value);
    case 'rated':
      return parseRated(value);
    case 'added':
      return { type: 'added', days: days(plainValue(value), 'added') };
    case 'edited':
      return { type: 'edited', days: days(plainValue(value), 'edited') };
    case 'passage':
      return parsePassage(value);
    case 'text':
    case 'front':
    case 'back':
      return { type: 'field', field: name, glob: parseGlob(value) };
    default:
      throw new SearchSyntaxError(
        `Lectern has no search ${quote(`${key}:`)}. Known: deck:, section:, tag:, is:, flag:, card:, prop:, rated:, added:, edited:, passage:, text:, front:, back:. To search for a colon, write \\:.`,
      );
  }
}

/** A term's text (escapes still in it): `key:value` or words. */
function termOf(text: string): SearchTerm {
  // The first colon not escaped splits the key from the value.
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] === ':') {
      if (i === 0) throw new SearchSyntaxError(`${quote(text)} starts with a colon: to search for a colon, write \\:.`);
      return termWithKey(plainValue(text.slice(0, i)), text.slice(i + 1), text);
    }
  }
  return { type: 'text', glob: parseGlob(text) };
}

// ---- The grammar ---------------------------------------------------------------------------------

type Item = SearchNode | 'and' | 'or';

class Parser {
  private at = 0;
  constructor(private readonly input: string) {}

  parse(): SearchNode {
    const node = this.sequence(0);
    this.skipSpace();
    if (this.at < this.input.length) {
      // Only an unmatched ")" stops a sequence early.
      throw new SearchSyntaxError(`The ) at ${quote(this.context())} has no ( before it.`);
    }
    return node;
  }

  private context(): string {
    return this.input.slice(Math.max(0, this.at - 12), this.at + 12).trim();
  }

  private skipSpace(): void {
    while (isSpace(this.input[this.at])) this.at++;
  }

  /** Terms and operators up to a ")" or the end; `and` binds tighter than `or`, as in Anki's SQL. */
  private sequence(depth: number): SearchNode {
    const items: Item[] = [];
    for (;;) {
      this.skipSpace();
      const c = this.input[this.at];
      if (c === undefined || c === ')') break;
      const item = this.item(depth);
      const last = items.at(-1);
      if (item === 'and' || item === 'or') {
        if (last === undefined || last === 'and' || last === 'or') {
          throw new SearchSyntaxError(`${quote(item)} must stand between two search terms${last ? `, not after ${quote(last)}` : ''}.`);
        }
      } else if (last !== undefined && last !== 'and' && last !== 'or') items.push('and');
      items.push(item);
    }
    const last = items.at(-1);
    if (last === 'and' || last === 'or') throw new SearchSyntaxError(`${quote(last)} must stand between two search terms, but nothing follows it.`);
    if (items.length === 0) return { type: 'term', term: { type: 'all' } };
    const alternatives: SearchNode[][] = [[]];
    for (const item of items) {
      if (item === 'or') alternatives.push([]);
      else if (item !== 'and') alternatives.at(-1)!.push(item);
    }
    const groups = alternatives.map((nodes): SearchNode => (nodes.length === 1 ? nodes[0]! : { type: 'and', nodes }));
    return groups.length === 1 ? groups[0]! : { type: 'or', nodes: groups };
  }

  private item(depth: number): Item {
    const c = this.input[this.at];
    if (c === '-') {
      const next = this.input[this.at + 1];
      if (next !== undefined && !isSpace(next) && next !== ')') {
        this.at++;
        const inner = this.input[this.at] === '(' ? this.group(depth) : this.text();
        if (inner === 'and' || inner === 'or') return { type: 'not', node: { type: 'term', term: termOf(inner) } };
        return { type: 'not', node: inner };
      }
    }
    if (c === '(') return this.group(depth);
    return this.text();
  }

  private group(depth: number): SearchNode {
    const opened = this.at;
    if (depth > 100) throw new SearchSyntaxError('The search nests parentheses more than 100 deep.');
    this.at++;
    this.skipSpace();
    if (this.input[this.at] === ')') throw new SearchSyntaxError('An empty pair of parentheses () has nothing to search for.');
    const node = this.sequence(depth + 1);
    if (this.input[this.at] !== ')') {
      throw new SearchSyntaxError(`The ( at ${quote(this.input.slice(opened, opened + 20).trim())} is never closed: add a ).`);
    }
    this.at++;
    return node;
  }

  /** A quoted term, a term with a quoted value (deck:"a b"), or a bare word; `and` and `or` bare. */
  private text(): SearchNode | 'and' | 'or' {
    const start = this.at;
    if (this.input[this.at] === '"') return { type: 'term', term: termOf(this.quoted()) };
    let raw = '';
    for (;;) {
      const c = this.input[this.at];
      if (c === undefined || isSpace(c) || c === '(' || c === ')') break;
      if (c === '"') {
        // deck:"two words": the quotes may come right after the key's colon.
        if (raw.endsWith(':') && !raw.endsWith('\\:')) {
          raw += this.quoted();
          return { type: 'term', term: termOf(raw) };
        }
        break;
      }
      if (c === '\\') {
        const next = this.input[this.at + 1];
        if (next === undefined || isSpace(next)) badEscape(this.input.slice(start, this.at + 1), this.at - start);
        raw += c + next;
        this.at += 2;
        continue;
      }
      raw += c;
      this.at++;
    }
    if (raw === '') throw new SearchSyntaxError(`Unexpected ${quote(this.input[this.at] ?? '')} at ${quote(this.context())}.`);
    const lower = raw.toLowerCase();
    if (lower === 'and' || lower === 'or') return lower;
    return { type: 'term', term: termOf(raw) };
  }

  /** The text between double quotes (escapes kept for the term's own parsing). */
  private quoted(): string {
    const opened = this.at;
    this.at++;
    let raw = '';
    for (;;) {
      const c = this.input[this.at];
      if (c === undefined) throw new SearchSyntaxError(`The quote at ${quote(this.input.slice(opened, opened + 20))} is never closed: add a ".`);
      if (c === '"') break;
      if (c === '\\' && this.input[this.at + 1] !== undefined) {
        raw += c + this.input[this.at + 1];
        this.at += 2;
        continue;
      }
      raw += c;
      this.at++;
    }
    this.at++;
    if (raw === '') throw new SearchSyntaxError('An empty pair of quotes "" has nothing to search for.');
    return raw;
  }
}

/** Parses a search; throws SearchSyntaxError with a sentence for the user when it is malformed. */
export function parseSearch(input: string): SearchNode {
  return new Parser(input.trim()).parse();
}
