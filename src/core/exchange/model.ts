/**
 * The neutral models between Lectern and Anki's files. Writers take an `AnkiPackageModel` (built from a
 * Lectern JSON document by `to-anki.ts`, or by hand); readers give `AnkiImportModel` card drafts that the
 * collection side merges. Neither knows about the database.
 */
import { IMPORT_LIMIT_BYTES } from '../../shared/contract';
import type { CardMemory } from '../schedule/types';

/** Lectern's own note types; field order is the note type's (see anki/notetypes.ts). */
export type AnkiNoteKind = 'basic' | 'cloze';

/** Basic: [Front, Back, Source, Article]. Cloze: [Text, Back Extra, Source, Article]. HTML, as Anki stores it. */
export type AnkiNoteFields = [string, string, string, string];

/**
 * A Lectern card's schedule, in Lectern's terms (its memory state: ts-fsrs states, epoch ms); the writer
 * encodes it for Anki. `state`: 0 new, 1 learning, 2 review, 3 relearning (Anki's card type uses the same
 * numbers).
 */
export interface AnkiCardSchedule extends Omit<CardMemory, 'learningSteps'> {
  /** Learning or relearning steps still to go (Anki's `left`); 0 outside learning. */
  stepsLeft: number;
  suspended: boolean;
  buriedUntil: number | null;
  desiredRetention: number;
}

/** One review log of the card, as Lectern records it: the card's values before the event. */
export interface AnkiReviewEvent {
  kind: 'review' | 'preview' | 'manual' | 'reset';
  rating: number;
  reviewedAt: number;
  state: number;
  due: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  durationMs: number;
}

export interface AnkiNote {
  /** Note identity in Anki: stable across exports (anki/guid.ts derives it from the Lectern card id). */
  guid: string;
  kind: AnkiNoteKind;
  fields: AnkiNoteFields;
  tags: string[];
  /** Full deck name, levels joined by `::`; must be one of the package's decks. */
  deck: string;
  /** Epoch ms: note and card ids are derived from it. */
  createdAt: number;
  /** Epoch ms of the last content edit; written in seconds, and Anki updates a note only when it grows. */
  modifiedAt: number;
  /** User flag 0–7. */
  flag: number;
  schedule: AnkiCardSchedule;
  /** In time order. Written only with `withSchedule`. */
  reviews: AnkiReviewEvent[];
}

export interface AnkiPackageModel {
  /** Full deck names (`Article::Section`); parents are added by the writer when missing. */
  decks: string[];
  notes: AnkiNote[];
  /** The day boundary the due days are counted in (the collection's settings). */
  dayStartsAt: number;
  timeZone: string | null;
}

// ---------------------------------------------------------------------------------------------------
// Import side

/** How a draft was scheduled in Anki, translated to Lectern's units. Null fields: Anki did not know. */
export interface ImportedSchedule {
  state: 0 | 1 | 2 | 3;
  /** Epoch ms; null for a new card (Anki keeps only a queue position). */
  due: number | null;
  /** FSRS memory state from Anki's card data; null when the deck was studied with SM-2. */
  stability: number | null;
  difficulty: number | null;
  desiredRetention: number | null;
  reps: number;
  lapses: number;
  lastReview: number | null;
  /** Interval in days (review cards). */
  intervalDays: number;
  /** SM-2 ease ×1000, 0 when unknown. */
  easeFactor: number;
  suspended: boolean;
  buried: boolean;
  flag: number;
}

export interface ImportedReview {
  kind: 'review' | 'preview' | 'manual' | 'reset';
  /** 1–4 Again/Hard/Good/Easy; 0 for manual and reset. */
  rating: number;
  reviewedAt: number;
  durationMs: number;
  /** Anki's raw values, for replaying or showing history. */
  anki: { ease: number; ivl: number; lastIvl: number; factor: number; type: number };
}

export interface AnkiCardDraft {
  /** Where the draft came from: re-importing the same note and card updates instead of duplicating. */
  origin: { guid: string; ord: number };
  /** The Lectern card this came from, when the note was exported by Lectern (see anki/guid.ts). */
  lecternCardId: string | null;
  kind: 'cloze' | 'qa';
  /** Cloze: plain text with every gap as c1. */
  text?: string;
  front?: string;
  back?: string;
  /** Cloze "Back Extra" as plain text, when present. */
  extra?: string;
  deck: string | null;
  tags: string[];
  /** Null when the file carries no scheduling (CSV); an .apkg new card has state 0. */
  schedule: ImportedSchedule | null;
  reviews: ImportedReview[];
}

export interface AnkiImportModel {
  cards: AnkiCardDraft[];
  /** Deck names seen, sorted. */
  decks: string[];
  /** Things the user should know (media dropped, empty notes skipped). */
  warnings: string[];
}

export interface ImportLimits {
  /** The file itself. */
  maxFileBytes: number;
  /** Sum of every entry's uncompressed size (zip bombs). */
  maxUncompressedBytes: number;
  maxEntries: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: IMPORT_LIMIT_BYTES,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxEntries: 10_000,
};
