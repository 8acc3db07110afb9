/**
 * Study settings: the collection's day (when a study day starts, which time zone) and the presets
 * decks share. Every change is checked here (whatever the host checked before) and written in one
 * transaction, so a refused change leaves everything as it was.
 */
import { LecternError } from '../../shared/contract';
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

const STEP = /^(\d{1,5}(?:\.\d{1,3})?)([mhd])$/;

function refuse(message: string): never {
  throw new LecternError('bad_input', message);
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function checkSteps(what: string, steps: readonly string[]): void {
  if (steps.length > 10) refuse(`${what}: at most 10 steps.`);
  for (const step of steps) {
    const m = STEP.exec(step);
    if (!m || Number(m[1]) <= 0) refuse(`${what}: “${step}” is not a step; write a number and m, h or d, such as 10m or 1d.`);
  }
}

const whole = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;

/** Every rule a preset must meet; the message says which field and what is allowed. */
export function checkPreset(preset: Preset): void {
  if (preset.name.trim() === '' || preset.name.length > 100) refuse('A preset needs a name of 1 to 100 characters.');
  if (!(preset.desiredRetention >= 0.7 && preset.desiredRetention <= 0.99)) {
    refuse(`Desired retention must be from 0.70 to 0.99, got ${preset.desiredRetention}.`);
  }
  if (!whole(preset.maximumInterval, 1, 36500)) refuse(`Maximum interval must be 1 to 36500 days, got ${preset.maximumInterval}.`);
  checkSteps('Learning steps', preset.learningSteps);
  checkSteps('Relearning steps', preset.relearningSteps);
  if (!whole(preset.newPerDay, 0, 9999)) refuse(`New cards per day must be 0 to 9999, got ${preset.newPerDay}.`);
  if (!whole(preset.reviewsPerDay, 0, 99999)) refuse(`Reviews per day must be 0 to 99999, got ${preset.reviewsPerDay}.`);
  if (!whole(preset.leechThreshold, 1, 99)) refuse(`The leech threshold must be 1 to 99 lapses, got ${preset.leechThreshold}.`);
}

export function updateStudySettings(collection: Collection, change: StudySettingsChange): { changed: ChangeArea[] } {
  const { db } = collection;
  const { changed } = collection.transact((changes) => {
    if (change.collection) {
      const next: DaySettings = { ...readDaySettings(db), ...change.collection };
      if (!whole(next.dayStartsAt, 0, 23)) refuse(`The day starts at an hour from 0 to 23, got ${next.dayStartsAt}.`);
      if (next.timeZone !== null && !isTimeZone(next.timeZone)) {
        refuse(`“${next.timeZone}” is not a time zone Lectern knows; use a name such as Europe/Paris, or follow the system.`);
      }
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
