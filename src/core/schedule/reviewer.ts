/**
 * What the review screen asks of the scheduler: the next card of a scope with its faces, button
 * labels and the counts left; the next card of a custom (ahead-of-schedule) session; and a session's
 * numbers from the review log. Reads only: answering and the card actions are in ./answering.
 */
import { LecternError } from '../../shared/contract';
import type { AnswerButton, Passage, ReviewCard, SessionSummary } from '../../shared/contract/review-models';
import type { Collection } from '../collection';
import { getArticle, type ArticleRow } from '../storage/articles';
import { fromRawCard, getRawCard, listCardsInScope, type CardScope, type RawCardRow } from '../storage/cards';
import { listLogsSince } from '../storage/review-logs';
import { cardFaces } from './faces';
import { answerButtons, customSessionCards, dayContext, studyQueue } from './session';
import { CardStates, type CardState } from './types';
import { undoDepth } from './undo';

export interface ReviewQueueView {
  card: ReviewCard | null;
  buttons: AnswerButton[];
  counts: { new: number; learning: number; review: number };
  nextLearningDue: number | null;
  nextDue: number | null;
  undoDepth: number;
  scopeLabel: string;
  now: number;
}

/** Checks that the scope names an existing article (and section) and says it in words. */
export function describeScope(collection: Collection, scope: CardScope): string {
  if (scope.articleId === undefined) return 'All articles';
  const article = getArticle(collection.db, scope.articleId);
  if (!article) throw new LecternError('not_found', `No article with id ${scope.articleId}`);
  if (scope.sectionIndex === undefined) return article.title;
  const section = article.sections[scope.sectionIndex];
  if (!section) throw new LecternError('not_found', `“${article.title}” has no section ${scope.sectionIndex + 1}`);
  return `${article.title} · ${section.heading ?? `Section ${scope.sectionIndex + 1}`}`;
}

function passageOf(raw: RawCardRow, articles: Map<string, ArticleRow | undefined>, collection: Collection): Passage | null {
  if (raw.article_id === null || raw.section_index === null || raw.source_paragraph === null) return null;
  if (!articles.has(raw.article_id)) articles.set(raw.article_id, getArticle(collection.db, raw.article_id));
  const article = articles.get(raw.article_id);
  const section = article?.sections[raw.section_index];
  const text = section?.paragraphs[raw.source_paragraph];
  if (!article || !section || text === undefined) return null;
  let start = Math.min(Math.max(0, raw.source_start ?? 0), text.length);
  let end = Math.min(Math.max(start, raw.source_end ?? start), text.length);
  // The article may have been edited since: find the quote again, or mark nothing rather than the wrong words.
  const quote = raw.source_quote ?? '';
  if (quote !== '' && text.slice(start, end) !== quote) {
    const at = text.indexOf(quote);
    [start, end] = at >= 0 ? [at, at + quote.length] : [0, 0];
  }
  return {
    articleId: article.id,
    articleTitle: article.title,
    sectionIndex: raw.section_index,
    heading: section.heading,
    paragraphIndex: raw.source_paragraph,
    text,
    start,
    end,
  };
}

export function reviewCardView(collection: Collection, raw: RawCardRow): ReviewCard {
  const card = fromRawCard(raw);
  const faces = cardFaces(card);
  return {
    id: card.id,
    deckId: card.deckId,
    articleId: card.articleId,
    sectionIndex: card.sectionIndex,
    kind: card.kind,
    state: card.state,
    flag: card.flag,
    tags: card.tags,
    front: faces.front,
    back: faces.back,
    passage: passageOf(raw, new Map(), collection),
  };
}

function stateCounts(rows: readonly RawCardRow[]) {
  const counts = { new: 0, learning: 0, review: 0 };
  for (const r of rows) {
    const state = r.state as CardState;
    if (state === CardStates.New) counts.new += 1;
    else if (state === CardStates.Review) counts.review += 1;
    else counts.learning += 1;
  }
  return counts;
}

