/**
 * The card browser's bulk actions: one action on the selected cards, or on every card a search finds,
 * in one transaction and one undo step, whatever the number of cards.
 */
import { LecternError } from '../../shared/contract';
import type { BulkAction, CardTarget } from '../../shared/contract/card-models';
import type { Collection } from '../collection';
import { bury, flag, forget, setDue, suspend } from '../schedule/answering';
import { undoable, type UndoAction } from '../undo';
import { matchingCardIds } from './browse';
import { deleteCards, tagCards } from './edit';

function undoActionOf(action: BulkAction): UndoAction {
  switch (action.kind) {
    case 'suspend':
      return action.suspended ? 'suspend' : 'unsuspend';
    case 'bury':
      return action.buried ? 'bury' : 'unbury';
    case 'setDue':
      return 'set-due';
    default:
      return action.kind;
  }
}

/** The cards a target names: its ids as given, or what its search finds now, less the ones left out. */
function resolveTarget(collection: Collection, target: CardTarget): string[] {
  if ('cardIds' in target) return [...new Set(target.cardIds)];
  const except = new Set(target.exceptIds ?? []);
  return matchingCardIds(collection, target.search).filter((id) => !except.has(id));
}

export interface BulkResult {
  /** How many cards the action applied to. */
  cards: number;
  /** The undo step ("Undo" in the message); null when nothing changed. */
  undoToken: string | null;
}

export function applyToCards(collection: Collection, target: CardTarget, action: BulkAction): BulkResult {
  const { value, stepId } = undoable(collection, undoActionOf(action), () => {
    const ids = resolveTarget(collection, target);
    if (ids.length === 0) throw new LecternError('not_found', 'No card matches: nothing was changed.');
    switch (action.kind) {
      case 'suspend':
        suspend(collection, ids, action.suspended);
        return ids.length;
      case 'bury':
        bury(collection, ids, action.buried);
        return ids.length;
      case 'flag':
        flag(collection, ids, action.flag);
        return ids.length;
      case 'forget':
        forget(collection, ids);
        return ids.length;
      case 'setDue':
        setDue(collection, ids, action.days);
        return ids.length;
      case 'tag':
        return tagCards(collection, ids, action.add, action.remove);
      case 'delete':
        return deleteCards(collection, ids).deleted;
    }
  });
  return { cards: value, undoToken: stepId };
}
