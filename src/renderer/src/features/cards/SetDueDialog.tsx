import { useId, useRef, useState } from 'react';
import { useModalDialog } from '../../components/use-modal-dialog';
import { plural } from '../../format';

/**
 * Asks in how many study days one or more cards should be due (0 = today), for `card.setDue`.
 * The answer is logged as `manual`; the card's memory state is kept.
 */
export function SetDueDialog(props: { open: boolean; count: number; onSet: (days: number) => void; onCancel: () => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [days, setDays] = useState('1');
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const ref = useModalDialog(props.open, () => {
    setDays('1');
    setError(null);
    requestAnimationFrame(() => inputRef.current?.select());
  });

  const n = Number(days);
  const valid = days.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= 36500;
  const what = props.count === 1 ? 'this card' : `these ${props.count} cards`;
  return (
    <dialog ref={ref} className="dialog set-due-dialog" aria-labelledby={`${id}-title`} onClose={props.onCancel}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!valid) {
            setError('Enter a whole number of days from 0 (today) to 36500.');
            inputRef.current?.focus();
            return;
          }
          props.onSet(n);
        }}
      >
        <h2 id={`${id}-title`}>Set due date</h2>
        <p className="quiet">
          Make {what} due on a study day of your choosing. The memory state is kept; the change is logged as a manual
          reschedule.
        </p>
        <label className="field set-due-field" htmlFor={`${id}-days`}>
          <span className="field-label">Due in (days from today)</span>
          <input
            id={`${id}-days`}
            ref={inputRef}
            type="number"
            min={0}
            max={36500}
            step={1}
            inputMode="numeric"
            value={days}
            aria-describedby={`${id}-hint`}
            aria-invalid={error !== null && !valid}
            onChange={(e) => {
              setDays(e.target.value);
              setError(null);
            }}
          />
        </label>
        <p id={`${id}-hint`} className="quiet set-due-hint" aria-live="polite">
          {valid ? (n === 0 ? 'Due today.' : n === 1 ? 'Due tomorrow.' : `Due in ${n} ${plural(n, 'day', 'days')}.`) : '0 is today, 1 tomorrow.'}
        </p>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" className="button primary">
            Set due date
          </button>
        </div>
      </form>
    </dialog>
  );
}
