import { describe, expect, it } from "vitest";
import { jsonNestingDepth } from "./json-nesting";

// Each expected depth is checked against JSON.parse's own reading of the same text (an independent parser).
function parsedDepth(value: unknown): number {
  if (typeof value !== "object" || value === null) return 0;
  return 1 + Math.max(0, ...Object.values(value).map(parsedDepth));
}

describe("jsonNestingDepth", () => {
  it.each([
    ["a bare value", '"x"'],
    ["an empty object", "{}"],
    ["a cnf claim", '{"cnf":{"jwk":{"kty":"RSA"}}}'],
    ["brackets inside strings do not count", '{"a":"{[{[","b":"\\"{"}'],
    ["arrays and objects", '[{"a":[1,[2,{"b":[]}]]}]'],
  ])("%s", (_name, text) => {
    expect(jsonNestingDepth(text)).toBe(parsedDepth(JSON.parse(text)));
  });

  it("measures 50,000 levels without recursion, in well under a second", () => {
    const text = `${'{"a":'.repeat(50_000)}1${"}".repeat(50_000)}`;
    const started = performance.now();
    expect(jsonNestingDepth(text)).toBe(50_000);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
