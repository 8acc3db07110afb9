import { describe, expect, it } from 'vitest';
import { manualClock } from '../clock';
import { openCollection, type Collection } from '../collection';
import { createDispatch } from '../rpc/dispatch';
import { importArticle } from '../library/import';
import { insertLog, listLogsForCard } from '../storage/review-logs';
import { createCard, deleteCards, resolveSource, tagCards, undoDeleteCards, updateCard } from './edit';
import { clozeFromSelection, sentenceSpans, sourceWithContext } from './provenance';

const encode = (text: string) => new TextEncoder().encode(text);
const text = `# Glaciers

A glacier is a persistent body of dense ice. It moves under its own weight, formed where snow accumulates faster than it melts over many years.

## Movement

Glaciers flow downhill by internal deformation of the ice and by sliding over their beds.
`;

function setup(): { col: Collection; articleId: string; paragraph: string } {
  const col = openCollection({ path: ':memory:', clock: manualClock(Date.UTC(2026, 4, 1, 12)) });
  const { articleId } = importArticle(col, { bytes: encode(text), fileName: 'glaciers.md', source: null });
  col.db.prepare('DELETE FROM cards').run();
  const row = col.db.prepare('SELECT sections FROM articles WHERE id = ?').get(articleId) as { sections: string };
  const paragraph = (JSON.parse(row.sections) as { paragraphs: string[] }[])[0]!.paragraphs[0]!;
  return { col, articleId, paragraph };
}

describe('provenance', () => {
  it('keeps about 32 characters either side, within the paragraph', () => {
    const p = 'x'.repeat(50) + 'QUOTE' + 'y'.repeat(50);
    const s = sourceWithContext(p, 50, 55);
    expect(s).toEqual({ start: 50, end: 55, quote: 'QUOTE', prefix: 'x'.repeat(32), suffix: 'y'.repeat(32) });
    expect(sourceWithContext('ab', 0, 2)).toEqual({ start: 0, end: 2, quote: 'ab', prefix: '', suffix: '' });
  });

  it('never cuts a surrogate pair in half', () => {
    const p = '😀'.repeat(20) + 'word' + '😀'.repeat(20);
    const s = sourceWithContext(p, 40, 44);
    expect(s.quote).toBe('word');
    expect(s.prefix.length % 2).toBe(0);
    expect(s.suffix.length % 2).toBe(0);
  });

  it('splits sentences but not at initials or abbreviations', () => {
    const p = 'Dr. A. Smith came, e.g. on Monday. Then he left! Was it late? yes.';
    expect(sentenceSpans(p).map((s) => p.slice(s.start, s.end))).toEqual(['Dr. A. Smith came, e.g. on Monday.', 'Then he left!', 'Was it late? yes.']);
  });

  it('makes a cloze of a selection within its sentence', () => {
    const p = 'First sentence here. The Moon pulls the oceans. Last one.';
    const start = p.indexOf('Moon');
    const made = clozeFromSelection(p, start - 1, start + 4);
    expect(made.text).toBe('The {{c1::Moon}} pulls the oceans.');
    expect(made.source.quote).toBe('The Moon pulls the oceans.');
    expect(p.slice(made.source.start, made.source.end)).toBe(made.source.quote);
  });
});

