import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { applyInlineHashesToCsp, cspHashSource, findInlineBlocks, rewritePolicy } from "./build-single";

const page = `<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; base-uri 'none'" />
<script type="module" crossorigin>console.log("app")</script>
<style rel="stylesheet" crossorigin>body{color:red}</style>
<script src="/elsewhere.js"></script>
</head><body></body></html>`;

describe("single-file CSP", () => {
  it("finds inline scripts and styles, not external scripts", () => {
    expect(findInlineBlocks(page)).toEqual({ scripts: ['console.log("app")'], styles: ["body{color:red}"] });
  });

  it("hashes the exact text as CSP3 hash-source (base64 SHA-256)", () => {
    expect(cspHashSource("")).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    expect(cspHashSource("body{color:red}")).toBe(`'sha256-${createHash("sha256").update("body{color:red}").digest("base64")}'`);
  });

  it("replaces script-src and style-src with hashes, closes connect-src and allows only blob: workers, keeping the rest", () => {
    const policy = rewritePolicy("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; worker-src 'self'; base-uri 'none'", { scripts: ["a", "a"], styles: ["b"] });
    expect(policy).toBe(`default-src 'none'; script-src ${cspHashSource("a")}; style-src ${cspHashSource("b")}; connect-src 'none'; worker-src blob:; base-uri 'none'`);
    expect(policy).not.toContain("unsafe-inline");
  });

  it("adds the directives a policy lacks", () => {
    expect(rewritePolicy("default-src 'none'", { scripts: [], styles: [] })).toBe("default-src 'none'; script-src 'none'; style-src 'none'; connect-src 'none'; worker-src blob:");
  });

  it("rewrites the meta tag of a page, and refuses a page without one", () => {
    const rewritten = applyInlineHashesToCsp(page);
    expect(rewritten).toContain(`script-src ${cspHashSource('console.log("app")')};`);
    expect(rewritten).toContain(`style-src ${cspHashSource("body{color:red}")};`);
    expect(rewritten).toContain('<script type="module" crossorigin>console.log("app")</script>');
    expect(() => applyInlineHashesToCsp("<html><script>1</script></html>")).toThrow(/no Content-Security-Policy meta tag/);
  });
});
