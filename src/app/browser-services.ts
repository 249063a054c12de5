/**
 * What the store needs from the browser (src/store/workbench-services.ts), in one place: the store
 * itself touches no browser global, so it runs the same in Node under Vitest and in the build's prerender.
 */
import type { WorkbenchServices } from "@/store/workbench-services";

/** Resolves once the browser has painted what the last state change showed (or soon, in a hidden tab). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => setTimeout(resolve, 0);
    // A hidden tab runs no animation frames.
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(fallback);
      done();
    });
  });
}

export function createBrowserServices(): WorkbenchServices {
  return {
    settingsStorage: () => localStorage,
    afterPaint,
    whenIdle: (work) => {
      // Safari has no requestIdleCallback.
      if (typeof requestIdleCallback === "function") requestIdleCallback(work, { timeout: 2000 });
      else setTimeout(work, 200);
    },
    isPageVisible: () => document.visibilityState === "visible",
    watchVisibility: (onChange) => {
      const listener = () => onChange(document.visibilityState !== "hidden");
      document.addEventListener("visibilitychange", listener);
      return () => document.removeEventListener("visibilitychange", listener);
    },
    whenLoaded: (work) => {
      if (document.readyState === "complete") {
        work();
        return () => undefined;
      }
      window.addEventListener("load", work, { once: true });
      return () => window.removeEventListener("load", work);
    },
    openedAsFile: () => location.protocol === "file:",
  };
}
