import { describe, expect, it } from "vitest";
import { MAX_SHOWN_VALUE_CHARS } from "./jwt-decode";
import { describeClaims, describeHeaderFields, MAX_SHOWN_TABLE_CHARS } from "./jwt-fields";

describe("a table shows a bounded amount of text, however many long values the token has", () => {
  it("200 claims of 10,000 characters: each is cut and its size said, and the table holds at most its budget plus a short start of each", () => {
    const payload = Object.fromEntries(Array.from({ length: 200 }, (_, index) => [`claim${String(index)}`, "v".repeat(10_000)]));
    const rows = describeClaims(payload, "other", new Date());
    expect(rows).toHaveLength(200);
    expect(rows.every((row) => row.length === 10_000)).toBe(true);
    const shown = rows.reduce((sum, row) => sum + row.value.length, 0);
    expect(shown).toBeLessThanOrEqual(MAX_SHOWN_TABLE_CHARS + 200 * 257);
    // The first values still show as much as one value may.
    expect(rows[0]?.value.length).toBe(MAX_SHOWN_VALUE_CHARS + 1);
    expect(rows[199]?.value).toMatch(/^v{256}…$/);
  });

  it("one long header value (an x5c chain) is shown up to the per-value limit", () => {
    const [row] = describeHeaderFields({ x5c: ["a".repeat(100_000)] }, "other");
    expect(row?.value.length).toBe(MAX_SHOWN_VALUE_CHARS + 1);
    expect(row?.length).toBe(JSON.stringify(["a".repeat(100_000)]).length);
  });
});
