/** Summary statistics for benchmark samples (milliseconds). */

export interface Summary {
  runs: number;
  median: number;
  /** Nearest-rank 90th percentile: the smallest sample at or above 90 % of all samples. */
  p90: number;
  min: number;
  max: number;
  mean: number;
}

export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? Number.NaN;
}

export function median(sorted: readonly number[]): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const middle = Math.floor(n / 2);
  return n % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const round = (value: number) => Math.round(value * 10) / 10;

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    median: round(median(sorted)),
    p90: round(percentile(sorted, 0.9)),
    min: round(sorted[0] ?? Number.NaN),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
    mean: round(sorted.reduce((total, value) => total + value, 0) / (sorted.length || 1)),
  };
}

/** a ÷ b of medians, three significant digits; below 1 means `a` is faster. */
export function ratio(a: Summary | undefined, b: Summary | undefined): number | undefined {
  if (!a || !b || !(b.median > 0)) return undefined;
  return Number((a.median / b.median).toPrecision(3));
}
