import { articleView, deleteArticle, editLayout, openArticle, undoDeleteArticle } from '../../library/articles';
import { startGenerationJob } from '../../library/generation-job';
import { importArticle } from '../../library/import';
import { cancelJob, jobStatus } from '../../jobs/registry';
import { mergeWithNext, renameSection, setParagraphStudy, setSectionStudy, splitSection } from '../../library/sections';
import { countRows, listArticles } from '../../storage/articles';
import { readDaySettings } from '../../storage/settings';
import { studyDay } from '../../study-day';
import { done, type HandlersFor } from './handler';
import type { libraryCommands } from '../../../shared/contract/commands/library';

export const libraryHandlers: HandlersFor<typeof libraryCommands> = {
  'collection.info': ({ collection, dataDir }) => ({
    dataDir,
    schemaVersion: collection.schemaVersion,
    ...countRows(collection.db),
  }),

  'library.list': ({ collection }) => {
    const now = collection.clock.now();
    const today = studyDay(now, readDaySettings(collection.db));
    return { articles: listArticles(collection.db, now, today.end) };
  },

  'article.import': ({ collection }, input) => {
    const bytes =
      input.content.encoding === 'utf8' ? new TextEncoder().encode(input.content.text) : Buffer.from(input.content.data, 'base64');
    const result = importArticle(collection, { bytes, fileName: input.fileName, source: input.source, format: input.format });
    const view = articleView(collection, result.articleId);
    return {
      articleId: result.articleId,
      outcome: result.outcome,
      title: view.title,
      sections: view.sections.length,
      cards: view.sections.reduce((sum, s) => sum + s.cards, 0),
      warnings: result.warnings,
      generationJob: result.generationJob,
    };
  },

  'article.get': ({ collection }, { articleId }) => articleView(collection, articleId),

  'article.open': ({ collection }, { articleId, readingPosition }) => {
    openArticle(collection, articleId, readingPosition);
    return done;
  },

  'article.delete': ({ collection }, { articleId }) => ({ undoToken: deleteArticle(collection, articleId) }),

  'article.undoDelete': ({ collection }, { undoToken }) => ({ articleId: undoDeleteArticle(collection, undoToken) }),

  'section.rename': ({ collection }, { articleId, sectionIndex, heading }) => {
    editLayout(collection, articleId, (layout) => renameSection(layout, sectionIndex, heading));
    return done;
  },

  'section.merge': ({ collection }, { articleId, sectionIndex }) => {
    editLayout(collection, articleId, (layout) => mergeWithNext(layout, sectionIndex));
    return done;
  },

  'section.split': ({ collection }, { articleId, sectionIndex, paragraphIndex, heading }) => {
    editLayout(collection, articleId, (layout) => splitSection(layout, sectionIndex, paragraphIndex, heading));
    return done;
  },

  'section.setStudy': ({ collection }, { articleId, sectionIndex, study }) => {
    editLayout(collection, articleId, (layout) => setSectionStudy(layout, sectionIndex, study));
    return done;
  },

  'paragraph.setStudy': ({ collection }, { articleId, sectionIndex, paragraphIndex, study }) => {
    editLayout(collection, articleId, (layout) => setParagraphStudy(layout, sectionIndex, paragraphIndex, study));
    return done;
  },

  'cards.generate': ({ collection }, { articleId, sectionIndex }) => ({
    job: jobStatus(collection, startGenerationJob(collection, articleId, { sectionIndex })),
  }),

  'job.status': ({ collection }, { jobId }) => jobStatus(collection, jobId),

  'job.cancel': ({ collection }, { jobId }) => cancelJob(collection, jobId),
};
