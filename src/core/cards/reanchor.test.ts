import { describe, expect, it } from 'vitest';
import { manualClock } from '../clock';
import { openCollection, type Collection } from '../collection';
import { importArticle } from '../library/import';
import { getCard, writeCardMemory } from '../storage/cards';
import { insertLog, listLogsForCard } from '../storage/review-logs';
import { createCard } from './edit';
import { locatePassage } from './reanchor';

const encode = (text: string) => new TextEncoder().encode(text);

const first = `# Tides

The tides rise and fall twice a day because the Moon pulls on the oceans of the Earth. Sailors have timed their voyages by them for thousands of years.

## The Sun

The Sun also pulls on the oceans, and when Sun and Moon line up the tides are strongest. These are called spring tides.

## Harbours

Harbour masters publish tide tables every year so that ships can enter at high water.
`;

/** The same article after an edit: a paragraph moved to another section, one sentence reworded, one removed. */
const second = `# Tides

Sailors have timed their voyages by the tides for thousands of years.

## The Sun

The Sun also pulls on the oceans, and when the Sun and the Moon are aligned the tides are at their strongest. These are called spring tides.

## The Moon

The tides rise and fall twice a day because the Moon pulls on the oceans of the Earth.
`;

function setup(): Collection {
  return openCollection({ path: ':memory:', clock: manualClock(Date.UTC(2026, 4, 1, 12)) });
}

function cardFrom(col: Collection, articleId: string, sectionIndex: number, needle: string, paragraphIndex = 0) {
  const row = col.db.prepare('SELECT sections FROM articles WHERE id = ?').get(articleId) as { sections: string };
  const paragraph = (JSON.parse(row.sections) as { paragraphs: string[] }[])[sectionIndex]!.paragraphs[paragraphIndex]!;
  const start = paragraph.indexOf(needle);
  expect(start).toBeGreaterThanOrEqual(0);
  return createCard(col, { articleId, sectionIndex, kind: 'cloze', selection: { paragraphIndex, start, end: start + needle.length } });
}

function review(col: Collection, cardId: string) {
  const now = col.clock.now();
  col.transact(() => {
    insertLog(col.db, {
      id: `log-${cardId}`,
      cardId,
      kind: 'review',
      rating: 3,
      reviewedAt: now,
      state: 0,
      due: now,
      stability: 0,
      difficulty: 0,
      elapsedDays: 0,
      scheduledDays: 3,
      durationMs: 4000,
    });
    writeCardMemory(col.db, cardId, { state: 2, due: now + 3 * 86_400_000, stability: 3.2, difficulty: 5.1, reps: 1, lapses: 0, lastReview: now, learningSteps: 0 }, now);
  });
}

