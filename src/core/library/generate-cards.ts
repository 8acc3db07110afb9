import type { CardDraft } from '../../shared/contract/card-draft';
import type { Collection } from '../collection';
import { generateCards } from '../generate';
import { sourceWithContext } from '../cards/provenance';
import { newId } from '../ids';
import { deckForArticle } from '../storage/decks';
import { insertCard } from '../storage/cards';
import { existingCardContents } from '../storage/article-rows';
import { layoutOf, requireArticle } from './articles';
import { isStudyParagraph, type Layout } from './sections';

/** Which part of an article to generate for: all of it, or one section. */
export interface GenerationScope {
  sectionIndex?: number | undefined;
}

/** Drafts for the study text of an article, skipping passages the user marked as not for study. */
export function draftsFor(layout: Layout, title: string, scope: GenerationScope, options: Parameters<typeof generateCards>[1] = {}): CardDraft[] {
  const article = { title, meta: {}, sections: layout.sections };
  const drafts = generateCards(article, {
    ...options,
    kinds: layout.kinds,
    sectionIndexes: scope.sectionIndex === undefined ? undefined : [scope.sectionIndex],
  });
  return drafts.filter((d) => isStudyParagraph(layout, d.sectionIndex, d.source.paragraphIndex));
}

function contentKey(card: { kind: string; text?: string | null; front?: string | null; back?: string | null }): string {
  return `${card.kind}\u0000${card.text ?? ''}\u0000${card.front ?? ''}\u0000${card.back ?? ''}`;
}

/**
 * Stores drafts as new cards in the article's deck. A draft whose card already exists (same kind and
 * content) is skipped, so generating again adds what is missing and never touches a reviewed card.
 * Must run inside a transaction.
 */
export function storeDrafts(collection: Collection, articleId: string, layout: Layout, drafts: CardDraft[]): number {
  const { db } = collection;
  const deck = deckForArticle(db, articleId);
  if (!deck) throw new Error(`article ${articleId} has no deck`);
  const existing = new Set(existingCardContents(db, articleId).map(contentKey));
  const now = collection.clock.now();
  let added = 0;
  for (const draft of drafts) {
    const key = contentKey(draft);
    if (existing.has(key)) continue;
    existing.add(key);
    const paragraph = layout.sections[draft.sectionIndex]?.paragraphs[draft.source.paragraphIndex] ?? '';
    const { prefix, suffix } = sourceWithContext(paragraph, draft.source.start, draft.source.end);
    insertCard(db, {
      id: newId(),
      deckId: deck.id,
      articleId,
      sectionIndex: draft.sectionIndex,
      kind: draft.kind,
      text: draft.text ?? null,
      front: draft.front ?? null,
      back: draft.back ?? null,
      source: { ...draft.source, prefix, suffix },
      sourceStatus: 'ok',
      tags: [],
      now,
    });
    added++;
  }
  return added;
}

/** Generates again for one article or one section, in this thread: adds the cards that are missing. */
export function generateForArticle(collection: Collection, articleId: string, scope: GenerationScope = {}): number {
  const row = requireArticle(collection, articleId);
  const layout = layoutOf(row);
  const drafts = draftsFor(layout, row.title, scope);
  return collection.transact((changes) => {
    const added = storeDrafts(collection, articleId, layout, drafts);
    if (added > 0) changes.mark('cards', 'queue');
    return added;
  }).value;
}
