import { useState } from 'react';
import { useModalDialog } from '../../components/use-modal-dialog';
import type { CommandInput } from '../../../../shared/contract';
import { call } from '../../core-client/client';
import { plural } from '../../format';
import { downloadFile } from './files';
import '../../styles/exchange.css';

type Format = CommandInput<'deck.export'>['format'];
type Scope = CommandInput<'deck.export'>['scope'];

const FORMATS: { value: Format; label: string; hint: string }[] = [
  { value: 'apkg', label: 'Anki package (.apkg)', hint: 'Opens in any Anki 2.1 or later; exporting again updates the same notes.' },
  { value: 'csv', label: 'Anki CSV (.csv)', hint: 'Text with Anki’s headers, for File › Import in Anki or a spreadsheet.' },
  { value: 'tsv', label: 'Anki TSV (.tsv)', hint: 'Like CSV, separated by tabs.' },
  { value: 'json', label: 'Lectern JSON (.json)', hint: 'Everything, losslessly: articles, cards, schedules and review history.' },
  { value: 'markdown', label: 'Markdown (.md)', hint: 'A readable deck to share; it cannot be imported back.' },
];

/**
 * Export cards to a file. Mount it once and open it with a scope: an article's cards (`articleId`), a
 * selection (`cardIds`), or, with neither, the whole collection. The user can widen to the whole collection.
 */
export function ExportDialog(props: {
  open: boolean;
  onClose: () => void;
  /** Export this article's cards (the default choice when given). */
  articleId?: string | null;
  /** Shown in the scope choice, e.g. the article's title. */
  articleTitle?: string;
  /** Export these cards (e.g. the card browser's selection). */
  cardIds?: string[] | null;
}) {
  const [format, setFormat] = useState<Format>('apkg');
  const [withSchedule, setWithSchedule] = useState(false);
  const [scopeChoice, setScopeChoice] = useState<'article' | 'cards' | 'all'>('all');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const ref = useModalDialog(props.open, () => {
    setScopeChoice(props.cardIds && props.cardIds.length > 0 ? 'cards' : props.articleId ? 'article' : 'all');
    setError(null);
    setDone(null);
    setBusy(false);
  });

  const scope = (): Scope => {
    if (scopeChoice === 'article' && props.articleId) return { articleId: props.articleId };
    if (scopeChoice === 'cards' && props.cardIds && props.cardIds.length > 0) return { cardIds: props.cardIds };
    return { all: true };
  };

  const run = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const file = await call('deck.export', { scope: scope(), format, withSchedule: format === 'apkg' && withSchedule });
      downloadFile(file.fileName, file.mimeType, file.base64);
      setDone(`Saved ${file.cards} ${plural(file.cards, 'card', 'cards')} to “${file.fileName}”.`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const hint = FORMATS.find((f) => f.value === format)?.hint;
  return (
    <dialog ref={ref} className="dialog exchange-dialog" aria-labelledby="export-title" onClose={props.onClose}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <h2 id="export-title">Export cards</h2>
        <fieldset className="exchange-choice">
          <legend>Cards</legend>
          {props.articleId && (
            <label>
              <input type="radio" name="export-scope" checked={scopeChoice === 'article'} onChange={() => setScopeChoice('article')} />
              {props.articleTitle ? `This article: “${props.articleTitle}”` : 'This article'}
            </label>
          )}
          {props.cardIds && props.cardIds.length > 0 && (
            <label>
              <input type="radio" name="export-scope" checked={scopeChoice === 'cards'} onChange={() => setScopeChoice('cards')} />
              The {props.cardIds.length} selected {plural(props.cardIds.length, 'card', 'cards')}
            </label>
          )}
          <label>
            <input type="radio" name="export-scope" checked={scopeChoice === 'all'} onChange={() => setScopeChoice('all')} />
            The whole collection
          </label>
        </fieldset>
        <label className="field exchange-field">
          <span className="field-label">Format</span>
          <select value={format} onChange={(e) => setFormat(e.target.value as Format)} aria-describedby="export-format-hint">
            {FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <p id="export-format-hint" className="quiet exchange-hint">
          {hint}
        </p>
        <label className="exchange-check">
          <input type="checkbox" checked={format === 'apkg' && withSchedule} disabled={format !== 'apkg'} onChange={(e) => setWithSchedule(e.target.checked)} />
          Include the schedule and review history (continue in Anki where Lectern left off)
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {done && (
          <p className="exchange-done" role="status">
            {done}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={props.onClose}>
            {done ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Exporting…' : 'Export'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
