/**
 * Timing for benchmarks. These machines are noisy, so every figure is reported as a ratio against a
 * baseline measured in the same run, interleaved with the subject so both see the same load.
 */
export interface Sample {
  medianMs: number;
  runs: number;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** The p-th percentile (nearest rank on the sorted values); 0 for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  if (p === 50) {
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  }
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export interface Comparison {
  baseline: Sample;
  subject: Sample;
  ratio: number;
}

/**
 * Runs baseline and subject alternately `runs` times after a warm-up, and returns both medians. Either
 * may be async; `i` is the run's number (0 for the warm-up), for subjects that need fresh input each time.
 */
export async function compare(
  baseline: (i: number) => unknown,
  subject: (i: number) => unknown,
  runs = 15,
): Promise<Comparison> {
  await baseline(0);
  await subject(0);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 1; i <= runs; i++) {
    let t = performance.now();
    await baseline(i);
    a.push(performance.now() - t);
    t = performance.now();
    await subject(i);
    b.push(performance.now() - t);
  }
  const base = { medianMs: median(a), runs };
  const subj = { medianMs: median(b), runs };
  return { baseline: base, subject: subj, ratio: subj.medianMs / Math.max(base.medianMs, 1e-6) };
}
