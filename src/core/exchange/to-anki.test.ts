import { describe, expect, it } from 'vitest';
import { guidForCardId } from './anki/guid';
import { ankiPackageFromLectern, deckLevel } from './to-anki';
import { ids, sampleDoc } from './test-fixtures';

describe('Lectern → Anki package model', () => {
  it('normalises deck levels as Anki would', () => {
    expect(deckLevel('  2. Atomic clocks :: today: ')).toBe('2. Atomic clocks : today');
    expect(deckLevel('tab\there')).toBe('tab here');
    expect(deckLevel(' :: ')).toBe('blank');
  });

  it('sorts notes by card id and lists every deck', () => {
    const pkg = ankiPackageFromLectern(sampleDoc());
    expect(pkg.notes.map((n) => n.guid)).toEqual([...sampleDoc().cards].map((c) => c.id).sort().map(guidForCardId));
    expect(pkg.decks).toEqual([...new Set(pkg.notes.map((n) => n.deck))].sort());
    expect(pkg).toMatchObject({ dayStartsAt: 4, timeZone: 'UTC' });
  });

  it('computes learning steps left from the preset', () => {
    const pkg = ankiPackageFromLectern(sampleDoc());
    const learning = pkg.notes.find((n) => n.guid === guidForCardId(ids.listLearning))!;
    expect(learning.schedule.stepsLeft).toBe(1); // steps ["1m","10m"], one done
    expect(learning.reviews).toHaveLength(1);
  });

  it('sends a cloze card without gaps as a Basic note, and can select cards', () => {
    const doc = sampleDoc();
    const card = doc.cards.find((c) => c.id === ids.listLearning)!;
    if (card.kind === 'qa') throw new Error('fixture');
    card.text = 'No gaps here';
    const pkg = ankiPackageFromLectern(doc, (c) => c.id === ids.listLearning);
    expect(pkg.notes).toHaveLength(1);
    expect(pkg.notes[0]).toMatchObject({ kind: 'basic', fields: ['No gaps here', '', '', 'The History of Timekeeping'] });
  });
});
