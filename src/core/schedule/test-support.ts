/**
 * Test fixtures for the scheduler: a collection on a manual clock, with day settings, a deck on the
 * default preset, and cards. Not imported by production code.
 */
import { openCollection, type Collection } from '../collection';
import { manualClock, type ManualClock } from '../clock';
import { newId } from '../ids';
import { insertArticle } from '../storage/articles';
import { insertCard } from '../storage/cards';
import { insertDeck } from '../storage/decks';
import { getPreset, savePreset } from '../storage/presets';
import type { DaySettings } from '../study-day';
import { DEFAULT_PRESET, type Preset } from './types';

export interface TestCollection {
  collection: Collection;
  clock: ManualClock;
  deckId: string;
  articleId: string;
  preset: Preset;
  day: DaySettings;
  /** Adds cards to the deck; cards sharing a `paragraph` are siblings. */
  addCards(count: number, options?: { paragraph?: number; deckId?: string; sectionIndex?: number }): string[];
  addDeck(presetId?: string): string;
}

export function createTestCollection(
  options: { start: number; day?: DaySettings; preset?: Partial<Preset>; path?: string } = { start: Date.UTC(2026, 0, 5, 12) },
): TestCollection {
  const clock = manualClock(options.start);
  const collection = openCollection({ path: options.path ?? ':memory:', clock });
  const day = options.day ?? { dayStartsAt: 4, timeZone: 'UTC' };
  const { db } = collection;
  // Collection settings have no storage writer yet; tests set them directly.
  db.prepare('UPDATE collection_settings SET day_starts_at = ?, time_zone = ? WHERE id = 1').run(day.dayStartsAt, day.timeZone);
  const preset: Preset = { ...DEFAULT_PRESET, ...(getPreset(db, 'default') ?? {}), ...options.preset, id: 'default' };
  savePreset(db, preset);
  const articleId = newId();
  insertArticle(db, {
    id: articleId,
    article: { title: 'Test', meta: {}, sections: [{ heading: null, level: 1, study: true, paragraphs: ['a', 'b', 'c'] }] },
    paragraphKinds: [['prose', 'prose', 'prose']],
    format: 'text',
    source: null,
    sourceHash: articleId,
    bundled: false,
    now: clock.now(),
  });
  const addDeck = (presetId = 'default') => {
    const id = newId();
    insertDeck(db, { id, name: `Deck ${id.slice(-6)}`, articleId: null, presetId });
    return id;
  };
  const deckId = newId();
  insertDeck(db, { id: deckId, name: 'Test', articleId, presetId: 'default' });
  let counter = 0;
  const addCards: TestCollection['addCards'] = (count, opts = {}) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const id = newId();
      counter += 1;
      insertCard(db, {
        id,
        deckId: opts.deckId ?? deckId,
        articleId: opts.deckId ? null : articleId,
        sectionIndex: opts.deckId ? null : (opts.sectionIndex ?? 0),
        kind: 'qa',
        front: `Q${counter}`,
        back: `A${counter}`,
        // Each card its own passage unless a paragraph is given.
        source: opts.deckId ? null : { paragraphIndex: opts.paragraph ?? 1000 + counter, start: 0, end: 1, quote: 'a' },
        now: clock.now(),
      });
      ids.push(id);
    }
    return ids;
  };
  return { collection, clock, deckId, articleId, preset, day, addCards, addDeck };
}

export const HOUR = 3_600_000;
export const MINUTE = 60_000;
export const DAY = 86_400_000;
