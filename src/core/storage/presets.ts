/**
 * Presets: study settings shared by decks (a card's preset is its deck's preset). Reads, writes, the
 * list with how many decks use each, and the largest daily limit any of them allows.
 */
import type { Preset } from '../schedule/types';
import type { Db } from './database';

interface RawPresetRow {
  id: string;
  name: string;
  desired_retention: number;
  maximum_interval: number;
  learning_steps: string;
  relearning_steps: string;
  enable_fuzz: number;
  new_per_day: number;
  reviews_per_day: number;
  bury_siblings: number;
  leech_threshold: number;
  weights: string | null;
}

function fromRawPreset(raw: RawPresetRow): Preset {
  return {
    id: raw.id,
    name: raw.name,
    desiredRetention: raw.desired_retention,
    maximumInterval: raw.maximum_interval,
    learningSteps: JSON.parse(raw.learning_steps) as string[],
    relearningSteps: JSON.parse(raw.relearning_steps) as string[],
    enableFuzz: raw.enable_fuzz === 1,
    newPerDay: raw.new_per_day,
    reviewsPerDay: raw.reviews_per_day,
    burySiblings: raw.bury_siblings === 1,
    leechThreshold: raw.leech_threshold,
    weights: raw.weights === null ? null : (JSON.parse(raw.weights) as number[]),
  };
}

export function getPreset(db: Db, presetId: string): Preset | undefined {
  const raw = db.prepare('SELECT * FROM presets WHERE id = ?').get(presetId) as RawPresetRow | undefined;
  return raw ? fromRawPreset(raw) : undefined;
}

export function getDeckPreset(db: Db, deckId: string): Preset | undefined {
  const raw = db
    .prepare('SELECT p.* FROM presets p JOIN decks d ON d.preset_id = p.id WHERE d.id = ?')
    .get(deckId) as RawPresetRow | undefined;
  return raw ? fromRawPreset(raw) : undefined;
}

/** Writes every field of a preset (insert or update). */
export function savePreset(db: Db, preset: Preset): void {
  db.prepare(
    `INSERT INTO presets (id, name, desired_retention, maximum_interval, learning_steps, relearning_steps, enable_fuzz,
       new_per_day, reviews_per_day, bury_siblings, leech_threshold, weights)
     VALUES (@id, @name, @desiredRetention, @maximumInterval, @learningSteps, @relearningSteps, @enableFuzz,
       @newPerDay, @reviewsPerDay, @burySiblings, @leechThreshold, @weights)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, desired_retention = excluded.desired_retention,
       maximum_interval = excluded.maximum_interval, learning_steps = excluded.learning_steps,
       relearning_steps = excluded.relearning_steps, enable_fuzz = excluded.enable_fuzz,
       new_per_day = excluded.new_per_day, reviews_per_day = excluded.reviews_per_day,
       bury_siblings = excluded.bury_siblings, leech_threshold = excluded.leech_threshold, weights = excluded.weights`,
  ).run({
    ...preset,
    learningSteps: JSON.stringify(preset.learningSteps),
    relearningSteps: JSON.stringify(preset.relearningSteps),
    enableFuzz: preset.enableFuzz ? 1 : 0,
    burySiblings: preset.burySiblings ? 1 : 0,
    weights: preset.weights === null ? null : JSON.stringify(preset.weights),
  });
}

export function listPresetIds(db: Db): string[] {
  return (db.prepare("SELECT id FROM presets ORDER BY id = 'default' DESC, name, id").all() as { id: string }[]).map((r) => r.id);
}

export function listPresets(db: Db): Preset[] {
  return listPresetIds(db).map((id) => getPreset(db, id)!);
}

export function deckCountsByPreset(db: Db): Map<string, number> {
  const rows = db.prepare('SELECT preset_id AS presetId, count(*) AS n FROM decks GROUP BY preset_id').all() as {
    presetId: string;
    n: number;
  }[];
  return new Map(rows.map((r) => [r.presetId, r.n]));
}

/** The largest daily limit of any preset: no deck can take more reviews or new cards in a day. */
export function largestDailyLimit(db: Db): number {
  const row = db.prepare('SELECT max(max(new_per_day, reviews_per_day)) AS cap FROM presets').get() as { cap: number | null };
  return row.cap ?? 0;
}

/** A preset with this name (compared without case), other than `exceptId`. */
export function presetIdByName(db: Db, name: string, exceptId: string | null = null): string | undefined {
  const row = db.prepare('SELECT id FROM presets WHERE lower(name) = lower(?) AND id IS NOT ? LIMIT 1').get(name, exceptId) as
    | { id: string }
    | undefined;
  return row?.id;
}

export function renamePresetRow(db: Db, presetId: string, name: string): void {
  db.prepare('UPDATE presets SET name = ? WHERE id = ?').run(name, presetId);
}

/** Deletes the row only: move its decks to another preset first (decks.preset_id references it). */
export function deletePresetRow(db: Db, presetId: string): void {
  db.prepare('DELETE FROM presets WHERE id = ?').run(presetId);
}
