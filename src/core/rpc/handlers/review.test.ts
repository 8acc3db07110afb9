import { afterEach, describe, expect, it } from 'vitest';
import type { Collection } from '../../collection';
import { newId } from '../../ids';
import { formatInterval, nextStates } from '../../schedule';
import { createTestCollection, DAY, HOUR, MINUTE } from '../../schedule/test-support';
import { getRawCard, insertCard, memoryOfRaw } from '../../storage/cards';
import { getPreset } from '../../storage/presets';
import { insertLog } from '../../storage/review-logs';
import { readDaySettings } from '../../storage/settings';
import { createDispatch } from '../dispatch';

const open: Collection[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

function setup(options: Parameters<typeof createTestCollection>[0] = { start: Date.UTC(2026, 0, 5, 12) }) {
  const t = createTestCollection(options);
  open.push(t.collection);
  const dispatch = createDispatch({ collection: t.collection, dataDir: null });
  /** Calls a command and returns its data, failing the test on a refusal. */
  const call = async (name: string, input: unknown) => {
    const result = await dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
    return result.data as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  return { ...t, dispatch, call };
}

const dump = (c: Collection) => ({
  cards: c.db.prepare('SELECT * FROM cards ORDER BY id').all(),
  logs: c.db.prepare('SELECT * FROM review_logs ORDER BY id').all(),
  presets: c.db.prepare('SELECT * FROM presets ORDER BY id').all(),
  settings: c.db.prepare('SELECT * FROM collection_settings').all(),
});
const logCount = (c: Collection) => (c.db.prepare('SELECT count(*) AS n FROM review_logs').get() as { n: number }).n;
const all = { scope: {}, custom: false };

describe('review.queue and review.answer', () => {
  it('shows the next card with its faces, buttons and counts', async () => {
    const t = setup();
    t.addCards(3);
    const q = await t.call('review.queue', all);
    expect(q.card.front).toEqual([{ role: 'text', text: 'Q1' }]);
    expect(q.card.back).toEqual([{ role: 'text', text: 'A1' }]);
    expect(q.counts).toEqual({ new: 3, learning: 0, review: 0 });
    expect(q.buttons.map((b: { rating: number }) => b.rating)).toEqual([1, 2, 3, 4]);
    expect(q.scopeLabel).toBe('All articles');
    expect(q.now).toBe(t.clock.now());
  });

  it('labels each button with exactly the interval the scheduler previews for that card and instant', async () => {
    const t = setup({ start: Date.UTC(2026, 2, 7, 22), day: { dayStartsAt: 4, timeZone: 'America/New_York' } });
    const [id] = t.addCards(1);
    // Walk the card through new, learning and review states across a daylight-saving change.
    let compared = 0;
    for (const rating of [3, 3, 3, 1, 4, 2, 3] as const) {
      // Answer each time the card falls due (plus an hour, so day boundaries move around).
      t.clock.set(Math.max(t.clock.now(), getRawCard(t.collection.db, id!)!.due) + HOUR);
      const q = await t.call('review.queue', all);
      expect(q.card.id).toBe(id);
      const raw = getRawCard(t.collection.db, id!)!;
      const preview = nextStates(memoryOfRaw(raw), t.clock.now(), getPreset(t.collection.db, 'default')!, readDaySettings(t.collection.db), id!);
      expect(q.buttons).toEqual(
        ([1, 2, 3, 4] as const).map((r) => ({ rating: r, intervalMs: preview[r].intervalMs, label: formatInterval(preview[r].intervalMs) })),
      );
      await t.call('review.answer', { cardId: id, rating, durationMs: 1000, sessionKind: 'normal' });
      compared += 1;
    }
    expect(compared).toBe(7);
  });

  it('an answer writes the card and exactly one log entry, in one transaction', async () => {
    const t = setup();
    const [id] = t.addCards(1);
    const before = getRawCard(t.collection.db, id!)!;
    const result = await t.call('review.answer', { cardId: id, rating: 3, durationMs: 4200, sessionKind: 'normal' });
    expect(logCount(t.collection)).toBe(1);
    expect(result).toMatchObject({ leech: false, buried: 0, undoDepth: 1 });
    const log = t.collection.db.prepare('SELECT * FROM review_logs').get() as Record<string, unknown>;
    expect(log).toMatchObject({ id: result.logId, card_id: id, kind: 'review', rating: 3, duration_ms: 4200, state: 0 });
    expect(getRawCard(t.collection.db, id!)!.state).toBe(1);

    // If the log cannot be written, the card does not change either.
    const [other] = t.addCards(1);
    const otherBefore = getRawCard(t.collection.db, other!)!;
    t.collection.db.exec(`CREATE TRIGGER no_logs BEFORE INSERT ON review_logs BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const refused = await t.dispatch('review.answer', { cardId: other, rating: 3, durationMs: 1, sessionKind: 'normal' });
    expect(refused.ok).toBe(false);
    expect(getRawCard(t.collection.db, other!)).toEqual(otherBefore);
    expect(logCount(t.collection)).toBe(1);
    expect(before.state).toBe(0);
  });

  it('refuses bad input without writing anything', async () => {
    const t = setup();
    const [id] = t.addCards(1);
    const before = dump(t.collection);
    for (const input of [
      { cardId: id, rating: 5, durationMs: 0, sessionKind: 'normal' },
      { cardId: id, rating: 3, durationMs: -1, sessionKind: 'normal' },
      { cardId: id, rating: 3, durationMs: 0, sessionKind: 'cram' },
      { cardId: id, rating: 3, durationMs: 0, sessionKind: 'normal', extra: 1 },
    ]) {
      expect(await t.dispatch('review.answer', input)).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    }
    expect(await t.dispatch('review.answer', { cardId: 'nope', rating: 3, durationMs: 0, sessionKind: 'normal' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await t.dispatch('review.queue', { scope: { sectionIndex: 0 }, custom: false })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(await t.dispatch('review.queue', { scope: { articleId: 'nope' }, custom: false })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(dump(t.collection)).toEqual(before);
  });

  it('undo, several steps deep, restores each card exactly and removes its log entries; the counts follow', async () => {
    const t = setup();
    const ids = t.addCards(3);
    const before = dump(t.collection);
    const seen: unknown[] = [];
    for (let i = 0; i < 3; i++) {
      const q = await t.call('review.queue', all);
      seen.push(q.counts);
      await t.call('review.answer', { cardId: q.card.id, rating: 3, durationMs: 1000, sessionKind: 'normal' });
      t.clock.advance(5000);
    }
    expect(logCount(t.collection)).toBe(3);
    const after = await t.call('review.queue', all);
    expect(after.counts).toEqual({ new: 0, learning: 3, review: 0 });
    expect(after.undoDepth).toBe(3);

    const first = await t.call('review.undo', {});
    expect(first).toEqual({ undone: { action: 'answer', cardId: expect.any(String) }, undoDepth: 2 });
    expect((await t.call('review.queue', all)).counts).toEqual({ new: 1, learning: 2, review: 0 });
    await t.call('review.undo', {});
    await t.call('review.undo', {});
    expect(dump(t.collection)).toEqual(before);
    expect(await t.call('review.undo', {})).toEqual({ undone: null, undoDepth: 0 });
    expect(ids).toHaveLength(3);
  });

  it('a custom session shows every card ahead of schedule, logs `preview` and changes no card', async () => {
    const t = setup();
    const ids = t.addCards(2, { sectionIndex: 0 });
    // Both cards studied and due in days: nothing is due now.
    for (const id of ids) {
      await t.call('review.answer', { cardId: id, rating: 4, durationMs: 1, sessionKind: 'normal' });
    }
    expect((await t.call('review.queue', all)).card).toBeNull();
    const cards = dump(t.collection).cards;
    const scope = { articleId: t.articleId, sectionIndex: 0 };
    const q = await t.call('review.queue', { scope, custom: true });
    expect(q.card.id).toBe(ids[0]);
    expect(q.buttons).toEqual([1, 2, 3, 4].map((rating) => ({ rating, intervalMs: null, label: null })));
    expect(q.counts).toEqual({ new: 0, learning: 0, review: 2 });
    expect(q.scopeLabel).toBe('Test · Section 1');
    await t.call('review.answer', { cardId: ids[0], rating: 1, durationMs: 3000, sessionKind: 'preview' });
    const next = await t.call('review.queue', { scope, custom: true, done: [ids[0]] });
    expect(next.card.id).toBe(ids[1]);
    expect(next.counts).toEqual({ new: 0, learning: 0, review: 1 });
    expect(dump(t.collection).cards).toEqual(cards);
    const kinds = t.collection.db.prepare('SELECT kind, rating FROM review_logs ORDER BY reviewed_at, id').all();
    expect(kinds.at(-1)).toEqual({ kind: 'preview', rating: 1 });
    const summary = await t.call('review.summary', { scope, since: t.clock.now(), sessionKind: 'preview' });
    expect(summary).toMatchObject({ answers: 1, cards: 1, timeMs: 3000, again: 1, retention: 0 });
  });

  it('scopes the queue to an article or a section', async () => {
    const t = setup();
    t.addCards(2, { sectionIndex: 0 });
    t.addCards(1, { sectionIndex: 1 });
    const other = t.addDeck();
    const raw = t.collection.db;
    insertCard(raw, { id: newId(), deckId: other, articleId: null, sectionIndex: null, kind: 'qa', front: 'x', back: 'y', now: t.clock.now() });
    expect((await t.call('review.queue', all)).counts.new).toBe(4);
    expect((await t.call('review.queue', { scope: { articleId: t.articleId }, custom: false })).counts.new).toBe(3);
    // The test article has one section; a section that does not exist is refused.
    expect(await t.dispatch('review.queue', { scope: { articleId: t.articleId, sectionIndex: 1 }, custom: false })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect((await t.call('review.queue', { scope: { articleId: t.articleId, sectionIndex: 0 }, custom: false })).counts.new).toBe(2);
  });

  it('says when the next card is due once nothing is left', async () => {
    const t = setup();
    const [id] = t.addCards(1);
    await t.call('review.answer', { cardId: id, rating: 1, durationMs: 1, sessionKind: 'normal' });
    // Again on a new card: a learning step of 1 minute; shown early (learn-ahead) as nothing else is left.
    const q = await t.call('review.queue', all);
    expect(q.card.id).toBe(id);
    await t.call('review.answer', { cardId: id, rating: 4, durationMs: 1, sessionKind: 'normal' });
    const empty = await t.call('review.queue', all);
    expect(empty.card).toBeNull();
    const card = getRawCard(t.collection.db, id!)!;
    expect(empty.nextDue).toBe(card.due);
    expect(empty.counts).toEqual({ new: 0, learning: 0, review: 0 });
  });
});

describe('card actions', () => {
  it('suspend, bury, flag, forget and set due each change the card, are logged as INTERFACES.md says, and undo', async () => {
    const t = setup();
    const [id] = t.addCards(1);
    await t.call('review.answer', { cardId: id, rating: 3, durationMs: 1, sessionKind: 'normal' });
    const base = dump(t.collection);
    await t.call('card.suspend', { cardIds: [id], suspended: true });
    expect(getRawCard(t.collection.db, id!)!.suspended).toBe(1);
    expect((await t.call('review.queue', all)).counts).toEqual({ new: 0, learning: 0, review: 0 });
    await t.call('review.undo', {});
    await t.call('card.bury', { cardIds: [id], buried: true });
    expect(getRawCard(t.collection.db, id!)!.buried_until).toBeGreaterThan(t.clock.now());
    await t.call('review.undo', {});
    await t.call('card.flag', { cardIds: [id], flag: 2 });
    expect(getRawCard(t.collection.db, id!)!.flag).toBe(2);
    await t.call('review.undo', {});
    expect(dump(t.collection)).toEqual(base);

    await t.call('card.setDue', { cardIds: [id], days: 3 });
    await t.call('card.forget', { cardIds: [id] });
    const kinds = t.collection.db.prepare('SELECT kind, rating FROM review_logs ORDER BY reviewed_at, id').all();
    expect(kinds).toEqual([
      { kind: 'review', rating: 3 },
      { kind: 'manual', rating: 0 },
      { kind: 'reset', rating: 0 },
    ]);
    expect(getRawCard(t.collection.db, id!)!.state).toBe(0);
    expect(await t.dispatch('card.flag', { cardIds: [id], flag: 8 })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(await t.dispatch('card.setDue', { cardIds: [id], days: 1.5 })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  });
});

describe('review.summary', () => {
  it('counts the session from the log: answers, cards, time, retention; an undone answer is not counted', async () => {
    const t = setup();
    const since = t.clock.now();
    t.addCards(3);
    for (const rating of [1, 3, 3]) {
      const q = await t.call('review.queue', all);
      await t.call('review.answer', { cardId: q.card.id, rating, durationMs: 2000, sessionKind: 'normal' });
      t.clock.advance(2000);
    }
    await t.call('review.undo', {});
    const s = await t.call('review.summary', { scope: {}, since, sessionKind: 'normal' });
    expect(s).toMatchObject({ answers: 2, cards: 2, timeMs: 4000, again: 1, retention: 0.5 });
    // Something is still studiable now (the undone card and the learning ones).
    expect(s.nextDue).toBe(t.clock.now());
  });
});

describe('stats.overview', () => {
  it('gives honest numbers on a hand-built log', async () => {
    const start = Date.UTC(2026, 0, 20, 12);
    const t = setup({ start, day: { dayStartsAt: 4, timeZone: 'UTC' } });
    const ids = t.addCards(5);
    const db = t.collection.db;
    const log = (cardId: string, at: number, kind: 'review' | 'preview', rating: 0 | 1 | 2 | 3 | 4, state: 0 | 1 | 2 | 3, durationMs = 1000) =>
      insertLog(db, { id: newId(), cardId, kind, rating, reviewedAt: at, state, due: at, stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 0, durationMs });
    // Today (study day of Jan 20, from 04:00 UTC): two review-state answers (one Again), one new card, one preview.
    log(ids[0]!, start - HOUR, 'review', 3, 2);
    log(ids[1]!, start - 2 * HOUR, 'review', 1, 2);
    log(ids[2]!, start - 3 * HOUR, 'review', 3, 0);
    log(ids[2]!, start - 3 * HOUR + 1, 'preview', 3, 1, 500);
    // Before 04:00 today: yesterday's study day.
    log(ids[3]!, Date.UTC(2026, 0, 20, 3), 'review', 4, 2);
    // Ten days ago, and 40 days ago (outside the 30 days).
    log(ids[3]!, start - 10 * DAY, 'review', 1, 2);
    log(ids[4]!, start - 40 * DAY, 'review', 3, 2);
    // Card states: one review due tomorrow, one relearning due today, one suspended, one buried, one new.
    db.prepare('UPDATE cards SET state = 2, due = ? WHERE id = ?').run(Date.UTC(2026, 0, 21, 9), ids[0]);
    db.prepare('UPDATE cards SET state = 3, due = ? WHERE id = ?').run(start + 10 * MINUTE, ids[1]);
    db.prepare('UPDATE cards SET state = 2, due = ?, suspended = 1 WHERE id = ?').run(start, ids[2]);
    db.prepare('UPDATE cards SET state = 2, due = ?, buried_until = ? WHERE id = ?').run(Date.UTC(2026, 0, 26, 5), Date.UTC(2026, 0, 21, 4), ids[3]);

    const s = await t.call('stats.overview', {});
    expect(s.cardsByState).toEqual({ new: 1, learning: 0, review: 1, relearning: 1, suspended: 1, buried: 1, total: 5 });
    expect(s.today).toEqual({ reviews: 3, matureReviews: 2, lapses: 1, retention: 0.5, newCards: 1, previews: 1, timeMs: 3500 });
    expect(s.last30Days).toMatchObject({ reviews: 5, matureReviews: 4, lapses: 2, retention: 0.5, newCards: 1, previews: 1 });
    expect(s.reviewsPerDay).toHaveLength(30);
    expect(s.reviewsPerDay.at(-1)).toMatchObject({ date: '2026-01-20', count: 3 });
    expect(s.reviewsPerDay.at(-2)).toMatchObject({ date: '2026-01-19', count: 1 });
    expect(s.reviewsPerDay.find((d: { date: string }) => d.date === '2026-01-10').count).toBe(1);
    expect(s.reviewsPerDay.reduce((n: number, d: { count: number }) => n + d.count, 0)).toBe(5);
    expect(s.dueNext7Days.map((d: { date: string; count: number }) => [d.date, d.count])).toEqual([
      ['2026-01-20', 1],
      ['2026-01-21', 1],
      ['2026-01-22', 0],
      ['2026-01-23', 0],
      ['2026-01-24', 0],
      ['2026-01-25', 0],
      ['2026-01-26', 1],
    ]);
  });

  it('shows zeros, not gaps, for an empty collection', async () => {
    const t = setup();
    const s = await t.call('stats.overview', {});
    expect(s.today).toEqual({ reviews: 0, matureReviews: 0, lapses: 0, retention: null, newCards: 0, previews: 0, timeMs: 0 });
    expect(s.cardsByState.total).toBe(0);
    expect(s.dueNext7Days.every((d: { count: number }) => d.count === 0)).toBe(true);
  });
});

describe('settings', () => {
  it('reads and updates the collection day and a preset; the queue follows', async () => {
    const t = setup();
    const s = await t.call('settings.get', {});
    expect(s.collection).toEqual({ dayStartsAt: 4, timeZone: 'UTC' });
    expect(s.presets).toHaveLength(1);
    expect(s.presets[0]).toMatchObject({ id: 'default', desiredRetention: 0.9, newPerDay: 20, decks: 1, customWeights: false });
    t.addCards(5);
    const updated = await t.call('settings.update', {
      collection: { dayStartsAt: 5, timeZone: 'Europe/Paris' },
      preset: { id: 'default', desiredRetention: 0.85, newPerDay: 2, learningSteps: ['5m', '1h'] },
    });
    expect(updated.collection).toEqual({ dayStartsAt: 5, timeZone: 'Europe/Paris' });
    expect(updated.presets[0]).toMatchObject({ desiredRetention: 0.85, newPerDay: 2, learningSteps: ['5m', '1h'] });
    expect((await t.call('review.queue', all)).counts.new).toBe(2);
  });

  it.each([
    ['retention 0.5', { preset: { id: 'default', desiredRetention: 0.5 } }, 'bad_input'],
    ['retention 1', { preset: { id: 'default', desiredRetention: 1 } }, 'bad_input'],
    ['a step without a unit', { preset: { id: 'default', learningSteps: ['10'] } }, 'bad_input'],
    ['a zero step', { preset: { id: 'default', learningSteps: ['0m'] } }, 'bad_input'],
    ['a negative limit', { preset: { id: 'default', newPerDay: -1 } }, 'bad_input'],
    ['hour 24', { collection: { dayStartsAt: 24 } }, 'bad_input'],
    ['an unknown time zone, with a valid preset change', { collection: { timeZone: 'Mars/Olympus' }, preset: { id: 'default', newPerDay: 5 } }, 'bad_input'],
    ['a valid day with an invalid preset', { collection: { dayStartsAt: 6 }, preset: { id: 'default', leechThreshold: 0 } }, 'bad_input'],
    ['an unknown preset', { preset: { id: 'nope', newPerDay: 5 } }, 'not_found'],
    ['unknown keys', { preset: { id: 'default', weights: [1] } }, 'bad_input'],
  ])('refuses %s and changes nothing', async (_what, input, code) => {
    const t = setup();
    const before = dump(t.collection);
    const result = await t.dispatch('settings.update', input);
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) expect(result.error.message.length).toBeGreaterThan(10);
    expect(dump(t.collection)).toEqual(before);
  });
});

describe('review.queue first', () => {
  it('shows the card an undo brought back first, when it is in the queue', async () => {
    const t = setup();
    const ids = t.addCards(3);
    const q = await t.call('review.queue', all);
    await t.call('review.answer', { cardId: q.card.id, rating: 3, durationMs: 1, sessionKind: 'normal' });
    const { undone } = await t.call('review.undo', {});
    expect((await t.call('review.queue', { ...all, first: undone.cardId })).card.id).toBe(undone.cardId);
    expect((await t.call('review.queue', { ...all, first: ids[2] })).card.id).toBe(ids[2]);
    expect((await t.call('review.queue', { ...all, first: 'not-in-queue' })).card.id).toBe(q.card.id);
  });
});

describe('the passage of a card', () => {
  it('gives the paragraph with the card’s span, found again by its quote when the offsets are stale', async () => {
    const t = setup();
    const db = t.collection.db;
    const id = newId();
    insertCard(db, {
      id,
      deckId: t.deckId,
      articleId: t.articleId,
      sectionIndex: 0,
      kind: 'cloze',
      text: '{{c1::b}}',
      source: { paragraphIndex: 1, start: 0, end: 1, quote: 'b' },
      now: t.clock.now(),
    });
    const q = await t.call('review.queue', all);
    expect(q.card.passage).toEqual({
      articleId: t.articleId,
      articleTitle: 'Test',
      sectionIndex: 0,
      heading: null,
      paragraphIndex: 1,
      text: 'b',
      start: 0,
      end: 1,
    });
    db.prepare("UPDATE cards SET source_quote = 'zz' WHERE id = ?").run(id);
    expect((await t.call('review.queue', all)).card.passage).toMatchObject({ start: 0, end: 0 });
  });
});
