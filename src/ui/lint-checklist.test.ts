import { describe, expect, it } from "vitest";
import { failingFirst, lintSummary, summaryStatus } from "./lint-checklist";

const items = (statuses: ("pass" | "fail" | "warn")[]) => statuses.map((status) => ({ status }));

describe("lintSummary", () => {
  it("reads N of N checks pass when all pass", () => {
    expect(lintSummary(items(Array<"pass">(15).fill("pass")))).toBe("15 of 15 checks pass");
  });
  it("counts failures and warnings", () => {
    expect(lintSummary(items(["pass", "fail", "warn", "warn"]))).toBe("1 of 4 checks pass · 1 fails · 2 warnings");
    expect(lintSummary(items(["fail", "fail", "warn"]))).toBe("0 of 3 checks pass · 2 fail · 1 warning");
  });
});

describe("failingFirst and summaryStatus", () => {
  it("lists failures, then warnings, then passes, keeping each group's order", () => {
    const ordered = failingFirst([
      { status: "pass", id: "a" },
      { status: "warn", id: "b" },
      { status: "fail", id: "c" },
      { status: "pass", id: "d" },
      { status: "fail", id: "e" },
    ] as const);
    expect(ordered.map((item) => item.id)).toEqual(["c", "e", "b", "a", "d"]);
  });
  it("is green only when every check passed", () => {
    expect(summaryStatus(items(["pass", "pass"]))).toBe("pass");
    expect(summaryStatus(items(["pass", "warn"]))).toBe("warn");
    expect(summaryStatus(items(["warn", "fail", "pass"]))).toBe("fail");
  });
});
