import type { StoreApi } from "zustand/vanilla";
import type { WorkbenchState } from "./create-workbench-store";
import type { KeyPoolScheduler } from "./key-pool-scheduler";
import type { WorkbenchServices } from "./workbench-services";

/**
 * What the slices of one store share, made once per store by createWorkbenchStore: what the store
 * needs from where it runs, and the state that belongs to no one field (a second store, in a test,
 * shares none of it).
 */
export interface SliceContext {
  services: WorkbenchServices;
  /** The key made in advance for the next Generate. */
  keyPool: KeyPoolScheduler;
  /**
   * Starts a change of the page's credential (generate, import, remove). The returned check tells
   * whether it is still the latest one, so a slow generation cannot overwrite a later import.
   */
  beginCredentialChange: () => () => boolean;
}

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
  context: SliceContext,
) => Slice;

/**
 * What an update function may return: the slice's own fields. Another slice's field is refused by
 * its `never` type (an object passed directly is refused by TypeScript's excess property check).
 */
export type OwnFields<Slice> = Partial<Slice> & { [Field in Exclude<keyof WorkbenchState, keyof Slice>]?: never };

/** zustand's `set`, narrowed to the slice's own fields (an object, or a function of the page's state). */
export type SetOwnFields<Slice> = (partial: Partial<Slice> | ((state: WorkbenchState) => OwnFields<Slice>)) => void;
