import { useEffect, useRef, useState } from 'react';
import type { SectionView } from '../../../../shared/contract';
import type { ReviewScope } from '../../../../shared/contract/review-models';
import { useApp } from '../../app-context';
import { call } from '../../core-client/client';
import { useCommand } from '../../core-client/use-command';
import { formatWhen } from './format';

/** Choose what to review (everything, an article, a section), see what is left, and start. */
export function ReviewOverview({ initialScope, onStart }: { initialScope: ReviewScope; onStart: (scope: ReviewScope, custom: boolean) => void }) {
  const app = useApp();
  const [scope, setScope] = useState<ReviewScope>(initialScope);
  const library = useCommand('library.list', {}, app.version);
  const [sections, setSections] = useState<SectionView[]>([]);
  useEffect(() => {
    setSections([]);
    if (!scope.articleId) return;
    let live = true;
    call('article.get', { articleId: scope.articleId }).then(
      (a) => live && setSections(a.sections),
      () => live && setSections([]),
    );
    return () => {
      live = false;
    };
  }, [scope.articleId, app.version]);
  const queue = useCommand('review.queue', { scope, custom: false }, app.version);
  const startRef = useRef<HTMLButtonElement>(null);

  const q = queue.state.status === 'ready' ? queue.state.data : null;
  const total = q ? q.counts.new + q.counts.learning + q.counts.review : 0;
  const articles = library.state.status === 'ready' ? library.state.data.articles : [];
  const totalCards = articles.reduce((n, a) => n + a.cards, 0);

  useEffect(() => {
    if (q?.card) startRef.current?.focus({ preventScroll: true });
  }, [q?.card]);

  return (
    <div className="review-overview">
      <header className="screen-header">
        <h1 id="screen-title">Review</h1>
      </header>

      <div className="toolbar" role="group" aria-label="What to review">
        <label className="field">
          <span className="field-label">Article</span>
          <select
            value={scope.articleId ?? ''}
            onChange={(e) => setScope(e.target.value ? { articleId: e.target.value } : {})}
          >
            <option value="">All articles</option>
            {articles.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title} ({a.dueToday} due)
              </option>
            ))}
          </select>
        </label>
        {scope.articleId && (
          <label className="field">
            <span className="field-label">Section</span>
            <select
              value={scope.sectionIndex ?? ''}
              onChange={(e) =>
                setScope(e.target.value === '' ? { articleId: scope.articleId } : { articleId: scope.articleId, sectionIndex: Number(e.target.value) })
              }
            >
              <option value="">Whole article</option>
              {sections.map((s, i) => (
                <option key={i} value={i}>
                  {s.heading ?? `Section ${i + 1}`} ({s.cards} cards, {s.due} due)
                </option>
              ))}
            </select>
          </label>
        )}
      </div>

      {queue.state.status === 'loading' && <p className="quiet">Counting what is due…</p>}
      {queue.state.status === 'error' && (
        <p className="error" role="alert">
          {queue.state.message}
        </p>
      )}
      {q && (
        <div className="review-start">
          <dl className="start-counts" aria-label="Left today">
            <div>
              <dt>New</dt>
              <dd className="count-new">{q.counts.new}</dd>
            </div>
            <div>
              <dt>Learning</dt>
              <dd className="count-learning">{q.counts.learning}</dd>
            </div>
            <div>
              <dt>Review</dt>
              <dd className="count-review">{q.counts.review}</dd>
            </div>
          </dl>
          {q.card ? (
            <button ref={startRef} type="button" className="button primary start-button" onClick={() => onStart(scope, false)}>
              Review {total} {total === 1 ? 'card' : 'cards'} now
            </button>
          ) : (
            <p className="review-empty" role="status">
              {library.state.status === 'ready' && totalCards === 0
                ? 'No cards yet. Cards come from the articles you read: import one in the Library.'
                : q.nextLearningDue !== null
                  ? `Nothing is due right now. The next card is due ${formatWhen(q.nextLearningDue, q.now)}.`
                  : q.nextDue !== null
                    ? `Nothing is due. The next card is due ${formatWhen(q.nextDue, q.now)}.`
                    : 'Nothing is due, and no card here is scheduled.'}
            </p>
          )}
          {scope.articleId && (
            <div className="practice">
              <button type="button" className="button" onClick={() => onStart(scope, true)}>
                Practise {scope.sectionIndex === undefined ? 'this article' : 'this section'} ahead of schedule
              </button>
              <p className="quiet">Every card, due or not. Answers are logged as practice and change no card’s schedule.</p>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
