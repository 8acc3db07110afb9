import type { cardCommands } from '../../../shared/contract/commands/cards';
import {
  applyToCards,
  changeSavedSearch,
  createCard,
  deleteCards,
  listCards,
  removeSavedSearch,
  requireCard,
  resolveSource,
  saveSearch,
  savedSearches,
  sectionCards,
  tagCards,
  undoDeleteCards,
  updateCard,
} from '../../cards';
import { cardFaces } from '../../schedule/faces';
import { nextUndo, undo } from '../../undo';
import type { HandlersFor } from './handler';

export const cardHandlers: HandlersFor<typeof cardCommands> = {
  'cards.list': ({ collection }, query) => listCards(collection, query),

  'cards.forSection': ({ collection }, { articleId, sectionIndex }) => ({ cards: sectionCards(collection, articleId, sectionIndex) }),

  'card.get': ({ collection }, { cardId }) => requireCard(collection, cardId),

  'card.preview': (_ctx, card) => cardFaces(card),

  'card.create': ({ collection }, input) => createCard(collection, input),

  'card.update': ({ collection }, { cardId, ...edit }) => updateCard(collection, cardId, edit),

  'card.delete': ({ collection }, { cardId }) => deleteCards(collection, [cardId]),

  'card.undoDelete': ({ collection }, { undoToken }) => ({ cardIds: undoDeleteCards(collection, undoToken) }),

  'card.resolveSource': ({ collection }, { cardId }) => resolveSource(collection, cardId),

  'cards.delete': ({ collection }, { cardIds }) => deleteCards(collection, cardIds),

  'cards.tag': ({ collection }, { cardIds, add, remove }) => ({ updated: tagCards(collection, cardIds, add, remove) }),

  'cards.bulk': ({ collection }, { target, action }) => applyToCards(collection, target, action),

  'collection.undo': ({ collection }, { undoToken }) => {
    const done = undo(collection, undoToken);
    return { undone: done && { stepId: done.stepId, action: done.action, cardId: done.cardId, cards: done.cards }, next: nextUndo(collection) };
  },

  'collection.nextUndo': ({ collection }) => ({ next: nextUndo(collection) }),

  'searches.list': ({ collection }) => ({ searches: savedSearches(collection) }),

  'search.save': ({ collection }, { name, query }) => saveSearch(collection, name, query),

  'search.update': ({ collection }, { id, ...change }) => changeSavedSearch(collection, id, change),

  'search.delete': ({ collection }, { id }) => {
    removeSavedSearch(collection, id);
    return {};
  },
};
