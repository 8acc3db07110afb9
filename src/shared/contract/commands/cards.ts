import { z } from 'zod';
import { CardFaces, CardItem, CardKind, CardList, CardListInput, Selection, Tag } from '../card-models';
import { Id } from '../models';
import type { CommandSpec } from './spec';

/** Many cards at once (the browser's bulk actions). Suspending and flagging are `card.suspend` / `card.flag`. */
const CardIds = z.array(Id).min(1).max(5000);
const CardText = z.string().max(20_000);
const Deleted = z.object({ undoToken: z.string(), deleted: z.number().int().min(0) });

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
    output: CardItem,
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
} as const satisfies Record<string, CommandSpec>;
