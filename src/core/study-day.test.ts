import { describe, expect, it } from 'vitest';
import { studyDay, studyDayByNumber, systemTimeZone, wallClock } from './study-day';

const HOUR = 3_600_000;
const ZONES = [
  'UTC',
  'Asia/Tokyo',
  'America/Los_Angeles',
  'Pacific/Auckland',
  'Europe/London',
  'Asia/Kolkata',
  'Australia/Lord_Howe', // 30-minute daylight-saving shift
  'America/Santiago', // DST change at midnight
  'Pacific/Chatham', // UTC+12:45 / +13:45
];

describe('studyDay', () => {
  it('starts the day at the configured hour: 03:59 and 04:01 are different study days', () => {
    const settings = { dayStartsAt: 4, timeZone: 'Asia/Tokyo' };
    // 2026-03-10 03:59 JST = 2026-03-09 18:59Z.
    const before = studyDay(Date.UTC(2026, 2, 9, 18, 59), settings);
    const after = studyDay(Date.UTC(2026, 2, 9, 19, 1), settings);
    expect(before.date).toBe('2026-03-09');
    expect(after.date).toBe('2026-03-10');
    expect(after.dayNumber - before.dayNumber).toBe(1);
    expect(after.start).toBe(Date.UTC(2026, 2, 9, 19));
    expect(before.end).toBe(after.start);
  });

  it('uses 24 h days around midnight when the day starts at 0', () => {
    const s = studyDay(Date.UTC(2026, 5, 1, 23, 59, 59, 999), { dayStartsAt: 0, timeZone: 'UTC' });
    expect(s.date).toBe('2026-06-01');
    expect(s.end - s.start).toBe(24 * HOUR);
  });

  for (const timeZone of ZONES) {
    for (const dayStartsAt of [0, 2, 4, 23]) {
      it(`tiles time without gaps or overlaps through 2026 in ${timeZone}, day starts at ${dayStartsAt}`, () => {
        const settings = { dayStartsAt, timeZone };
        const first = studyDay(Date.UTC(2026, 0, 1, 12), settings);
        let previous = first;
        for (let n = first.dayNumber + 1; n <= first.dayNumber + 366; n++) {
          const d = studyDayByNumber(n, settings);
          expect(d.start).toBe(previous.end);
          const length = d.end - d.start;
          expect(length).toBeGreaterThanOrEqual(22 * HOUR);
          expect(length).toBeLessThanOrEqual(26 * HOUR);
          // The boundaries map back to the right day.
          expect(studyDay(d.start, settings).dayNumber).toBe(n);
          expect(studyDay(d.end - 1, settings).dayNumber).toBe(n);
          expect(studyDay(d.start - 1, settings).dayNumber).toBe(n - 1);
          // Mid-day instants too.
          expect(studyDay(d.start + 12 * HOUR, settings).dayNumber).toBe(n);
          // The day starts at the configured wall-clock hour, unless that hour was skipped by a DST jump.
          const w = wallClock(d.start, timeZone);
          if (w.hour !== dayStartsAt) {
            expect(wallClock(d.start - 1, timeZone).hour).toBeLessThan(dayStartsAt === 0 ? 24 : dayStartsAt);
          }
          previous = d;
        }
      });
    }
  }

  it('has a 23-hour and a 25-hour study day across the Los Angeles DST changes', () => {
    const settings = { dayStartsAt: 4, timeZone: 'America/Los_Angeles' };
    const spring = studyDay(Date.UTC(2026, 2, 7, 20), settings); // 2026-03-07 12:00 PST
    expect(spring.date).toBe('2026-03-07');
    expect(spring.end - spring.start).toBe(23 * HOUR);
    const fall = studyDay(Date.UTC(2026, 9, 31, 20), settings); // 2026-10-31 13:00 PDT
    expect(fall.date).toBe('2026-10-31');
    expect(fall.end - fall.start).toBe(25 * HOUR);
  });
});

describe('systemTimeZone', () => {
  it('follows the machine zone, including a change of TZ while running', () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Tokyo';
      expect(systemTimeZone()).toBe('Asia/Tokyo');
      expect(studyDay(Date.UTC(2026, 2, 9, 18, 59), { dayStartsAt: 4, timeZone: null }).date).toBe('2026-03-09');
      process.env.TZ = 'America/Los_Angeles';
      expect(systemTimeZone()).toBe('America/Los_Angeles');
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
