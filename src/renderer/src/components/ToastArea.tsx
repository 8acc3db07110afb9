import { useEffect } from 'react';
import type { Toast } from '../app-context';

/** One message at a time, in a polite live region; an action (Undo) stays reachable by keyboard. */
export function ToastArea({ toast, onDismiss }: { toast: Toast | null; onDismiss: () => void }) {
  useEffect(() => {
    if (!toast) return;
    const timer = window.setTimeout(onDismiss, toast.action ? 10_000 : 5_000);
    return () => window.clearTimeout(timer);
  }, [toast, onDismiss]);
  return (
    <div className="toast-area" role="status" aria-live="polite">
      {toast && (
        <div className={`toast ${toast.tone === 'error' ? 'toast-error' : ''}`}>
          <span>{toast.message}</span>
          {toast.action && (
            <button
              type="button"
              className="toast-action"
              onClick={() => {
                toast.action!.run();
                onDismiss();
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button type="button" className="toast-close" aria-label="Dismiss" onClick={onDismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
