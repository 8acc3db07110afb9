import { fsrs, Rating as FRating, default_w } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { studyDay, wallClock, type DaySettings } from '../study-day';
import { formatInterval } from './format';
import { replayCard } from './replay';
import {
  MS_PER_DAY,
  answerCard,
  elapsedStudyDays,
  forgetCard,
  isLeechLapse,
  newCardMemory,
  nextStates,
  previewAnswer,
  setDueDate,
} from './scheduler';
import { DEFAULT_PRESET, type CardMemory, type Preset, type Rating } from './types';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const noFuzz: Preset = { ...DEFAULT_PRESET, enableFuzz: false };

/** New card → Good → Good: a review card last reviewed at `at`. */
function graduated(at: number, day: DaySettings, preset = noFuzz): CardMemory {
  let card = answerCard(newCardMemory(at - 20 * MINUTE), at - 20 * MINUTE, 3, preset, day, 'c').card;
  card = answerCard(card, at - 10 * MINUTE, 3, preset, day, 'c').card;
  return answerCard(card, at, 3, preset, day, 'c').card;
}

describe('nextStates', () => {
  it('gives the documented first answers for a new card (steps 1m, 10m)', () => {
    const day = { dayStartsAt: 4, timeZone: 'UTC' };
    const now = Date.UTC(2026, 0, 10, 8);
    const o = nextStates(newCardMemory(now), now, noFuzz, day, 'card-1');
    expect(o[1].card.due - now).toBe(1 * MINUTE);
    expect(o[2].card.due - now).toBe(6 * MINUTE);
    expect(o[3].card.due - now).toBe(10 * MINUTE);
    expect(o[3].card.state).toBe(1);
    expect(o[3].card.learningSteps).toBe(1);
    expect(o[4].card.state).toBe(2);
    expect(o[4].log.scheduledDays).toBe(8);
    expect(o[1].card.stability).toBeCloseTo(0.212, 3);
    expect(o[3].card.difficulty).toBeCloseTo(2.118, 3);
    for (const r of [1, 2, 3, 4] as Rating[]) {
      expect(o[r].log).toMatchObject({ kind: 'review', rating: r, reviewedAt: now, state: 0, due: now, stability: 0, difficulty: 0 });
      expect(o[r].card.reps).toBe(1);
      expect(o[r].card.lastReview).toBe(now);
    }
  });

  it('matches raw ts-fsrs exactly when the user lives at UTC with a midnight rollover', () => {
    const day = { dayStartsAt: 0, timeZone: 'UTC' };
    const f = fsrs({ enable_fuzz: false, w: default_w });
    let raw = f.next({ ...fsrsEmpty(Date.UTC(2026, 0, 1, 9)) }, new Date(Date.UTC(2026, 0, 1, 9)), FRating.Good).card;
    raw = f.next(raw, new Date(Date.UTC(2026, 0, 1, 9, 10)), FRating.Good).card;
    let ours = answerCard(newCardMemory(Date.UTC(2026, 0, 1, 9)), Date.UTC(2026, 0, 1, 9), 3, noFuzz, day, 'x').card;
    ours = answerCard(ours, Date.UTC(2026, 0, 1, 9, 10), 3, noFuzz, day, 'x').card;
    expect(ours.stability).toBe(raw.stability);
    expect(ours.difficulty).toBe(raw.difficulty);
    // Later review, days after: ts-fsrs computes the same S and D from the same elapsed days.
    const t = Date.UTC(2026, 0, 4, 15);
    const rawNext = f.next(raw, new Date(t), FRating.Hard).card;
    const oursNext = answerCard(ours, t, 2, noFuzz, day, 'x').card;
    expect(oursNext.stability).toBe(rawNext.stability);
    expect(oursNext.difficulty).toBe(rawNext.difficulty);
  });

  describe('counts elapsed days in study days, not UTC dates', () => {
    // Each case: two answers on the SAME study day that straddle UTC midnight, and a same-UTC-date pair
    // that straddles the local day boundary. The wrapper must treat the first as 0 days and the second as 1.
    const cases: { zone: string; sameStudyDay: [number, number]; acrossBoundary: [number, number] }[] = [
      {
        zone: 'Asia/Tokyo', // 08:30 and 10:00 JST = 23:30Z and 01:00Z
        sameStudyDay: [Date.UTC(2026, 4, 10, 23, 30), Date.UTC(2026, 4, 11, 1, 0)],
        // 03:00 and 05:00 JST on 2026-05-12 = 18:00Z and 20:00Z on 05-11 (same UTC date)
        acrossBoundary: [Date.UTC(2026, 4, 11, 18), Date.UTC(2026, 4, 11, 20)],
      },
      {
        zone: 'America/Los_Angeles', // 16:30 and 17:30 PDT = 23:30Z and 00:30Z
        sameStudyDay: [Date.UTC(2026, 5, 1, 23, 30), Date.UTC(2026, 5, 2, 0, 30)],
        // 03:00 and 05:00 PDT = 10:00Z and 12:00Z, same UTC date
        acrossBoundary: [Date.UTC(2026, 5, 3, 10), Date.UTC(2026, 5, 3, 12)],
      },
      {
        zone: 'Pacific/Auckland', // 11:30 and 13:00 NZST = 23:30Z and 01:00Z
        sameStudyDay: [Date.UTC(2026, 6, 1, 23, 30), Date.UTC(2026, 6, 2, 1, 0)],
        // 03:00 and 05:00 NZST on 07-04 = 15:00Z and 17:00Z on 07-03
        acrossBoundary: [Date.UTC(2026, 6, 3, 15), Date.UTC(2026, 6, 3, 17)],
      },
    ];
    for (const c of cases) {
      it(`in ${c.zone}`, () => {
        const day = { dayStartsAt: 4, timeZone: c.zone };
        const [a, b] = c.sameStudyDay;
        expect(dateDiffUtc(a, b)).toBe(1); // what ts-fsrs alone would count
        const learning = answerCard(newCardMemory(a), a, 3, noFuzz, day, 'k').card;
        const same = answerCard(learning, b, 3, noFuzz, day, 'k');
        expect(same.log.elapsedDays).toBe(0);
        // Same-day (short-term) stability: as if both answers were minutes apart on one UTC date.
        const utc = { dayStartsAt: 0, timeZone: 'UTC' };
        const t0 = Date.UTC(2026, 0, 1, 10);
        const ref = answerCard(answerCard(newCardMemory(t0), t0, 3, noFuzz, utc, 'k').card, t0 + (b - a), 3, noFuzz, utc, 'k');
        expect(same.card.stability).toBe(ref.card.stability);

        const [x, y] = c.acrossBoundary;
        expect(dateDiffUtc(x, y)).toBe(0);
        const l2 = answerCard(newCardMemory(x), x, 3, noFuzz, day, 'k').card;
        const next = answerCard(l2, y, 3, noFuzz, day, 'k');
        expect(next.log.elapsedDays).toBe(1);
        const ref1 = answerCard(answerCard(newCardMemory(t0), t0, 3, noFuzz, utc, 'k').card, t0 + MS_PER_DAY, 3, noFuzz, utc, 'k');
        expect(next.card.stability).toBe(ref1.card.stability);
      });
    }
  });

  it('puts review cards due at the start of study day today + N, in any zone', () => {
    for (const zone of ['Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Auckland', 'Europe/Berlin']) {
      const day = { dayStartsAt: 4, timeZone: zone };
      for (let h = 0; h < 24; h += 5) {
        const now = Date.UTC(2026, 2, 1, h, 17);
        const card = graduated(now - 3 * MS_PER_DAY, day, DEFAULT_PRESET);
        const o = nextStates(card, now, DEFAULT_PRESET, day, 'z');
        const today = studyDay(now, day).dayNumber;
        for (const r of [2, 3, 4] as Rating[]) {
          const { card: next, log, intervalMs } = o[r];
          expect(next.state).toBe(2);
          const due = studyDay(next.due, day);
          expect(due.dayNumber).toBe(today + log.scheduledDays);
          expect(next.due).toBe(due.start);
          expect(intervalMs).toBe(log.scheduledDays * MS_PER_DAY);
        }
        // Again: a relearning step of exactly 10 minutes from the real instant.
        expect(o[1].card.state).toBe(3);
        expect(o[1].card.due).toBe(now + 10 * MINUTE);
      }
    }
  });

  it('keeps due dates at 04:00 local and day counts right across a daylight-saving change', () => {
    const day = { dayStartsAt: 4, timeZone: 'America/Los_Angeles' };
    // Reviewed Saturday 2026-03-07 22:00 PST; DST starts Sunday 03-08 at 02:00.
    const before = Date.UTC(2026, 2, 8, 6);
    const card = graduated(before, day);
    expect(card.state).toBe(2);
    const due = wallClock(card.due, day.timeZone);
    expect(due.hour).toBe(4);
    // Sunday 03:30 PDT (10:30Z): still the Saturday study day, only 4.5 real hours later.
    const sameDay = answerCard(card, Date.UTC(2026, 2, 8, 10, 30), 3, noFuzz, day, 'c');
    expect(sameDay.log.elapsedDays).toBe(0);
    // Sunday 04:30 PDT (11:30Z): the next study day, 5.5 real hours after the review (a 23-hour day).
    const nextDay = answerCard(card, Date.UTC(2026, 2, 8, 11, 30), 3, noFuzz, day, 'c');
    expect(nextDay.log.elapsedDays).toBe(1);
    // Autumn: the 25-hour study day of 2026-10-31 still counts as one day.
    const fall = graduated(Date.UTC(2026, 9, 31, 12), day); // 05:00 PDT on 10-31
    const afterFall = answerCard(fall, Date.UTC(2026, 10, 1, 12, 30), 3, noFuzz, day, 'c'); // 04:30 PST on 11-01
    expect(afterFall.log.elapsedDays).toBe(1);
    expect(wallClock(afterFall.card.due, day.timeZone).hour).toBe(4);
  });

  it('seeds fuzz by card id: deterministic per card, spread across cards', () => {
    const day = { dayStartsAt: 4, timeZone: 'UTC' };
    const now = Date.UTC(2026, 0, 1, 10);
    const base = graduated(now - 30 * MS_PER_DAY, day, noFuzz);
    const card = { ...base, stability: 40 };
    const a = nextStates(card, now, DEFAULT_PRESET, day, 'card-a')[3].log.scheduledDays;
    expect(nextStates(card, now, DEFAULT_PRESET, day, 'card-a')[3].log.scheduledDays).toBe(a);
    const spread = new Set(Array.from({ length: 40 }, (_, i) => nextStates(card, now, DEFAULT_PRESET, day, `card-${i}`)[3].log.scheduledDays));
    expect(spread.size).toBeGreaterThan(3);
    const plain = nextStates(card, now, noFuzz, day, 'card-a')[3].log.scheduledDays;
    for (const d of spread) expect(Math.abs(d - plain)).toBeLessThanOrEqual(Math.ceil(plain * 0.1) + 1);
  });

  it('labels buttons from the same outcome it applies', () => {
    const day = { dayStartsAt: 4, timeZone: 'Europe/London' };
    const now = Date.UTC(2026, 3, 1, 9);
    const labels = [1, 2, 3, 4].map((r) => formatInterval(nextStates(newCardMemory(now), now, noFuzz, day, 'l')[r as Rating].intervalMs));
    expect(labels).toEqual(['1m', '6m', '10m', '8d']);
  });
});

