import { describe, expect, it } from "vitest";
import { exactly, median, percentile, ratio, summarize, versusBaseline } from "./bench-stats";

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

describe("ours against the baseline build", () => {
  // Baseline runs 10..19 ms: median 14.5, nearest-rank p90 18.
  const baseline = summarize([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  const ours = (median: number) => summarize([median - 1, median, median + 1]);

  it("is no worse when our median is at or below the baseline's", () => {
    expect(versusBaseline(ours(14.5), baseline)).toEqual({ kind: "no-worse", delta: 0, percent: 0 });
    expect(versusBaseline(ours(10), baseline)).toEqual({ kind: "no-worse", delta: -4.5, percent: -31 });
  });

  it("is within noise when our median is above the baseline's median but not above its p90", () => {
    expect(versusBaseline(ours(16), baseline)).toEqual({ kind: "within-noise", delta: 1.5, percent: 10 });
    expect(versusBaseline(ours(18), baseline).kind).toBe("within-noise");
  });

  it("is worse when our median is above the baseline's p90", () => {
    expect(versusBaseline(ours(18.1), baseline)).toEqual({ kind: "worse", delta: 3.6, percent: 25 });
  });

  it("judges sizes exactly: one byte over the baseline is worse", () => {
    expect(versusBaseline(exactly(1001), exactly(1000), true)).toEqual({ kind: "worse", delta: 1, percent: 0 });
    expect(versusBaseline(exactly(1000), exactly(1000), true).kind).toBe("no-worse");
    // Without `exact`, a one-run summary has no spread either, so the answer is the same.
    expect(versusBaseline(exactly(1001), exactly(1000)).kind).toBe("worse");
  });

  it("is not measured without baseline runs", () => {
    expect(versusBaseline(ours(14), undefined)).toEqual({ kind: "not-measured" });
    expect(versusBaseline(ours(14), summarize([]))).toEqual({ kind: "not-measured" });
    expect(versusBaseline(undefined, baseline)).toEqual({ kind: "not-measured" });
  });
});
