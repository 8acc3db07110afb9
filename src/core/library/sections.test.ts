import { describe, expect, it } from 'vitest';
import type { ParagraphKind } from '../../shared/contract';
import { isStudyParagraph, mergeWithNext, renameSection, setParagraphStudy, setSectionStudy, splitSection, type Layout } from './sections';

function layout(): Layout {
  const kinds: ParagraphKind[][] = [['prose', 'prose'], ['prose', 'code', 'prose'], ['list']];
  return {
    sections: [
      { heading: null, level: 1, study: true, paragraphs: ['a0', 'a1'] },
      { heading: 'B', level: 1, study: true, paragraphs: ['b0', 'b1', 'b2'] },
      { heading: 'References', level: 1, study: false, paragraphs: ['c0'] },
    ],
    kinds,
    excluded: kinds.map((row) => row.map(() => false)),
  };
}

describe('fixing a bad import', () => {
  it('renames a section, but only the first may be an untitled introduction', () => {
    expect(renameSection(layout(), 1, 'Better').layout.sections[1]!.heading).toBe('Better');
    expect(renameSection(layout(), 0, 'Opening').layout.sections[0]!.heading).toBe('Opening');
    expect(() => renameSection(layout(), 1, null)).toThrow(/Only the first section/);
    expect(() => renameSection(layout(), 9, 'x')).toThrow(/no section 10/);
  });

  it('merges a section with the next and moves every paragraph after it', () => {
    const { layout: merged, move } = mergeWithNext(layout(), 0);
    expect(merged.sections.map((s) => s.heading)).toEqual([null, 'References']);
    expect(merged.sections[0]!.paragraphs).toEqual(['a0', 'a1', 'b0', 'b1', 'b2']);
    expect(merged.kinds[0]).toEqual(['prose', 'prose', 'prose', 'code', 'prose']);
    expect(move(1, 2)).toEqual({ section: 0, paragraph: 4 });
    expect(move(2, 0)).toEqual({ section: 1, paragraph: 0 });
    expect(move(0, 1)).toEqual({ section: 0, paragraph: 1 });
    expect(() => mergeWithNext(layout(), 2)).toThrow(/no next section/);
  });

  it('splits a section before a paragraph into a new headed section', () => {
    const { layout: split, move } = splitSection(layout(), 1, 2, 'B, part two');
    expect(split.sections.map((s) => [s.heading, s.paragraphs])).toEqual([
      [null, ['a0', 'a1']],
      ['B', ['b0', 'b1']],
      ['B, part two', ['b2']],
      ['References', ['c0']],
    ]);
    expect(split.kinds[2]).toEqual(['prose']);
    expect(move(1, 2)).toEqual({ section: 2, paragraph: 0 });
    expect(move(1, 1)).toEqual({ section: 1, paragraph: 1 });
    expect(move(2, 0)).toEqual({ section: 3, paragraph: 0 });
    expect(() => splitSection(layout(), 1, 0, 'x')).toThrow(/at least one paragraph on each side/);
  });

  it('marks sections and single passages as not for study, and code never is study text', () => {
    const base = layout();
    expect(isStudyParagraph(base, 1, 0)).toBe(true);
    expect(isStudyParagraph(base, 1, 1)).toBe(false);
    expect(isStudyParagraph(base, 2, 0)).toBe(false);
    const off = setSectionStudy(base, 1, false).layout;
    expect(isStudyParagraph(off, 1, 0)).toBe(false);
    const passage = setParagraphStudy(base, 0, 1, false).layout;
    expect(isStudyParagraph(passage, 0, 1)).toBe(false);
    expect(isStudyParagraph(passage, 0, 0)).toBe(true);
    expect(isStudyParagraph(setParagraphStudy(passage, 0, 1, true).layout, 0, 1)).toBe(true);
  });
});