describe('other scheduling actions', () => {
  const day = { dayStartsAt: 4, timeZone: 'Asia/Tokyo' };
  const now = Date.UTC(2026, 1, 1, 3);

  it('forget returns a new card due now and logs the state before', () => {
    const card = graduated(now - 5 * MS_PER_DAY, day);
    const { card: reset, log } = forgetCard(card, now, day);
    expect(reset).toEqual(newCardMemory(now));
    expect(log).toMatchObject({ kind: 'reset', rating: 0, state: 2, due: card.due, stability: card.stability, elapsedDays: 5 });
  });

  it('set due puts the card at the start of the chosen study day; learning cards become review cards', () => {
    const learning = answerCard(newCardMemory(now), now, 3, noFuzz, day, 's').card;
    const { card, log } = setDueDate(learning, now, 3, day);
    expect(card.state).toBe(2);
    expect(card.learningSteps).toBe(0);
    expect(card.due).toBe(studyDay(now + 3 * MS_PER_DAY, day).start);
    expect(log).toMatchObject({ kind: 'manual', rating: 0, scheduledDays: 3, state: 1, due: learning.due });
    const fresh = setDueDate(newCardMemory(now), now, 0, day).card;
    expect(fresh.state).toBe(0);
    expect(fresh.due).toBe(studyDay(now, day).start);
    expect(() => setDueDate(fresh, now, -1, day)).toThrow();
  });

  it('a preview answer only logs', () => {
    const card = graduated(now - 2 * MS_PER_DAY, day);
    const log = previewAnswer(card, now, 1, day);
    expect(log).toMatchObject({ kind: 'preview', rating: 1, state: 2, due: card.due, scheduledDays: 0, elapsedDays: 2 });
  });

  it('elapsed study days never go negative', () => {
    const card = graduated(now, day);
    expect(elapsedStudyDays(card, now - 3 * MS_PER_DAY, day)).toBe(0);
  });

  it('replays reviews, starts over after a reset, re-applies manual dates and ignores previews', () => {
    const created = now - 10 * MS_PER_DAY;
    let card = newCardMemory(created);
    const logs: { id: string; kind: 'review' | 'preview' | 'manual' | 'reset'; rating: number; reviewedAt: number; scheduledDays: number }[] = [];
    let t = created;
    let n = 0;
    const step = (kind: (typeof logs)[number]['kind'], rating: number, arg = 0) => {
      t += 7 * HOUR;
      const id = String(++n).padStart(4, '0');
      if (kind === 'review') card = answerCard(card, t, rating as Rating, DEFAULT_PRESET, day, 'r').card;
      if (kind === 'reset') card = forgetCard(card, t, day).card;
      if (kind === 'manual') card = setDueDate(card, t, arg, day).card;
      logs.push({ id, kind, rating, reviewedAt: t, scheduledDays: kind === 'manual' ? arg : 0 });
    };
    step('review', 3);
    step('review', 3);
    step('preview', 1);
    step('review', 4);
    step('manual', 0, 5);
    step('review', 1);
    step('reset', 0);
    step('review', 2);
    step('review', 3);
    expect(replayCard([...logs].reverse(), DEFAULT_PRESET, day, 'r', created)).toEqual(card);
  });
});

