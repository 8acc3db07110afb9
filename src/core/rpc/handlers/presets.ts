import type { presetCommands } from '../../../shared/contract/commands/presets';
import { LecternError } from '../../../shared/contract';
import { createPreset, deletePreset, findDeck, presetSummaries, renamePreset, setDeckPreset } from '../../schedule/presets';
import type { HandlersFor } from './handler';

export const presetHandlers: HandlersFor<typeof presetCommands> = {
  'presets.list': ({ collection }, { deckId, articleId }) => {
    if (deckId !== undefined && articleId !== undefined) throw new LecternError('bad_input', 'Name the deck by deckId or by articleId, not both.');
    const target = deckId !== undefined ? { deckId } : articleId !== undefined ? { articleId } : null;
    return { presets: presetSummaries(collection), deck: target ? findDeck(collection, target) : null };
  },

  'preset.create': ({ collection }, input) => {
    const presetId = createPreset(collection, input);
    return { presetId, presets: presetSummaries(collection) };
  },

  'preset.rename': ({ collection }, { presetId, name }) => {
    renamePreset(collection, presetId, name);
    return { presets: presetSummaries(collection) };
  },

  'preset.delete': ({ collection }, { presetId }) => {
    const { movedDecks } = deletePreset(collection, presetId);
    return { movedDecks, presets: presetSummaries(collection) };
  },

  'deck.setPreset': ({ collection }, { deck, presetId }) => ({
    deck: setDeckPreset(collection, deck, presetId),
    presets: presetSummaries(collection),
  }),
};
