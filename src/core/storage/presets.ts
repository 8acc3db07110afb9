/**
 * Study settings storage: the list of presets with how many decks use each, and the collection's
 * day settings writer. (Preset reads and writes themselves are still `getPreset`/`savePreset` in
 * cards.ts, where the scheduler's engineer put them; the day-settings writer belongs beside
 * `readDaySettings` in settings.ts once that file is free to edit.)
 */
import type { Preset } from '../schedule/types';
import type { DaySettings } from '../study-day';
import { getPreset } from './cards';
import type { Db } from './database';

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

export function writeDaySettings(db: Db, settings: DaySettings): void {
  db.prepare('UPDATE collection_settings SET day_starts_at = ?, time_zone = ? WHERE id = 1').run(
    settings.dayStartsAt,
    settings.timeZone,
  );
}
