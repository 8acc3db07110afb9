import { z } from 'zod';
import { Id } from '../models';
import { MAX_ANSWER_DURATION_MS } from '../study-rules';
import {
  AnswerResult,
  CardActionResult,
  DeckDue,
  RatingValue,
  ReviewQueue,
  ReviewScope,
  SessionKind,
  SessionSummary,
  SettingsUpdate,
  StatsOverview,
  StudySettings,
  UndoResult,
} from '../review-models';
import type { CommandSpec } from './spec';

/** The cards an action applies to (the reviewer sends one; the card browser will send many). */
const CardIds = z.array(Id).min(1).max(5000);

/** Review sessions, the card actions of the reviewer, statistics and study settings. */
export const reviewCommands = {
  'review.queue': {
    input: z
      .object({
        scope: ReviewScope,
        /** A custom session: every card of the scope, ahead of schedule; answer with sessionKind 'preview'. */
        custom: z.boolean(),
        /** In a custom session, the cards already answered in it (the schedule does not remember them). */
        done: z.array(Id).max(5000).optional(),
        /** Show this card first if it is in the queue (the card an undo just brought back). */
        first: Id.optional(),
      })
      .strict(),
    output: ReviewQueue,
    mutates: false,
  },
  'review.answer': {
    input: z
      .object({
        cardId: Id,
        rating: RatingValue,
        durationMs: z.number().int().min(0).max(MAX_ANSWER_DURATION_MS),
        sessionKind: SessionKind,
      })
      .strict(),
    output: AnswerResult,
    mutates: true,
  },
  'review.undo': {
    input: z.object({}).strict(),
    output: UndoResult,
    mutates: true,
  },
  'review.summary': {
    input: z
      .object({
        scope: ReviewScope,
        /** When the session started: its answers are the log entries since then. */
        since: z.number().int().min(0),
        sessionKind: SessionKind,
      })
      .strict(),
    output: SessionSummary,
    mutates: false,
  },
  'review.due': {
    input: z.object({}).strict(),
    output: z.object({ decks: z.array(DeckDue) }),
    mutates: false,
  },

  'card.suspend': {
    input: z.object({ cardIds: CardIds, suspended: z.boolean() }).strict(),
    output: CardActionResult,
    mutates: true,
  },
  'card.bury': {
    input: z.object({ cardIds: CardIds, buried: z.boolean() }).strict(),
    output: CardActionResult,
    mutates: true,
  },
  'card.flag': {
    input: z.object({ cardIds: CardIds, flag: z.number().int().min(0).max(7) }).strict(),
    output: CardActionResult,
    mutates: true,
  },
  'card.forget': {
    input: z.object({ cardIds: CardIds }).strict(),
    output: CardActionResult,
    mutates: true,
  },
  'card.setDue': {
    input: z.object({ cardIds: CardIds, days: z.number().int().min(0).max(36500) }).strict(),
    output: CardActionResult,
    mutates: true,
  },

  'stats.overview': {
    input: z.object({}).strict(),
    output: StatsOverview,
    mutates: false,
  },

  'settings.get': {
    input: z.object({}).strict(),
    output: StudySettings,
    mutates: false,
  },
  'settings.update': {
    input: SettingsUpdate,
    output: StudySettings,
    mutates: true,
  },
} as const satisfies Record<string, CommandSpec>;
