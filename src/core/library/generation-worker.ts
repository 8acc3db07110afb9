import { parentPort, workerData } from 'node:worker_threads';
import { draftsFor, type GenerationScope } from './generate-cards';
import type { Layout } from './sections';

/** Runs in a worker thread: generates the drafts for a big article, reporting progress as it goes. */
interface Job {
  layout: Layout;
  title: string;
  scope: GenerationScope;
}

const job = workerData as Job & { entry: string };
let last = 0;
const drafts = draftsFor(job.layout, job.title, job.scope, {
  onProgress: (done, total) => {
    const now = Date.now();
    if (now - last >= 200 || done === total) {
      last = now;
      parentPort!.postMessage({ type: 'progress', done, total });
    }
  },
});
parentPort!.postMessage({ type: 'done', drafts });
