import { useId, useRef, useState } from 'react';
import { useModalDialog } from '../../components/use-modal-dialog';

/**
 * Asks for a preset's name (New… and Rename…). The name is checked by the core; a refusal (a taken
 * name, say) is shown in the dialog, which stays open so the name can be fixed.
 */
export function PresetNameDialog(props: {
  open: boolean;
  title: string;
  /** One line under the title: what will happen. */
  body: string;
  initialName: string;
  confirmLabel: string;
  onSubmit: (name: string) => Promise<void>;
  onCancel: () => void;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(props.initialName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  const ref = useModalDialog(props.open, () => {
    setName(props.initialName);
    setError(null);
    setBusy(false);
    inputRef.current?.focus();
    inputRef.current?.select();
  });

  const submit = async () => {
    if (!name.trim()) {
      setError('A preset needs a name.');
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(name.trim());
    } catch (e) {
      setError((e as Error).message);
      inputRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} onClose={props.onCancel}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2 id={`${id}-title`}>{props.title}</h2>
        <p id={`${id}-body`} className="quiet">
          {props.body}
        </p>
        <label className="preset-name-field">
          <span>Name</span>
          <input
            ref={inputRef}
            value={name}
            maxLength={100}
            aria-invalid={error ? true : undefined}
            aria-errormessage={error ? `${id}-error` : undefined}
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
          />
        </label>
        {error && (
          <p className="field-error" id={`${id}-error`} role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {props.confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
