/**
 * Presets as Anki's "options groups": several presets, each deck on one. Create (a copy of an existing
 * preset), rename, delete (never "default"; its decks go back to "default" in the same transaction),
 * list with the decks that use each, and choose a deck's preset. Every change is checked here and
 * written in one transaction, as in study-settings.ts.
 */
import { LecternError } from '../../shared/contract';
import type { Collection } from '../collection';
import { DEFAULT_PRESET_ID, newId } from '../ids';
import { deckForArticle, getDeck, listDecks, moveDecksToPreset, setDeckPreset as writeDeckPreset, type DeckRow } from '../storage/decks';
import { deletePresetRow, getPreset, listPresets, presetIdByName, renamePresetRow, savePreset } from '../storage/presets';
import { checkPreset } from './study-settings';

export interface PresetSummary {
  id: string;
  name: string;
  isDefault: boolean;
  newPerDay: number;
  reviewsPerDay: number;
  desiredRetention: number;
  /** The decks that use this preset. */
  decks: { id: string; name: string; articleId: string | null }[];
}

function refuse(message: string): never {
  throw new LecternError('bad_input', message);
}

function existing(collection: Collection, presetId: string) {
  const preset = getPreset(collection.db, presetId);
  if (!preset) throw new LecternError('not_found', `There is no preset with id ${presetId}.`);
  return preset;
}

/** A name is trimmed, 1 to 100 characters, and not another preset's (ignoring case). */
function checkName(collection: Collection, name: string, exceptId: string | null): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 100) refuse('A preset needs a name of 1 to 100 characters.');
  if (presetIdByName(collection.db, trimmed, exceptId) !== undefined) {
    throw new LecternError('conflict', `There is already a preset called “${trimmed}”; choose another name.`);
  }
  return trimmed;
}

/** Every preset (the default first, then by name) with the decks that use it. */
export function presetSummaries(collection: Collection): PresetSummary[] {
  const decks = listDecks(collection.db);
  return listPresets(collection.db).map((p) => ({
    id: p.id,
    name: p.name,
    isDefault: p.id === DEFAULT_PRESET_ID,
    newPerDay: p.newPerDay,
    reviewsPerDay: p.reviewsPerDay,
    desiredRetention: p.desiredRetention,
    decks: decks.filter((d) => d.presetId === p.id).map(({ id, name, articleId }) => ({ id, name, articleId })),
  }));
}

/** A new preset: a copy of `fromId` (every setting, its FSRS weights too) under a new id and name. */
export function createPreset(collection: Collection, input: { name: string; fromId?: string }): string {
  return collection.transact((changes) => {
    const source = existing(collection, input.fromId ?? DEFAULT_PRESET_ID);
    const name = checkName(collection, input.name, null);
    const preset = { ...source, id: newId(), name };
    checkPreset(preset);
    savePreset(collection.db, preset);
    changes.mark('presets');
    return preset.id;
  }).value;
}

export function renamePreset(collection: Collection, presetId: string, name: string): void {
  collection.transact((changes) => {
    existing(collection, presetId);
    renamePresetRow(collection.db, presetId, checkName(collection, name, presetId));
    changes.mark('presets');
  });
}

/** Deletes a preset; the decks that used it go back to "default" in the same transaction. */
export function deletePreset(collection: Collection, presetId: string): { movedDecks: number } {
  if (presetId === DEFAULT_PRESET_ID) refuse('The default preset cannot be deleted: new decks use it.');
  return collection.transact((changes) => {
    existing(collection, presetId);
    const movedDecks = moveDecksToPreset(collection.db, presetId, DEFAULT_PRESET_ID);
    deletePresetRow(collection.db, presetId);
    changes.mark('presets');
    if (movedDecks > 0) changes.mark('decks', 'queue');
    return { movedDecks };
  }).value;
}

/** The deck named by its id, or the deck of an article. */
export type DeckTarget = { deckId: string } | { articleId: string };

export function findDeck(collection: Collection, target: DeckTarget): DeckRow {
  const deck = 'deckId' in target ? getDeck(collection.db, target.deckId) : deckForArticle(collection.db, target.articleId);
  if (!deck) {
    throw new LecternError('not_found', 'deckId' in target ? `There is no deck with id ${target.deckId}.` : `Article ${target.articleId} has no deck.`);
  }
  return deck;
}

/** Puts a deck on a preset: its limits and intervals follow that preset from now on. */
export function setDeckPreset(collection: Collection, target: DeckTarget, presetId: string): DeckRow {
  return collection.transact((changes) => {
    const deck = findDeck(collection, target);
    existing(collection, presetId);
    if (deck.presetId !== presetId) {
      writeDeckPreset(collection.db, deck.id, presetId);
      changes.mark('decks', 'queue');
    }
    return { ...deck, presetId };
  }).value;
}
