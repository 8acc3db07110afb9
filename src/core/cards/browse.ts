/** The card browser's and the reader panel's reads, with the study day applied once, here. */
import type { CardFilters, CardList, CardListInput } from '../../shared/contract/card-models';
import type { Collection } from '../collection';
import { countCards, listCardPage, listSectionCards, type DayBounds } from '../storage/card-search';
import { readDaySettings } from '../storage/settings';
import { studyDay, studyDayByNumber } from '../study-day';

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

type ListQuery = Required<Pick<CardListInput, 'sort' | 'descending' | 'offset' | 'limit'>> & CardFilters;

export function listCards(collection: Collection, query: ListQuery): CardList {
  const day = dayBounds(collection);
  return {
    total: countCards(collection.db, query, day),
    offset: query.offset,
    cards: listCardPage(collection.db, query, day),
  };
}

export function sectionCards(collection: Collection, articleId: string, sectionIndex: number) {
  return listSectionCards(collection.db, articleId, sectionIndex);
}
