/**
 * The study day: the one place an instant becomes the user's day. A study day starts at
 * `dayStartsAt` o'clock local time (default 04:00, as in Anki) in the collection's time zone
 * (null: the machine's). Everything that asks "is this due today?" or "how many today?" uses it.
 */
export interface DaySettings {
  dayStartsAt: number;
  timeZone: string | null;
}

export interface StudyDay {
  /** The local calendar date the study day is named after, as YYYY-MM-DD. */
  date: string;
  /** Days since 1970-01-01 of that date: consecutive study days differ by exactly 1. */
  dayNumber: number;
  /** The instant the study day starts (inclusive) and ends (exclusive), epoch ms. */
  start: number;
  end: number;
}

const MS_PER_DAY = 86_400_000;
const HOUR_MS = 3_600_000;

// Resolving the machine's zone builds an Intl.DateTimeFormat (tens of microseconds): it was more than
// half of a large .apkg import. The zone only changes with the TZ variable, so it is kept per TZ value.
let systemZone: { tz: string | undefined; zone: string } | null = null;

export function systemTimeZone(): string {
  const tz = process.env.TZ;
  if (systemZone === null || systemZone.tz !== tz) systemZone = { tz, zone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' };
  return systemZone.zone;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock fields of an instant in a time zone. */
export function wallClock(instant: number, timeZone: string) {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** Offset of the zone from UTC at an instant, in ms (positive east of Greenwich). */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The wall-clock reading of an instant in a zone, as if that reading were a UTC instant. */
function wallAsUtc(instant: number, timeZone: string): number {
  return Math.floor(instant / 1000) * 1000 + offsetAt(instant, timeZone);
}

/**
 * The instant at which the wall clock in `timeZone` first shows the given local time (the earlier one
 * when a daylight-saving fall-back repeats it). A time skipped by a spring-forward jump resolves to the
 * first instant after the gap, so a study day always starts at the first instant that `studyDay`
 * assigns to it.
 */
export function instantOfWallTime(year: number, month: number, day: number, hour: number, timeZone: string): number {
  const naive = Date.UTC(year, month - 1, day, hour);
  // The zone's offsets a day and a half either side of the target cover a transition near it (an
  // offset taken at the naive instant itself can be on the wrong side of one).
  const early = naive - offsetAt(naive - 36 * HOUR_MS, timeZone);
  const late = naive - offsetAt(naive + 36 * HOUR_MS, timeZone);
  const exact = [early, late].filter((c) => wallAsUtc(c, timeZone) === naive).sort((a, b) => a - b);
  if (exact.length > 0) return exact[0]!;
  // In a gap: search for the first instant whose wall clock reads at or after the target.
  let lo = Math.min(early, late);
  let hi = Math.max(early, late);
  if (wallAsUtc(lo, timeZone) >= naive || wallAsUtc(hi, timeZone) < naive) return hi;
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (wallAsUtc(mid, timeZone) >= naive) hi = mid;
    else lo = mid;
  }
  return hi;
}

function dateString(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function studyDay(instant: number, settings: DaySettings): StudyDay {
  const timeZone = settings.timeZone ?? systemTimeZone();
  const w = wallClock(instant, timeZone);
  let dayNumber = Math.floor(Date.UTC(w.year, w.month - 1, w.day) / MS_PER_DAY);
  if (w.hour < settings.dayStartsAt) dayNumber -= 1;
  return studyDayByNumber(dayNumber, settings);
}

// Day boundaries are asked for constantly (every answer, every queue) and never change: cache them.
const dayCache = new Map<string, StudyDay>();

export function studyDayByNumber(dayNumber: number, settings: DaySettings): StudyDay {
  const timeZone = settings.timeZone ?? systemTimeZone();
  const key = `${timeZone}|${settings.dayStartsAt}|${dayNumber}`;
  const cached = dayCache.get(key);
  if (cached) return { ...cached };
  const computed = computeStudyDay(dayNumber, settings.dayStartsAt, timeZone);
  if (dayCache.size > 4096) dayCache.clear();
  dayCache.set(key, computed);
  return { ...computed };
}

function computeStudyDay(dayNumber: number, dayStartsAt: number, timeZone: string): StudyDay {
  const startDate = new Date(dayNumber * MS_PER_DAY);
  const endDate = new Date((dayNumber + 1) * MS_PER_DAY);
  const start = instantOfWallTime(
    startDate.getUTCFullYear(),
    startDate.getUTCMonth() + 1,
    startDate.getUTCDate(),
    dayStartsAt,
    timeZone,
  );
  const end = instantOfWallTime(endDate.getUTCFullYear(), endDate.getUTCMonth() + 1, endDate.getUTCDate(), dayStartsAt, timeZone);
  return { date: dateString(dayNumber), dayNumber, start, end };
}
