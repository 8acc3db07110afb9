import type { ReviewScope } from '../../../../shared/contract/review-models';
import type { AppActions } from '../../app-context';

/**
 * The review session lives in sessionStorage, not in component state: "Show in article" opens the
 * reader (which unmounts the Review screen), and coming back to Review resumes the same session with
 * its start time, so the end-of-session numbers still cover all of it.
 */
export interface ReviewSession {
  scope: ReviewScope;
  /** A custom session: the scope's cards ahead of schedule, logged as `preview`. */
  custom: boolean;
  /** The core's clock when the session started (its answers are the log entries since then). */
  startedAt: number | null;
  /** Cards answered in a custom session (the schedule does not remember them). */
  done: string[];
}

const ACTIVE = 'lectern.review.session';
const PENDING = 'lectern.review.pending';

function read(key: string): ReviewSession | null {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as ReviewSession) : null;
  } catch {
    return null;
  }
}

export function activeReviewSession(): ReviewSession | null {
  return read(ACTIVE);
}

export function saveReviewSession(session: ReviewSession | null): void {
  if (session) sessionStorage.setItem(ACTIVE, JSON.stringify(session));
  else sessionStorage.removeItem(ACTIVE);
}

/** A session asked for from elsewhere (the Library's buttons), started when the Review screen mounts. */
export function takePendingReview(): ReviewSession | null {
  const pending = read(PENDING);
  sessionStorage.removeItem(PENDING);
  return pending;
}

/** Opens the Review screen on a scope and starts reviewing it (or shows why there is nothing to review). */
export function startReview(app: Pick<AppActions, 'go'>, scope: ReviewScope = {}, custom = false): void {
  saveReviewSession(null);
  sessionStorage.setItem(PENDING, JSON.stringify({ scope, custom, startedAt: null, done: [] } satisfies ReviewSession));
  app.go('review');
}

/** The reviewer's keys, for the shortcut sheet (the shell's `?`). */
export const reviewShortcuts: { keys: string[]; action: string }[] = [
  { keys: ['Space'], action: 'Review: show the answer (Enter too)' },
  { keys: ['1'], action: 'Review: Again' },
  { keys: ['2'], action: 'Review: Hard' },
  { keys: ['3'], action: 'Review: Good (Space or Enter on the answer too)' },
  { keys: ['4'], action: 'Review: Easy' },
  { keys: ['Ctrl', 'Z'], action: 'Review: undo the last answer or action (several steps; ⌘Z on a Mac)' },
  { keys: ['-'], action: 'Review: bury the card until tomorrow' },
  { keys: ['@'], action: 'Review: suspend the card' },
  { keys: ['Ctrl', '1–7'], action: 'Review: flag the card (the same key again clears it)' },
  { keys: ['e'], action: 'Review: edit the card (Ctrl+Enter saves, Esc cancels; the card stays on screen)' },
  { keys: ['Ctrl', 'Alt', 'N'], action: 'Review: forget the card (back to new, history kept; asks first)' },
  { keys: ['Ctrl', 'Shift', 'D'], action: 'Review: set the card’s due date (days from today)' },
  { keys: ['p'], action: 'Review: show the passage the card comes from (after the answer)' },
  { keys: ['o'], action: 'Review: open the passage in the reader' },
  { keys: ['Esc'], action: 'Review: end the session and see its numbers' },
];
