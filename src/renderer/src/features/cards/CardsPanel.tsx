import { useState } from 'react';
import type { CardItem } from '../../../../shared/contract/card-models';
import { useApp } from '../../app-context';
import { useCommand } from '../../core-client/use-command';
import { plural } from '../../format';
import { CardEditor, type EditorSubject } from './CardEditor';
import { KIND_NAMES, STATE_NAMES, SourceBadge, cardSummary } from './card-text';
import { useCardActions } from './use-card-actions';

interface Props {
  articleId: string;
  sectionIndex: number;
  sectionLabel: string;
  /** A new card being written (from a selection or "Add"), shown at the top of the panel. */
  draft: EditorSubject | null;
  onDraft: (draft: EditorSubject | null) => void;
  /** Highlights a card's passage in the text. */
  onShow: (card: CardItem) => void;
  onClose: () => void;
}

/** The reader's right panel: the current section's cards, to suspend, delete, edit in place, or check. */
export function CardsPanel({ articleId, sectionIndex, sectionLabel, draft, onDraft, onShow, onClose }: Props) {
  const app = useApp();
  const { state } = useCommand('cards.forSection', { articleId, sectionIndex }, app.version);
  const [editing, setEditing] = useState<string | null>(null);
  const actions = useCardActions();
  const cards = state.status === 'ready' ? state.data.cards : [];

  return (
    <aside className="cards-panel" aria-label="Cards of this section">
      <header className="cards-panel-header">
        <div className="cards-panel-title">
          <h2>Cards</h2>
          <p className="quiet" aria-live="polite">
            {sectionLabel} · {cards.length} {plural(cards.length, 'card', 'cards')}
          </p>
        </div>
        <button type="button" className="button quiet-button panel-close" onClick={onClose} aria-label="Close the cards panel" aria-keyshortcuts="c">
          ×
        </button>
      </header>
      <div className="cards-panel-add" role="group" aria-label="Add a card to this section">
        <button type="button" className="chip" onClick={() => onDraft({ mode: 'new', articleId, sectionIndex, kind: 'cloze', text: '' })}>
          + Cloze
        </button>
        <button type="button" className="chip" onClick={() => onDraft({ mode: 'new', articleId, sectionIndex, kind: 'qa' })}>
          + Q&amp;A
        </button>
        <span className="quiet panel-tip">or select text and press z / q</span>
      </div>
      {draft && draft.mode === 'new' && draft.articleId === articleId && (
        <div className="panel-draft">
          <CardEditor
            key={`${draft.sectionIndex}:${draft.kind}:${draft.selection?.start ?? ''}`}
            compact
            subject={draft}
            onCancel={() => onDraft(null)}
            onSaved={() => {
              onDraft(null);
              app.changed();
              app.notify({ message: 'Card added.' });
            }}
          />
        </div>
      )}
      {state.status === 'loading' && <p className="quiet panel-empty">Loading the cards…</p>}
      {state.status === 'error' && (
        <p className="error panel-empty" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'ready' && cards.length === 0 && !draft && (
        <p className="quiet panel-empty">No cards in this section yet. Select a passage and press z for a cloze, or q for a question.</p>
      )}
      <ol className="panel-cards">
        {cards.map((card) =>
          editing === card.id ? (
            <li key={card.id} className="panel-card editing">
              <CardEditor
                compact
                subject={{ mode: 'edit', card }}
                onCancel={() => setEditing(null)}
                onSaved={() => {
                  setEditing(null);
                  app.changed();
                }}
              />
            </li>
          ) : (
            <li key={card.id} className={`panel-card ${card.suspended ? 'suspended' : ''}`} data-card-id={card.id}>
              <p className="panel-card-text">{cardSummary(card)}</p>
              {card.kind === 'qa' && <p className="panel-card-back">{card.back}</p>}
              <p className="panel-card-meta">
                <span>{KIND_NAMES[card.kind]}</span>
                <span>{STATE_NAMES[card.state]}</span>
                {card.suspended && <span className="badge">Suspended</span>}
                <SourceBadge status={card.sourceStatus} />
              </p>
              {(card.sourceStatus === 'changed' || card.sourceStatus === 'missing') && (
                <div className="panel-resolve" role="group" aria-label="Resolve the changed passage">
                  <span className="quiet">
                    {card.sourceStatus === 'changed' ? 'Was:' : 'Quoted:'} “{card.source?.quote}”
                  </span>
                  <button type="button" className="chip" onClick={() => void actions.keep(card)}>
                    Keep
                  </button>
                  <button type="button" className="chip" onClick={() => setEditing(card.id)}>
                    Edit
                  </button>
                  <button type="button" className="chip" onClick={() => void actions.remove([card])}>
                    Delete
                  </button>
                </div>
              )}
              <div className="panel-card-actions" role="group" aria-label="Card actions">
                {card.source && card.sourceStatus !== 'missing' && (
                  <button type="button" className="chip" onClick={() => onShow(card)}>
                    Show in text
                  </button>
                )}
                <button type="button" className="chip" onClick={() => setEditing(card.id)}>
                  Edit
                </button>
                <button type="button" className="chip" onClick={() => void actions.suspend([card], !card.suspended)}>
                  {card.suspended ? 'Unsuspend' : 'Suspend'}
                </button>
                <button type="button" className="chip chip-danger" onClick={() => void actions.remove([card])}>
                  Delete
                </button>
              </div>
            </li>
          ),
        )}
      </ol>
    </aside>
  );
}
