import { useEffect, useRef, useState } from 'react';
import { useModalDialog } from '../../components/use-modal-dialog';
import type { CommandOutput } from '../../../../shared/contract';
import { call } from '../../core-client/client';
import { plural } from '../../format';
import { bytesToBase64, DECK_ACCEPT, DECK_IMPORT_LIMIT_BYTES } from './files';
import '../../styles/exchange.css';

export type DeckImportSummary = CommandOutput<'deck.import'>;

const FORMAT_NAMES: Record<DeckImportSummary['format'], string> = { lectern: 'Lectern JSON', apkg: 'Anki package', csv: 'Anki text file' };

type Step =
  | { name: 'choose' }
  | { name: 'reading'; fileName: string }
  | { name: 'preview'; fileName: string; base64: string; preview: DeckImportSummary }
  | { name: 'importing'; fileName: string; jobId: string | null; message: string; done: number; total: number }
  | { name: 'done'; fileName: string; result: DeckImportSummary };

/**
 * Import a deck file (Lectern JSON, Anki .apkg, Anki CSV/TSV): pick the file, see what it would add,
 * update and skip, then import with progress. `onImported` runs after the collection changed.
 */
export function ImportDeckDialog(props: { open: boolean; onClose: () => void; onImported?: (summary: DeckImportSummary) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const ref = useModalDialog(props.open, () => {
    setStep({ name: 'choose' });
    setError(null);
  });

  const choose = async (file: File) => {
    setError(null);
    if (file.size > DECK_IMPORT_LIMIT_BYTES) {
      setError(`“${file.name}” is ${(file.size / 1024 / 1024).toFixed(1)} MB; the import limit is ${DECK_IMPORT_LIMIT_BYTES / 1024 / 1024} MB.`);
      return;
    }
    setStep({ name: 'reading', fileName: file.name });
    try {
      const base64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      const preview = await call('deck.importPreview', { fileName: file.name, base64 });
      if (live.current) setStep({ name: 'preview', fileName: file.name, base64, preview });
    } catch (e) {
      if (!live.current) return;
      setError((e as Error).message);
      setStep({ name: 'choose' });
    }
  };

  const runImport = async (fileName: string, base64: string) => {
    setError(null);
    setStep({ name: 'importing', fileName, jobId: null, message: 'Starting…', done: 0, total: 4 });
    try {
      const { jobId } = await call('deck.importStart', { fileName, base64 });
      for (;;) {
        const status = await call('job.status', { jobId });
        if (!live.current) return;
        if (status.state === 'running') {
          setStep({ name: 'importing', fileName, jobId, message: status.progress.message, done: status.progress.done, total: status.progress.total });
          await new Promise((resolve) => setTimeout(resolve, 150));
          continue;
        }
        if (status.state === 'done') {
          const result = status.result as DeckImportSummary;
          setStep({ name: 'done', fileName, result });
          props.onImported?.(result);
        } else if (status.state === 'cancelled') {
          setError('The import was cancelled; nothing was changed.');
          setStep({ name: 'choose' });
        } else {
          setError(status.error?.message ?? 'The import failed; nothing was changed.');
          setStep({ name: 'choose' });
        }
        return;
      }
    } catch (e) {
      if (!live.current) return;
      setError((e as Error).message);
      setStep({ name: 'choose' });
    }
  };

  const cancel = () => {
    if (step.name === 'importing' && step.jobId) void call('job.cancel', { jobId: step.jobId });
    else props.onClose();
  };

  return (
    <dialog ref={ref} className="dialog exchange-dialog" aria-labelledby="import-deck-title" onClose={props.onClose}>
      {/* Rendered only while open, so its file input never competes with the library's own. */}
      {props.open && (
        <>
          <h2 id="import-deck-title">Import a deck</h2>
          <p className="quiet exchange-hint">
            A Lectern JSON export, an Anki package (.apkg, exported with “Support older Anki versions”), or an Anki CSV/TSV text file. Importing the same file again updates
            what it added instead of duplicating it, and Lectern keeps a backup of your collection first.
          </p>

          <div className="exchange-file">
            <button type="button" className="button" onClick={() => input.current?.click()} disabled={step.name === 'reading' || step.name === 'importing'}>
              {step.name === 'choose' ? 'Choose a file…' : 'Choose another file…'}
            </button>
            <input
              ref={input}
              type="file"
              accept={DECK_ACCEPT}
              hidden
              aria-label="Choose a deck file to import"
              data-testid="deck-file-input"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (file) void choose(file);
              }}
            />
            {step.name !== 'choose' && <span className="exchange-file-name">{step.fileName}</span>}
          </div>

          {step.name === 'reading' && (
            <p className="quiet" role="status">
              Reading the file…
            </p>
          )}
          {step.name === 'preview' && <Preview summary={step.preview} heading="This import will" />}
          {step.name === 'importing' && (
            <div className="exchange-progress" role="status">
              <progress max={step.total || 1} value={step.done} aria-label="Import progress" />
              <span>{step.message}</span>
            </div>
          )}
          {step.name === 'done' && (
            <div role="status">
              <p className="exchange-done">
                Imported: {step.result.added} {plural(step.result.added, 'card', 'cards')} added, {step.result.updated} updated, {step.result.skipped} unchanged.
              </p>
              {step.result.backup && <p className="quiet exchange-hint">Your collection as it was before is saved in {step.result.backup}.</p>}
            </div>
          )}

          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}

          <div className="dialog-actions">
            <button type="button" className="button" onClick={cancel}>
              {step.name === 'done' ? 'Close' : step.name === 'importing' ? 'Stop' : 'Cancel'}
            </button>
            {step.name === 'preview' && (
              <button
                type="button"
                className="button primary"
                disabled={step.preview.added + step.preview.updated + step.preview.reviewLogs === 0}
                onClick={() => void runImport(step.fileName, step.base64)}
              >
                Import
              </button>
            )}
          </div>
        </>
      )}
    </dialog>
  );
}

function Preview({ summary, heading }: { summary: DeckImportSummary; heading: string }) {
  const nothing = summary.added + summary.updated + summary.reviewLogs === 0;
  return (
    <section className="exchange-preview" aria-label="Import preview">
      <p className="quiet">
        {FORMAT_NAMES[summary.format]}
        {summary.decks.length > 0 && ` · ${plural(summary.decks.length, 'deck', 'decks')}: ${summary.decks.join(', ')}`}
      </p>
      {nothing ? (
        <p>Everything in this file is already in your collection: nothing to import.</p>
      ) : (
        <>
          <p>{heading}:</p>
          <dl className="exchange-counts">
            <dt>Add</dt>
            <dd data-count="added">
              {summary.added} {plural(summary.added, 'card', 'cards')}
            </dd>
            <dt>Update</dt>
            <dd data-count="updated">
              {summary.updated} {plural(summary.updated, 'card', 'cards')}
            </dd>
            <dt>Skip (unchanged)</dt>
            <dd data-count="skipped">
              {summary.skipped} {plural(summary.skipped, 'card', 'cards')}
            </dd>
            <dt>Review history</dt>
            <dd data-count="reviewLogs">
              {summary.reviewLogs} new {plural(summary.reviewLogs, 'entry', 'entries')}
            </dd>
          </dl>
        </>
      )}
      {summary.warnings.length > 0 && (
        <ul className="exchange-warnings" aria-label="Warnings">
          {summary.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
