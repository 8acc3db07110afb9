import { useState } from 'react';
import { useModalDialog } from '../../components/use-modal-dialog';
import type { ArticleFormat } from '../../../../shared/contract';
import { pastedContent } from './importing';

/** Paste text or a web page's HTML; what the clipboard carried decides the format. */
export function PasteDialog(props: {
  open: boolean;
  error: string | null;
  onClose: () => void;
  onImport: (text: string, format: ArticleFormat) => Promise<void>;
}) {
  const [text, setText] = useState('');
  const [format, setFormat] = useState<ArticleFormat>('text');
  const ref = useModalDialog(props.open, () => {
    setText('');
    setFormat('text');
  });

  return (
    <dialog ref={ref} className="dialog dialog-wide" aria-labelledby="paste-title" onClose={props.onClose}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void props.onImport(text, format);
        }}
      >
        <h2 id="paste-title">Paste an article</h2>
        <label className="visually-hidden" htmlFor="paste-text">
          Article text
        </label>
        <textarea
          id="paste-text"
          className="paste-area"
          value={text}
          autoFocus
          placeholder="Paste the text of an article, or copy a web page and paste it here."
          onPaste={(e) => {
            const pasted = pastedContent(e.clipboardData);
            if (pasted?.format === 'html') {
              e.preventDefault();
              setText(pasted.text);
              setFormat('html');
            }
          }}
          onChange={(e) => setText(e.target.value)}
        />
        <div className="dialog-row">
          <label className="field">
            <span className="field-label">Format</span>
            <select value={format} onChange={(e) => setFormat(e.target.value as ArticleFormat)}>
              <option value="text">Plain text</option>
              <option value="markdown">Markdown</option>
              <option value="html">HTML</option>
            </select>
          </label>
        </div>
        {props.error && (
          <p className="error" role="alert">
            {props.error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={text.trim() === ''}>
            Import
          </button>
        </div>
      </form>
    </dialog>
  );
}
