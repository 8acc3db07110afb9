/**
 * The card browser's and the reader panel's reads, with the study day applied once, here: a search in
 * Anki's language (parsed by search-query.ts, compiled by search-sql.ts) and the structured filters,
 * counted, paged, or listed whole for a bulk action.
 */
import { LecternError } from '../../shared/contract';
import type { CardFilters, CardList, CardListInput } from '../../shared/contract/card-models';
import type { Collection } from '../collection';
import { LEARN_AHEAD_MS } from '../schedule/queue';
import { retrievability } from '../schedule/scheduler';
import type { Preset } from '../schedule/types';
import {
  countCards,
  filtersWhere,
  getCardItem,
  listCardPage,
  listSectionCards,
  listSectionHeadings,
  matchingIds,
  type DayBounds,
  type DueDayOf,
  type Where,
} from '../storage/card-search';
import { listDecks } from '../storage/decks';
import { listPresets } from '../storage/presets';
import { readDaySettings } from '../storage/settings';
import { studyDay, studyDayByNumber, systemTimeZone, type DaySettings, type StudyDay } from '../study-day';
import { parseSearch, SearchSyntaxError, type Glob } from './search-query';
import { foldForSearch, globRegex, searchToSql, type SearchContext, type SectionRef } from './search-sql';

export function dayBounds(collection: Collection): DayBounds {
  const settings = readDaySettings(collection.db);
  const today = studyDay(collection.clock.now(), settings);
  return {
    todayStart: today.start,
    todayEnd: today.end,
    tomorrowEnd: studyDayByNumber(today.dayNumber + 1, settings).end,
    weekEnd: studyDayByNumber(today.dayNumber + 7, settings).end,
  };
}

/**
 * The study day number of an instant, remembering each day's bounds, so that a search over many cards
 * computes each distinct day once (the time zone is resolved once, too: asking the system is slow).
 */
function dayNumberOf(settings: DaySettings): (ms: number) => number {
  const fixed = { dayStartsAt: settings.dayStartsAt, timeZone: settings.timeZone ?? systemTimeZone() };
  const days: StudyDay[] = [];
  return (ms) => {
    let lo = 0;
    let hi = days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (days[mid]!.end <= ms) lo = mid + 1;
      else hi = mid;
    }
    const found = days[lo];
    if (found && found.start <= ms) return found.dayNumber;
    const day = studyDay(ms, fixed);
    days.splice(lo, 0, day);
    return day.dayNumber;
  };
}

/** Days from today's study day to a due instant's (0 today, negative overdue): the browser's Due column. */
export function dueDayOf(collection: Collection): DueDayOf {
  const settings = readDaySettings(collection.db);
  const dayNumber = dayNumberOf(settings);
  const today = dayNumber(collection.clock.now());
  return (due) => dayNumber(due) - today;
}

/** Compiled regular expressions by source, so a search compiles each pattern once. */
const regexes = new Map<string, RegExp>();
function regex(source: string): RegExp {
  let re = regexes.get(source);
  if (!re) {
    if (regexes.size > 200) regexes.clear();
    regexes.set(source, (re = new RegExp(source, 'isu')));
  }
  return re;
}

/**
 * One field as a search sees it: cloze markup taken out (answers and hints stay, as words), folded.
 * Markup is stripped rather than parsed: this runs once per card a search reads, and the words are
 * all a search needs of it.
 */
function searchableField(value: string): string {
  const plain = value.includes('{{') ? value.replace(CLOZE_OPENER, '').replaceAll('}}', '').replaceAll('::', ' ') : value;
  // The patterns are folded and matched ignoring case; only text beyond ASCII needs its accents taken out.
  return NON_ASCII.test(plain) ? foldForSearch(plain) : plain;
}

