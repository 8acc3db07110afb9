import { afterEach, describe, expect, it } from 'vitest';
import type { Collection } from '../../collection';
import { createTestCollection } from '../../schedule/test-support';
import { dispatchHarness } from './test-dispatch';

const open: Collection[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

function setup() {
  const t = createTestCollection({ start: Date.UTC(2026, 0, 5, 12), preset: { newPerDay: 20 } });
  open.push(t.collection);
  const harness = dispatchHarness(t.collection);
  return { ...t, ...harness };
}

describe('preset commands', () => {
  it('create, rename, assign and list', async () => {
    const t = setup();
    const created = await t.call('preset.create', { name: 'Exam' });
    const id = created.presetId as string;
    expect(created.presets.map((p: { name: string }) => p.name)).toEqual(['Default', 'Exam']);

    const renamed = await t.call('preset.rename', { presetId: id, name: 'Finals' });
    expect(renamed.presets[1]).toMatchObject({ id, name: 'Finals', isDefault: false, decks: [] });

    const assigned = await t.call('deck.setPreset', { deck: { articleId: t.articleId }, presetId: id });
    expect(assigned.deck).toEqual({ id: t.deckId, name: 'Test', articleId: t.articleId, presetId: id });
    expect(assigned.presets[1].decks).toEqual([{ id: t.deckId, name: 'Test', articleId: t.articleId }]);

    const list = await t.call('presets.list', { articleId: t.articleId });
    expect(list.deck.presetId).toBe(id);
    expect((await t.call('presets.list', {})).deck).toBeNull();
    expect((await t.call('presets.list', { deckId: t.deckId })).deck.id).toBe(t.deckId);

    // settings.get and settings.update name the preset by the same id and see the same decks.
    const settings = await t.call('settings.get', {});
    expect(settings.presets.map((p: { id: string; decks: number }) => [p.id, p.decks])).toEqual([
      ['default', 0],
      [id, 1],
    ]);
    expect(settings.decks.find((d: { id: string }) => d.id === t.deckId).presetId).toBe(id);
    const updated = await t.call('settings.update', { preset: { id, newPerDay: 7 } });
    expect(updated.presets.find((p: { id: string }) => p.id === id).newPerDay).toBe(7);
    expect(updated.presets.find((p: { id: string }) => p.id === 'default').newPerDay).toBe(20);
  });

  it('delete moves the decks back to default; default cannot be deleted', async () => {
    const t = setup();
    const { presetId } = await t.call('preset.create', { name: 'Exam' });
    await t.call('deck.setPreset', { deck: { deckId: t.deckId }, presetId });
    const deleted = await t.call('preset.delete', { presetId });
    expect(deleted.movedDecks).toBe(1);
    expect(deleted.presets.map((p: { id: string }) => p.id)).toEqual(['default']);
    expect(deleted.presets[0].decks.map((d: { id: string }) => d.id)).toEqual([t.deckId]);

    expect(await t.refusal('preset.delete', { presetId: 'default' })).toMatchObject({ code: 'bad_input' });
    expect(await t.refusal('preset.delete', { presetId })).toMatchObject({ code: 'not_found' });
  });

  it('refuses bad input: unknown keys, empty names, taken names, two deck names', async () => {
    const t = setup();
    expect((await t.refusal('preset.create', { name: 'A', extra: 1 })).code).toBe('bad_input');
    expect((await t.refusal('preset.create', { name: '   ' })).code).toBe('bad_input');
    expect((await t.refusal('preset.create', { name: 'default' })).code).toBe('conflict');
    expect((await t.refusal('deck.setPreset', { deck: { deckId: t.deckId, articleId: t.articleId }, presetId: 'default' })).code).toBe(
      'bad_input',
    );
    expect((await t.refusal('presets.list', { deckId: t.deckId, articleId: t.articleId })).code).toBe('bad_input');
    expect((await t.refusal('deck.setPreset', { deck: { deckId: t.deckId }, presetId: 'nope' })).code).toBe('not_found');
  });

  it("a deck's preset drives its limits: newPerDay 1 shows one new card in that article's queue", async () => {
    const t = setup();
    t.addCards(4);
    const loose = t.addDeck();
    t.addCards(2, { deckId: loose });
    const scope = { scope: { articleId: t.articleId }, custom: false };
    expect((await t.call('review.queue', scope)).counts.new).toBe(4);

    const { presetId } = await t.call('preset.create', { name: 'Slow' });
    await t.call('settings.update', { preset: { id: presetId, newPerDay: 1 } });
    // Not assigned yet: nothing changes.
    expect((await t.call('review.queue', scope)).counts.new).toBe(4);
    await t.call('deck.setPreset', { deck: { articleId: t.articleId }, presetId });
    expect((await t.call('review.queue', scope)).counts.new).toBe(1);
    expect((await t.call('review.queue', { scope: {}, custom: false })).counts.new).toBe(1 + 2);

    // After one answer the article has nothing new left today; the limit is counted from the log.
    const q = await t.call('review.queue', scope);
    await t.call('review.answer', { cardId: q.card.id, rating: 4, durationMs: 1000, sessionKind: 'normal' });
    expect((await t.call('review.queue', scope)).counts.new).toBe(0);
  });
});
