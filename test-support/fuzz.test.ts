import fc from "fast-check";
import { describe, expect, it, onTestFinished } from "vitest";
import { FIXED_FUZZ_SEED, fuzzAssert, fuzzRuns } from "./fuzz";

describe("fuzzAssert", () => {
  it("passes a property that holds, running the fixed budget", async () => {
    let runs = 0;
    await fuzzAssert("self-test-holds", fc.property(fc.string(), (text) => {
      runs++;
      return text.length >= 0;
    }), 25);
    expect(runs).toBe(fuzzRuns(25));
  });

  it("fails a property that does not hold, naming the seed", async () => {
    // Not a long run even under `npm run fuzz`: this deliberate failure must not be saved as a regression.
    const mode = process.env.FUZZ;
    delete process.env.FUZZ;
    onTestFinished(() => {
      if (mode !== undefined) process.env.FUZZ = mode;
    });
    await expect(fuzzAssert("self-test-fails", fc.property(fc.integer(), (value) => value < 10))).rejects.toThrow(String(FIXED_FUZZ_SEED));
  });
});