const CLOZE_OPENER = /\{\{c\d+(?:,\d+)*::/g;
const NON_ASCII = /[\u0080-\uffff]/;

/** A card's searchable text: its text, front and back, one field a line. */
function searchableText(text: string | null, front: string | null, back: string | null): string {
  return [text, front, back].map((field) => (field === null ? '' : searchableField(field))).join('\n');
}

/** The SQL functions search conditions call, bound to this moment's clock, study day and presets. */
function registerSearchFunctions(collection: Collection): void {
  const { db } = collection;
  const dayNumber = dayNumberOf(readDaySettings(db));
  const now = collection.clock.now();
  // A function cannot query while the search runs: each deck's preset is read now.
  const presetById = new Map(listPresets(db).map((p) => [p.id, p]));
  const presets = new Map<string, Preset | undefined>(listDecks(db).map((d) => [d.id, presetById.get(d.presetId)]));
  db.function('lectern_text', { deterministic: true }, (source, text, front, back) =>
    regex(source as string).test(searchableText(text as string | null, front as string | null, back as string | null)) ? 1 : 0,
  );
  db.function('lectern_regexp', { deterministic: true }, (source, value) =>
    value !== null && regex(source as string).test(searchableField(String(value))) ? 1 : 0,
  );
  db.function('lectern_day', { deterministic: true }, (ms) => (ms === null ? null : dayNumber(Number(ms))));
  db.function('lectern_r', (deckId, stability, lastReview, state) => {
    const preset = presets.get(deckId as string);
    if (!preset) return null;
    return retrievability(
      {
        state: Number(state) as 0 | 1 | 2 | 3,
        lastReview: lastReview === null ? null : Number(lastReview),
        stability: Number(stability),
        due: 0,
        difficulty: 0,
        reps: 0,
        lapses: 0,
        learningSteps: 0,
      },
      now,
      preset,
    );
  });
}

/** The collection's side of a search: the study day, and deck and section names. */
function searchContext(collection: Collection): SearchContext {
  const { db } = collection;
  const settings = readDaySettings(db);
  const now = collection.clock.now();
  const today = studyDay(now, settings);
  const matcher = (glob: Glob, tail = '') => {
    const re = regex(globRegex(glob, true, tail));
    return (name: string) => re.test(foldForSearch(name));
  };
  const sectionLabel = (heading: string | null) => heading ?? 'Introduction';
  return {
    now,
    todayEnd: today.end,
    learnAheadMs: LEARN_AHEAD_MS,
    dayBounds: (offset) => studyDayByNumber(today.dayNumber + offset, settings),
    decksMatching(glob) {
      // As in Anki, deck:name also finds its children: here an article's sections, "Title::Heading".
      const matches = matcher(glob, '(?:::.*)?');
      const decks = listDecks(db);
      const deckIds = decks.filter((d) => matches(d.name)).map((d) => d.id);
      const sections: SectionRef[] = [];
      const mayNameSection = glob.some((p) => p.kind !== 'text' || p.text.includes('::'));
      const others = decks.filter((d) => d.articleId !== null && !deckIds.includes(d.id));
      if (mayNameSection && others.length > 0) {
        const deckOf = new Map(others.map((d) => [d.articleId!, d.name]));
        for (const s of listSectionHeadings(db, [...deckOf.keys()])) {
          if (matches(`${deckOf.get(s.articleId)}::${sectionLabel(s.heading)}`)) sections.push([s.articleId, s.index]);
        }
      }
      return { deckIds, sections };
    },
    sectionsMatching(glob) {
      const matches = matcher(glob);
      return listSectionHeadings(db)
        .filter((s) => matches(sectionLabel(s.heading)))
        .map((s): SectionRef => [s.articleId, s.index]);
    },
  };
}

/** A search in Anki's language as a condition; a malformed one is refused with the parser's sentence. */
export function searchWhere(collection: Collection, query: string): Where {
  let node;
  try {
    node = parseSearch(query);
  } catch (error) {
    if (error instanceof SearchSyntaxError) throw new LecternError('bad_input', error.message);
    throw error;
  }
  registerSearchFunctions(collection);
  return searchToSql(node, searchContext(collection));
}

/** The filters and the search, together. */
function whereOf(collection: Collection, filters: CardFilters): Where {
  const structured = filtersWhere(filters, dayBounds(collection));
  if (!filters.query?.trim()) return structured;
  const search = searchWhere(collection, filters.query);
  return { sql: `(${structured.sql}) AND ${search.sql}`, params: { ...structured.params, ...search.params } };
}

type ListQuery = Required<Pick<CardListInput, 'sort' | 'descending' | 'offset' | 'limit'>> & CardFilters;

export function listCards(collection: Collection, query: ListQuery): CardList {
  const where = whereOf(collection, query);
  return {
    total: countCards(collection.db, where),
    offset: query.offset,
    now: collection.clock.now(),
    cards: listCardPage(collection.db, where, query, dueDayOf(collection)),
  };
}

/** Every card the filters and search find (the target of a bulk action on "all matching"). */
export function matchingCardIds(collection: Collection, filters: CardFilters): string[] {
  return matchingIds(collection.db, whereOf(collection, filters));
}

export function sectionCards(collection: Collection, articleId: string, sectionIndex: number) {
  return listSectionCards(collection.db, articleId, sectionIndex, dueDayOf(collection));
}

export function cardItem(collection: Collection, cardId: string) {
  return getCardItem(collection.db, cardId, dueDayOf(collection));
}
