import { afterEach, describe, expect, it } from 'vitest';
import type { Collection } from '../collection';
import { deleteArticle, undoDeleteArticle } from '../library/articles';
import { getDeck } from '../storage/decks';
import { getPreset, savePreset } from '../storage/presets';
import { createPreset, deletePreset, presetSummaries, renamePreset, setDeckPreset } from './presets';
import { studyQueue } from './session';
import { createTestCollection } from './test-support';
import { refusal } from '../testing/refusal';

const open: Collection[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

function setup() {
  const t = createTestCollection({ start: Date.UTC(2026, 0, 5, 12), preset: { newPerDay: 20, maximumInterval: 400, weights: null } });
  open.push(t.collection);
  return t;
}


describe('presets', () => {
  it('creates a copy of an existing preset under a new UUIDv7 id and name', () => {
    const t = setup();
    const id = createPreset(t.collection, { name: '  Exam  ' });
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const copy = getPreset(t.collection.db, id)!;
    const source = getPreset(t.collection.db, 'default')!;
    expect(copy).toEqual({ ...source, id, name: 'Exam' });

    // A copy of a copy keeps the copied settings, FSRS weights included.
    const weights = Array.from({ length: 21 }, (_, i) => 0.1 + i / 100);
    savePreset(t.collection.db, { ...copy, newPerDay: 3, weights });
    const second = createPreset(t.collection, { name: 'Exam (light)', fromId: id });
    expect(getPreset(t.collection.db, second)).toMatchObject({ newPerDay: 3, weights, name: 'Exam (light)' });
  });

  it('refuses an empty, too long or taken name, and an unknown source, writing nothing', () => {
    const t = setup();
    createPreset(t.collection, { name: 'Exam' });
    expect(refusal(() => createPreset(t.collection, { name: '   ' })).code).toBe('bad_input');
    expect(refusal(() => createPreset(t.collection, { name: 'x'.repeat(101) })).code).toBe('bad_input');
    expect(refusal(() => createPreset(t.collection, { name: 'exam' })).code).toBe('conflict');
    expect(refusal(() => createPreset(t.collection, { name: 'Default' })).code).toBe('conflict');
    expect(refusal(() => createPreset(t.collection, { name: 'Other', fromId: 'nope' })).code).toBe('not_found');
    expect(presetSummaries(t.collection).map((p) => p.name)).toEqual(['Default', 'Exam']);
  });

  it('renames a preset, the default one too, but not to a taken name', () => {
    const t = setup();
    const id = createPreset(t.collection, { name: 'Exam' });
    renamePreset(t.collection, id, 'Finals');
    renamePreset(t.collection, 'default', 'Everyday');
    renamePreset(t.collection, id, 'FINALS'); // its own name, another case
    expect(presetSummaries(t.collection).map((p) => [p.id, p.name])).toEqual([
      ['default', 'Everyday'],
      [id, 'FINALS'],
    ]);
    expect(refusal(() => renamePreset(t.collection, id, 'everyday')).code).toBe('conflict');
    expect(refusal(() => renamePreset(t.collection, 'missing', 'X')).code).toBe('not_found');
  });

  it('lists presets with the decks that use them, and assigns a deck by id or by article', () => {
    const t = setup();
    const id = createPreset(t.collection, { name: 'Exam' });
    const loose = t.addDeck();
    expect(setDeckPreset(t.collection, { articleId: t.articleId }, id)).toMatchObject({ id: t.deckId, presetId: id });
    const list = presetSummaries(t.collection);
    expect(list.map((p) => [p.name, p.isDefault, p.decks.map((d) => d.id)])).toEqual([
      ['Default', true, [loose]],
      ['Exam', false, [t.deckId]],
    ]);
    setDeckPreset(t.collection, { deckId: loose }, id);
    expect(getDeck(t.collection.db, loose)!.presetId).toBe(id);
    expect(refusal(() => setDeckPreset(t.collection, { deckId: loose }, 'missing')).code).toBe('not_found');
    expect(refusal(() => setDeckPreset(t.collection, { deckId: 'missing' }, id)).code).toBe('not_found');
    expect(refusal(() => setDeckPreset(t.collection, { articleId: 'missing' }, id)).code).toBe('not_found');
  });

  it('deleting a preset moves its decks back to default in the same transaction', () => {
    const t = setup();
    const id = createPreset(t.collection, { name: 'Exam' });
    const other = t.addDeck(id);
    setDeckPreset(t.collection, { deckId: t.deckId }, id);
    expect(deletePreset(t.collection, id)).toEqual({ movedDecks: 2 });
    expect(getPreset(t.collection.db, id)).toBeUndefined();
    expect(getDeck(t.collection.db, t.deckId)!.presetId).toBe('default');
    expect(getDeck(t.collection.db, other)!.presetId).toBe('default');
    expect(refusal(() => deletePreset(t.collection, id)).code).toBe('not_found');
  });

  it('refuses to delete "default"', () => {
    const t = setup();
    expect(refusal(() => deletePreset(t.collection, 'default')).code).toBe('bad_input');
    expect(getPreset(t.collection.db, 'default')).toBeDefined();
  });

  it("a deck's preset drives its daily limits", () => {
    const t = setup();
    t.addCards(5);
    const loose = t.addDeck();
    t.addCards(3, { deckId: loose });
    expect(studyQueue(t.collection, { articleId: t.articleId }).counts.new).toBe(5);
    const id = createPreset(t.collection, { name: 'One a day' });
    savePreset(t.collection.db, { ...getPreset(t.collection.db, id)!, newPerDay: 1 });
    setDeckPreset(t.collection, { articleId: t.articleId }, id);
    expect(studyQueue(t.collection, { articleId: t.articleId }).counts.new).toBe(1);
    expect(studyQueue(t.collection, {}).counts.new).toBe(1 + 3);
    // Deleting the preset gives the deck the default limits again.
    deletePreset(t.collection, id);
    expect(studyQueue(t.collection, { articleId: t.articleId }).counts.new).toBe(5);
  });

  it('undoing an article delete after its preset was deleted puts the deck on default', () => {
    const t = setup();
    const id = createPreset(t.collection, { name: 'Exam' });
    setDeckPreset(t.collection, { articleId: t.articleId }, id);
    const undoToken = deleteArticle(t.collection, t.articleId);
    deletePreset(t.collection, id);
    undoDeleteArticle(t.collection, undoToken);
    expect(getDeck(t.collection.db, t.deckId)!.presetId).toBe('default');
  });
});
