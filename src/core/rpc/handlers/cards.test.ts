import { afterEach, describe, expect, it } from 'vitest';
import type { Collection } from '../../collection';
import { createTestCollection } from '../../schedule/test-support';
import { dispatchHarness } from './test-dispatch';

const open: Collection[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

function setup() {
  const t = createTestCollection({ start: Date.UTC(2026, 0, 5, 12) });
  open.push(t.collection);
  const harness = dispatchHarness(t.collection);
  return { ...t, ...harness };
}

const list = { sort: 'created', descending: false, offset: 0, limit: 100 };

describe('card browser commands', () => {
  it('refuse a malformed search as bad input, with the sentence for the search box', async () => {
    const t = setup();
    expect(await t.refusal('cards.list', { ...list, query: 'rule (phony' })).toEqual({
      code: 'bad_input',
      message: expect.stringMatching(/The \( at “\(phony” is never closed: add a \)\./),
    });
  });

  it('apply a bulk action to a search in one step that collection.undo takes back', async () => {
    const t = setup();
    t.addCards(12);
    const done = await t.call('cards.bulk', { target: { search: { query: 'is:new' } }, action: { kind: 'suspend', suspended: true } });
    expect(done.cards).toBe(12);
    expect((await t.call('cards.list', { ...list, query: 'is:suspended' })).total).toBe(12);
    expect(await t.call('collection.nextUndo', {})).toEqual({ next: { stepId: done.undoToken, action: 'suspend', cardId: expect.any(String), cards: 12 } });
    const undone = await t.call('collection.undo', { undoToken: done.undoToken });
    expect(undone.undone).toMatchObject({ action: 'suspend', cards: 12 });
    expect((await t.call('cards.list', { ...list, query: 'is:suspended' })).total).toBe(0);
    expect(await t.refusal('collection.undo', { undoToken: done.undoToken })).toMatchObject({ code: 'not_found' });
    expect((await t.call('collection.undo', {})).undone).toBeNull();
  });

  it('keep saved searches', async () => {
    const t = setup();
    const saved = await t.call('search.save', { name: 'Due', query: 'is:due' });
    await t.call('search.update', { id: saved.id, name: 'Due now' });
    expect((await t.call('searches.list', {})).searches).toEqual([{ id: saved.id, name: 'Due now', query: 'is:due' }]);
    expect(await t.refusal('search.save', { name: 'x', query: 'prop:ivl' })).toMatchObject({ code: 'bad_input' });
    await t.call('search.delete', { id: saved.id });
    expect((await t.call('searches.list', {})).searches).toEqual([]);
  });
});
