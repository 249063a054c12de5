import { describe, expect, it } from "vitest";
import { createStore } from "zustand/vanilla";
import { skipUnchangedSets } from "./skip-unchanged-sets";

interface Counter {
  count: number;
  label?: string;
  items: string[];
}

function storeWithCalls() {
  const store = createStore<Counter>()(() => ({ count: 0, label: undefined, items: [] }));
  let notified = 0;
  store.subscribe(() => {
    notified += 1;
  });
  const set = skipUnchangedSets(store.setState, store.getState);
  return { store, set, notified: () => notified };
}

describe("skipUnchangedSets", () => {
  it("tells no listener about a set that changes nothing (same values, also an undefined field set to undefined)", () => {
    const { set, notified } = storeWithCalls();
    set({ count: 0 });
    set({ label: undefined });
    set((state) => ({ items: state.items }));
    expect(notified()).toBe(0);
  });

  it("passes on a set that changes any field, with every field it names", () => {
    const { store, set, notified } = storeWithCalls();
    set({ count: 0, label: "new" });
    expect(store.getState()).toMatchObject({ count: 0, label: "new" });
    // A new array with the same contents is a change: listeners compare by identity, as zustand does.
    set({ items: [] });
    set((state) => ({ count: state.count + 1 }));
    expect(store.getState().count).toBe(1);
    expect(notified()).toBe(3);
  });
});