describe('re-anchoring on a changed import', () => {
  it('moves unchanged passages, flags changed ones and keeps missing ones, all with their history', () => {
    const col = setup();
    const imported = importArticle(col, { bytes: encode(first), fileName: 'tides.md', source: '/notes/tides.md' });
    const id = imported.articleId;
    // Cards of generation (if any) are not what this test is about.
    col.db.prepare('DELETE FROM cards').run();

    const moved = cardFrom(col, id, 0, 'the Moon');
    const changed = cardFrom(col, id, 1, 'line up'); // its sentence is reworded
    const missing = cardFrom(col, id, 2, 'tide tables');
    for (const card of [moved, changed, missing]) review(col, card.id);
    const memoryBefore = getCard(col.db, moved.id)!;

    const again = importArticle(col, { bytes: encode(second), fileName: 'tides.md', source: '/notes/tides.md' });
    expect(again.outcome).toBe('updated');
    expect(again.articleId).toBe(id);

    const row = col.db.prepare('SELECT sections FROM articles WHERE id = ?').get(id) as { sections: string };
    const sections = JSON.parse(row.sections) as { paragraphs: string[] }[];

    const m = getCard(col.db, moved.id)!;
    expect(m.sourceStatus).toBe('ok');
    expect(m.sectionIndex).toBe(2);
    expect(m.source!.paragraphIndex).toBe(0);
    expect(sections[2]!.paragraphs[0]!.slice(m.source!.start, m.source!.end)).toBe(m.source!.quote);
    expect(m.source!.quote).toBe(moved.source!.quote);
    expect({ ...m, source: null, sectionIndex: null, updatedAt: 0 }).toEqual({ ...memoryBefore, source: null, sectionIndex: null, updatedAt: 0 });

    const c = getCard(col.db, changed.id)!;
    expect(c.sourceStatus).toBe('changed');
    expect(c.sectionIndex).toBe(1);
    expect(sections[1]!.paragraphs[0]!.slice(c.source!.start, c.source!.end)).toContain('aligned');
    expect(c.text).toBe(changed.text);

    const gone = getCard(col.db, missing.id)!;
    expect(gone.sourceStatus).toBe('missing');
    expect(gone.source!.quote).toBe(missing.source!.quote);
    expect(gone.sectionIndex).toBe(2);

    for (const card of [moved, changed, missing]) {
      expect(listLogsForCard(col.db, card.id)).toHaveLength(1);
      expect(getCard(col.db, card.id)!.reps).toBe(1);
    }
  });

  it('leaves cards alone when the same text is imported again', () => {
    const col = setup();
    const { articleId } = importArticle(col, { bytes: encode(first), fileName: 'tides.md', source: '/notes/tides.md' });
    const card = cardFrom(col, articleId, 2, 'tide tables');
    const before = getCard(col.db, card.id);
    expect(importArticle(col, { bytes: encode(first), fileName: 'tides.md', source: '/notes/tides.md' }).outcome).toBe('unchanged');
    expect(getCard(col.db, card.id)).toEqual(before);
    expect(before!.sourceStatus).toBe('ok');
  });
});

describe('locatePassage', () => {
  const layout = (...paragraphs: string[][]) => ({ sections: paragraphs.map((p) => ({ paragraphs: p })) });
  const old = { sectionIndex: 0, paragraphIndex: 0, start: 4, quote: 'the cat', prefix: 'Yes ', suffix: ' sat on the mat.' };

  it('tells repeated passages apart by their context', () => {
    const found = locatePassage(layout(['No, the cat ran away.', 'Yes the cat sat on the mat.']), old);
    expect(found).toMatchObject({ status: 'ok', sectionIndex: 0, paragraphIndex: 1, span: { start: 4, end: 11, quote: 'the cat' } });
  });

  it('finds a reworded passage between its old context', () => {
    const found = locatePassage(layout(['An intro.'], ['Yes the dog sat on the mat.']), {
      ...old,
      prefix: 'and then, said Yes ',
      suffix: ' sat on the mat.',
    });
    // The prefix is too short to frame the passage here, so nothing is "changed": the quote is simply gone.
    expect(found.status).toBe('missing');
    const framed = locatePassage(layout(['An intro.'], ['The reporter wrote that the grey dog sat quietly on the mat every evening.']), {
      sectionIndex: 1,
      paragraphIndex: 0,
      start: 27,
      quote: 'the black cat',
      prefix: 'The reporter wrote that ',
      suffix: ' sat quietly on the mat every evening.',
    });
    expect(framed).toMatchObject({ status: 'changed', sectionIndex: 1, paragraphIndex: 0 });
    expect(framed.span!.quote).toBe('the grey dog');
  });

  it('finds most of a quote still together as changed, and nothing as missing', () => {
    const quote = 'Glaciers flow downhill by internal deformation of the ice';
    const near = locatePassage(layout(['Glaciers move downhill by internal deformation of their ice and by sliding.']), {
      sectionIndex: 0,
      paragraphIndex: 0,
      start: 0,
      quote,
      prefix: '',
      suffix: ' and by sliding.',
    });
    expect(near.status).toBe('changed');
    expect(near.span!.quote).toMatch(/^Glaciers move downhill/);
    const far = locatePassage(layout(['Something else entirely, about volcanoes and lava.']), {
      sectionIndex: 3,
      paragraphIndex: 0,
      start: 0,
      quote,
      prefix: '',
      suffix: '',
    });
    expect(far).toEqual({ status: 'missing', sectionIndex: 0, paragraphIndex: 0, span: null });
  });
});
