/**
 * Answering and the other card actions over a collection. Each action is one transaction that writes
 * the card rows and at most one review-log entry, then records an undo step. The scheduling rules
 * themselves are the pure functions of ./scheduler.
 */
import { LecternError } from '../../shared/contract';
import type { ChangeArea, Collection } from '../collection';
import { newId } from '../ids';
import {
  findSiblingIds,
  fromRawCard,
  getRawCard,
  memoryOfRaw,
  setBuriedUntil,
  setFlag,
  setSuspended,
  setTags,
  writeCardMemory,
  type CardRow,
  type RawCardRow,
} from '../storage/cards';
import { getDeckPreset } from '../storage/presets';
import { insertLog } from '../storage/review-logs';
import { readDaySettings } from '../storage/settings';
import { studyDay, type DaySettings } from '../study-day';
import { answerCard, forgetCard, isLeechLapse, previewAnswer, setDueDate } from './scheduler';
import type { LogEntry, Preset, Rating } from './types';
import { CardStates } from './types';
import { pushUndo, type UndoAction, type UndoStep } from './undo';

export const LEECH_TAG = 'leech';

export type SessionKind = 'normal' | 'preview';

export interface AnswerInput {
  cardId: string;
  rating: Rating;
  /** Time spent on the card, for the log and the session summary. */
  durationMs: number;
  /** 'preview': a custom session ahead of schedule; logged as `preview`, no card changes. */
  sessionKind: SessionKind;
}

export interface AnswerResult {
  logId: string;
  card: CardRow;
  /** The answer made the card a leech: it was tagged and suspended. */
  leech: boolean;
  /** Siblings buried until the next study day. */
  buried: string[];
  changed: ChangeArea[];
}

interface CardContext {
  raw: RawCardRow;
  preset: Preset;
  day: DaySettings;
  now: number;
}

function loadCard(collection: Collection, cardId: string): CardContext {
  const raw = getRawCard(collection.db, cardId);
  if (!raw) throw new LecternError('not_found', `No card with id ${cardId}`);
  const preset = getDeckPreset(collection.db, raw.deck_id);
  if (!preset) throw new LecternError('internal', `The deck of card ${cardId} has no preset`);
  return { raw, preset, day: readDaySettings(collection.db), now: collection.clock.now() };
}

function assertRating(rating: number): asserts rating is Rating {
  if (rating !== 1 && rating !== 2 && rating !== 3 && rating !== 4) {
    throw new LecternError('bad_input', `A rating is 1 (Again) to 4 (Easy), got ${rating}`);
  }
}

function readRows(collection: Collection, ids: readonly string[]): RawCardRow[] {
  return ids.map((id) => {
    const raw = getRawCard(collection.db, id);
    if (!raw) throw new LecternError('not_found', `No card with id ${id}`);
    return raw;
  });
}

/** Runs `write` in one transaction with an undo snapshot of `ids` (written rows are re-read for the step). */
function undoable<T>(
  collection: Collection,
  action: UndoAction,
  ids: () => string[],
  write: (changes: { mark(...areas: ChangeArea[]): void }) => { value: T; logIds: string[]; touched: string[] },
): { value: T; changed: ChangeArea[] } {
  const pending: { step?: Omit<UndoStep, 'action'> } = {};
  const result = collection.transact((changes) => {
    const firstIds = ids();
    const snapshot = new Map(readRows(collection, firstIds).map((r) => [r.id, r]));
    const out = write(changes);
    for (const id of out.touched) if (!snapshot.has(id)) throw new Error(`undo snapshot missed card ${id}`);
    const touched = [...new Set([...firstIds, ...out.touched])];
    pending.step = {
      cardId: firstIds[0] ?? '',
      before: touched.map((id) => snapshot.get(id)!),
      after: readRows(collection, touched),
      logIds: out.logIds,
    };
    changes.mark('cards', 'queue');
    return out.value;
  });
  // Only a committed transaction becomes an undo step.
  if (pending.step) pushUndo(collection, { action, ...pending.step });
  return { value: result.value, changed: result.changed };
}

function storeLog(collection: Collection, cardId: string, entry: LogEntry, durationMs: number): string {
  const id = newId();
  insertLog(collection.db, { ...entry, id, cardId, durationMs });
  return id;
}

/** Siblings that burying would hide today: new cards and due review cards, not (re)learning ones. */
function siblingsToBury(collection: Collection, card: CardRow, until: number): string[] {
  return readRows(collection, findSiblingIds(collection.db, card))
    .filter((s) => s.suspended === 0 && (s.state === CardStates.New || s.state === CardStates.Review))
    .filter((s) => s.due < until && !(s.buried_until !== null && s.buried_until >= until))
    .map((s) => s.id);
}

