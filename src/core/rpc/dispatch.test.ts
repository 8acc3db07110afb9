import { describe, expect, it } from 'vitest';
import { openCollection } from '../collection';
import { LATEST_SCHEMA_VERSION } from '../storage/migrations';
import { createDispatch } from './dispatch';

function setup() {
  const collection = openCollection({ path: ':memory:' });
  return { collection, dispatch: createDispatch({ collection, dataDir: null }) };
}

const snapshot = (db: ReturnType<typeof setup>['collection']['db']) =>
  JSON.stringify(['presets', 'collection_settings', 'articles'].map((t) => db.prepare(`SELECT * FROM ${t}`).all()));

describe('dispatch', () => {
  it('answers a known command with the envelope', async () => {
    const { dispatch } = setup();
    expect(await dispatch('collection.info', {})).toEqual({
      ok: true,
      data: { dataDir: null, schemaVersion: LATEST_SCHEMA_VERSION, articles: 0, cards: 0, reviewLogs: 0 },
    });
  });

  it.each([
    ['an unknown command', 'collection.drop', {}, 'unknown_command'],
    ['a name from the prototype', 'constructor', {}, 'unknown_command'],
    ['extra keys', 'library.list', { everything: true }, 'bad_input'],
    ['the wrong type', 'library.list', 'all of them', 'bad_input'],
    ['an array', 'collection.info', [1, 2], 'bad_input'],
  ])('refuses %s without touching the collection', async (_what, name, input, code) => {
    const { collection, dispatch } = setup();
    const before = snapshot(collection.db);
    const result = await dispatch(name, input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message.length).toBeGreaterThan(10);
    }
    expect(snapshot(collection.db)).toBe(before);
  });

  it('turns a bug into an internal error envelope instead of throwing', async () => {
    const { collection, dispatch } = setup();
    collection.close();
    const result = await dispatch('collection.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
