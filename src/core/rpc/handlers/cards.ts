import type { cardCommands } from '../../../shared/contract/commands/cards';
import { createCard, deleteCards, listCards, requireCard, resolveSource, sectionCards, tagCards, undoDeleteCards, updateCard } from '../../cards';
import { cardFaces } from '../../schedule/faces';
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
};
