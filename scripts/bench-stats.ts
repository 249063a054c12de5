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

/**
 * Ours against the baseline build, measured in the same run, with noise in mind:
 * - "no-worse": our median is at or below the baseline's median;
 * - "within-noise": our median is above the baseline's median but not above the baseline's p90,
 *   i.e. inside the baseline's own run-to-run spread (median → p90), so the difference is not told apart
 *   from noise by this run;
 * - "worse": our median is above the baseline's p90.
 * Sizes (bytes) have no noise: pass `exact` and anything above the baseline is worse.
 */
export type BaselineVerdict =
  | { kind: "not-measured" }
  | { kind: "no-worse" | "within-noise" | "worse"; /** ours − baseline, medians */ delta: number; /** the same, in % of the baseline's median */ percent: number };

export function versusBaseline(ours: Summary | undefined, baseline: Summary | undefined, exact = false): BaselineVerdict {
  if (!ours || !baseline || !(ours.runs > 0) || !(baseline.runs > 0) || !Number.isFinite(ours.median) || !Number.isFinite(baseline.median)) return { kind: "not-measured" };
  const delta = round(ours.median - baseline.median);
  const percent = baseline.median > 0 ? Math.round((delta / baseline.median) * 100) : 0;
  if (ours.median <= baseline.median) return { kind: "no-worse", delta, percent };
  if (!exact && ours.median <= baseline.p90) return { kind: "within-noise", delta, percent };
  return { kind: "worse", delta, percent };
}

/** A size in bytes as a one-run Summary, so it can be judged by versusBaseline(…, exact). */
export function exactly(value: number): Summary {
  return { runs: 1, median: value, p90: value, min: value, max: value, mean: value };
}
