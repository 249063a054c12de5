import { describe, expect, it } from "vitest";
import { renderMarkdown, verdictText, type BenchResults, type SizeResults } from "./bench-report";
import { summarize, versusBaseline, type Summary } from "./bench-stats";

const runs = (median: number, spread = 1): Summary => summarize([median - spread, median, median + spread]);

function size(bits: number, baseline: boolean): SizeResults {
  return {
    bits,
    ours: {
      keygen: runs(100),
      uiCredential: runs(8),
      uiTotal: runs(30),
      keyAtClick: { ready: 3, pending: 0, none: 0 },
      afterKey: runs(8),
      cold: runs(200, 50),
      ...(baseline ? { baselineCold: runs(300, 50), baselineReady: runs(6, 0.5), baselineKeyAtClick: { ready: 3, pending: 0, none: 0 }, baselineAfterKey: runs(6, 0.5), baselineSteps: { certificate: 2, "click-to-thumbprint-state": 4 } } : {}),
      longestTaskMs: 0,
      runsWithLongTasks: 0,
      longestFrameGapMs: 20,
    },
    openssl: { genrsa: runs(150), req: runs(10), x509: runs(10), fingerprint: runs(10), total: runs(200) },
    ratios: {},
  };
}

function results(baseline: { dist: string; label?: string } | undefined): BenchResults {
  return {
    schema: 1,
    environment: { date: "2026-12-05T00:00:00.000Z", loadAverage: { start: [1, 1, 1], end: [1, 1, 1] }, cpuModel: "test CPU", cpuCount: 2, memoryGiB: 8, os: "Linux", node: "v20", chromium: "1", playwright: "1", openssl: "OpenSSL 3", commit: "0123456789abcdef" },
    config: { runs: 3, warmupRuns: 1, forgeRuns: { "2048": 1 }, sizes: [2048], pauseMs: 2000, ...(baseline ? { baselineDist: baseline.dist, baselineLabel: baseline.label } : {}) },
    sizes: [size(2048, baseline !== undefined)],
    pageLoad: {
      ready: runs(200, 10),
      app: runs(400, 10),
      domContentLoaded: runs(150),
      load: runs(250),
      repeatReady: runs(70, 5),
      // Our take-over is above the baseline's median but not above its p90: within noise.
      ...(baseline ? { baselineReady: runs(250, 10), baselineApp: runs(390, 20), baselineRepeatReady: runs(80, 5) } : {}),
    },
    responsiveness: { bits: 2048, runs: 3, longestTaskMs: 0, runsWithLongTasks: 0, under50ms: true, longestFrameGapMs: 20 },
    bundle: {
      initial: { jsBytes: 300_000, jsGzipBytes: 100_000, cssBytes: 20_000, cssGzipBytes: 5000 },
      total: { jsBytes: 900_000, jsGzipBytes: 300_000, cssBytes: 20_000, cssGzipBytes: 5000 },
      budgetInitialJsGzipBytes: 110 * 1024,
      withinBudget: true,
      assets: [],
      ...(baseline ? { baselineInitial: { jsBytes: 290_000, jsGzipBytes: 99_000, cssBytes: 20_000, cssGzipBytes: 5000 } } : {}),
    },
    proxy: null,
  };
}

/** The rows of the Markdown table that follows `heading`, split into cells. */
function tableAfter(markdown: string, heading: string): string[][] {
  const lines = markdown.split("\n");
  const start = lines.indexOf(heading);
  const first = lines.findIndex((line, index) => index > start && line.startsWith("|"));
  const rows: string[][] = [];
  for (let index = first; index < lines.length && lines[index]?.startsWith("|"); index += 1) rows.push((lines[index] ?? "").split("|").slice(1, -1).map((cell) => cell.trim()));
  return rows;
}

describe("the benchmark report against a baseline build", () => {
  it("without a baseline build, the targets table has no verdict column and the report names no baseline", () => {
    const markdown = renderMarkdown(results(undefined));
    const table = tableAfter(markdown, "## Targets");
    expect(table[0]).toEqual(["Figure", "Target", "Measured (median / p90)", ""]);
    expect(markdown).not.toContain("vs baseline");
    expect(markdown).not.toContain("**Before** is");
  });

  it("names the baseline by its label and judges every target against it, listing the worse ones", () => {
    const markdown = renderMarkdown(results({ dist: "/work/baseline/dist", label: "a05ec53, when the layering work began" }));
    expect(markdown).toContain("**Before** is a05ec53, when the layering work began (the build in `/work/baseline/dist`)");
    const table = tableAfter(markdown, "## Targets");
    expect(table[0]).toEqual(["Figure", "Target", "Measured (median / p90)", "", "vs baseline"]);
    const verdicts = Object.fromEntries(table.slice(2).map((row) => [row[0], row[4]]));
    expect(verdicts["Click → thumbprint, key ready, RSA 2048"]).toBe("**worse than baseline** by 2 ms (+33 %)");
    expect(verdicts["Click → thumbprint, cold (first click after load), RSA 2048"]).toBe("no worse than baseline (−100 ms, −33 %)");
    expect(verdicts["Navigation → the app has taken over (every control works)"]).toBe("no worse than baseline: within noise (+10 ms, +3 %, not above the baseline's p90)");
    expect(verdicts["Initial JavaScript"]).toBe("**worse than baseline** by 1.0 KB (+1 %)");
    for (const row of table.slice(2)) expect(row[4]).not.toBe("not measured on the baseline");
    expect(markdown).toContain("**Worse than the baseline**: Click → thumbprint, key ready, RSA 2048; After the key is ready (certificate, thumbprints, PEM, render), RSA 2048; Initial JavaScript.");
    expect(markdown).toContain("when our median is above the baseline's p90");
    // The key-ready table shows the baseline's figures beside ours.
    const keyReady = tableAfter(markdown, "## Generate: a key made in advance, and cold");
    expect(keyReady[0]?.slice(0, 3)).toEqual(["Key size", "Key ready", "Key ready, before"]);
    expect(keyReady[2]?.slice(0, 3)).toEqual(["RSA 2048", "8 / 9", "6 / 6.5"]);
    // Where the time goes: the baseline's own step marks on a row of their own.
    expect(markdown.split("\n")).toContain("| RSA 2048, before | — | 2 | — | — | — | 4 | — | 2 | 6 |");
  });

  it("says no figure is worse when none is, and names an unlabelled baseline by its folder", () => {
    const better = results({ dist: "/tmp/old/dist" });
    const [first] = better.sizes;
    if (!first) throw new Error("fixture has a size");
    first.ours.baselineReady = runs(9);
    first.ours.baselineAfterKey = runs(9);
    better.bundle.baselineInitial = { jsBytes: 300_000, jsGzipBytes: 100_000, cssBytes: 20_000, cssGzipBytes: 5000 };
    const markdown = renderMarkdown(better);
    expect(markdown).toContain("**Before** is the build in `/tmp/old/dist`");
    expect(markdown).toContain("**No figure is worse than the baseline**.");
    expect(markdown).not.toMatch(/issue \d/i);
  });

  it("words each verdict with the difference of medians", () => {
    expect(verdictText(versusBaseline(runs(5), runs(6)))).toBe("no worse than baseline (−1 ms, −17 %)");
    expect(verdictText({ kind: "not-measured" })).toBe("not measured on the baseline");
    expect(verdictText({ kind: "worse", delta: 2048, percent: 2 }, "bytes")).toBe("**worse than baseline** by 2.0 KB (+2 %)");
  });
});
