import { useEffect, useRef } from 'react';
import { useApp } from '../../app-context';
import { useCommand } from '../../core-client/use-command';
import { formatDuration, formatPercent, formatWhen } from './format';
import type { ReviewSession } from './review-session';

/** The end of a session: cards done, time spent, retention in the session, when the next cards are due. */
export function SessionEnd({ session, onContinue, onBack }: { session: ReviewSession; onContinue: () => void; onBack: () => void }) {
  const app = useApp();
  const { state } = useCommand('review.summary', {
    scope: session.scope,
    since: session.startedAt ?? 0,
    sessionKind: session.custom ? 'preview' : 'normal',
  });
  const primary = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (state.status === 'ready') primary.current?.focus({ preventScroll: true });
  }, [state.status]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented && !document.querySelector('dialog[open]')) {
        event.preventDefault();
        onBack();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onBack]);

  const s = state.status === 'ready' ? state.data : null;
  const canContinue = !session.custom && s !== null && s.nextDue !== null && s.nextDue <= s.now;
  return (
    <div className="session-end">
      <header className="screen-header">
        <h1 id="screen-title">{session.custom ? 'Practice done' : 'Session done'}</h1>
      </header>
      {state.status === 'loading' && <p className="quiet">Adding up the session…</p>}
      {state.status === 'error' && (
        <p className="error" role="alert">
          {state.message}
        </p>
      )}
      {s && (
        <>
          <dl className="summary-grid">
            <div>
              <dt>Cards done</dt>
              <dd>
                {s.cards}
                {s.answers !== s.cards && <span className="quiet"> ({s.answers} answers)</span>}
              </dd>
            </div>
            <div>
              <dt>Time spent</dt>
              <dd>{formatDuration(s.timeMs)}</dd>
            </div>
            <div>
              <dt>Retention</dt>
              <dd>
                {formatPercent(s.retention)}
                {s.answers > 0 && (
                  <span className="quiet">
                    {' '}
                    ({s.answers - s.again} of {s.answers} not Again)
                  </span>
                )}
              </dd>
            </div>
            <div>
              <dt>Next cards due</dt>
              <dd>{s.nextDue === null ? 'none scheduled' : formatWhen(s.nextDue, s.now)}</dd>
            </div>
          </dl>
          <div className="toolbar">
            {canContinue ? (
              <button ref={primary} type="button" className="button primary" onClick={onContinue}>
                Keep reviewing
              </button>
            ) : (
              <button ref={primary} type="button" className="button primary" onClick={() => app.go('library')}>
                Back to the Library
              </button>
            )}
            {canContinue && (
              <button type="button" className="button" onClick={() => app.go('library')}>
                Back to the Library
              </button>
            )}
            <button type="button" className="button" onClick={onBack}>
              Review something else
            </button>
            <button type="button" className="button quiet-button" onClick={() => app.go('stats')}>
              Stats
            </button>
          </div>
        </>
      )}
    </div>
  );
}
