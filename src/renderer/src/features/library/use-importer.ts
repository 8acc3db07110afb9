import { useCallback, useState } from 'react';
import type { ArticleFormat, ImportSummary, JobStatus } from '../../../../shared/contract';
import { useApp } from '../../app-context';
import { useJob } from '../../core-client/use-job';
import { describeImport, importFile, importPasted } from './importing';

/** Import from files or pasted text, with the outcome said next to where the user acted. */
export function useImporter() {
  const app = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId, (status: JobStatus) => {
    app.changed();
    if (status.state === 'done') {
      const added = (status.result as { cardsAdded?: number } | null)?.cardsAdded ?? 0;
      app.notify({ message: `Wrote ${added} card${added === 1 ? '' : 's'} for the long text you imported.` });
    } else if (status.state === 'cancelled') {
      app.notify({ message: 'Card writing was cancelled; no cards were added. You can write them later from the reader.' });
    } else if (status.error) {
      app.notify({ message: status.error.message, tone: 'error' });
    }
  });
  /** A long text's cards are written by a job; follow it so the user sees progress and can cancel. */
  const follow = (summary: ImportSummary) => {
    if (summary.generationJob) setJobId(summary.generationJob);
  };

  const importFiles = useCallback(
    async (files: File[]) => {
      if (files.length === 0) return;
      setBusy(true);
      setError(null);
      const messages: string[] = [];
      const failures: string[] = [];
      for (const file of files) {
        try {
          const summary = await importFile(file);
          follow(summary);
          messages.push(describeImport(summary));
        } catch (e) {
          failures.push(`${file.name}: ${(e as Error).message}`);
        }
      }
      setBusy(false);
      if (failures.length > 0) setError(failures.join(' '));
      if (messages.length > 0) {
        app.changed();
        app.notify({ message: messages.join(' ') });
      }
    },
    [app],
  );

  const importText = useCallback(
    async (text: string, format: ArticleFormat): Promise<boolean> => {
      setBusy(true);
      setError(null);
      try {
        const summary = await importPasted(text, format);
        follow(summary);
        app.changed();
        app.notify({ message: describeImport(summary) });
        return true;
      } catch (e) {
        setError((e as Error).message);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [app],
  );

  return { busy, error, importFiles, importText, job };
}