describe('formatInterval', () => {
  it('formats like Anki', () => {
    expect(formatInterval(30_000)).toBe('<1m');
    expect(formatInterval(MINUTE)).toBe('1m');
    expect(formatInterval(10 * MINUTE)).toBe('10m');
    expect(formatInterval(90 * MINUTE)).toBe('2h');
    expect(formatInterval(MS_PER_DAY)).toBe('1d');
    expect(formatInterval(3 * MS_PER_DAY)).toBe('3d');
    expect(formatInterval(36 * MS_PER_DAY)).toBe('1.2mo');
    expect(formatInterval(61 * MS_PER_DAY)).toBe('2mo');
    expect(formatInterval(730 * MS_PER_DAY)).toBe('2y');
    expect(formatInterval(2.5 * 365 * MS_PER_DAY)).toBe('2.5y');
  });
});

describe('leeches', () => {
  it('trigger at the threshold, then every half threshold', () => {
    expect(isLeechLapse(6, 7, 8)).toBe(false);
    expect(isLeechLapse(7, 8, 8)).toBe(true);
    expect(isLeechLapse(8, 8, 8)).toBe(false);
    expect(isLeechLapse(9, 10, 8)).toBe(false);
    expect(isLeechLapse(11, 12, 8)).toBe(true);
  });
});

function fsrsEmpty(at: number) {
  return { due: new Date(at), stability: 0, difficulty: 0, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0, state: 0 as const };
}

function dateDiffUtc(a: number, b: number): number {
  return Math.round((Date.UTC(...ymd(b)) - Date.UTC(...ymd(a))) / MS_PER_DAY);
}
function ymd(t: number): [number, number, number] {
  const d = new Date(t);
  return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
}
