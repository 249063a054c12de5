import { useEffect } from "react";

/**
 * Asks the browser to confirm leaving the page while a key exists only in this page's memory:
 * closing or reloading would lose it for good.
 */
export function UnsavedKeyGuard({ active }: { active: boolean }) {
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need returnValue set to show the prompt.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [active]);
  return null;
}
