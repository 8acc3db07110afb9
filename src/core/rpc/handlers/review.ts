import type { reviewCommands } from '../../../shared/contract/commands/review';
import { bury, dueCounts, flag, forget, setDue, suspend, undo, undoDepth, answer } from '../../schedule';
import { reviewQueue, sessionSummary } from '../../schedule/reviewer';
import { studySettings, updateStudySettings } from '../../schedule/study-settings';
import { statsOverview } from '../../stats/overview';
import type { HandlersFor } from './handler';

export const reviewHandlers: HandlersFor<typeof reviewCommands> = {
  'review.queue': ({ collection }, { scope, custom, done, first }) => reviewQueue(collection, scope, { custom, done, first }),

  'review.answer': ({ collection }, input) => {
    const result = answer(collection, input);
    return { logId: result.logId, leech: result.leech, buried: result.buried.length, undoDepth: undoDepth(collection) };
  },

  'review.undo': ({ collection }) => {
    const result = undo(collection);
    return {
      undone: result ? { action: result.action, cardId: result.cardId } : null,
      undoDepth: undoDepth(collection),
    };
  },

  'review.summary': ({ collection }, { scope, since, sessionKind }) => sessionSummary(collection, scope, since, sessionKind),

  'review.due': ({ collection }) => ({ decks: dueCounts(collection) }),

  'card.suspend': ({ collection }, { cardIds, suspended }) => {
    suspend(collection, cardIds, suspended);
    return { undoDepth: undoDepth(collection) };
  },

  'card.bury': ({ collection }, { cardIds, buried }) => {
    bury(collection, cardIds, buried);
    return { undoDepth: undoDepth(collection) };
  },

  'card.flag': ({ collection }, { cardIds, flag: value }) => {
    flag(collection, cardIds, value);
    return { undoDepth: undoDepth(collection) };
  },

  'card.forget': ({ collection }, { cardIds }) => {
    forget(collection, cardIds);
    return { undoDepth: undoDepth(collection) };
  },

  'card.setDue': ({ collection }, { cardIds, days }) => {
    setDue(collection, cardIds, days);
    return { undoDepth: undoDepth(collection) };
  },

  'stats.overview': ({ collection }) => statsOverview(collection),

  'settings.get': ({ collection }) => studySettings(collection),

  'settings.update': ({ collection }, change) => {
    updateStudySettings(collection, change);
    return studySettings(collection);
  },
};
