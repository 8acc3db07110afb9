import type { AnswerButton, RatingValue } from '../../../../shared/contract/review-models';

const names: Record<RatingValue, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };
const classes: Record<RatingValue, string> = { 1: 'again', 2: 'hard', 3: 'good', 4: 'easy' };

export function ratingName(rating: RatingValue): string {
  return names[rating];
}

/** Again, Hard, Good, Easy on keys 1–4, each labelled with the interval it gives ("Good · 3d"). */
export function AnswerButtons({
  buttons,
  disabled,
  onAnswer,
}: {
  buttons: AnswerButton[];
  disabled: boolean;
  onAnswer: (rating: RatingValue) => void;
}) {
  return (
    <div className="answer-buttons" role="group" aria-label="How well did you remember?">
      {buttons.map((b) => (
        <button
          key={b.rating}
          type="button"
          className={`answer-button answer-${classes[b.rating]}`}
          aria-keyshortcuts={String(b.rating)}
          disabled={disabled}
          onClick={() => onAnswer(b.rating)}
        >
          <span className="answer-name">
            {names[b.rating]}
            {b.label !== null && <span className="answer-interval"> · {b.label}</span>}
          </span>
          <kbd aria-hidden="true">{b.rating}</kbd>
        </button>
      ))}
    </div>
  );
}
