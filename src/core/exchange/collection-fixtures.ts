/**
 * Test fixtures for the collection side of exchange: a collection with an article, its deck, an
 * article-less deck, every card kind, reviewed over several simulated days with the real scheduler
 * (answers, a preview session, forget, set due date, suspend, bury, flag). Not imported by production code.
 */
import { manualClock, type ManualClock } from '../clock';
import { openCollection, type Collection } from '../collection';
import { newId } from '../ids';
import { answer, bury, flag, forget, setDue, studyQueue, suspend } from '../schedule';
import { insertArticle } from '../storage/articles';
import { insertCard } from '../storage/cards';
import { insertDeck } from '../storage/decks';
import { writeDaySettings } from '../storage/settings';

export const START = Date.UTC(2026, 9, 1, 9, 0, 0);
export const DAY_MS = 86_400_000;

export interface Reviewed {
  collection: Collection;
  clock: ManualClock;
  articleId: string;
  deckId: string;
  looseDeckId: string;
  cardIds: string[];
}

export function emptyCollection(start = START, path = ':memory:'): { collection: Collection; clock: ManualClock } {
  const clock = manualClock(start);
  return { collection: openCollection({ path, clock }), clock };
}

export function reviewedCollection(options: { days?: number; path?: string; start?: number } = {}): Reviewed {
  const { collection, clock } = emptyCollection(options.start ?? START, options.path);
  const { db } = collection;
  const articleId = newId();
  const deckId = newId();
  const looseDeckId = newId();
  const cardIds: string[] = [];
  collection.transact(() => {
    writeDaySettings(db, { dayStartsAt: 4, timeZone: 'Europe/Berlin' });
    insertArticle(db, {
      id: articleId,
      article: {
        title: 'The History of Timekeeping',
        meta: { author: 'A. Horologist' },
        sections: [
          { heading: null, level: 1, study: true, paragraphs: ['Clocks are old.', 'Sundials came first.'] },
          { heading: '1. Atomic clocks', level: 1, study: true, paragraphs: ['The caesium clock defines the SI second.'] },
        ],
      },
      paragraphKinds: [['prose', 'prose'], ['prose']],
      format: 'markdown',
      source: '/tmp/timekeeping.md',
      sourceHash: 'sha256:timekeeping',
      bundled: false,
      now: clock.now(),
    });
    insertDeck(db, { id: deckId, name: 'The History of Timekeeping', articleId, presetId: 'default' });
    insertDeck(db, { id: looseDeckId, name: 'Loose cards', articleId: null, presetId: 'default' });
    const add = (fields: Partial<Parameters<typeof insertCard>[1]>) => {
      const id = newId();
      insertCard(db, { id, deckId, articleId, sectionIndex: 0, kind: 'qa', now: clock.now(), ...fields });
      cardIds.push(id);
    };
    for (let i = 0; i < 6; i++) {
      add({ front: `Question ${i} & <b>not bold</b>`, back: `Answer ${i}\nsecond line`, source: { paragraphIndex: i % 2, start: 0, end: 6, quote: 'Clocks', prefix: '', suffix: ' are old.' }, sourceStatus: 'ok', tags: i === 0 ? ['history of time', 'clocks'] : [] });
    }
    add({ kind: 'cloze', sectionIndex: 1, text: 'The {{c1::caesium}} clock defines the {{c1::SI second}}.', source: { paragraphIndex: 0, start: 4, end: 11, quote: 'caesium' } });
    add({ kind: 'list', sectionIndex: 0, text: 'Early clocks: {{c1::sundials}}, {{c1::water clocks}}' });
    add({ kind: 'cloze', sectionIndex: 1, text: 'A cloze without gaps' });
    add({ deckId: looseDeckId, articleId: null, sectionIndex: null, front: '=SUM(A1)', back: '-5 < 3' });
  });

  const days = options.days ?? 6;
  for (let d = 0; d < days; d++) {
    const queue = studyQueue(collection);
    let n = 0;
    for (const cardId of queue.cardIds) {
      const rating = ([3, 1, 3, 4, 2, 3] as const)[(n + d) % 6]!;
      answer(collection, { cardId, rating, durationMs: 3000 + n * 100, sessionKind: 'normal' });
      clock.advance(61_000);
      n += 1;
    }
    // Learning steps: come back a few minutes later and answer what is due again.
    clock.advance(11 * 60_000);
    for (const cardId of studyQueue(collection).cardIds) {
      answer(collection, { cardId, rating: 3, durationMs: 2000, sessionKind: 'normal' });
      clock.advance(30_000);
    }
    if (d === 1) answer(collection, { cardId: cardIds[5]!, rating: 4, durationMs: 1000, sessionKind: 'preview' });
    if (d === 2) forget(collection, [cardIds[1]!]);
    if (d === 3) setDue(collection, [cardIds[2]!], 3);
    clock.advance(DAY_MS - 20 * 60_000);
  }
  suspend(collection, [cardIds[3]!]);
  bury(collection, [cardIds[4]!]);
  flag(collection, [cardIds[0]!], 2);
  return { collection, clock, articleId, deckId, looseDeckId, cardIds };
}
