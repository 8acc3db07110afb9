/**
 * Undo, several steps deep. Each step keeps a byte-exact snapshot of every card row it touched and the
 * ids of the log entries it wrote; undoing puts the rows back and deletes those entries in one
 * transaction. We do not use ts-fsrs's rollback(): it cannot restore the original due date
 * (FSRS-NOTES §6.3), and it knows nothing of burial, leech tags or suspension.
 *
 * The stack lives in memory, one per open Collection (a WeakMap keyed by the Collection object): it
 * does not survive a restart, as in Anki. A step is refused (and dropped) if one of its cards was
 * changed since by something else, so undo never overwrites a later edit.
 */
import { LecternError } from '../../shared/contract';
import type { ChangeArea, Collection } from '../collection';
import { getRawCard, restoreRawCard, type RawCardRow } from '../storage/cards';
import { deleteLogs } from '../storage/review-logs';

export const UNDO_LIMIT = 30;

export type UndoAction = 'answer' | 'forget' | 'set-due' | 'suspend' | 'unsuspend' | 'bury' | 'unbury' | 'flag';

export interface UndoStep {
  action: UndoAction;
  /** The card the action was about (the first one, for actions on several). */
  cardId: string;
  before: RawCardRow[];
  after: RawCardRow[];
  logIds: string[];
}

const stacks = new WeakMap<Collection, UndoStep[]>();

function stackOf(collection: Collection): UndoStep[] {
  let stack = stacks.get(collection);
  if (!stack) stacks.set(collection, (stack = []));
  return stack;
}

export function pushUndo(collection: Collection, step: UndoStep): void {
  const stack = stackOf(collection);
  stack.push(step);
  if (stack.length > UNDO_LIMIT) stack.splice(0, stack.length - UNDO_LIMIT);
}

/** What the next undo would undo, if anything (for an "Undo answer" menu label). */
export function peekUndo(collection: Collection): { action: UndoAction; cardId: string } | null {
  const step = stackOf(collection).at(-1);
  return step ? { action: step.action, cardId: step.cardId } : null;
}

export function undoDepth(collection: Collection): number {
  return stackOf(collection).length;
}

export function clearUndo(collection: Collection): void {
  stacks.delete(collection);
}

export interface UndoResult {
  action: UndoAction;
  cardId: string;
  changed: ChangeArea[];
}

/** Undoes the last step; null when there is nothing to undo. */
export function undo(collection: Collection): UndoResult | null {
  const step = stackOf(collection).pop();
  if (!step) return null;
  const { db } = collection;
  const { changed } = collection.transact((changes) => {
    for (const after of step.after) {
      const current = getRawCard(db, after.id);
      if (!current || JSON.stringify(current) !== JSON.stringify(after)) {
        throw new LecternError('conflict', 'This card was changed after that action, so it cannot be undone.');
      }
    }
    for (const before of step.before) restoreRawCard(db, before);
    deleteLogs(db, step.logIds);
    changes.mark('cards', 'queue');
  });
  return { action: step.action, cardId: step.cardId, changed };
}
