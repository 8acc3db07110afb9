import { z } from 'zod';
import { BulkAction, CardFaces, CardItem, CardKind, CardList, CardListInput, CardTarget, Selection, Tag } from '../card-models';
import { Id } from '../models';
import { UndoAction } from '../review-models';
import type { CommandSpec } from './spec';

/** Many cards at once by id (the browser sends its bulk actions as `cards.bulk`). */
const CardIds = z.array(Id).min(1).max(20_000);
const CardText = z.string().max(20_000);
const Deleted = z.object({ undoToken: z.string(), deleted: z.number().int().min(0) });
const SavedSearch = z.object({ id: Id, name: z.string(), query: z.string() });
const SearchName = z.string().max(200);
const SearchText = z.string().max(2000);
/** One step of the collection's undo stack, as a label needs it. */
const UndoneStep = z.object({ stepId: z.string(), action: UndoAction, cardId: z.string(), cards: z.number().int().min(0) });

/** Cards by hand: the reader's card panel, the card editor and the card browser. */
export const cardCommands = {
  'cards.list': {
    input: CardListInput,
    output: CardList,
    mutates: false,
  },
  'cards.forSection': {
    input: z.object({ articleId: Id, sectionIndex: z.number().int().min(0) }).strict(),
    output: z.object({ cards: z.array(CardItem) }),
    mutates: false,
  },
  'card.get': {
    input: z.object({ cardId: Id }).strict(),
    output: CardItem,
    mutates: false,
  },
  /** The faces a card would show (cloze gaps rendered), for the editor's live preview. */
  'card.preview': {
    input: z.object({ kind: CardKind, text: CardText.nullable(), front: CardText.nullable(), back: CardText.nullable() }).strict(),
    output: CardFaces,
    mutates: false,
  },
  /**
   * A card in a section: a cloze of a selection (kind 'cloze', a selection and no text: the selection
   * becomes the gap of its sentence), a Q&A about a selection, or a card without a passage.
   */
  'card.create': {
    input: z
      .object({
        articleId: Id,
        sectionIndex: z.number().int().min(0),
        kind: CardKind,
        text: CardText.optional(),
        front: CardText.optional(),
        back: CardText.optional(),
        tags: z.array(Tag).max(100).optional(),
        selection: Selection.optional(),
      })
      .strict(),
    /** `undoToken` undoes the creation (collection.undo), as Ctrl+Z does while it is the last change. */
    output: CardItem.extend({ undoToken: z.string() }),
    mutates: true,
  },
  'card.update': {
    input: z
      .object({
        cardId: Id,
        text: CardText.optional(),
        front: CardText.optional(),
        back: CardText.optional(),
        tags: z.array(Tag).max(100).optional(),
        /** Also accept the card's changed passage as its source (status ok). */
        sourceChecked: z.boolean().optional(),
      })
      .strict(),
    output: CardItem,
    mutates: true,
  },
  'card.delete': {
    input: z.object({ cardId: Id }).strict(),
    output: Deleted,
    mutates: true,
  },
  'card.undoDelete': {
    input: z.object({ undoToken: z.string().max(100) }).strict(),
    output: z.object({ cardIds: z.array(Id) }),
    mutates: true,
  },
  /** "Keep" a card whose passage changed (it adopts the passage as it reads now) or went missing (it stays, without a passage). */
  'card.resolveSource': {
    input: z.object({ cardId: Id, action: z.literal('keep') }).strict(),
    output: CardItem,
    mutates: true,
  },
  'cards.delete': {
    input: z.object({ cardIds: CardIds }).strict(),
    output: Deleted,
    mutates: true,
  },
  'cards.tag': {
    input: z.object({ cardIds: CardIds, add: z.array(Tag).max(20), remove: z.array(Tag).max(20) }).strict(),
    output: z.object({ updated: z.number().int().min(0) }),
    mutates: true,
  },
  /** One action on the selected cards, or on every card a search finds: one transaction, one undo step. */
  'cards.bulk': {
    input: z.object({ target: CardTarget, action: BulkAction }).strict(),
    output: z.object({ cards: z.number().int().min(0), undoToken: z.string().nullable() }),
    mutates: true,
  },

  /**
   * Undo in the collection's one stack (the reviewer's answers, the browser's edits and bulk actions,
   * cards made in the reader): the last change, or the change `undoToken` names (a message's "Undo").
   */
  'collection.undo': {
    input: z.object({ undoToken: z.string().max(100).optional() }).strict(),
    output: z.object({ undone: UndoneStep.nullable(), next: UndoneStep.nullable() }),
    mutates: true,
  },
  /** What Ctrl+Z would undo now, for a label ("Undo suspend"). */
  'collection.nextUndo': {
    input: z.object({}).strict(),
    output: z.object({ next: UndoneStep.nullable() }),
    mutates: false,
  },

  /** Saved searches of the card browser's sidebar. */
  'searches.list': {
    input: z.object({}).strict(),
    output: z.object({ searches: z.array(SavedSearch) }),
    mutates: false,
  },
  'search.save': {
    input: z.object({ name: SearchName, query: SearchText }).strict(),
    output: SavedSearch,
    mutates: true,
  },
  'search.update': {
    input: z.object({ id: Id, name: SearchName.optional(), query: SearchText.optional() }).strict(),
    output: SavedSearch,
    mutates: true,
  },
  'search.delete': {
    input: z.object({ id: Id }).strict(),
    output: z.object({}),
    mutates: true,
  },
} as const satisfies Record<string, CommandSpec>;
