import { LecternError, type WireError } from '../../shared/contract';
import type { Collection } from '../collection';
import { newId } from '../ids';

/**
 * Long work (generating cards for a book, exporting a big deck) runs as a job: one command starts it
 * and gets an id, another asks for its progress and result, a third cancels it (INTERFACES.md).
 */
export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobProgress {
  done: number;
  total: number;
  message: string;
}

export interface JobStatus {
  id: string;
  kind: string;
  state: JobState;
  progress: JobProgress;
  result: unknown;
  error: WireError | null;
  startedAt: number;
  finishedAt: number | null;
}

export interface JobControl {
  report(progress: Partial<JobProgress>): void;
  readonly signal: AbortSignal;
}

interface Job extends JobStatus {
  abort: AbortController;
}

const registries = new WeakMap<Collection, Map<string, Job>>();

function jobsOf(collection: Collection): Map<string, Job> {
  let jobs = registries.get(collection);
  if (!jobs) registries.set(collection, (jobs = new Map()));
  return jobs;
}

export function startJob(collection: Collection, kind: string, run: (control: JobControl) => Promise<unknown>): string {
  const id = newId();
  const job: Job = {
    id,
    kind,
    state: 'running',
    progress: { done: 0, total: 0, message: 'Starting…' },
    result: null,
    error: null,
    startedAt: collection.clock.now(),
    finishedAt: null,
    abort: new AbortController(),
  };
  jobsOf(collection).set(id, job);
  const control: JobControl = {
    report: (progress) => {
      job.progress = { ...job.progress, ...progress };
    },
    signal: job.abort.signal,
  };
  const finish = (state: JobState, result: unknown, error: WireError | null) => {
    if (job.state !== 'running') return;
    Object.assign(job, { state, result, error, finishedAt: collection.clock.now() });
  };
  run(control).then(
    (result) => finish(job.abort.signal.aborted ? 'cancelled' : 'done', result, null),
    (error: unknown) => {
      if (job.abort.signal.aborted) return finish('cancelled', null, null);
      const wire: WireError =
        error instanceof LecternError ? { code: error.code, message: error.message } : { code: 'internal', message: String((error as Error)?.message ?? error) };
      finish('failed', null, wire);
    },
  );
  return id;
}

export function jobStatus(collection: Collection, id: string): JobStatus {
  const job = jobsOf(collection).get(id);
  if (!job) throw new LecternError('not_found', 'There is no such job (it may have finished before Lectern restarted).');
  const { abort: _abort, ...status } = job;
  return { ...status, progress: { ...status.progress } };
}

/** Cancels a running job; its work stops and nothing it would have stored is stored. */
export function cancelJob(collection: Collection, id: string): JobStatus {
  const job = jobsOf(collection).get(id);
  if (!job) throw new LecternError('not_found', 'There is no such job.');
  if (job.state === 'running') {
    job.abort.abort();
    Object.assign(job, { state: 'cancelled', finishedAt: collection.clock.now() });
  }
  return jobStatus(collection, id);
}

/** Waits for a job to finish (tests and the CLI). */
export async function waitForJob(collection: Collection, id: string, pollMs = 20): Promise<JobStatus> {
  for (;;) {
    const status = jobStatus(collection, id);
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
