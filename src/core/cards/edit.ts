/**
 * Shaping the deck by hand: cards made from a selection or from nothing, edits, tags, deletion with
 * undo, and resolving a source the re-anchoring flagged. Every write goes through collection.transact.
 */
import { LecternError } from '../../shared/contract';
import type { CardItem, CardKind } from '../../shared/contract/card-models';
import type { Collection } from '../collection';
import { newId } from '../ids';
import { requireArticle } from '../library/articles';
import { getCardItem } from '../storage/card-search';
import {
  copyCardRows,
  deleteCardRows,
  readCardTags,
  restoreCardRows,
  writeCardContent,
  writeCardSource,
  writeCardTags,
  type CardRows,
} from '../storage/card-edits';
import { insertCard } from '../storage/cards';
import { deckForArticle } from '../storage/decks';
import { clozeFromSelection, sourceWithContext, trimSpan, type SourceSpan } from './provenance';

const CLOZE = /\{\{c\d+::[\s\S]+?\}\}/;

export function requireCard(collection: Collection, cardId: string): CardItem {
  const card = getCardItem(collection.db, cardId);
  if (!card) throw new LecternError('not_found', 'That card is not in your collection (was it deleted?).');
  return card;
}

interface Content {
  kind: CardKind;
  text: string | null;
  front: string | null;
  back: string | null;
}

/** Refuses a card that could not be studied: a cloze without a gap, a question or answer left empty. */
function checkContent(content: Content): Content {
  if (content.kind === 'qa') {
    const front = content.front?.trim() ?? '';
    const back = content.back?.trim() ?? '';
    if (!front) throw new LecternError('bad_input', 'Write a question on the front of the card.');
    if (!back) throw new LecternError('bad_input', 'Write the answer on the back of the card.');
    return { kind: 'qa', text: null, front, back };
  }
  const text = content.text?.trim() ?? '';
  if (!CLOZE.test(text)) {
    throw new LecternError('bad_input', 'A cloze card needs at least one gap, written {{c1::answer}}.');
  }
  return { kind: content.kind, text, front: null, back: null };
}

function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter((t) => t.length > 0))].sort((a, b) => a.localeCompare(b));
}

export interface NewCardRequest {
  articleId: string;
  sectionIndex: number;
  kind: CardKind;
  /** Cloze text; left out with a selection, the selection becomes the gap of its sentence. */
  text?: string | undefined;
  front?: string | undefined;
  back?: string | undefined;
  tags?: readonly string[] | undefined;
  /** The passage the card is about (offsets into one paragraph of the section); none for a free card. */
  selection?: { paragraphIndex: number; start: number; end: number } | undefined;
}

/** Makes a card by hand in an article's section; returns it as the browser shows it. */
export function createCard(collection: Collection, request: NewCardRequest): CardItem {
  const { value } = collection.transact((changes) => {
    const { db } = collection;
    const article = requireArticle(collection, request.articleId);
    const section = article.sections[request.sectionIndex];
    if (!section) throw new LecternError('not_found', `This article has no section ${request.sectionIndex + 1}.`);
    const deck = deckForArticle(db, article.id);
    if (!deck) throw new LecternError('not_found', 'This article has no deck to add the card to.');

    let source: SourceSpan | null = null;
    let text = request.text ?? null;
    if (request.selection) {
      const paragraph = section.paragraphs[request.selection.paragraphIndex];
      if (paragraph === undefined) throw new LecternError('not_found', 'That paragraph is not in this section any more.');
      const { start, end } = request.selection;
      if (end > paragraph.length || start >= end) throw new LecternError('bad_input', 'The selection is outside its paragraph.');
      const span = trimSpan(paragraph, start, end);
      if (span.end <= span.start) throw new LecternError('bad_input', 'Select some words, not only spaces.');
      if (request.kind === 'cloze' && text === null) {
        const made = clozeFromSelection(paragraph, span.start, span.end);
        text = made.text;
        source = made.source;
      } else {
        source = sourceWithContext(paragraph, span.start, span.end);
      }
    }
    const content = checkContent({ kind: request.kind, text, front: request.front ?? null, back: request.back ?? null });
    const id = newId();
    insertCard(db, {
      id,
      deckId: deck.id,
      articleId: article.id,
      sectionIndex: request.sectionIndex,
      ...content,
      source: source && request.selection ? { paragraphIndex: request.selection.paragraphIndex, ...source } : null,
      sourceStatus: source ? 'ok' : null,
      tags: cleanTags(request.tags ?? []),
      now: collection.clock.now(),
    });
    changes.mark('cards', 'queue');
    return id;
  });
  return requireCard(collection, value);
}

