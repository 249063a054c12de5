import { describe, expect, it } from "vitest";
import { median, percentile, ratio, summarize } from "./bench-stats";

describe("bench statistics", () => {
  it("median of odd and even counts", () => {
    expect(median([1, 2, 3])).toBe(2);
    expect(median([1, 2, 3, 4])).toBe(2.5);
  });

  it("p90 is nearest-rank", () => {
    const sorted = Array.from({ length: 30 }, (_, index) => index + 1);
    expect(percentile(sorted, 0.9)).toBe(27);
    expect(percentile([5], 0.9)).toBe(5);
  });

  it("summarizes unsorted samples and divides medians", () => {
    const summary = summarize([30, 10, 20]);
    expect(summary).toEqual({ runs: 3, median: 20, p90: 30, min: 10, max: 30, mean: 20 });
    expect(ratio(summary, summarize([40, 40]))).toBe(0.5);
    expect(ratio(summary, undefined)).toBeUndefined();
  });
});
