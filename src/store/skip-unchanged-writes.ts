import type { StateStorage } from "zustand/middleware";

/**
 * A storage that skips a write of the same text as the last one. zustand's persist middleware writes
 * after every change of any slice, while only the settings are stored: without this, each step of a
 * generation would rewrite localStorage on the way to the thumbprint.
 */
export function skipUnchangedWrites(storage: Pick<Storage, "getItem" | "setItem" | "removeItem">): StateStorage {
  const written = new Map<string, string>();
  return {
    getItem: (name) => storage.getItem(name),
    setItem: (name, value) => {
      if (written.get(name) === value) return;
      storage.setItem(name, value);
      written.set(name, value);
    },
    removeItem: (name) => {
      written.delete(name);
      storage.removeItem(name);
    },
  };
}
