import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCollection, type Collection } from '../collection';
import { manualClock } from '../clock';
import { getCard, getRawCard } from '../storage/cards';
import { listDecks } from '../storage/decks';
import { listLogsForCard } from '../storage/review-logs';
import { studyDay } from '../study-day';
import { answer, bury, flag, forget, LEECH_TAG, setDue, suspend } from './answering';
import { replayCard } from './replay';
import { answerButtons, customSessionCards, dueCounts, studyQueue, todayCounts } from './session';
import { createTestCollection, DAY, HOUR, MINUTE } from './test-support';
import { peekUndo, undo, undoDepth } from './undo';
import type { Rating } from './types';

const open: Collection[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});
function setup(options: Parameters<typeof createTestCollection>[0]) {
  const t = createTestCollection(options);
  open.push(t.collection);
  return t;
}
const dump = (c: Collection) => ({
  cards: c.db.prepare('SELECT * FROM cards ORDER BY id').all(),
  logs: c.db.prepare('SELECT * FROM review_logs ORDER BY id').all(),
});
const good = (collection: Collection, cardId: string, rating: Rating = 3) =>
  answer(collection, { cardId, rating, durationMs: 4000, sessionKind: 'normal' });

describe('answering', () => {
  it('writes the card and exactly one review log entry, consistent with a replay', () => {
    const t = setup({ start: Date.UTC(2026, 0, 5, 12), day: { dayStartsAt: 4, timeZone: 'Europe/Berlin' } });
    const [id] = t.addCards(1);
    const r = good(t.collection, id!);
    expect(r.changed).toEqual(['cards', 'queue']);
    const logs = listLogsForCard(t.collection.db, id!);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ id: r.logId, kind: 'review', rating: 3, state: 0, durationMs: 4000, reviewedAt: t.clock.now() });
    const card = getCard(t.collection.db, id!)!;
    expect(card.state).toBe(1);
    expect(card.due).toBe(t.clock.now() + 10 * MINUTE);
    expect(replayCard(logs, t.preset, t.day, id!, card.createdAt)).toEqual(memory(card));
  });

  it('refuses a bad rating or an unknown card without writing anything', () => {
    const t = setup({ start: Date.UTC(2026, 0, 5, 12) });
    const [id] = t.addCards(1);
    const before = dump(t.collection);
    expect(() => answer(t.collection, { cardId: id!, rating: 5 as Rating, durationMs: 0, sessionKind: 'normal' })).toThrow(/rating/);
    expect(() => good(t.collection, 'nope')).toThrow(/No card/);
    expect(dump(t.collection)).toEqual(before);
    expect(undoDepth(t.collection)).toBe(0);
  });

  it('button labels equal what answering produces at the same instant', () => {
    const t = setup({ start: Date.UTC(2026, 2, 1, 22), day: { dayStartsAt: 4, timeZone: 'America/Los_Angeles' } });
    const ids = t.addCards(4);
    // Give the cards some history so the buttons show days and months.
    for (let round = 0; round < 6; round++) {
      for (const id of ids) good(t.collection, id, round === 3 ? 1 : 3);
      t.clock.advance(round < 2 ? 11 * MINUTE : 9 * DAY + 5 * HOUR);
    }
    for (const id of ids) {
      for (const rating of [1, 2, 3, 4] as Rating[]) {
        const buttons = answerButtons(t.collection, id);
        const now = t.clock.now();
        const today = studyDay(now, t.day).dayNumber;
        good(t.collection, id, rating);
        const after = getCard(t.collection.db, id)!;
        const actual = after.state === 2 ? (studyDay(after.due, t.day).dayNumber - today) * DAY : after.due - now;
        expect(buttons[rating - 1]!.intervalMs).toBe(actual);
        undo(t.collection);
      }
    }
  });
});

