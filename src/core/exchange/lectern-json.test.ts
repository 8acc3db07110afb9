import { describe, expect, it } from 'vitest';
import { parseLecternJson, serializeLecternJson, type LecternJson } from './lectern-json';
import { sampleDoc } from './test-fixtures';
import { refusal } from '../testing/refusal';


const reverseKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
  return value;
};

describe('Lectern JSON', () => {
  it('serialise → parse → serialise is byte-identical', () => {
    const first = serializeLecternJson(sampleDoc());
    const second = serializeLecternJson(parseLecternJson(first));
    expect(second).toBe(first);
  });

  it('does not depend on array order or key order', () => {
    const doc = sampleDoc();
    const shuffled = reverseKeys({ ...doc, cards: [...doc.cards].reverse(), reviewLogs: [...doc.reviewLogs].reverse(), decks: [...doc.decks].reverse() });
    expect(serializeLecternJson(shuffled as LecternJson)).toBe(serializeLecternJson(doc));
  });

  it('writes the keys of INTERFACES.md in order, arrays sorted by id', () => {
    const parsed = JSON.parse(serializeLecternJson(sampleDoc())) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['format', 'version', 'exportedAt', 'settings', 'articles', 'presets', 'decks', 'cards', 'reviewLogs']);
    const cards = parsed.cards as Record<string, unknown>[];
    expect(cards.map((c) => c.id)).toEqual([...cards.map((c) => c.id as string)].sort());
    const qa = cards.find((c) => c.kind === 'qa')!;
    expect(Object.keys(qa)).toEqual([
      'id', 'deckId', 'articleId', 'sectionIndex', 'kind', 'front', 'back', 'source', 'sourceStatus', 'tags', 'suspended',
      'buriedUntil', 'flag', 'state', 'due', 'stability', 'difficulty', 'reps', 'lapses', 'lastReview', 'learningSteps', 'createdAt', 'updatedAt',
    ]);
    expect(Object.keys(cards.find((c) => c.kind === 'cloze')!)).toContain('text');
    expect(Object.keys((parsed.reviewLogs as object[])[0]!)).toEqual([
      'id', 'cardId', 'kind', 'rating', 'reviewedAt', 'state', 'due', 'stability', 'difficulty', 'elapsedDays', 'scheduledDays', 'durationMs',
    ]);
  });

  it('refuses a file from a newer Lectern as unsupported', () => {
    const text = serializeLecternJson(sampleDoc()).replace('"version": 1', '"version": 2');
    const error = refusal(() => parseLecternJson(text));
    expect(error.code).toBe('unsupported');
    expect(error.message).toMatch(/newer Lectern/);
  });

  it('refuses what is not a Lectern file, with a clear message', () => {
    expect(refusal(() => parseLecternJson('{not json')).code).toBe('bad_input');
    expect(refusal(() => parseLecternJson('{"format":"anki"}')).message).toMatch(/not a Lectern file/);
    expect(refusal(() => parseLecternJson('{"format":"lectern","version":"1"}')).code).toBe('bad_input');
  });

  it('names the broken field of a damaged file', () => {
    const doc = JSON.parse(serializeLecternJson(sampleDoc())) as { cards: Record<string, unknown>[] };
    delete doc.cards[0]!.due;
    const error = refusal(() => parseLecternJson(JSON.stringify(doc)));
    expect(error.code).toBe('bad_input');
    expect(error.message).toMatch(/cards\.0/);
  });

  it('refuses dangling references and duplicate ids', () => {
    const dangling = sampleDoc();
    dangling.reviewLogs[0]!.cardId = 'missing';
    expect(refusal(() => parseLecternJson(serializeLecternJson(dangling))).message).toMatch(/card "missing"/);
    const dup = sampleDoc();
    dup.cards.push({ ...dup.cards[0]! });
    expect(refusal(() => parseLecternJson(serializeLecternJson(dup))).message).toMatch(/share the id/);
  });

  it('refuses a file over the limit as too large', () => {
    expect(refusal(() => parseLecternJson(serializeLecternJson(sampleDoc()), 100)).code).toBe('too_large');
  });

  it('accepts a UTF-8 BOM', () => {
    expect(parseLecternJson(`\ufeff${serializeLecternJson(sampleDoc())}`).cards).toHaveLength(6);
  });
});
