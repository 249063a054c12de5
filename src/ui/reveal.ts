/** Whether the user asked the system for less motion (then scrolling jumps instead of gliding). */
export function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

/** Opens every closed <details> around an element so a link to it lands on something visible; true if any was opened. */
export function openFoldsAround(element: Element): boolean {
  let opened = false;
  for (let node = element.parentElement; node; node = node.parentElement) {
    if (node instanceof HTMLDetailsElement && !node.open) {
      node.open = true;
      opened = true;
    }
  }
  return opened;
}