describe('undo', () => {
  it('restores byte-identical rows over several steps, siblings and leeches included', () => {
    const t = setup({ start: Date.UTC(2026, 0, 5, 12), day: { dayStartsAt: 4, timeZone: 'Asia/Tokyo' } });
    const ids = t.addCards(3, { paragraph: 1 });
    const other = t.addCards(2);
    const snapshots = [dump(t.collection)];
    const steps: (() => void)[] = [
      () => good(t.collection, ids[0]!),
      () => good(t.collection, other[0]!, 1),
      () => flag(t.collection, [other[1]!], 3),
      () => {
        t.clock.advance(15 * MINUTE);
        good(t.collection, ids[0]!);
      },
      () => suspend(t.collection, [other[1]!]),
      () => forget(t.collection, [ids[0]!]),
      () => setDue(t.collection, [other[0]!], 4),
      () => bury(t.collection, [ids[2]!]),
    ];
    for (const step of steps) {
      step();
      snapshots.push(dump(t.collection));
    }
    expect(undoDepth(t.collection)).toBe(steps.length);
    expect(peekUndo(t.collection)).toEqual({ action: 'bury', cardId: ids[2] });
    for (let i = steps.length - 1; i >= 0; i--) {
      expect(undo(t.collection)).not.toBeNull();
      expect(dump(t.collection)).toEqual(snapshots[i]);
    }
    expect(undo(t.collection)).toBeNull();
  });

  it('refuses to undo over a later change to the same card', () => {
    const t = setup({ start: Date.UTC(2026, 0, 5, 12) });
    const [id] = t.addCards(1);
    good(t.collection, id!);
    t.collection.db.prepare("UPDATE cards SET front = 'edited' WHERE id = ?").run(id);
    expect(() => undo(t.collection)).toThrow(/cannot be undone/);
    expect(listLogsForCard(t.collection.db, id!)).toHaveLength(1);
  });
});

describe('limits and the study day', () => {
  it('serves new cards up to the daily limit, counted from the log, and again on the next study day', () => {
    const t = setup({ start: Date.UTC(2026, 0, 5, 12), day: { dayStartsAt: 4, timeZone: 'UTC' }, preset: { newPerDay: 3, reviewsPerDay: 2 } });
    t.addCards(5);
    expect(todayCounts(t.collection)).toEqual({ new: 3, learning: 0, review: 0 });
    for (let i = 0; i < 3; i++) good(t.collection, studyQueue(t.collection).cardIds[0]!, 4); // Easy: straight to review
    expect(todayCounts(t.collection)).toEqual({ new: 0, learning: 0, review: 0 });
    expect(studyQueue(t.collection).cardIds).toEqual([]);
    undo(t.collection);
    expect(todayCounts(t.collection).new).toBe(1);
    good(t.collection, studyQueue(t.collection).cardIds[0]!, 4);
    // 03:59 the next morning is still the same study day; 04:01 is a new one.
    t.clock.set(Date.UTC(2026, 0, 6, 3, 59));
    expect(todayCounts(t.collection).new).toBe(0);
    t.clock.set(Date.UTC(2026, 0, 6, 4, 1));
    expect(todayCounts(t.collection).new).toBe(2);
  });

  it('keeps limits across a restart (they are counted from the log)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-limits-'));
    try {
      const path = join(dir, 'lectern.sqlite');
      const t = createTestCollection({ start: Date.UTC(2026, 0, 5, 12), path, preset: { newPerDay: 2 } });
      t.addCards(4);
      good(t.collection, studyQueue(t.collection).cardIds[0]!, 4);
      t.collection.close();
      const again = openCollection({ path, clock: manualClock(Date.UTC(2026, 0, 5, 13)) });
      expect(todayCounts(again).new).toBe(1);
      expect(dueCounts(again)).toEqual(
        listDecks(again.db).map((d) => ({ deckId: d.id, name: d.name, articleId: d.articleId, ...(d.id === t.deckId ? { new: 1, learning: 0, review: 0 } : { new: 0, learning: 0, review: 0 }) })),
      );
      again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('counts per deck for `lectern due`, each deck with its own preset', () => {
    const t = setup({ start: Date.UTC(2026, 0, 5, 12), preset: { newPerDay: 2 } });
    t.addCards(3);
    const other = t.addDeck();
    t.addCards(1, { deckId: other });
    const counts = dueCounts(t.collection);
    expect(counts.find((d) => d.deckId === t.deckId)).toMatchObject({ new: 2, learning: 0, review: 0, articleId: t.articleId });
    expect(counts.find((d) => d.deckId === other)).toMatchObject({ new: 1, learning: 0, review: 0, articleId: null });
    good(t.collection, studyQueue(t.collection, { deckId: other }).cardIds[0]!);
    expect(dueCounts(t.collection).find((d) => d.deckId === other)).toMatchObject({ new: 0, learning: 1, review: 0 });
  });

  it('caps reviews per day and serves a backlog lowest retrievability first', () => {
    const t = setup({ start: Date.UTC(2026, 0, 5, 12), preset: { reviewsPerDay: 2, enableFuzz: false, burySiblings: false } });
    const ids = t.addCards(4);
    for (const id of ids) good(t.collection, id, 4);
    // Make the backlog uneven: the last card is reviewed again a few days later.
    t.clock.advance(10 * DAY);
    good(t.collection, ids[3]!, 3);
    t.clock.advance(60 * DAY);
    expect(studyQueue(t.collection).counts.review).toBe(2);
    const first = studyQueue(t.collection).cardIds[0]!;
    expect(ids.slice(0, 3)).toContain(first); // reviewed longest ago: lowest retrievability
    good(t.collection, first, 3);
    const q = studyQueue(t.collection);
    expect(q.counts.review).toBe(1); // one of today's two reviews is used
    expect(q.cardIds).toHaveLength(1);
    expect(ids.slice(0, 3)).toContain(q.cardIds[0]);
    expect(q.cardIds[0]).not.toBe(first);
  });
});

