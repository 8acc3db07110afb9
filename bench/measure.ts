/**
 * Timing for benchmarks. These machines are noisy, so every figure is reported as a ratio against a
 * baseline measured in the same run, interleaved with the subject so both see the same load.
 */
export interface Sample {
  medianMs: number;
  runs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs baseline and subject alternately `runs` times after a warm-up, and returns both medians. */
export function compare(baseline: () => unknown, subject: () => unknown, runs = 15): { baseline: Sample; subject: Sample; ratio: number } {
  baseline();
  subject();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    baseline();
    a.push(performance.now() - t);
    t = performance.now();
    subject();
    b.push(performance.now() - t);
  }
  const base = { medianMs: median(a), runs };
  const subj = { medianMs: median(b), runs };
  return { baseline: base, subject: subj, ratio: subj.medianMs / Math.max(base.medianMs, 1e-6) };
}