export interface CardEdit {
  text?: string | undefined;
  front?: string | undefined;
  back?: string | undefined;
  tags?: readonly string[] | undefined;
  /** The user checked the card against its changed passage: its source becomes that passage, status ok. */
  sourceChecked?: boolean | undefined;
}

/** Edits a card's content and tags; its memory and history stay. */
export function updateCard(collection: Collection, cardId: string, edit: CardEdit): CardItem {
  collection.transact((changes) => {
    const card = requireCard(collection, cardId);
    const content = checkContent({
      kind: card.kind,
      text: edit.text ?? card.text,
      front: edit.front ?? card.front,
      back: edit.back ?? card.back,
    });
    writeCardContent(collection.db, cardId, { ...content, tags: cleanTags(edit.tags ?? card.tags) }, collection.clock.now());
    if (edit.sourceChecked) keepSource(collection, card);
    changes.mark('cards');
  });
  return requireCard(collection, cardId);
}

/**
 * "Keep": a changed card adopts its passage as it reads now (status ok); a missing card stays in its
 * section as a card without a passage. Must run in a transaction.
 */
function keepSource(collection: Collection, card: CardItem): void {
  const now = collection.clock.now();
  const base = { id: card.id, sectionIndex: card.sectionIndex };
  if (card.sourceStatus === 'missing' || !card.source || card.articleId === null || card.sectionIndex === null) {
    if (card.sourceStatus === 'missing') {
      writeCardSource(
        collection.db,
        { ...base, paragraphIndex: null, start: null, end: null, quote: null, prefix: null, suffix: null, status: null },
        now,
      );
    }
    return;
  }
  const article = requireArticle(collection, card.articleId);
  const paragraph = article.sections[card.sectionIndex]?.paragraphs[card.source.paragraphIndex] ?? '';
  const end = Math.min(card.source.end, paragraph.length);
  const span = sourceWithContext(paragraph, Math.min(card.source.start, end), end);
  writeCardSource(collection.db, { ...base, paragraphIndex: card.source.paragraphIndex, ...span, status: 'ok' }, now);
}

/** Resolves a flagged source by keeping the card (edits and deletion have their own commands). */
export function resolveSource(collection: Collection, cardId: string): CardItem {
  collection.transact((changes) => {
    keepSource(collection, requireCard(collection, cardId));
    changes.mark('cards');
  });
  return requireCard(collection, cardId);
}

/** Adds and removes tags on many cards at once; returns how many cards changed. */
export function tagCards(collection: Collection, cardIds: readonly string[], add: readonly string[], remove: readonly string[]): number {
  const { value } = collection.transact((changes) => {
    const now = collection.clock.now();
    const dropped = new Set(remove.map((t) => t.trim()));
    let changed = 0;
    for (const [id, tags] of readCardTags(collection.db, cardIds)) {
      const next = cleanTags([...tags.filter((t) => !dropped.has(t)), ...add]);
      if (JSON.stringify(next) === JSON.stringify(tags)) continue;
      writeCardTags(collection.db, id, next, now);
      changed++;
    }
    if (changed > 0) changes.mark('cards');
    return changed;
  });
  return value;
}

/** Deleted cards, kept whole (with their review logs) in memory so "Undo" can put them back until the app closes. */
const deleted = new WeakMap<Collection, Map<string, CardRows>>();
const KEPT_DELETIONS = 50;

export function deleteCards(collection: Collection, cardIds: readonly string[]): { undoToken: string; deleted: number } {
  const { value } = collection.transact((changes) => {
    const rows = copyCardRows(collection.db, cardIds);
    if (rows.cards.length === 0) throw new LecternError('not_found', 'Those cards are not in your collection (already deleted?).');
    deleteCardRows(collection.db, cardIds);
    changes.mark('cards', 'queue');
    return rows;
  });
  const undoToken = newId();
  const store = deleted.get(collection) ?? new Map<string, CardRows>();
  deleted.set(collection, store);
  store.set(undoToken, value);
  if (store.size > KEPT_DELETIONS) store.delete(store.keys().next().value!);
  return { undoToken, deleted: value.cards.length };
}

export function undoDeleteCards(collection: Collection, undoToken: string): string[] {
  const rows = deleted.get(collection)?.get(undoToken);
  if (!rows) throw new LecternError('not_found', 'There is nothing to undo: the deletion is too old or was already undone.');
  try {
    collection.transact((changes) => {
      restoreCardRows(collection.db, rows);
      changes.mark('cards', 'queue');
    });
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_CONSTRAINT')) {
      throw new LecternError('conflict', 'These cards cannot come back: their article was deleted since.');
    }
    throw error;
  }
  deleted.get(collection)!.delete(undoToken);
  return rows.cards.map((c) => c.id as string);
}
