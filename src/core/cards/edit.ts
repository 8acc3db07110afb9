/**
 * Shaping the deck by hand: cards made from a selection or from nothing, edits, tags, deletion with
 * undo, and resolving a source the re-anchoring flagged. Every write goes through collection.transact.
 */
import { LecternError } from '../../shared/contract';
import type { CardItem, CardKind } from '../../shared/contract/card-models';
import type { Collection } from '../collection';
import { newId } from '../ids';
import { requireArticle } from '../library/articles';
import { cardItem } from './browse';
import { deleteCardRows, readCardTags, writeCardContent, writeCardSource, writeCardTags } from '../storage/card-edits';
import { insertCard } from '../storage/cards';
import { deckForArticle } from '../storage/decks';
import { undo, undoable } from '../undo';
import { clozeFromSelection, sourceWithContext, trimSpan, type SourceSpan } from './provenance';

const CLOZE = /\{\{c\d+::[\s\S]+?\}\}/;

export function requireCard(collection: Collection, cardId: string): CardItem {
  const card = cardItem(collection, cardId);
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

/** Makes a card by hand in an article's section (one undo step); returns it as the browser shows it, with the step. */
export function createCard(collection: Collection, request: NewCardRequest): CardItem & { undoToken: string } {
  const { value, stepId } = undoable(collection, 'create', (track, changes) => {
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
    track.cards([id]);
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
  return { ...requireCard(collection, value), undoToken: stepId! };
}

export interface CardEdit {
  text?: string | undefined;
  front?: string | undefined;
  back?: string | undefined;
  tags?: readonly string[] | undefined;
  /** The user checked the card against its changed passage: its source becomes that passage, status ok. */
  sourceChecked?: boolean | undefined;
}

/** Edits a card's content and tags (one undo step); its memory and history stay. */
export function updateCard(collection: Collection, cardId: string, edit: CardEdit): CardItem {
  undoable(collection, 'edit', (track, changes) => {
    const card = requireCard(collection, cardId);
    track.cards([cardId]);
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
  undoable(collection, 'edit', (track, changes) => {
    track.cards([cardId]);
    keepSource(collection, requireCard(collection, cardId));
    changes.mark('cards');
  });
  return requireCard(collection, cardId);
}

/** Adds and removes tags on many cards at once (one undo step); returns how many cards changed. */
export function tagCards(collection: Collection, cardIds: readonly string[], add: readonly string[], remove: readonly string[]): number {
  const { value } = undoable(collection, 'tag', (track, changes) => {
    const now = collection.clock.now();
    const dropped = new Set(remove.map((t) => t.trim()));
    let changed = 0;
    for (const [id, tags] of readCardTags(collection.db, cardIds)) {
      const next = cleanTags([...tags.filter((t) => !dropped.has(t)), ...add]);
      if (JSON.stringify(next) === JSON.stringify(tags)) continue;
      track.cards([id]);
      writeCardTags(collection.db, id, next, now);
      changed++;
    }
    if (changed > 0) changes.mark('cards');
    return changed;
  });
  return value;
}

/**
 * Deletes cards with their review logs, as one undo step: the step keeps the whole rows, so "Undo"
 * (its token) or Ctrl+Z puts them back until the app closes or the step falls off the stack.
 */
export function deleteCards(collection: Collection, cardIds: readonly string[]): { undoToken: string; deleted: number } {
  const { value, stepId } = undoable(collection, 'delete', (track, changes) => {
    const present = cardIds.filter((id) => collection.db.prepare('SELECT 1 FROM cards WHERE id = ?').get(id) !== undefined);
    if (present.length === 0) throw new LecternError('not_found', 'Those cards are not in your collection (already deleted?).');
    track.cards(present, { logs: true });
    const deletedCount = deleteCardRows(collection.db, present);
    changes.mark('cards', 'queue');
    return deletedCount;
  });
  return { undoToken: stepId!, deleted: value };
}

/** Undoes a deletion by its token; returns the cards that came back. */
export function undoDeleteCards(collection: Collection, undoToken: string): string[] {
  try {
    const done = undo(collection, undoToken);
    return done ? done.cardIds : [];
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_CONSTRAINT')) {
      throw new LecternError('conflict', 'These cards cannot come back: their article was deleted since.');
    }
    throw error;
  }
}
