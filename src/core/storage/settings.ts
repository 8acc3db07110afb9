import type { DaySettings } from '../study-day';
import type { Db } from './database';

export function readDaySettings(db: Db): DaySettings {
  const row = db.prepare('SELECT day_starts_at AS dayStartsAt, time_zone AS timeZone FROM collection_settings WHERE id = 1').get() as
    | DaySettings
    | undefined;
  return row ?? { dayStartsAt: 4, timeZone: null };
}

export function writeDaySettings(db: Db, settings: DaySettings): void {
  db.prepare('UPDATE collection_settings SET day_starts_at = ?, time_zone = ? WHERE id = 1').run(
    settings.dayStartsAt,
    settings.timeZone,
  );
}
