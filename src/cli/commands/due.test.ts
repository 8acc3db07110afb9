import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCollection } from '../../core/schedule/test-support';
import { main } from '../main';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('lectern due', () => {
  it('--json prints exactly { decks: [{ deckId, name, articleId, new, learning, review }] }', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-due-'));
    dirs.push(dir);
    const t = createTestCollection({ start: Date.UTC(2026, 0, 5, 12), path: join(dir, 'lectern.sqlite') });
    t.addCards(3);
    const empty = t.addDeck();
    const deckId = t.deckId;
    const articleId = t.articleId;
    t.collection.close();
    let stdout = '';
    const code = await main(['due', '--json', '--data-dir', dir], { stdout: (s) => (stdout += s), stderr: () => {} });
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const data = JSON.parse(stdout) as { decks: Record<string, unknown>[] };
    expect(Object.keys(data)).toEqual(['decks']);
    for (const deck of data.decks) expect(Object.keys(deck)).toEqual(['deckId', 'name', 'articleId', 'new', 'learning', 'review']);
    expect(data.decks).toContainEqual({ deckId, name: 'Test', articleId, new: 3, learning: 0, review: 0 });
    expect(data.decks).toContainEqual({ deckId: empty, name: expect.any(String), articleId: null, new: 0, learning: 0, review: 0 });

    let human = '';
    expect(await main(['due', '--data-dir', dir], { stdout: (s) => (human += s), stderr: () => {} })).toBe(0);
    expect(human).toMatch(/Deck\s+New\s+Learning\s+Review/);
    expect(human).toMatch(/Total\s+3\s+0\s+0/);
  });
});
