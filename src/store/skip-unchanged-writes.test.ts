import { describe, expect, it, vi } from "vitest";
import { skipUnchangedWrites } from "./skip-unchanged-writes";

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: vi.fn((name: string) => items.get(name) ?? null),
    setItem: vi.fn((name: string, value: string) => void items.set(name, value)),
    removeItem: vi.fn((name: string) => void items.delete(name)),
  };
}

describe("skipUnchangedWrites", () => {
  it("writes a new text, skips the same text again, and writes again after a change or a removal", () => {
    const backing = memoryStorage();
    const storage = skipUnchangedWrites(backing);
    void storage.setItem("k", "a");
    void storage.setItem("k", "a");
    expect(backing.setItem).toHaveBeenCalledTimes(1);
    void storage.setItem("k", "b");
    void storage.setItem("other", "b");
    expect(backing.setItem).toHaveBeenCalledTimes(3);
    void storage.removeItem("k");
    void storage.setItem("k", "b");
    expect(backing.setItem).toHaveBeenCalledTimes(4);
    expect(storage.getItem("k")).toBe("b");
  });

  it("tries a write again when the last one threw (storage full), instead of taking it as done", () => {
    const backing = memoryStorage();
    backing.setItem.mockImplementationOnce(() => {
      throw new DOMException("full", "QuotaExceededError");
    });
    const storage = skipUnchangedWrites(backing);
    expect(() => storage.setItem("k", "a")).toThrow("full");
    void storage.setItem("k", "a");
    expect(backing.setItem).toHaveBeenCalledTimes(2);
    expect(backing.getItem("k")).toBe("a");
  });
});
