import { z } from 'zod';
import { Id } from './models';
import { DaySettingsFields, PresetFields } from './study-rules';

/**
 * The DTOs of review, card actions, statistics and study settings. Times are epoch milliseconds;
 * states and ratings are ts-fsrs's numbers (state 0 New, 1 Learning, 2 Review, 3 Relearning;
 * rating 1 Again, 2 Hard, 3 Good, 4 Easy).
 */

/** What a session covers: everything (`{}`), one article, or one section of it. */
export const ReviewScope = z
  .object({
    articleId: Id.optional(),
    sectionIndex: z.number().int().min(0).optional(),
  })
  .strict()
  .refine((s) => s.sectionIndex === undefined || s.articleId !== undefined, {
    message: 'a section is named with its article',
  });
export type ReviewScope = z.infer<typeof ReviewScope>;

export const RatingValue = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type RatingValue = z.infer<typeof RatingValue>;

export const CardStateValue = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);

export const SessionKind = z.enum(['normal', 'preview']);
export type SessionKind = z.infer<typeof SessionKind>;

/**
 * A piece of a card face: plain text, a hidden gap (`[…]` or `[hint]` on the front), or the answer
 * revealed on the back. The renderer shows each as text; nothing here is HTML.
 */
export const FaceSegment = z.object({
  role: z.enum(['text', 'gap', 'answer']),
  text: z.string(),
});
export type FaceSegment = z.infer<typeof FaceSegment>;

