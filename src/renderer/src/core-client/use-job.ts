import { useEffect, useState } from 'react';
import type { JobStatus } from '../../../shared/contract';
import { call } from './client';

/** Follows a job until it ends, polling its status; `null` while there is no job. */
export function useJob(jobId: string | null, onEnd?: (status: JobStatus) => void): JobStatus | null {
  const [status, setStatus] = useState<JobStatus | null>(null);
  useEffect(() => {
    if (!jobId) return setStatus(null);
    let live = true;
    let timer = 0;
    const poll = async () => {
      try {
        const next = await call('job.status', { jobId });
        if (!live) return;
        setStatus(next);
        if (next.state === 'running') timer = window.setTimeout(poll, 300);
        else onEnd?.(next);
      } catch {
        if (live) timer = window.setTimeout(poll, 1000);
      }
    };
    void poll();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
    // onEnd is a callback prop; following one job should not restart when it changes identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [jobId]);
  return status;
}
