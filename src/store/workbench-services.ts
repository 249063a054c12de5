import type { StateStorage } from "zustand/middleware";

/** What the settings are kept in between visits (the page's localStorage). */
export type SettingsStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/**
 * What the store needs from the place it runs in. The page passes the browser's (src/app/browser-services.ts);
 * without them (unit tests, the build's prerender) nothing is kept between runs, nothing waits for a paint
 * or for idle time, and the page counts as always visible and served by the workbench.
 */
export interface WorkbenchServices {
  /** Where the settings are kept; read on first use (a browser may refuse localStorage). Without it, in memory. */
  settingsStorage: () => SettingsStorage;
  /** Resolves once the browser has painted what the last state change showed. */
  afterPaint: () => Promise<void>;
  /** Runs `work` once the page is idle. */
  whenIdle: (work: () => void) => void;
  /** Whether the page is on screen (a hidden tab makes no key in advance). */
  isPageVisible: () => boolean;
  /** Calls `onChange` each time the page is hidden or shown again; returns a function that stops. */
  watchVisibility: (onChange: (visible: boolean) => void) => () => void;
  /** Runs `work` once the page has loaded (at once if it has); returns a function that cancels. */
  whenLoaded: (work: () => void) => () => void;
  /** True when the page was opened as a file (file:), where no server answers and so no proxy. */
  openedAsFile: () => boolean;
}

/** A storage that forgets everything when the store goes: the default away from the browser. */
export function memoryStorage(): SettingsStorage & StateStorage {
  const items = new Map<string, string>();
  return {
    getItem: (name) => items.get(name) ?? null,
    setItem: (name, value) => void items.set(name, value),
    removeItem: (name) => void items.delete(name),
  };
}

/** The services away from a browser; each may be replaced (`createWorkbenchStore({ ... })`). */
export function headlessServices(): WorkbenchServices {
  const storage = memoryStorage();
  return {
    settingsStorage: () => storage,
    afterPaint: () => new Promise((resolve) => setTimeout(resolve, 0)),
    whenIdle: (work) => void setTimeout(work, 0),
    isPageVisible: () => true,
    watchVisibility: () => () => undefined,
    whenLoaded: (work) => {
      work();
      return () => undefined;
    },
    openedAsFile: () => false,
  };
}
