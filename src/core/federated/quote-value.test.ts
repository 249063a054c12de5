import { describe, expect, it } from "vitest";
import { describeEdgeWhitespace, quoteValue } from "./quote-value";

describe("quoteValue", () => {
  it("short values whole, as JSON", () => {
    expect(quoteValue("repo:a/b")).toBe('"repo:a/b"');
    expect(quoteValue(["a", "b"])).toBe('["a", "b"]');
    expect(quoteValue(undefined)).toBe("nothing");
    expect(quoteValue(3)).toBe("3");
  });
  it("a long string: a prefix and its length, cut between surrogate pairs", () => {
    expect(quoteValue("x".repeat(1 << 20))).toBe(`"${"x".repeat(120)}"… (1,048,576 characters)`);
    const emoji = quoteValue(`${"x".repeat(119)}😀${"y".repeat(200)}`);
    expect(emoji).toBe(`"${"x".repeat(119)}"… (321 characters)`);
  });
  it("a long list by its count; an object by its keys", () => {
    expect(quoteValue(Array.from({ length: 100_000 }, (_, index) => String(index)))).toBe('a list of 100,000 values beginning "0", "1", "2"');
    expect(quoteValue({ a: 1, b: 2 })).toBe("an object with 2 keys");
  });
});

describe("describeEdgeWhitespace", () => {
  it.each([
    ["x ", "ends with a space"],
    ["\tx", "starts with a tab"],
    [" x\u00a0", "starts with a space and ends with a no-break space (U+00A0)"],
    ["x\u200b", "ends with a zero-width space (U+200B)"],
    ["x\u3000", "ends with U+3000"],
  ])("%j → %s", (value, description) => {
    expect(describeEdgeWhitespace(value)).toBe(description);
  });
  it("none", () => {
    expect(describeEdgeWhitespace("a b")).toBeUndefined();
  });
});