/** Answer a card: the card update and exactly one review-log entry, in one transaction. */
export function answer(collection: Collection, input: AnswerInput): AnswerResult {
  assertRating(input.rating);
  const durationMs = Number.isFinite(input.durationMs) ? Math.max(0, input.durationMs) : 0;
  let ctx: CardContext | null = null;
  let siblings: string[] = [];
  const { value, changed } = undoable(
    collection,
    'answer',
    () => {
      ctx = loadCard(collection, input.cardId);
      const card = fromRawCard(ctx.raw);
      const today = studyDay(ctx.now, ctx.day);
      siblings = input.sessionKind === 'normal' && ctx.preset.burySiblings ? siblingsToBury(collection, card, today.end) : [];
      return [input.cardId, ...siblings];
    },
    () => {
      const { raw, preset, day, now } = ctx!;
      const before = memoryOfRaw(raw);
      if (input.sessionKind === 'preview') {
        const logId = storeLog(collection, raw.id, previewAnswer(before, now, input.rating, day), durationMs);
        return { value: { logId, leech: false }, logIds: [logId], touched: [raw.id] };
      }
      const outcome = answerCard(before, now, input.rating, preset, day, raw.id);
      writeCardMemory(collection.db, raw.id, outcome.card, now);
      const leech = isLeechLapse(before.lapses, outcome.card.lapses, preset.leechThreshold);
      if (leech) {
        const tags = JSON.parse(raw.tags) as string[];
        if (!tags.includes(LEECH_TAG)) setTags(collection.db, raw.id, [...tags, LEECH_TAG], now);
        setSuspended(collection.db, [raw.id], true, now);
      }
      if (siblings.length > 0) setBuriedUntil(collection.db, siblings, studyDay(now, day).end, now);
      const logId = storeLog(collection, raw.id, outcome.log, durationMs);
      return { value: { logId, leech }, logIds: [logId], touched: [raw.id, ...siblings] };
    },
  );
  const card = fromRawCard(getRawCard(collection.db, input.cardId)!);
  return { logId: value.logId, card, leech: value.leech, buried: siblings, changed };
}

/** Forget: back to new (history kept), logged as `reset`. */
export function forget(collection: Collection, cardIds: readonly string[]): { changed: ChangeArea[] } {
  const { changed } = undoable(
    collection,
    'forget',
    () => [...cardIds],
    () => {
      const logIds = cardIds.map((id) => {
        const { raw, day, now } = loadCard(collection, id);
        const result = forgetCard(memoryOfRaw(raw), now, day);
        writeCardMemory(collection.db, id, result.card, now);
        return storeLog(collection, id, result.log, 0);
      });
      return { value: null, logIds, touched: [...cardIds] };
    },
  );
  return { changed };
}

/** Set a due date `days` study days from today (0 = today), logged as `manual`. */
export function setDue(collection: Collection, cardIds: readonly string[], days: number): { changed: ChangeArea[] } {
  if (!Number.isInteger(days) || days < 0 || days > 36500) {
    throw new LecternError('bad_input', `Days must be a whole number from 0 to 36500, got ${days}`);
  }
  const { changed } = undoable(
    collection,
    'set-due',
    () => [...cardIds],
    () => {
      const logIds = cardIds.map((id) => {
        const { raw, day, now } = loadCard(collection, id);
        const result = setDueDate(memoryOfRaw(raw), now, days, day);
        writeCardMemory(collection.db, id, result.card, now);
        return storeLog(collection, id, result.log, 0);
      });
      return { value: null, logIds, touched: [...cardIds] };
    },
  );
  return { changed };
}

export function suspend(collection: Collection, cardIds: readonly string[], suspended = true): { changed: ChangeArea[] } {
  const { changed } = undoable(
    collection,
    suspended ? 'suspend' : 'unsuspend',
    () => [...cardIds],
    () => {
      setSuspended(collection.db, cardIds, suspended, collection.clock.now());
      return { value: null, logIds: [], touched: [...cardIds] };
    },
  );
  return { changed };
}

/** Bury until the next study day (`buried = false` unburies). */
export function bury(collection: Collection, cardIds: readonly string[], buried = true): { changed: ChangeArea[] } {
  const { changed } = undoable(
    collection,
    buried ? 'bury' : 'unbury',
    () => [...cardIds],
    () => {
      const now = collection.clock.now();
      const until = buried ? studyDay(now, readDaySettings(collection.db)).end : null;
      setBuriedUntil(collection.db, cardIds, until, now);
      return { value: null, logIds: [], touched: [...cardIds] };
    },
  );
  return { changed };
}

/** 0 clears the flag; 1-7 are Anki's flag colours. */
export function flag(collection: Collection, cardIds: readonly string[], value: number): { changed: ChangeArea[] } {
  if (!Number.isInteger(value) || value < 0 || value > 7) throw new LecternError('bad_input', `A flag is 0 to 7, got ${value}`);
  const { changed } = undoable(
    collection,
    'flag',
    () => [...cardIds],
    () => {
      setFlag(collection.db, cardIds, value, collection.clock.now());
      return { value: null, logIds: [], touched: [...cardIds] };
    },
  );
  return { changed };
}
