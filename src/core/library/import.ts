import type { Article } from '../../shared/contract';
import { parseArticleFile, type ArticleFormat, type ParsedArticle } from '../article';
import { textHash } from '../article/identity';
import type { Collection } from '../collection';
import { reanchorCards } from '../cards/reanchor';
import { DEFAULT_PRESET_ID, newId } from '../ids';
import { findArticleByHash, findArticleBySource, insertArticle, replaceArticleContent, type ArticleRow } from '../storage/articles';
import { deckForArticle, insertDeck, renameDeck } from '../storage/decks';
import { draftsFor, storeDrafts } from './generate-cards';
import { INLINE_GENERATION_WORDS, startGenerationJob, studyWords } from './generation-job';
import { isStudyParagraph, type Layout } from './sections';

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

/**
 * Whether a source names one document: a path or a URL does; a bare file name (all a web page learns
 * of a picked file) does not, so two different "notes.md" never update each other.
 */
export function identifiesArticle(source: string): boolean {
  return source.startsWith('lectern:bundled/') || /[/\\]/.test(source.replace(/^file:/, ''));
}

/** The new layout, with the paragraphs excluded from study in the previous version still excluded. */
function keepExclusions(previous: ArticleRow, layout: Layout): Layout {
  const excludedTexts = new Set<string>();
  previous.sections.forEach((section, s) =>
    section.paragraphs.forEach((text, p) => {
      if (previous.excluded[s]?.[p]) excludedTexts.add(text);
    }),
  );
  return { ...layout, excluded: layout.sections.map((section) => section.paragraphs.map((text) => excludedTexts.has(text))) };
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

    const previous = source && identifiesArticle(source) ? findArticleBySource(db, source) : undefined;
    if (previous) {
      // Passages the user took out of study stay out where their text is unchanged.
      const kept = keepExclusions(previous, layout);
      replaceArticleContent(db, previous.id, {
        article: parsed.article,
        paragraphKinds: parsed.kinds,
        excluded: kept.excluded,
        format: parsed.format,
        sourceHash,
        now,
      });
      // Cards follow their quoted passages into the new text (status ok / changed / missing), before new drafts are added.
      reanchorCards(collection, previous.id, kept, now);
      const deck = deckForArticle(db, previous.id);
      if (deck) renameDeck(db, deck.id, parsed.article.title);
      const studyDrafts = drafts.filter((d) => isStudyParagraph(kept, d.sectionIndex, d.source.paragraphIndex));
      const cardsAdded = inline ? storeDrafts(collection, previous.id, kept, studyDrafts) : 0;
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
