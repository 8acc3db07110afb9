/**
 * A parsed search → one SQL condition over `cards c`, with every value from the user passed as a
 * parameter (never spliced into the SQL text). What needs the collection (deck names, section headings,
 * the study day) comes in through `SearchContext`, so this stays pure and testable.
 *
 * The meanings follow Anki's SQL writer (rslib/src/search/sqlwriter.rs), mapped onto Lectern's columns:
 * - words match anywhere in a card's text, front or back (cloze markup left out, hints kept), ignoring
 *   case and Latin accents; FTS5 (a trigram index) answers a single word of three letters or more, and
 *   narrows the rows for anything longer before the exact match (phrases, wildcards) runs;
 * - is:due is what Review would show now: review cards due today, (re)learning cards due within the
 *   learn-ahead window, neither suspended nor buried; is:learn counts relearning cards, and so does is:review;
 * - prop:due is in days from today (negative: overdue) and, as in Anki, leaves out new, suspended and
 *   buried cards; prop:ivl is the days between the last review and the due day (0 until a card is in review);
 * - prop:s is stability in days, prop:d difficulty scaled to 0–1 as in Anki ((D − 1) / 9), prop:r the
 *   probability of recall now, prop:ease Anki's ease mapped from difficulty (see `EASE_SQL`); all four
 *   leave out new cards, which have no memory state yet. = and != compare at two decimals;
 * - rated:N, added:N, edited:N count N study days back, today being 1.
 */
import type { CompareOp, Glob, SearchNode, SearchTerm } from './search-query';

export interface SearchContext {
  now: number;
  /** The end of today's study day. */
  todayEnd: number;
  /** How far ahead a learning card counts as due now (the reviewer's learn-ahead). */
  learnAheadMs: number;
  /** The start and end of the study day `offset` days from today. */
  dayBounds(offset: number): { start: number; end: number };
  /** Decks whose name matches (Anki's deck:, children included), and sections whose "deck::heading" does. */
  decksMatching(glob: Glob): { deckIds: string[]; sections: SectionRef[] };
  /** Sections whose heading matches. */
  sectionsMatching(glob: Glob): SectionRef[];
}

/** A section of an article: [article id, section index]. */
export type SectionRef = [string, number];

export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * SQL functions the conditions call, registered on the connection by the caller (browse.ts):
 * lectern_text(regex, text, front, back), lectern_regexp(regex, value),
 * lectern_day(ms) (the study day number), lectern_r(deck_id, stability, last_review, state).
 */
export const SEARCH_FUNCTIONS = ['lectern_text', 'lectern_regexp', 'lectern_day', 'lectern_r'] as const;

/**
 * prop:ease from FSRS difficulty D (1–10): 1.3 + (10 − D) × 2.2 / 9. The hardest card (D = 10) sits at
 * SM-2's floor of 1.3, a new card first answered Good (D ≈ 5.3 with the default parameters) near SM-2's
 * starting ease of 2.5, and the easiest (D = 1) at 3.5. Anki itself, with FSRS on, stores (D − 1) / 9 +
 * 0.1 in the ease column, a scale no SM-2 habit fits; this keeps prop:ease<2 meaning "hard cards".
 */
export const EASE_SQL = '(1.3 + (10 - c.difficulty) * 2.2 / 9)';

const BURIED = '(c.buried_until IS NOT NULL AND c.buried_until > @now)';
const NOT_BURIED = `NOT ${BURIED}`;

/** A glob as a JavaScript regular expression source (the caller adds flags i, u, s). */
export function globRegex(glob: Glob, anchored: boolean, tail = ''): string {
  const body = glob
    .map((part) => (part.kind === 'text' ? foldForSearch(part.text).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : part.kind === 'any' ? '.*' : '.'))
    .join('');
  return anchored ? `^(?:${body})${tail}$` : body;
}

