/**
 * Study settings: the collection's day (when a study day starts, which time zone) and the presets
 * decks share. Every change is checked here (whatever the host checked before) and written in one
 * transaction, so a refused change leaves everything as it was.
 */
import { DaySettingsFields, FsrsWeights, LecternError, PresetFields } from '../../shared/contract';
import type { ChangeArea, Collection } from '../collection';
import { listDecks } from '../storage/decks';
import { deckCountsByPreset, getPreset, listPresets, savePreset } from '../storage/presets';
import { readDaySettings, writeDaySettings } from '../storage/settings';
import { systemTimeZone, type DaySettings } from '../study-day';
import type { Preset } from './types';

export interface StudySettingsView {
  collection: DaySettings;
  systemTimeZone: string;
  presets: (Omit<Preset, 'weights'> & { decks: number; customWeights: boolean })[];
  decks: { id: string; name: string; articleId: string | null; presetId: string }[];
}

export function studySettings(collection: Collection): StudySettingsView {
  const { db } = collection;
  const decks = deckCountsByPreset(db);
  return {
    collection: readDaySettings(db),
    systemTimeZone: systemTimeZone(),
    presets: listPresets(db).map(({ weights, ...preset }) => ({
      ...preset,
      decks: decks.get(preset.id) ?? 0,
      customWeights: weights !== null,
    })),
    decks: listDecks(db),
  };
}

export interface StudySettingsChange {
  collection?: Partial<DaySettings>;
  preset?: Partial<Omit<Preset, 'id' | 'weights'>> & { id: string };
}

function refuse(message: string): never {
  throw new LecternError('bad_input', message);
}

/** Every rule a preset must meet (the contract's one schema); the message says which field and what is allowed. */
export function checkPreset(preset: Preset): void {
  const fields = PresetFields.safeParse(preset);
  if (!fields.success) refuse(fields.error.issues[0]!.message);
  const weights = FsrsWeights.safeParse(preset.weights);
  if (!weights.success) refuse(weights.error.issues[0]!.message);
}

/** The collection's day settings meet the contract's rules (an hour 0–23, a time zone this machine knows). */
export function checkDaySettings(day: DaySettings): void {
  const parsed = DaySettingsFields.safeParse(day);
  if (!parsed.success) refuse(parsed.error.issues[0]!.message);
}

export function updateStudySettings(collection: Collection, change: StudySettingsChange): { changed: ChangeArea[] } {
  const { db } = collection;
  const { changed } = collection.transact((changes) => {
    if (change.collection) {
      const next: DaySettings = { ...readDaySettings(db), ...change.collection };
      checkDaySettings(next);
      writeDaySettings(db, next);
      changes.mark('settings', 'queue');
    }
    if (change.preset) {
      const { id, ...fields } = change.preset;
      const current = getPreset(db, id);
      if (!current) throw new LecternError('not_found', `There is no preset with id ${id}.`);
      const next: Preset = { ...current, ...fields, id, weights: current.weights };
      checkPreset(next);
      savePreset(db, next);
      changes.mark('presets', 'queue');
    }
  });
  return { changed };
}
