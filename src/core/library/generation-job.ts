import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CardDraft } from '../../shared/contract/card-draft';
import type { Collection } from '../collection';
import { GenerationCancelled } from '../generate';
import { startJob, type JobControl } from '../jobs/registry';
import { layoutOf, requireArticle } from './articles';
import { draftsFor, storeDrafts, type GenerationScope } from './generate-cards';
import type { Layout } from './sections';

/** Above this many words of study text, generation runs as a job in a worker instead of during the import. */
export const INLINE_GENERATION_WORDS = 20_000;

export function studyWords(layout: Layout): number {
  let words = 0;
  layout.sections.forEach((section) => {
    if (section.study) for (const p of section.paragraphs) words += p.split(/\s+/).filter(Boolean).length;
  });
  return words;
}

/**
 * Where the worker's code is: built beside the desktop app's main bundle (generation-worker.js), or,
 * for the web host and the CLI that run from sources, the TypeScript entry started through tsx by a
 * small .mjs boot file. Null where neither is there.
 */
function workerScript(): { url: URL; entry: string | null } | null {
  const here = new URL('.', import.meta.url);
  if (here.protocol !== 'file:') return null;
  const built = new URL('./generation-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return { url: built, entry: null };
  const boot = new URL('./generation-worker-boot.mjs', import.meta.url);
  const source = new URL('./generation-worker.ts', import.meta.url);
  if (existsSync(fileURLToPath(boot)) && existsSync(fileURLToPath(source))) return { url: boot, entry: source.href };
  return null;
}

/** Generation in a worker thread: the host's event loop stays free, and cancelling terminates the thread. */
function inWorker(
  script: { url: URL; entry: string | null },
  layout: Layout,
  title: string,
  scope: GenerationScope,
  control: JobControl,
): Promise<CardDraft[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script.url, { workerData: { layout, title, scope, entry: script.entry } });
    const onAbort = () => {
      void worker.terminate();
      reject(new GenerationCancelled());
    };
    control.signal.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: { type: 'progress'; done: number; total: number } | { type: 'done'; drafts: CardDraft[] }) => {
      if (message.type === 'progress') {
        control.report({ done: message.done, total: message.total, message: `Writing cards: paragraph ${message.done} of ${message.total}` });
      } else {
        control.signal.removeEventListener('abort', onAbort);
        void worker.terminate();
        resolve(message.drafts);
      }
    });
    worker.on('error', (error) => {
      control.signal.removeEventListener('abort', onAbort);
      reject(error);
    });
  });
}

/**
 * Where no worker script can be found, the same work runs section by section in this thread, yielding
 * between sections so the app stays responsive and a cancel is seen.
 */
async function inSlices(layout: Layout, title: string, scope: GenerationScope, control: JobControl): Promise<CardDraft[]> {
  const indexes = scope.sectionIndex === undefined ? layout.sections.map((_, i) => i) : [scope.sectionIndex];
  const drafts: CardDraft[] = [];
  for (const [n, sectionIndex] of indexes.entries()) {
    await new Promise((resolve) => setImmediate(resolve));
    if (control.signal.aborted) throw new GenerationCancelled();
    drafts.push(...draftsFor(layout, title, { sectionIndex }));
    control.report({ done: n + 1, total: indexes.length, message: `Writing cards: section ${n + 1} of ${indexes.length}` });
  }
  return drafts;
}

/** Starts generating cards for an article as a job; the cards are stored only if it finishes uncancelled. */
export function startGenerationJob(collection: Collection, articleId: string, scope: GenerationScope = {}): string {
  const row = requireArticle(collection, articleId);
  const layout = layoutOf(row);
  return startJob(collection, 'generate', async (control) => {
    const script = workerScript();
    const drafts = await (script ? inWorker(script, layout, row.title, scope, control) : inSlices(layout, row.title, scope, control));
    if (control.signal.aborted) throw new GenerationCancelled();
    const { value } = collection.transact((changes) => {
      // The article may have been edited or deleted while the job ran: store against what is there now.
      const current = requireArticle(collection, articleId);
      const added = storeDrafts(collection, articleId, layoutOf(current), drafts.filter((d) => d.sectionIndex < current.sections.length));
      if (added > 0) changes.mark('cards', 'queue');
      return added;
    });
    return { cardsAdded: value };
  });
}
