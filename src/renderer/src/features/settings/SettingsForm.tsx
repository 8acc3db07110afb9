import type { ReactNode } from 'react';

/**
 * A settings group's form: submitting saves, and Escape undoes the unsaved changes (only when there are
 * some, so that an unchanged form lets Escape through).
 */
export function SettingsForm({ dirty, onSave, onReset, noValidate, children }: { dirty: boolean; onSave: () => void; onReset: () => void; noValidate?: boolean; children: ReactNode }) {
  return (
    <form
      className="settings-group"
      noValidate={noValidate}
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && dirty) {
          e.preventDefault();
          onReset();
        }
      }}
    >
      {children}
    </form>
  );
}

/** The form's buttons: save (only when something changed), and undo the changes (as Escape does). */
export function SettingsActions({ dirty, onReset, children }: { dirty: boolean; onReset: () => void; children: ReactNode }) {
  return (
    <div className="settings-actions">
      <button type="submit" className="button primary" disabled={!dirty}>
        {children}
      </button>
      {dirty && (
        <button type="button" className="button quiet-button" onClick={onReset}>
          Undo changes <kbd aria-hidden="true">Esc</kbd>
        </button>
      )}
    </div>
  );
}
