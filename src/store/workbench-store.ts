/**
 * The store's one binding to React: the page's store (create-workbench-store.ts) is handed down
 * through a context, and components read it with narrow selectors. The only file in src/store that
 * imports React (eslint.config.js).
 */
import { createContext, createElement, useContext, type ReactNode } from "react";
import { useStore } from "zustand";
import type { WorkbenchState, WorkbenchStore } from "./create-workbench-store";
// The panels that load after the first screen reach the whole store through this file, as the page's
// entry does: the bundler then keeps the store in the first screen's main script instead of splitting
// it into many small files, which compress worse (about 4 KB more gzip).
import "./create-workbench-store";

const WorkbenchStoreContext = createContext<WorkbenchStore | undefined>(undefined);

/** Gives the components below it this store (main.tsx: the page's; a test or the prerender: its own). */
export function WorkbenchStoreProvider({ store, children }: { store: WorkbenchStore; children?: ReactNode }) {
  return createElement(WorkbenchStoreContext.Provider, { value: store }, children);
}

/** The store itself, for the few places that read it once (getState) rather than subscribe. */
export function useWorkbenchStoreApi(): WorkbenchStore {
  const store = useContext(WorkbenchStoreContext);
  if (!store) throw new Error("No WorkbenchStoreProvider above this component.");
  return store;
}

/** Reads what `selector` picks from the page's state, and renders again when that changes. */
export function useWorkbenchStore<Selected>(selector: (state: WorkbenchState) => Selected): Selected {
  return useStore(useWorkbenchStoreApi(), selector);
}
