import { LecternError, type ParagraphKind, type Section } from '../../shared/contract';

/**
 * The user's fixes to a bad import (rename, merge, split, not for study), as pure functions over an
 * article's layout. Each edit also says where every old paragraph went, so cards keep pointing at
 * their passage.
 */
export interface Layout {
  sections: Section[];
  kinds: ParagraphKind[][];
  excluded: boolean[][];
}

/** Old (section, paragraph) → new (section, paragraph). */
export type ParagraphMove = (section: number, paragraph: number) => { section: number; paragraph: number };

export interface Edited {
  layout: Layout;
  move: ParagraphMove;
}

const unchanged: ParagraphMove = (section, paragraph) => ({ section, paragraph });

function sectionAt(layout: Layout, index: number): Section {
  const section = layout.sections[index];
  if (!section) throw new LecternError('not_found', `This article has no section ${index + 1}.`);
  return section;
}

export function renameSection(layout: Layout, index: number, heading: string | null): Edited {
  sectionAt(layout, index);
  if (heading === null && index !== 0) {
    throw new LecternError('bad_input', 'Only the first section can be an untitled introduction; give this one a heading.');
  }
  const sections = layout.sections.map((s, i) => (i === index ? { ...s, heading } : s));
  return { layout: { ...layout, sections }, move: unchanged };
}

/** Merges the section after `index` into it: one section with both sections' paragraphs. */
export function mergeWithNext(layout: Layout, index: number): Edited {
  const first = sectionAt(layout, index);
  if (index + 1 >= layout.sections.length) throw new LecternError('bad_input', 'The last section has no next section to merge with.');
  const second = layout.sections[index + 1]!;
  const offset = first.paragraphs.length;
  const merged: Section = {
    heading: first.heading,
    level: first.level,
    study: first.study || second.study,
    paragraphs: [...first.paragraphs, ...second.paragraphs],
  };
  const splice = <T>(list: T[][], join: (a: T[], b: T[]) => T[]) => [
    ...list.slice(0, index),
    join(list[index] ?? [], list[index + 1] ?? []),
    ...list.slice(index + 2),
  ];
  return {
    layout: {
      sections: [...layout.sections.slice(0, index), merged, ...layout.sections.slice(index + 2)],
      kinds: splice(layout.kinds, (a, b) => [...a, ...b]),
      excluded: splice(layout.excluded, (a, b) => [...a, ...b]),
    },
    move: (section, paragraph) => {
      if (section === index + 1) return { section: index, paragraph: offset + paragraph };
      if (section > index + 1) return { section: section - 1, paragraph };
      return { section, paragraph };
    },
  };
}

/** Splits a section before `paragraphIndex`; the second part becomes a new section with `heading`. */
export function splitSection(layout: Layout, index: number, paragraphIndex: number, heading: string): Edited {
  const section = sectionAt(layout, index);
  if (paragraphIndex < 1 || paragraphIndex >= section.paragraphs.length) {
    throw new LecternError('bad_input', 'A split needs at least one paragraph on each side.');
  }
  const head: Section = { ...section, paragraphs: section.paragraphs.slice(0, paragraphIndex) };
  const tail: Section = { heading, level: section.level, study: section.study, paragraphs: section.paragraphs.slice(paragraphIndex) };
  const cut = <T>(list: T[][]) => [
    ...list.slice(0, index),
    (list[index] ?? []).slice(0, paragraphIndex),
    (list[index] ?? []).slice(paragraphIndex),
    ...list.slice(index + 1),
  ];
  return {
    layout: {
      sections: [...layout.sections.slice(0, index), head, tail, ...layout.sections.slice(index + 1)],
      kinds: cut(layout.kinds),
      excluded: cut(layout.excluded),
    },
    move: (s, p) => {
      if (s === index && p >= paragraphIndex) return { section: index + 1, paragraph: p - paragraphIndex };
      if (s > index) return { section: s + 1, paragraph: p };
      return { section: s, paragraph: p };
    },
  };
}

export function setSectionStudy(layout: Layout, index: number, study: boolean): Edited {
  sectionAt(layout, index);
  const sections = layout.sections.map((s, i) => (i === index ? { ...s, study } : s));
  return { layout: { ...layout, sections }, move: unchanged };
}

export function setParagraphStudy(layout: Layout, index: number, paragraphIndex: number, study: boolean): Edited {
  const section = sectionAt(layout, index);
  if (paragraphIndex >= section.paragraphs.length) throw new LecternError('not_found', 'That paragraph does not exist.');
  const excluded = layout.excluded.map((flags, i) =>
    i === index ? section.paragraphs.map((_, p) => (p === paragraphIndex ? !study : (flags[p] ?? false))) : flags,
  );
  return { layout: { ...layout, excluded }, move: unchanged };
}

/** Whether a paragraph may be the source of cards: study section, studyable kind, not excluded. */
export function isStudyParagraph(layout: Layout, section: number, paragraph: number): boolean {
  const s = layout.sections[section];
  if (!s || !s.study) return false;
  const kind = layout.kinds[section]?.[paragraph] ?? 'prose';
  if (kind === 'code' || kind === 'table') return false;
  return !(layout.excluded[section]?.[paragraph] ?? false);
}
