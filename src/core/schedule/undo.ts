/**
 * The scheduler's side of undo. The stack itself is the collection's one stack (`core/undo.ts`), shared
 * with the card browser and the reader: the scheduler's actions record the card rows as they were and
 * the log entries they wrote; undoing puts the rows back and deletes those entries in one transaction.
 * We do not use ts-fsrs's rollback(): it cannot restore the original due date (FSRS-NOTES §6.3), and it
 * knows nothing of burial, leech tags or suspension.
 */
import type { ChangeArea, Collection } from '../collection';
import type { RawCardRow } from '../storage/cards';
import { UNDO_LIMIT, clearUndo, nextUndo, recordStep, undo as undoStep, undoDepth, type UndoAction } from '../undo';

export { UNDO_LIMIT, clearUndo, undoDepth };
export type { UndoAction };

export interface UndoStep {
  action: UndoAction;
  /** The card the action was about (the first one, for actions on several). */
  cardId: string;
  before: RawCardRow[];
  after: RawCardRow[];
  logIds: string[];
}

/** Records a committed scheduler action (inside a larger undoable action, it joins that one's step). */
export function pushUndo(collection: Collection, step: UndoStep): void {
  recordStep(collection, { action: step.action, cardId: step.cardId, before: step.before as unknown as Record<string, unknown>[], logIds: step.logIds });
}

/** What the next undo would undo, if anything (for an "Undo answer" menu label). */
export function peekUndo(collection: Collection): { action: UndoAction; cardId: string } | null {
  const next = nextUndo(collection);
  return next ? { action: next.action, cardId: next.cardId } : null;
}

export interface UndoResult {
  action: UndoAction;
  cardId: string;
  changed: ChangeArea[];
}

/** Undoes the last step, whatever screen made it; null when there is nothing to undo. */
export function undo(collection: Collection): UndoResult | null {
  const done = undoStep(collection);
  return done ? { action: done.action, cardId: done.cardId, changed: done.changed } : null;
}
