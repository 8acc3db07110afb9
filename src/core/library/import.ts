import type { Article } from '../../shared/contract';
import { parseArticleFile, type ArticleFormat, type ParsedArticle } from '../article';
import { textHash } from '../article/identity';
import type { Collection } from '../collection';
import { reanchorCards } from '../cards/reanchor';
import { DEFAULT_PRESET_ID, newId } from '../ids';
import { findArticleByHash, findArticleBySource, insertArticle, replaceArticleContent } from '../storage/articles';
import { deckForArticle, insertDeck, renameDeck } from '../storage/decks';
import { draftsFor, storeDrafts } from './generate-cards';
import { INLINE_GENERATION_WORDS, startGenerationJob, studyWords } from './generation-job';
import type { Layout } from './sections';

export interface ImportRequest {
  bytes: Uint8Array;
  fileName: string | null;
  /** The file path or URL it came from: a changed text from the same source updates that article. */
  source: string | null;
  format?: ArticleFormat | undefined;
  bundled?: boolean;
}

export type ImportOutcome = 'created' | 'unchanged' | 'updated';

export interface ImportResult {
  articleId: string;
  outcome: ImportOutcome;
  article: Article;
  warnings: string[];
  /** Cards written during the import. */
  cardsAdded: number;
  /** For a long text, the job that writes its cards (null when they were written during the import). */
  generationJob: string | null;
}

/**
 * Imports an article (INTERFACES.md, "Import identity"): the same normalised text is the same article
 * and changes nothing; a different text from the same source updates that article; anything else is
 * a new article with its own deck. Parsing happens before the transaction, so a refused file never
 * reaches the database.
 */
export function importArticle(collection: Collection, request: ImportRequest): ImportResult {
  const parsed = parseArticleFile(request.bytes, request.fileName, request.format ? { format: request.format } : undefined);
  return storeParsedArticle(collection, parsed, request.source, request.bundled ?? false);
}

export function storeParsedArticle(collection: Collection, parsed: ParsedArticle, source: string | null, bundled = false): ImportResult {
  const sourceHash = textHash(parsed.text);
  const layout: Layout = {
    sections: parsed.article.sections,
    kinds: parsed.kinds,
    excluded: parsed.kinds.map((row) => row.map(() => false)),
  };
  // A normal article gets its cards in the same transaction as the article; a book gets a job.
  const inline = studyWords(layout) <= INLINE_GENERATION_WORDS;
  const drafts = inline ? draftsFor(layout, parsed.article.title, {}) : [];
  const { value } = collection.transact((changes) => {
    const { db } = collection;
    const now = collection.clock.now();
    const same = findArticleByHash(db, sourceHash);
    if (same) return { articleId: same.id, outcome: 'unchanged' as const };

    const previous = source ? findArticleBySource(db, source) : undefined;
    if (previous) {
      replaceArticleContent(db, previous.id, {
        article: parsed.article,
        paragraphKinds: parsed.kinds,
        format: parsed.format,
        sourceHash,
        now,
      });
      // Cards follow their quoted passages into the new text (status ok / changed / missing), before new drafts are added.
      reanchorCards(collection, previous.id, layout, now);
      const deck = deckForArticle(db, previous.id);
      if (deck) renameDeck(db, deck.id, parsed.article.title);
      const cardsAdded = inline ? storeDrafts(collection, previous.id, layout, drafts) : 0;
      changes.mark('articles', 'decks', 'cards', 'queue');
      return { articleId: previous.id, outcome: 'updated' as const, cardsAdded };
    }

    const articleId = newId();
    insertArticle(db, { id: articleId, article: parsed.article, paragraphKinds: parsed.kinds, format: parsed.format, source, sourceHash, bundled, now });
    insertDeck(db, { id: newId(), name: parsed.article.title, articleId, presetId: DEFAULT_PRESET_ID });
    const cardsAdded = inline ? storeDrafts(collection, articleId, layout, drafts) : 0;
    changes.mark('articles', 'decks', 'cards', 'queue');
    return { articleId, outcome: 'created' as const, cardsAdded };
  });
  const generationJob = !inline && value.outcome !== 'unchanged' ? startGenerationJob(collection, value.articleId) : null;
  return { cardsAdded: 0, ...value, article: parsed.article, warnings: parsed.warnings, generationJob };
}