describe('cards by hand', () => {
  it('creates a cloze from a selection with offsets that quote the paragraph', () => {
    const { col, articleId, paragraph } = setup();
    const start = paragraph.indexOf('dense ice');
    const card = createCard(col, { articleId, sectionIndex: 0, kind: 'cloze', selection: { paragraphIndex: 0, start, end: start + 9 } });
    expect(card.text).toBe('A glacier is a persistent body of {{c1::dense ice}}.');
    expect(card.source!.quote).toBe(paragraph.slice(card.source!.start, card.source!.end));
    expect(card.source!.quote).toBe('A glacier is a persistent body of dense ice.');
    expect(card.sourceStatus).toBe('ok');
    expect(card).toMatchObject({ sectionIndex: 0, state: 0, reps: 0, suspended: false, articleTitle: 'Glaciers' });
  });

  it('creates a Q&A about a selection and a free card, and refuses empty ones', () => {
    const { col, articleId, paragraph } = setup();
    const start = paragraph.indexOf('snow accumulates');
    const qa = createCard(col, {
      articleId,
      sectionIndex: 0,
      kind: 'qa',
      front: 'Where does a glacier form?',
      back: 'Where snow accumulates faster than it melts',
      selection: { paragraphIndex: 0, start, end: start + 16 },
    });
    expect(qa.source).toMatchObject({ quote: 'snow accumulates', prefix: paragraph.slice(start - 32, start) });
    const free = createCard(col, { articleId, sectionIndex: 1, kind: 'qa', front: 'Q', back: 'A', tags: ['b', 'a', 'a'] });
    expect(free.source).toBeNull();
    expect(free.sourceStatus).toBeNull();
    expect(free.tags).toEqual(['a', 'b']);
    expect(() => createCard(col, { articleId, sectionIndex: 0, kind: 'qa', front: ' ', back: 'x' })).toThrow(/question/);
    expect(() => createCard(col, { articleId, sectionIndex: 0, kind: 'cloze', text: 'no gap' })).toThrow(/gap/);
    expect(() => createCard(col, { articleId, sectionIndex: 9, kind: 'cloze', text: '{{c1::x}}' })).toThrow(/section/);
  });

  it('edits text and tags and keeps the memory', () => {
    const { col, articleId } = setup();
    const card = createCard(col, { articleId, sectionIndex: 1, kind: 'cloze', text: 'Glaciers {{c1::flow}}.' });
    const edited = updateCard(col, card.id, { text: 'Glaciers {{c1::flow downhill}}.', tags: ['ice'] });
    expect(edited).toMatchObject({ text: 'Glaciers {{c1::flow downhill}}.', tags: ['ice'], state: 0, due: card.due });
    expect(() => updateCard(col, card.id, { text: 'no gap any more' })).toThrow(/gap/);
    expect(tagCards(col, [card.id], ['new'], ['ice'])).toBe(1);
  });

  it('deletes cards with their history and undoes the deletion exactly', () => {
    const { col, articleId } = setup();
    const card = createCard(col, { articleId, sectionIndex: 1, kind: 'cloze', text: 'Glaciers {{c1::flow}}.' });
    col.transact(() =>
      insertLog(col.db, {
        id: 'log-1', cardId: card.id, kind: 'review', rating: 3, reviewedAt: 1, state: 0, due: 1, stability: 0,
        difficulty: 0, elapsedDays: 0, scheduledDays: 1, durationMs: 10,
      }),
    );
    const rowBefore = col.db.prepare('SELECT * FROM cards WHERE id = ?').get(card.id);
    const { undoToken, deleted } = deleteCards(col, [card.id]);
    expect(deleted).toBe(1);
    expect(col.db.prepare('SELECT count(*) AS n FROM cards').get()).toEqual({ n: 0 });
    expect(undoDeleteCards(col, undoToken)).toEqual([card.id]);
    expect(col.db.prepare('SELECT * FROM cards WHERE id = ?').get(card.id)).toEqual(rowBefore);
    expect(listLogsForCard(col.db, card.id)).toHaveLength(1);
    expect(() => undoDeleteCards(col, undoToken)).toThrow(/nothing to undo/);
  });

  it('resolves a changed source by keeping it, and a missing one by keeping the card without a passage', () => {
    const { col, articleId, paragraph } = setup();
    const start = paragraph.indexOf('dense ice');
    const card = createCard(col, { articleId, sectionIndex: 0, kind: 'cloze', selection: { paragraphIndex: 0, start, end: start + 9 } });
    col.db.prepare("UPDATE cards SET source_status = 'changed', source_quote = 'old words' WHERE id = ?").run(card.id);
    const kept = resolveSource(col, card.id);
    expect(kept.sourceStatus).toBe('ok');
    expect(kept.source!.quote).toBe(paragraph.slice(kept.source!.start, kept.source!.end));
    col.db.prepare("UPDATE cards SET source_status = 'missing' WHERE id = ?").run(card.id);
    expect(resolveSource(col, card.id)).toMatchObject({ sourceStatus: null, source: null, sectionIndex: 0 });
  });

  it('answers through dispatch with the contract shapes', async () => {
    const { col, articleId } = setup();
    const dispatch = createDispatch({ collection: col, dataDir: null });
    const made = await dispatch('card.create', { articleId, sectionIndex: 1, kind: 'cloze', text: 'Glaciers {{c1::flow}}.' });
    expect(made.ok).toBe(true);
    const preview = await dispatch('card.preview', { kind: 'cloze', text: 'Glaciers {{c1::flow}}.', front: null, back: null });
    expect(preview).toEqual({
      ok: true,
      data: { front: [{ role: 'text', text: 'Glaciers ' }, { role: 'gap', text: '[…]' }, { role: 'text', text: '.' }], back: [{ role: 'text', text: 'Glaciers ' }, { role: 'answer', text: 'flow' }, { role: 'text', text: '.' }] },
    });
    const refused = await dispatch('card.create', { articleId, sectionIndex: 0, kind: 'cloze', selection: { paragraphIndex: 0, start: 5, end: 5 } });
    expect(refused.ok).toBe(false);
  });
});
