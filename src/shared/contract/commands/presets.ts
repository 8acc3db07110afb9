import { z } from 'zod';
import { Id } from '../models';
import type { CommandSpec } from './spec';

/**
 * Presets as Anki's options groups: several presets of study settings, each deck on one. The settings
 * of a preset are read and changed with `settings.get` / `settings.update`; these commands manage the
 * presets themselves and which deck uses which.
 */

const PresetName = z.string().trim().min(1).max(100);

export const PresetSummary = z.object({
  id: Id,
  name: z.string(),
  /** The preset every collection starts with and new decks use; it cannot be deleted. */
  isDefault: z.boolean(),
  newPerDay: z.number().int().min(0),
  reviewsPerDay: z.number().int().min(0),
  desiredRetention: z.number(),
  /** The decks that use this preset. */
  decks: z.array(z.object({ id: Id, name: z.string(), articleId: Id.nullable() })),
});
export type PresetSummary = z.infer<typeof PresetSummary>;

const DeckRef = z.object({ id: Id, name: z.string(), articleId: Id.nullable(), presetId: Id });

export const PresetList = z.object({
  presets: z.array(PresetSummary),
  /** The deck asked about (`articleId` or `deckId` in the input), or null when none was asked about. */
  deck: DeckRef.nullable(),
});
export type PresetList = z.infer<typeof PresetList>;

/** A deck, named by its id or by its article. */
const DeckTarget = z.union([z.object({ deckId: Id }).strict(), z.object({ articleId: Id }).strict()]);

export const presetCommands = {
  'presets.list': {
    input: z.object({ deckId: Id.optional(), articleId: Id.optional() }).strict(),
    output: PresetList,
    mutates: false,
  },
  'preset.create': {
    /** A copy of `fromId` (the default preset when left out) under a new name. */
    input: z.object({ name: PresetName, fromId: Id.optional() }).strict(),
    output: z.object({ presetId: Id, presets: z.array(PresetSummary) }),
    mutates: true,
  },
  'preset.rename': {
    input: z.object({ presetId: Id, name: PresetName }).strict(),
    output: z.object({ presets: z.array(PresetSummary) }),
    mutates: true,
  },
  'preset.delete': {
    /** Refused for "default"; the decks that used the preset go back to "default". */
    input: z.object({ presetId: Id }).strict(),
    output: z.object({ movedDecks: z.number().int().min(0), presets: z.array(PresetSummary) }),
    mutates: true,
  },
  'deck.setPreset': {
    input: z.object({ deck: DeckTarget, presetId: Id }).strict(),
    output: z.object({ deck: DeckRef, presets: z.array(PresetSummary) }),
    mutates: true,
  },
} as const satisfies Record<string, CommandSpec>;