describe('card actions', () => {
  it('buries siblings from the same passage until the next study day', () => {
    const t = setup({ start: Date.UTC(2026, 0, 5, 12), day: { dayStartsAt: 4, timeZone: 'Pacific/Auckland' } });
    const siblings = t.addCards(3, { paragraph: 7 });
    const loner = t.addCards(1);
    const r = good(t.collection, siblings[0]!);
    expect(r.buried.sort()).toEqual(siblings.slice(1).sort());
    const q = studyQueue(t.collection).cardIds;
    expect(q).toContain(loner[0]);
    expect(q).not.toContain(siblings[1]);
    const end = studyDay(t.clock.now(), t.day).end;
    expect(getCard(t.collection.db, siblings[1]!)!.buriedUntil).toBe(end);
    t.clock.set(end);
    expect(studyQueue(t.collection).cardIds).toContain(siblings[1]);
  });

  it('does not bury siblings when the preset says no, nor in a preview session', () => {
    const t = setup({ start: Date.UTC(2026, 0, 5, 12), preset: { burySiblings: false } });
    const s = t.addCards(2, { paragraph: 1 });
    expect(good(t.collection, s[0]!).buried).toEqual([]);
    const u = setup({ start: Date.UTC(2026, 0, 5, 12) });
    const p = u.addCards(2, { paragraph: 1 });
    expect(answer(u.collection, { cardId: p[0]!, rating: 3, durationMs: 1, sessionKind: 'preview' }).buried).toEqual([]);
  });

  it('tags and suspends a leech when lapses reach the threshold', () => {
    const t = setup({ start: Date.UTC(2026, 0, 5, 12), preset: { leechThreshold: 3, relearningSteps: [] } });
    const [id] = t.addCards(1);
    good(t.collection, id!, 4);
    let leech = false;
    for (let lapse = 1; lapse <= 3; lapse++) {
      t.clock.set(getCard(t.collection.db, id!)!.due + HOUR);
      const r = good(t.collection, id!, 1);
      expect(r.card.lapses).toBe(lapse);
      leech = r.leech;
      if (lapse < 3) expect(leech).toBe(false);
    }
    expect(leech).toBe(true);
    const card = getCard(t.collection.db, id!)!;
    expect(card.tags).toContain(LEECH_TAG);
    expect(card.suspended).toBe(true);
    expect(studyQueue(t.collection).cardIds).not.toContain(id);
    undo(t.collection);
    expect(getCard(t.collection.db, id!)!).toMatchObject({ suspended: false, tags: [], lapses: 2 });
  });

  it('forget: back to new, history kept, logged as reset', () => {
    const t = setup({ start: Date.UTC(2026, 0, 5, 12) });
    const [id] = t.addCards(1);
    good(t.collection, id!, 4);
    t.clock.advance(10 * DAY);
    good(t.collection, id!, 3);
    forget(t.collection, [id!]);
    const card = getCard(t.collection.db, id!)!;
    expect(memory(card)).toEqual({ state: 0, due: t.clock.now(), stability: 0, difficulty: 0, reps: 0, lapses: 0, lastReview: null, learningSteps: 0 });
    const logs = listLogsForCard(t.collection.db, id!);
    expect(logs.map((l) => l.kind)).toEqual(['review', 'review', 'reset']);
    expect(logs[2]).toMatchObject({ rating: 0, state: 2 });
    expect(replayCard(logs, t.preset, t.day, id!, card.createdAt)).toEqual(memory(card));
  });

  it('set due date: due at the start of that study day, logged as manual, replayable', () => {
    const t = setup({ start: Date.UTC(2026, 0, 5, 12), day: { dayStartsAt: 4, timeZone: 'America/Los_Angeles' } });
    const [a, b] = t.addCards(2);
    good(t.collection, a!, 3);
    setDue(t.collection, [a!, b!], 2);
    const today = studyDay(t.clock.now(), t.day).dayNumber;
    for (const id of [a!, b!]) {
      const card = getCard(t.collection.db, id)!;
      expect(studyDay(card.due, t.day).dayNumber).toBe(today + 2);
      expect(card.due).toBe(studyDay(card.due, t.day).start);
      const logs = listLogsForCard(t.collection.db, id);
      expect(logs.at(-1)).toMatchObject({ kind: 'manual', rating: 0, scheduledDays: 2 });
      expect(replayCard(logs, t.preset, t.day, id, card.createdAt)).toEqual(memory(card));
    }
    expect(getCard(t.collection.db, a!)!.state).toBe(2);
    expect(getCard(t.collection.db, b!)!.state).toBe(0);
    expect(studyQueue(t.collection).cardIds).toEqual([]);
    expect(() => setDue(t.collection, [a!], -1)).toThrow();
  });

  it('suspend, unsuspend, bury, unbury and flag', () => {
    const t = setup({ start: Date.UTC(2026, 0, 5, 12) });
    const [a, b] = t.addCards(2);
    suspend(t.collection, [a!]);
    bury(t.collection, [b!]);
    expect(studyQueue(t.collection).cardIds).toEqual([]);
    suspend(t.collection, [a!], false);
    bury(t.collection, [b!], false);
    expect(studyQueue(t.collection).cardIds.sort()).toEqual([a!, b!].sort());
    flag(t.collection, [a!], 2);
    expect(getCard(t.collection.db, a!)!.flag).toBe(2);
    expect(() => flag(t.collection, [a!], 9)).toThrow();
  });
});

