import { useCallback, useState } from 'react';
import type { ArticleFormat } from '../../../../shared/contract';
import { useApp } from '../../app-context';
import { describeImport, importFile, importPasted } from './importing';

/** Import from files or pasted text, with the outcome said next to where the user acted. */
export function useImporter() {
  const app = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const importFiles = useCallback(
    async (files: File[]) => {
      if (files.length === 0) return;
      setBusy(true);
      setError(null);
      const messages: string[] = [];
      const failures: string[] = [];
      for (const file of files) {
        try {
          messages.push(describeImport(await importFile(file)));
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

  return { busy, error, importFiles, importText };
}
