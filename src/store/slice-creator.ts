import type { StoreApi } from "zustand";
import type { WorkbenchState } from "./workbench-store";

/**
 * Like zustand's StateCreator, but `set` takes only the slice's own fields: a slice that writes
 * another slice's field does not compile. What a slice must change elsewhere it asks for through
 * that slice's action, or a notification the other slice reacts to (credential-changed.ts).
 * `get` still reads the whole page.
 */
export type SliceCreator<Slice> = (
  set: SetOwnFields<Slice>,
  get: () => WorkbenchState,
  store: StoreApi<WorkbenchState>,
) => Slice;

/**
 * What an update function may return: the slice's own fields. Another slice's field is refused by
 * its `never` type (an object passed directly is refused by TypeScript's excess property check).
 */
export type OwnFields<Slice> = Partial<Slice> & { [Field in Exclude<keyof WorkbenchState, keyof Slice>]?: never };

/** zustand's `set`, narrowed to the slice's own fields (an object, or a function of the page's state). */
export type SetOwnFields<Slice> = (partial: Partial<Slice> | ((state: WorkbenchState) => OwnFields<Slice>)) => void;