describe('custom sessions', () => {
  it('preview answers are logged as preview and change no card, limits or counts', () => {
    const t = setup({ start: Date.UTC(2026, 0, 5, 12) });
    const ids = t.addCards(3, { sectionIndex: 0 });
    for (const id of ids) good(t.collection, id, 4);
    t.clock.advance(HOUR);
    const cards = customSessionCards(t.collection, { articleId: t.articleId, sectionIndex: 0 });
    expect(cards.sort()).toEqual([...ids].sort());
    const beforeCards = t.collection.db.prepare('SELECT * FROM cards ORDER BY id').all();
    const beforeCounts = todayCounts(t.collection);
    for (const id of cards) {
      for (const rating of [1, 3] as Rating[]) answer(t.collection, { cardId: id, rating, durationMs: 2000, sessionKind: 'preview' });
    }
    expect(t.collection.db.prepare('SELECT * FROM cards ORDER BY id').all()).toEqual(beforeCards);
    expect(todayCounts(t.collection)).toEqual(beforeCounts);
    const logs = listLogsForCard(t.collection.db, ids[0]!);
    expect(logs.map((l) => l.kind)).toEqual(['review', 'preview', 'preview']);
    expect(logs[1]).toMatchObject({ rating: 1, state: 2, scheduledDays: 0 });
    expect(getRawCard(t.collection.db, ids[0]!)!.reps).toBe(1);
  });
});

function memory(card: ReturnType<typeof getCard> & object) {
  const { state, due, stability, difficulty, reps, lapses, lastReview, learningSteps } = card;
  return { state, due, stability, difficulty, reps, lapses, lastReview, learningSteps };
}
