import { useEffect, useRef, type RefObject } from 'react';

/**
 * Opens the returned `<dialog>` as a modal when `open` becomes true and closes it when it becomes false.
 * `onOpen` runs right after `showModal()`, each time the dialog opens (reset state, focus a control…);
 * the latest one is kept, so it need not be stable and is not a dependency.
 */
export function useModalDialog(open: boolean, onOpen?: (dialog: HTMLDialogElement) => void): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  const latest = useRef(onOpen);
  latest.current = onOpen;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      latest.current?.(dialog);
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return ref;
}
