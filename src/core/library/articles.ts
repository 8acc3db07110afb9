import { LecternError, type ArticleView } from '../../shared/contract';
import type { Collection } from '../collection';
import { newId } from '../ids';
import { deleteArticleRow, getArticle, markOpened, updateLayout, type ArticleRow } from '../storage/articles';
import { copyArticleRows, moveCardSources, restoreArticleRows, sectionCardCounts, type ArticleRows } from '../storage/article-rows';
import { readDaySettings } from '../storage/settings';
import { studyDay } from '../study-day';
import type { Edited, Layout } from './sections';

export function requireArticle(collection: Collection, articleId: string): ArticleRow {
  const article = getArticle(collection.db, articleId);
  if (!article) throw new LecternError('not_found', 'That article is not in your library (was it deleted?).');
  return article;
}

/** The article as the reader shows it, with each section's card and due counts. */
export function articleView(collection: Collection, articleId: string): ArticleView {
  const row = requireArticle(collection, articleId);
  const now = collection.clock.now();
  const today = studyDay(now, readDaySettings(collection.db));
  const counts = sectionCardCounts(collection.db, articleId, now, today.end);
  return {
    id: row.id,
    title: row.title,
    meta: row.meta,
    format: row.format,
    source: row.source,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    lastOpenedAt: row.lastOpenedAt,
    readingPosition: row.readingPosition,
    sections: row.sections.map((section, i) => ({
      ...section,
      kinds: section.paragraphs.map((_, p) => row.kinds[i]?.[p] ?? 'prose'),
      excluded: section.paragraphs.map((_, p) => row.excluded[i]?.[p] ?? false),
      cards: counts.get(i)?.cards ?? 0,
      new: counts.get(i)?.new ?? 0,
      due: counts.get(i)?.due ?? 0,
    })),
  };
}

export function openArticle(collection: Collection, articleId: string, readingPosition: string | null): void {
  requireArticle(collection, articleId);
  collection.transact((changes) => {
    markOpened(collection.db, articleId, collection.clock.now(), readingPosition);
    changes.mark('articles');
  });
}

export function layoutOf(row: ArticleRow): Layout {
  return { sections: row.sections, kinds: row.kinds, excluded: row.excluded };
}

/** Applies a fix to an article's sections, moving its cards' sources with their paragraphs. */
export function editLayout(collection: Collection, articleId: string, edit: (layout: Layout) => Edited): void {
  collection.transact((changes) => {
    const row = requireArticle(collection, articleId);
    const { layout, move } = edit(layoutOf(row));
    updateLayout(collection.db, articleId, layout, collection.clock.now());
    moveCardSources(collection.db, articleId, move);
    changes.mark('articles', 'cards');
  });
}

/** Deleted articles, kept whole in memory so "Undo" can put them back until the app closes. */
const deleted = new WeakMap<Collection, Map<string, ArticleRows>>();

export function deleteArticle(collection: Collection, articleId: string): string {
  const { value } = collection.transact((changes) => {
    requireArticle(collection, articleId);
    const rows = copyArticleRows(collection.db, articleId);
    deleteArticleRow(collection.db, articleId);
    changes.mark('articles', 'decks', 'cards', 'queue');
    return rows;
  });
  const undoToken = newId();
  const store = deleted.get(collection) ?? new Map<string, ArticleRows>();
  deleted.set(collection, store);
  store.set(undoToken, value);
  return undoToken;
}

export function undoDeleteArticle(collection: Collection, undoToken: string): string {
  const rows = deleted.get(collection)?.get(undoToken);
  if (!rows) throw new LecternError('not_found', 'There is nothing to undo: the deletion is too old or was already undone.');
  try {
    collection.transact((changes) => {
      restoreArticleRows(collection.db, rows);
      changes.mark('articles', 'decks', 'cards', 'queue');
    });
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) {
      throw new LecternError('conflict', 'This article cannot come back: the same text was imported again since it was deleted.');
    }
    throw error;
  }
  deleted.get(collection)!.delete(undoToken);
  return rows.articles[0]!.id as string;
}
