import { describe, expect, it } from "vitest";
import { lazyActions } from "./lazy-actions";

interface Actions {
  add: (amount: number) => Promise<void>;
  reset: () => Promise<void>;
}

describe("lazyActions", () => {
  it("loads the actions once, on the first call, and passes the arguments through in call order", async () => {
    let loads = 0;
    const seen: string[] = [];
    const action = lazyActions<Actions>(async () => {
      loads += 1;
      return {
        add: async (amount) => void seen.push(`add ${String(amount)}`),
        reset: async () => void seen.push("reset"),
      };
    });
    const add = action("add");
    const reset = action("reset");
    expect(loads).toBe(0);
    await Promise.all([add(1), reset(), add(2)]);
    expect(loads).toBe(1);
    expect(seen).toEqual(["add 1", "reset", "add 2"]);
  });

  it("tries the load again on the next call after a failed one", async () => {
    let attempts = 0;
    const action = lazyActions<Pick<Actions, "reset">>(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error("Failed to fetch dynamically imported module");
      return { reset: async () => undefined };
    });
    const reset = action("reset");
    await expect(reset()).rejects.toThrow("Failed to fetch");
    await expect(reset()).resolves.toBeUndefined();
    expect(attempts).toBe(2);
  });
});
