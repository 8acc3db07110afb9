import { useCallback, useEffect, useState } from 'react';
import type { ReviewScope } from '../../../../shared/contract/review-models';
import { useApp } from '../../app-context';
import { ReviewOverview } from './ReviewOverview';
import { activeReviewSession, saveReviewSession, takePendingReview, type ReviewSession } from './review-session';
import { ReviewSessionView } from './ReviewSessionView';
import { SessionEnd } from './SessionEnd';

type Phase =
  | { kind: 'overview'; scope: ReviewScope; emptyStart: boolean }
  | { kind: 'session'; session: ReviewSession }
  | { kind: 'end'; session: ReviewSession };

function initialPhase(): Phase {
  const pending = peekPending();
  if (pending) return { kind: 'session', session: pending };
  const active = activeReviewSession();
  if (active) return { kind: 'session', session: active };
  return { kind: 'overview', scope: {}, emptyStart: false };
}

// Reading the pending request in the state initialiser must not consume it (StrictMode runs
// initialisers twice); the effect below removes it once the screen is mounted.
function peekPending(): ReviewSession | null {
  const raw = sessionStorage.getItem('lectern.review.pending');
  try {
    return raw ? (JSON.parse(raw) as ReviewSession) : null;
  } catch {
    return null;
  }
}

/**
 * The Review screen: an overview (choose what to review), the session (one card at a time), and the
 * end of the session (its numbers). Mount it with no props; the Library starts sessions through
 * `startReview()` / `<ReviewDueButton>`.
 */
export function ReviewScreen() {
  const app = useApp();
  const [phase, setPhase] = useState<Phase>(initialPhase);

  useEffect(() => {
    const pending = takePendingReview();
    if (pending) saveReviewSession(pending);
  }, []);

  const start = useCallback((scope: ReviewScope, custom: boolean) => {
    const session: ReviewSession = { scope, custom, startedAt: null, done: [] };
    saveReviewSession(session);
    setPhase({ kind: 'session', session });
  }, []);

  const end = useCallback(
    (session: ReviewSession, answered: boolean) => {
      saveReviewSession(null);
      app.changed();
      setPhase(answered ? { kind: 'end', session } : { kind: 'overview', scope: session.scope, emptyStart: !answered });
    },
    [app],
  );

  return (
    <section className="screen review-screen" aria-labelledby="screen-title">
      {phase.kind === 'overview' && (
        <ReviewOverview initialScope={phase.scope} onStart={start} />
      )}
      {phase.kind === 'session' && (
        <ReviewSessionView key={JSON.stringify(phase.session.scope) + phase.session.custom} initial={phase.session} onEnd={end} />
      )}
      {phase.kind === 'end' && (
        <SessionEnd
          session={phase.session}
          onContinue={() => start(phase.session.scope, phase.session.custom)}
          onBack={() => setPhase({ kind: 'overview', scope: phase.session.scope, emptyStart: false })}
        />
      )}
    </section>
  );
}
