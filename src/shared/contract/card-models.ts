import { z } from 'zod';
import { Id } from './models';
import { FaceSegment } from './review-models';

/**
 * The DTOs of the card editor and the card browser. A card's `source` is where it came from
 * (INTERFACES.md): a span of one paragraph (UTF-16 offsets), its quote, and about 32 characters of
 * text before and after. `sourceStatus` says whether that passage is still in the article as quoted.
 */
export const CardKind = z.enum(['cloze', 'qa', 'list']);
export type CardKind = z.infer<typeof CardKind>;

export const SourceStatus = z.enum(['ok', 'changed', 'missing']);
export type SourceStatus = z.infer<typeof SourceStatus>;

export const CardSource = z.object({
  paragraphIndex: z.number().int().min(0),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  quote: z.string(),
  prefix: z.string().nullable(),
  suffix: z.string().nullable(),
});
export type CardSource = z.infer<typeof CardSource>;

export const CardItem = z.object({
  id: Id,
  deckId: Id,
  articleId: Id.nullable(),
  articleTitle: z.string().nullable(),
  sectionIndex: z.number().int().nullable(),
  sectionHeading: z.string().nullable(),
  kind: CardKind,
  text: z.string().nullable(),
  front: z.string().nullable(),
  back: z.string().nullable(),
  source: CardSource.nullable(),
  sourceStatus: SourceStatus.nullable(),
  tags: z.array(z.string()),
  suspended: z.boolean(),
  /** 0 none, 1–7 Anki's flag colours. */
  flag: z.number().int().min(0).max(7),
  /** ts-fsrs: 0 New, 1 Learning, 2 Review, 3 Relearning. */
  state: z.number().int().min(0).max(3),
  due: z.number(),
  /** The due date as study days from today (0 today, negative overdue); null for a new card. */
  dueDay: z.number().int().nullable(),
  reps: z.number().int().min(0),
  lapses: z.number().int().min(0),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type CardItem = z.infer<typeof CardItem>;

export const CardStateName = z.enum(['new', 'learning', 'review', 'relearning']);
export type CardStateName = z.infer<typeof CardStateName>;

/** Due, by the study day: before today, today (overdue included), tomorrow, within 7 days, later. */
export const DueFilter = z.enum(['overdue', 'today', 'tomorrow', 'week', 'later']);
export type DueFilter = z.infer<typeof DueFilter>;

export const CardSortKey = z.enum(['created', 'updated', 'due', 'position', 'text', 'reps', 'lapses']);
export type CardSortKey = z.infer<typeof CardSortKey>;

export const CardFilters = z
  .object({
    /** A search in Anki's language (words, "phrases", -, or, (), deck:, tag:, is:, prop:…); see docs/searching.md. */
    query: z.string().max(2000).optional(),
    articleId: Id.optional(),
    sectionIndex: z.number().int().min(0).optional(),
    kind: CardKind.optional(),
    state: CardStateName.optional(),
    due: DueFilter.optional(),
    flag: z.number().int().min(0).max(7).optional(),
    suspended: z.boolean().optional(),
    /** 'none': cards without a source passage (free cards, Anki imports). */
    sourceStatus: z.enum(['ok', 'changed', 'missing', 'none']).optional(),
  })
  .strict();
export type CardFilters = z.infer<typeof CardFilters>;

export const CardListInput = CardFilters.extend({
  sort: CardSortKey.default('created'),
  descending: z.boolean().default(false),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
}).strict();
export type CardListInput = z.input<typeof CardListInput>;

export const CardList = z.object({
  /** Cards matching the filters (all pages). */
  total: z.number().int().min(0),
  offset: z.number().int().min(0),
  /** The collection's clock when the list was read (for "due in 10 minutes"). */
  now: z.number(),
  cards: z.array(CardItem),
});
export type CardList = z.infer<typeof CardList>;

/** A span of one paragraph of an article, as the reader's selection gives it. */
export const Selection = z
  .object({
    paragraphIndex: z.number().int().min(0),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
  })
  .strict()
  .refine((s) => s.end > s.start, { message: 'the selection is empty' });

export const CardFaces = z.object({ front: z.array(FaceSegment), back: z.array(FaceSegment) });
export type CardFaces = z.infer<typeof CardFaces>;

export const Tag = z.string().trim().min(1).max(100).regex(/^\S+$/, 'a tag is one word (no spaces)');

/** The cards a bulk action applies to: the selected ones, or every card a search finds (less some). */
export const CardTarget = z.union([
  z.object({ cardIds: z.array(Id).min(1).max(20_000) }).strict(),
  z.object({ search: CardFilters, exceptIds: z.array(Id).max(20_000).optional() }).strict(),
]);
export type CardTarget = z.infer<typeof CardTarget>;

/** One action on many cards: one transaction, one undo step. */
export const BulkAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('suspend'), suspended: z.boolean() }).strict(),
  z.object({ kind: z.literal('bury'), buried: z.boolean() }).strict(),
  z.object({ kind: z.literal('flag'), flag: z.number().int().min(0).max(7) }).strict(),
  z.object({ kind: z.literal('tag'), add: z.array(Tag).max(20), remove: z.array(Tag).max(20) }).strict(),
  z.object({ kind: z.literal('forget') }).strict(),
  z.object({ kind: z.literal('setDue'), days: z.number().int().min(0).max(36500) }).strict(),
  z.object({ kind: z.literal('delete') }).strict(),
]);
export type BulkAction = z.infer<typeof BulkAction>;
