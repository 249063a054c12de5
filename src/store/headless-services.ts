import type { StateStorage } from "zustand/middleware";
import type { SettingsStorage, WorkbenchServices } from "./workbench-services";

/** A storage that forgets everything when the store goes. */
export function memoryStorage(): SettingsStorage & StateStorage {
  const items = new Map<string, string>();
  return {
    getItem: (name) => items.get(name) ?? null,
    setItem: (name, value) => void items.set(name, value),
    removeItem: (name) => void items.delete(name),
  };
}

/**
 * The services away from a browser (unit tests, the build's prerender): nothing is kept between runs,
 * nothing waits for a paint or for idle time, and the page counts as visible, loaded and served by the
 * workbench. A test replaces what it needs to watch (`headlessServices({ settingsStorage })`).
 */
export function headlessServices(replaced: Partial<WorkbenchServices> = {}): WorkbenchServices {
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
    ...replaced,
  };
}
