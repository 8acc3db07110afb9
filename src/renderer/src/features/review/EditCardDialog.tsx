import { useModalDialog } from '../../components/use-modal-dialog';
import type { CardItem } from '../../../../shared/contract/card-models';
import { CardEditor } from '../cards/CardEditor';

/**
 * The card editor over the reviewer (Anki's `e`): the same editor as the card browser, saving through
 * `card.update`. Esc or Cancel closes it; the session is where it was.
 */
export function EditCardDialog({ card, onSaved, onClose }: { card: CardItem | null; onSaved: (card: CardItem) => void; onClose: () => void }) {
  const ref = useModalDialog(!!card);
  return (
    <dialog
      ref={ref}
      className="dialog review-edit-dialog"
      aria-label="Edit the card"
      onClose={onClose}
      onCancel={(e) => {
        // Esc is the editor's own (it cancels); the dialog closes through onClose.
        e.preventDefault();
        onClose();
      }}
    >
      {card && <CardEditor key={`${card.id}:${card.updatedAt}`} subject={{ mode: 'edit', card }} onSaved={onSaved} onCancel={onClose} />}
    </dialog>
  );
}