/** Case and Latin accents out (as FTS5's remove_diacritics does), as the card text is folded before matching. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]+/g, '').normalize('NFC').toLowerCase();
}

/** Runs of three or more letters or digits in a word search: FTS5's trigram index can look them up. */
export function trigramPieces(glob: Glob): string[] {
  const pieces: string[] = [];
  for (const part of glob) {
    if (part.kind !== 'text') continue;
    for (const run of foldForSearch(part.text).match(/[\p{L}\p{N}]{3,}/gu) ?? []) pieces.push(run);
  }
  return [...new Set(pieces)].slice(0, 16);
}

function isOneWord(glob: Glob): boolean {
  return glob.length === 1 && glob[0]!.kind === 'text' && /^[\p{L}\p{N}]{3,}$/u.test(foldForSearch(glob[0]!.text));
}

class Writer {
  readonly params: Record<string, unknown> = {};
  private n = 0;
  constructor(private readonly ctx: SearchContext) {}

  param(value: unknown): string {
    const name = `s${++this.n}`;
    this.params[name] = value;
    return `@${name}`;
  }

  node(node: SearchNode): string {
    switch (node.type) {
      case 'and':
        return `(${node.nodes.map((n) => this.node(n)).join(' AND ')})`;
      case 'or':
        return `(${node.nodes.map((n) => this.node(n)).join(' OR ')})`;
      case 'not':
        return `(NOT ${this.node(node.node)})`;
      case 'term':
        return this.term(node.term);
    }
  }

  private list(values: readonly string[]): string {
    return `(SELECT value FROM json_each(${this.param(JSON.stringify(values))}))`;
  }

  /** A row-value IN, so the (article_id, section_index) index serves it. */
  private inSections(sections: SectionRef[]): string {
    return `(c.article_id, c.section_index) IN (SELECT value ->> 0, value ->> 1 FROM json_each(${this.param(JSON.stringify(sections))}))`;
  }

  private compare(expr: string, op: CompareOp, value: number, rounded: boolean): string {
    if (rounded && (op === '=' || op === '!=')) return `round(${expr}, 2) ${op} ${this.param(Math.round(value * 100) / 100)}`;
    return `${expr} ${op} ${this.param(value)}`;
  }

  private since(days: number): string {
    return this.param(this.ctx.dayBounds(-(days - 1)).start);
  }

  private term(term: SearchTerm): string {
    switch (term.type) {
      case 'all':
        return '1';
      case 'text': {
        const pieces = trigramPieces(term.glob);
        const match = pieces.map((p) => `"${p.replace(/"/g, '""')}"`).join(' AND ');
        const indexed = `c.id IN (SELECT k.card_id FROM cards_text_keys k WHERE k.fts_row IN (SELECT rowid FROM cards_text WHERE cards_text MATCH ${this.param(match)}))`;
        // One word of three letters or more: the trigram index alone answers it.
        if (isOneWord(term.glob)) return indexed;
        const exact = `lectern_text(${this.param(globRegex(term.glob, false))}, c.text, c.front, c.back)`;
        return pieces.length === 0 ? exact : `(${indexed} AND ${exact})`;
      }
      case 'field': {
        const column = term.field === 'text' ? "CASE WHEN c.kind = 'qa' THEN NULL ELSE c.text END" : `c.${term.field}`;
        return `lectern_regexp(${this.param(globRegex(term.glob, true))}, ${column})`;
      }
      case 'deck': {
        const { deckIds, sections } = this.ctx.decksMatching(term.glob);
        const parts = [];
        if (deckIds.length > 0) parts.push(`c.deck_id IN ${this.list(deckIds)}`);
        if (sections.length > 0) parts.push(this.inSections(sections));
        return parts.length > 0 ? `(${parts.join(' OR ')})` : '0';
      }
      case 'section': {
        const sections = this.ctx.sectionsMatching(term.glob);
        return sections.length > 0 ? this.inSections(sections) : '0';
      }
      case 'tag':
        return `EXISTS (SELECT 1 FROM json_each(c.tags) t WHERE lectern_regexp(${this.param(globRegex(term.glob, true, '(?:::.*)?'))}, t.value))`;
      case 'untagged':
        return "(c.tags = '[]')";
      case 'state':
        return this.state(term.state);
      case 'flag':
        return `c.flag = ${this.param(term.flag)}`;
      case 'card': {
        const kinds = (['cloze', 'qa', 'list'] as const).filter((kind) =>
          KIND_NAMES[kind].some((name) => new RegExp(globRegex(term.glob, true), 'isu').test(name)),
        );
        return kinds.length > 0 ? `c.kind IN ${this.list(kinds)}` : '0';
      }
      case 'ord':
        // Every card is the first card of its note until notes with several cards exist.
        return term.ord === 1 ? '1' : '0';
      case 'prop':
        return this.prop(term);
      case 'rated': {
        const rating = term.rating === null ? 'rating > 0' : `rating = ${this.param(term.rating)}`;
        return `c.id IN (SELECT card_id FROM review_logs WHERE reviewed_at >= ${this.since(term.days)} AND ${rating})`;
      }
      case 'added':
        return `c.created_at >= ${this.since(term.days)}`;
      case 'edited':
        return `coalesce(c.edited_at, c.created_at) >= ${this.since(term.days)}`;
      case 'passage':
        return term.status === 'none' ? 'c.source_status IS NULL' : `c.source_status = ${this.param(term.status)}`;
    }
  }

