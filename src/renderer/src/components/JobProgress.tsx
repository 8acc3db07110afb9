import type { JobStatus } from '../../../shared/contract';
import { call } from '../core-client/client';

/** Progress of long work, with a cancel that really stops it. */
export function JobProgress({ status, label }: { status: JobStatus; label: string }) {
  const { done, total, message } = status.progress;
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <div className="job-progress" role="group" aria-label={label}>
      <div className="job-progress-text">
        <span>{label}</span>
        <span className="quiet">{status.state === 'running' ? message : status.state === 'cancelled' ? 'Cancelled.' : ''}</span>
      </div>
      <progress max={100} value={percent} aria-label={`${label}: ${percent}%`} />
      {status.state === 'running' && (
        <button type="button" className="button quiet-button" onClick={() => void call('job.cancel', { jobId: status.id })}>
          Cancel
        </button>
      )}
    </div>
  );
}
