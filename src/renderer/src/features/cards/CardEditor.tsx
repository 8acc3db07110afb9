import { useEffect, useId, useRef, useState } from 'react';
import type { CardFaces, CardItem, CardKind } from '../../../../shared/contract/card-models';
import { call } from '../../core-client/client';
import { Face, KIND_NAMES, SourceBadge } from './card-text';

/** What the editor starts from: an existing card, or a new one for a section (maybe about a selection). */
export type EditorSubject =
  | { mode: 'edit'; card: CardItem }
  | {
      mode: 'new';
      articleId: string;
      sectionIndex: number;
      kind: CardKind;
      text?: string;
      front?: string;
      back?: string;
      selection?: { paragraphIndex: number; start: number; end: number; quote: string };
    };

interface Props {
  subject: EditorSubject;
  onSaved: (card: CardItem) => void;
  onCancel: () => void;
  /** Compact: in the reader's panel (preview below the fields, not beside them). */
  compact?: boolean;
  /** Put the cursor in the first field on opening (off when a click in a list opened it). */
  autoFocus?: boolean;
}

/** Wraps the textarea's selection as the next cloze gap, {{cN::…}}. */
function wrapGap(area: HTMLTextAreaElement, text: string): { text: string; caret: number } {
  const used = [...text.matchAll(/\{\{c(\d+)::/g)].map((m) => Number(m[1]));
  const n = used.length > 0 ? Math.max(...used) + 1 : 1;
  const { selectionStart: s, selectionEnd: e } = area;
  const inner = text.slice(s, e) || '…';
  const next = `${text.slice(0, s)}{{c${n}::${inner}}}${text.slice(e)}`;
  return { text: next, caret: s + `{{c${n}::`.length + inner.length + 2 };
}

/**
 * The card editor: the card's fields on one side and a live preview of both faces (the cloze
 * rendered as the reviewer will show it) on the other. Ctrl+Enter saves, Esc cancels, Ctrl+Shift+C
 * makes the selected words of a cloze a new gap.
 */
export function CardEditor({ subject, onSaved, onCancel, compact, autoFocus = true }: Props) {
  const base = subject.mode === 'edit' ? subject.card : subject;
  const kind: CardKind = subject.mode === 'edit' ? subject.card.kind : subject.kind;
  const [text, setText] = useState(base.text ?? '');
  const [front, setFront] = useState(base.front ?? '');
  const [back, setBack] = useState(base.back ?? '');
  const [tags, setTags] = useState(subject.mode === 'edit' ? subject.card.tags.join(' ') : '');
  const [faces, setFaces] = useState<CardFaces | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const firstRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const isQa = kind === 'qa';

  useEffect(() => {
    if (autoFocus) firstRef.current?.focus();
    // Only on opening.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The preview follows the fields as the user types (after a short pause).
  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(() => {
      call('card.preview', { kind, text: isQa ? null : text, front: isQa ? front : null, back: isQa ? back : null }).then(
        (data) => live && setFaces(data),
        () => undefined,
      );
    }, 120);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [kind, isQa, text, front, back]);

  const tagList = tags.split(/\s+/).filter((t) => t.length > 0);
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const content = isQa ? { front, back } : { text };
      const card =
        subject.mode === 'edit'
          ? await call('card.update', {
              cardId: subject.card.id,
              ...content,
              tags: tagList,
              sourceChecked: subject.card.sourceStatus === 'changed' ? true : undefined,
            })
          : await call('card.create', {
              articleId: subject.articleId,
              sectionIndex: subject.sectionIndex,
              kind,
              ...content,
              tags: tagList,
              selection: subject.selection
                ? { paragraphIndex: subject.selection.paragraphIndex, start: subject.selection.start, end: subject.selection.end }
                : undefined,
            });
      onSaved(card);
    } catch (e) {
      setError((e as Error).message);
      setSaving(false);
    }
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    } else if (!isQa && event.key.toLowerCase() === 'c' && event.ctrlKey && event.shiftKey && textRef.current) {
      event.preventDefault();
      const area = textRef.current;
      const wrapped = wrapGap(area, text);
      setText(wrapped.text);
      requestAnimationFrame(() => area.setSelectionRange(wrapped.caret, wrapped.caret));
    }
  };

  const quote = subject.mode === 'edit' ? subject.card.source?.quote : subject.selection?.quote;
  const title = subject.mode === 'edit' ? `Edit ${KIND_NAMES[kind]} card` : `New ${KIND_NAMES[kind]} card`;
  return (
    <form
      className={`card-editor ${compact ? 'compact' : ''}`}
      aria-label={title}
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="editor-fields">
        <p className="editor-title">
          {title}
          {subject.mode === 'edit' && <SourceBadge status={subject.card.sourceStatus} />}
        </p>
        {quote && (
          <blockquote className="editor-quote" aria-label="Source passage">
            {quote}
          </blockquote>
        )}
        {isQa ? (
          <>
            <label className="editor-label" htmlFor={`${id}-front`}>
              Front (question)
            </label>
            <textarea id={`${id}-front`} ref={firstRef} className="editor-input" rows={2} value={front} onChange={(e) => setFront(e.target.value)} />
            <label className="editor-label" htmlFor={`${id}-back`}>
              Back (answer)
            </label>
            <textarea id={`${id}-back`} className="editor-input" rows={3} value={back} onChange={(e) => setBack(e.target.value)} />
          </>
        ) : (
          <>
            <label className="editor-label" htmlFor={`${id}-text`}>
              Text <span className="quiet">— gaps as {'{{c1::answer}}'}; Ctrl+Shift+C makes the selected words a gap</span>
            </label>
            <textarea
              id={`${id}-text`}
              ref={(el) => {
                textRef.current = el;
                firstRef.current = el;
              }}
              className="editor-input"
              rows={compact ? 4 : 6}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </>
        )}
        <label className="editor-label" htmlFor={`${id}-tags`}>
          Tags <span className="quiet">— separated by spaces</span>
        </label>
        <input id={`${id}-tags`} className="editor-input" value={tags} onChange={(e) => setTags(e.target.value)} />
        {error && (
          <p className="error editor-error" role="alert">
            {error}
          </p>
        )}
        <div className="editor-actions">
          <button type="submit" className="button primary" disabled={saving} aria-keyshortcuts="Control+Enter">
            {subject.mode === 'edit' ? 'Save' : 'Add card'}
          </button>
          <button type="button" className="button quiet-button" onClick={onCancel}>
            Cancel
          </button>
          <span className="editor-hint quiet">
            <kbd>Ctrl</kbd>+<kbd>Enter</kbd> saves · <kbd>Esc</kbd> cancels
          </span>
        </div>
      </div>
      <section className="editor-preview" aria-label="Preview">
        <p className="preview-label">Front</p>
        {faces ? <Face segments={faces.front} label="Front preview" /> : <div className="card-face quiet">…</div>}
        <p className="preview-label">Back</p>
        {faces ? <Face segments={faces.back} label="Back preview" /> : <div className="card-face quiet">…</div>}
      </section>
    </form>
  );
}
