import type { ReviewScope } from '../../../../shared/contract/review-models';
import { useApp } from '../../app-context';
import { startReview } from './review-session';

/**
 * The Library's way into review: "Review all due" beside today's count (no scope), or "Review" on an
 * article's row (`scope={{ articleId }}`). With nothing due, it opens the Review screen's overview,
 * which says when the next card is due.
 */
export function ReviewDueButton({
  scope = {},
  due,
  title,
  primary = false,
  label: text,
}: {
  scope?: ReviewScope;
  /** Cards due in the scope today, for the accessible name. */
  due?: number;
  /** The article's title, for the accessible name of a per-article button. */
  title?: string;
  primary?: boolean;
  /** What the button says, when "Review" / "Review all due" is not the clearest. */
  label?: string;
}) {
  const app = useApp();
  const label = text ?? (scope.articleId ? 'Review' : 'Review all due');
  const name = [label, title ? `“${title}”` : null, due !== undefined ? `(${due} due)` : null].filter(Boolean).join(' ');
  return (
    <button type="button" className={`button${primary ? ' primary' : ''}`} aria-label={name} onClick={() => startReview(app, scope)}>
      {label}
    </button>
  );
}