/**
 * The next instant a card of the scope can be studied that is not studiable now: a learning card
 * later today, tomorrow for cards held back by a daily limit or a burial, else the earliest due date.
 */
export function nextStudyInstant(collection: Collection, scope: CardScope, queued: ReadonlySet<string>): number | null {
  const { now, today } = dayContext(collection);
  let best: number | null = null;
  for (const r of listCardsInScope(collection.db, scope)) {
    if (r.suspended === 1 || queued.has(r.id)) continue;
    let at = Math.max(r.due, r.buried_until ?? 0);
    const learning = r.state === CardStates.Learning || r.state === CardStates.Relearning;
    if (!learning && at < today.end) at = today.end;
    if (at <= now) at = today.end;
    if (best === null || at < best) best = at;
  }
  return best;
}

/** Moves `first` to the front when it is in the list (after an undo, the card comes back at once). */
function preferFirst(ids: readonly string[], first: string | undefined): string[] {
  if (first === undefined || !ids.includes(first)) return [...ids];
  return [first, ...ids.filter((id) => id !== first)];
}

export function reviewQueue(
  collection: Collection,
  scope: CardScope,
  options: { custom: boolean; done?: readonly string[]; first?: string },
): ReviewQueueView {
  const scopeLabel = describeScope(collection, scope);
  const { now } = dayContext(collection);
  const depth = undoDepth(collection);
  if (options.custom) {
    const done = new Set(options.done ?? []);
    const left = preferFirst(
      customSessionCards(collection, scope).filter((id) => !done.has(id)),
      options.first,
    ).map((id) => getRawCard(collection.db, id)!);
    const first = left[0];
    return {
      card: first ? reviewCardView(collection, first) : null,
      buttons: first ? ([1, 2, 3, 4] as const).map((rating) => ({ rating, intervalMs: null, label: null })) : [],
      counts: stateCounts(left),
      nextLearningDue: null,
      nextDue: null,
      undoDepth: depth,
      scopeLabel,
      now,
    };
  }
  const queue = studyQueue(collection, scope);
  const firstId = preferFirst(queue.cardIds, options.first)[0];
  const raw = firstId === undefined ? undefined : getRawCard(collection.db, firstId);
  return {
    card: raw ? reviewCardView(collection, raw) : null,
    buttons: raw ? answerButtons(collection, raw.id) : [],
    counts: queue.counts,
    nextLearningDue: raw ? null : queue.nextLearningDue,
    nextDue: raw ? null : nextStudyInstant(collection, scope, new Set(queue.cardIds)),
    undoDepth: depth,
    scopeLabel,
    now,
  };
}

/**
 * A session's numbers from the log: its answers are the `review` (or, for a custom session,
 * `preview`) entries since it started, for cards of its scope. Undone answers are gone from the log,
 * so they are not counted.
 */
export function sessionSummary(
  collection: Collection,
  scope: CardScope,
  since: number,
  sessionKind: 'normal' | 'preview',
): SessionSummary {
  describeScope(collection, scope);
  const inScope = new Set(listCardsInScope(collection.db, scope).map((r) => r.id));
  const kind = sessionKind === 'preview' ? 'preview' : 'review';
  const logs = listLogsSince(collection.db, since).filter((l) => l.kind === kind && inScope.has(l.cardId));
  const again = logs.filter((l) => l.rating === 1).length;
  const queue = studyQueue(collection, scope);
  const { now } = dayContext(collection);
  return {
    answers: logs.length,
    cards: new Set(logs.map((l) => l.cardId)).size,
    timeMs: logs.reduce((sum, l) => sum + l.durationMs, 0),
    again,
    retention: logs.length === 0 ? null : (logs.length - again) / logs.length,
    nextDue: queue.cardIds.length > 0 ? now : nextStudyInstant(collection, scope, new Set(queue.cardIds)),
    now,
  };
}
