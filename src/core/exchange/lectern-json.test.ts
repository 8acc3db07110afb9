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

describe('Lectern JSON: the same rules as settings.update and the scheduler', () => {
  // A document edited freely, as a hostile file would be.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Loose = Record<string, any>;
  const edit = (change: (doc: Loose) => void) => {
    const doc = JSON.parse(serializeLecternJson(sampleDoc())) as Loose;
    change(doc);
    return JSON.stringify(doc);
  };
  const cases: [string, (doc: Loose) => void, RegExp][] = [
    ['a learning step that is not a step', (d) => (d.presets[0].learningSteps = ['abc']), /presets\.0\.learningSteps\.0: "abc" is not a step/],
    ['a maximum interval of 1e15 days', (d) => (d.presets[0].maximumInterval = 1e15), /maximumInterval: The maximum interval \(days\) must be a whole number from 1 to 36500, got 1000000000000000/],
    ['a desired retention of 2', (d) => (d.presets[0].desiredRetention = 2), /Desired retention must be from 0.7 to 0.99, got 2/],
    ['FSRS weights of the wrong length', (d) => (d.presets[0].weights = [1, 2]), /17, 19 or 21/],
    ['a time zone on Mars', (d) => (d.settings.timeZone = 'Mars/Olympus_Mons'), /settings\.timeZone: "Mars\/Olympus_Mons" is not a time zone/],
    ['a day starting at 25 o’clock', (d) => (d.settings.dayStartsAt = 25), /settings\.dayStartsAt/],
    ['a review time of 9.2e18 ms', (d) => (d.reviewLogs[0].durationMs = 9.2e18), /reviewLogs\.0\.durationMs/],
    ['a review time of 1e300 ms', (d) => (d.reviewLogs[0].durationMs = 1e300), /reviewLogs\.0\.durationMs/],
    ['a due date of 2^53 − 1', (d) => (d.cards[0].due = 2 ** 53 - 1), /cards\.0\.due/],
    ['a stability of 1e308', (d) => (d.cards[1].stability = 1e308), /cards\.1\.stability/],
    ['a negative last review', (d) => (d.cards[1].lastReview = -5), /cards\.1\.lastReview/],
    ['a rating of "three"', (d) => (d.reviewLogs[0].rating = 'three'), /reviewLogs\.0\.rating/],
    ['a source offset of 1e300', (d) => (d.cards[0].source = { ...(d.cards[0].source ?? { quote: '', prefix: '', suffix: '' }), paragraphIndex: 0, start: 1e300, end: 1 }), /cards\.0\.source\.start/],
  ];
  for (const [what, change, message] of cases) {
    it(`refuses ${what}, saying which field and why`, () => {
      const error = refusal(() => parseLecternJson(edit(change)));
      expect(error.code).toBe('bad_input');
      expect(error.message).toMatch(/nothing was imported/);
      expect(error.message).toMatch(message);
    });
  }

  it('refuses __proto__ and constructor keys as unknown fields, without touching any prototype', () => {
    const text = serializeLecternJson(sampleDoc()).replace('"id": "019ac000-0000-7000-8000-0000000c0001",', '"__proto__": { "due": 1, "polluted": true }, "id": "019ac000-0000-7000-8000-0000000c0001",');
    expect(text).toContain('__proto__');
    expect(refusal(() => parseLecternJson(text)).message).toMatch(/__proto__/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts a time zone this machine knows and a null one', () => {
    expect(parseLecternJson(edit((d) => (d.settings.timeZone = 'Pacific/Chatham'))).settings.timeZone).toBe('Pacific/Chatham');
    expect(parseLecternJson(edit((d) => (d.settings.timeZone = null))).settings.timeZone).toBeNull();
  });
});
