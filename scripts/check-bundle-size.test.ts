import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findInitialReferences, INITIAL_JS_BUDGET_GZIP_BYTES, measureBundle } from "./check-bundle-size";

const folders: string[] = [];

function makeDist(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), "cw-bundle-"));
  folders.push(root);
  mkdirSync(join(root, "assets"));
  for (const [name, contents] of Object.entries(files)) writeFileSync(join(root, name), contents);
  return root;
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const page = `<!doctype html><html><head>
<link rel="icon" href="data:," />
<script type="module" crossorigin src="/assets/index-a.js"></script>
<link rel="modulepreload" crossorigin href="/assets/vendor-b.js">
<link rel="stylesheet" crossorigin href="/assets/index-c.css">
</head><body><div id="root"></div></body></html>`;

describe("findInitialReferences", () => {
  it("finds module scripts, modulepreloads and stylesheets, and skips data: icons", () => {
    expect(findInitialReferences(page)).toEqual([
      { href: "/assets/index-a.js", loadedAs: "script" },
      { href: "/assets/vendor-b.js", loadedAs: "modulepreload" },
      { href: "/assets/index-c.css", loadedAs: "stylesheet" },
    ]);
  });
});

describe("measureBundle", () => {
  it("counts what index.html loads as initial and other chunks as lazy", () => {
    const root = makeDist({
      "index.html": page,
      "assets/index-a.js": "console.log('a');".repeat(100),
      "assets/vendor-b.js": "export const b = 1;",
      "assets/index-c.css": "body{color:red}",
      "assets/lazy-d.js": "export const d = 2;",
    });
    const report = measureBundle(root);
    expect(report.assets.map((asset) => [asset.file, asset.loadedAs])).toEqual([
      ["assets/index-a.js", "script"],
      ["assets/index-c.css", "stylesheet"],
      ["assets/lazy-d.js", "lazy"],
      ["assets/vendor-b.js", "modulepreload"],
    ]);
    expect(report.initial.jsBytes).toBe(1700 + 19);
    expect(report.initial.jsGzipBytes).toBeLessThan(report.initial.jsBytes);
    expect(report.total.jsBytes).toBe(report.initial.jsBytes + 19);
    expect(report.budget.withinBudget).toBe(true);
  });

  it("is over budget when the initial JS does not compress under the budget (110 KB)", () => {
    // Random bytes do not compress, so budget + 1 KB of them stay over the budget after gzip.
    const root = makeDist({ "index.html": page, "assets/index-a.js": randomBytes(INITIAL_JS_BUDGET_GZIP_BYTES + 1024), "assets/vendor-b.js": "", "assets/index-c.css": "" });
    const report = measureBundle(root);
    expect(report.initial.jsGzipBytes).toBeGreaterThan(INITIAL_JS_BUDGET_GZIP_BYTES);
    expect(report.budget.withinBudget).toBe(false);
  });

  it("holds the first load to its target: at most 110 KB gzip of initial JavaScript", () => {
    expect(INITIAL_JS_BUDGET_GZIP_BYTES).toBeLessThanOrEqual(110 * 1024);
  });

  it("names a file index.html refers to but the build does not have", () => {
    const root = makeDist({ "index.html": page, "assets/index-a.js": "", "assets/index-c.css": "" });
    expect(() => measureBundle(root)).toThrow(/vendor-b\.js/);
  });
});