/** The paragraph a card comes from, with the card's span in it (UTF-16 offsets). */
export const Passage = z.object({
  articleId: Id,
  articleTitle: z.string(),
  sectionIndex: z.number().int().min(0),
  heading: z.string().nullable(),
  paragraphIndex: z.number().int().min(0),
  text: z.string(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
export type Passage = z.infer<typeof Passage>;

export const ReviewCard = z.object({
  id: Id,
  deckId: Id,
  articleId: Id.nullable(),
  sectionIndex: z.number().int().nullable(),
  kind: z.enum(['cloze', 'qa', 'list']),
  state: CardStateValue,
  flag: z.number().int().min(0).max(7),
  tags: z.array(z.string()),
  /** Shown first. */
  front: z.array(FaceSegment),
  /** Shown after Space: for a cloze, the text with the answer; for Q&A, the answer (under the question). */
  back: z.array(FaceSegment),
  passage: Passage.nullable(),
});
export type ReviewCard = z.infer<typeof ReviewCard>;

/** One answer button; in a custom session the schedule does not move, so there is no interval. */
export const AnswerButton = z.object({
  rating: RatingValue,
  intervalMs: z.number().nullable(),
  label: z.string().nullable(),
});
export type AnswerButton = z.infer<typeof AnswerButton>;

export const QueueCounts = z.object({
  new: z.number().int().min(0),
  learning: z.number().int().min(0),
  review: z.number().int().min(0),
});
export type QueueCounts = z.infer<typeof QueueCounts>;

export const ReviewQueue = z.object({
  card: ReviewCard.nullable(),
  buttons: z.array(AnswerButton),
  /** What is left in the scope, the card shown included. */
  counts: QueueCounts,
  /** Nothing to show now, but a learning card falls due later today at this instant. */
  nextLearningDue: z.number().nullable(),
  /** The next instant a card of the scope can be studied after today (null: none scheduled). */
  nextDue: z.number().nullable(),
  /** How many actions Ctrl+Z can undo. */
  undoDepth: z.number().int().min(0),
  /** "All articles", an article title, or "Title · Section heading". */
  scopeLabel: z.string(),
  /** The core's clock, so "due in 10 minutes" is measured from the same instant. */
  now: z.number(),
});
export type ReviewQueue = z.infer<typeof ReviewQueue>;

export const AnswerResult = z.object({
  logId: Id,
  leech: z.boolean(),
  buried: z.number().int().min(0),
  undoDepth: z.number().int().min(0),
});
export type AnswerResult = z.infer<typeof AnswerResult>;

/** What an undo step was: one per user action, wherever it was made (reviewer, card browser, reader). */
export const UndoAction = z.enum(['answer', 'forget', 'set-due', 'suspend', 'unsuspend', 'bury', 'unbury', 'flag', 'create', 'edit', 'tag', 'delete']);
export type UndoAction = z.infer<typeof UndoAction>;

export const UndoResult = z.object({
  undone: z.object({ action: UndoAction, cardId: Id }).nullable(),
  undoDepth: z.number().int().min(0),
});
export type UndoResult = z.infer<typeof UndoResult>;

export const CardActionResult = z.object({ undoDepth: z.number().int().min(0) });

/** A session's numbers, from the review log. */
export const SessionSummary = z.object({
  /** Answers logged (review or preview entries). */
  answers: z.number().int().min(0),
  /** Distinct cards answered. */
  cards: z.number().int().min(0),
  timeMs: z.number().int().min(0),
  again: z.number().int().min(0),
  /** Share of answers that were not Again; null with no answers. */
  retention: z.number().min(0).max(1).nullable(),
  /** When the next card of the scope can be studied (later today or a later day); null: nothing scheduled. */
  nextDue: z.number().nullable(),
  now: z.number(),
});
export type SessionSummary = z.infer<typeof SessionSummary>;

export const DayCount = z.object({ date: z.string(), start: z.number(), count: z.number().int().min(0) });
export type DayCount = z.infer<typeof DayCount>;

export const PeriodStats = z.object({
  /** Answers of kind `review`. */
  reviews: z.number().int().min(0),
  /** Of those, answers to cards that were in the Review state (what retention is measured on). */
  matureReviews: z.number().int().min(0),
  /** Of those, answered Again. */
  lapses: z.number().int().min(0),
  /** (matureReviews - lapses) / matureReviews; null when there were none. */
  retention: z.number().min(0).max(1).nullable(),
  /** Cards studied for the first time. */
  newCards: z.number().int().min(0),
  /** Answers in custom sessions (logged as `preview`, no schedule change). */
  previews: z.number().int().min(0),
  timeMs: z.number().int().min(0),
});
export type PeriodStats = z.infer<typeof PeriodStats>;

export const StatsOverview = z.object({
  cardsByState: z.object({
    new: z.number().int().min(0),
    learning: z.number().int().min(0),
    review: z.number().int().min(0),
    relearning: z.number().int().min(0),
    suspended: z.number().int().min(0),
    buried: z.number().int().min(0),
    total: z.number().int().min(0),
  }),
  today: PeriodStats,
  last30Days: PeriodStats,
  /** Review answers on each of the last 30 study days, oldest first (today last). */
  reviewsPerDay: z.array(DayCount),
  /** Cards (not new, not suspended) falling due on each of the next 7 study days, today first (today includes overdue). */
  dueNext7Days: z.array(DayCount),
  now: z.number(),
});
export type StatsOverview = z.infer<typeof StatsOverview>;

/** The rules (ranges, steps, time zones) live in study-rules.ts, shared with the core and every import. */
export { PresetFields, Step } from './study-rules';

export const PresetDto = PresetFields.extend({
  id: Id,
  /** Decks that use this preset. */
  decks: z.number().int().min(0),
  /** Optimised FSRS weights are in use (null: ts-fsrs's defaults). */
  customWeights: z.boolean(),
});
export type PresetDto = z.infer<typeof PresetDto>;

/** As stored (an output): what the collection has, checked for shape only. */
export const CollectionStudySettings = z.object({
  dayStartsAt: z.number().int().min(0).max(23),
  /** An IANA zone such as Europe/Paris; null follows the machine. */
  timeZone: z.string().min(1).max(64).nullable(),
});

export const StudySettings = z.object({
  collection: CollectionStudySettings,
  /** The machine's zone, which a null timeZone follows. */
  systemTimeZone: z.string(),
  presets: z.array(PresetDto),
  decks: z.array(z.object({ id: Id, name: z.string(), articleId: Id.nullable(), presetId: Id })),
});
export type StudySettings = z.infer<typeof StudySettings>;

export const SettingsUpdate = z
  .object({
    collection: DaySettingsFields.partial().strict().optional(),
    preset: PresetFields.partial().extend({ id: Id }).strict().optional(),
  })
  .strict();
export type SettingsUpdate = z.infer<typeof SettingsUpdate>;

export const DeckDue = z.object({
  deckId: Id,
  name: z.string(),
  articleId: Id.nullable(),
  new: z.number().int().min(0),
  learning: z.number().int().min(0),
  review: z.number().int().min(0),
});
export type DeckDue = z.infer<typeof DeckDue>;