  private state(state: Extract<SearchTerm, { type: 'state' }>['state']): string {
    this.params.now = this.ctx.now;
    switch (state) {
      case 'new':
        return 'c.state = 0';
      case 'learn':
        return 'c.state IN (1, 3)';
      case 'review':
        return 'c.state IN (2, 3)';
      case 'suspended':
        return 'c.suspended = 1';
      case 'buried':
        return BURIED;
      case 'due':
        return `(c.suspended = 0 AND ${NOT_BURIED} AND ((c.state = 2 AND c.due < ${this.param(this.ctx.todayEnd)}) OR (c.state IN (1, 3) AND c.due <= ${this.param(this.ctx.now + this.ctx.learnAheadMs)})))`;
    }
  }

  private prop(term: Extract<SearchTerm, { type: 'prop' }>): string {
    const { op, value } = term;
    switch (term.prop) {
      case 'reps':
      case 'lapses':
        return this.compare(`c.${term.prop}`, op, value, false);
      case 'ivl':
        return this.compare('(CASE WHEN c.state = 2 AND c.last_review IS NOT NULL THEN lectern_day(c.due) - lectern_day(c.last_review) ELSE 0 END)', op, value, false);
      case 'due': {
        this.params.now = this.ctx.now;
        const { start, end } = this.ctx.dayBounds(value);
        const s = this.param(start);
        const e = this.param(end);
        const range = { '=': `c.due >= ${s} AND c.due < ${e}`, '!=': `(c.due < ${s} OR c.due >= ${e})`, '<': `c.due < ${s}`, '<=': `c.due < ${e}`, '>': `c.due >= ${e}`, '>=': `c.due >= ${s}` }[op];
        return `(c.state <> 0 AND c.suspended = 0 AND ${NOT_BURIED} AND ${range})`;
      }
      case 'ease':
        return `(c.state <> 0 AND ${this.compare(EASE_SQL, op, value, true)})`;
      case 's':
        return `(c.state <> 0 AND ${this.compare('c.stability', op, value, true)})`;
      case 'd':
        return `(c.state <> 0 AND ${this.compare('((c.difficulty - 1) / 9.0)', op, value, true)})`;
      case 'r':
        return `(c.state <> 0 AND ${this.compare('lectern_r(c.deck_id, c.stability, c.last_review, c.state)', op, value, true)})`;
    }
  }
}

/** The names `card:` knows each kind by (Anki's "Cloze" note type; "Basic" for question and answer). */
export const KIND_NAMES = { cloze: ['cloze'], qa: ['qa', 'q&a', 'basic'], list: ['list'] } as const;

export function searchToSql(node: SearchNode, ctx: SearchContext): SqlCondition {
  const writer = new Writer(ctx);
  const sql = writer.node(node);
  return { sql, params: writer.params };
}
