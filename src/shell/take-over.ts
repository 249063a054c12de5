/**
 * The app taking over the first screen rendered at build time (scripts/prerender-shell.ts): what the
 * user did there before the app's code had loaded is read first, and carried into the app's own
 * render, so nothing typed, opened or focused is lost when React replaces the markup.
 */
import { SHELL_MARKERS } from "./markers";

export interface ShellActivity {
  /** Generate was submitted before the app had loaded (boot.ts marked the form). */
  generateRequested: boolean;
  /** The data-testid of the control that had focus, to give it back. */
  focusedTestId?: string;
  /**
   * Where the focused element sat, as child indices from the root, and its tag: for what has no test
   * id (a fold's summary, a section link). The app's first render is the same markup, so the same
   * place holds the same element; the tag is checked before focus is given.
   */
  focusedPlace?: { path: number[]; tagName: string };
  /** Where the caret or selection was in that control, if it holds text. */
  selection?: { start: number; end: number; direction: "forward" | "backward" | "none" };
  /** The data-testid of each fold (<details>) the user opened. */
  openedFoldTestIds: string[];
}

/** What happened in the prerendered screen; undefined when #root holds none (`npm run dev`, a second render). */
export function readShellActivity(root: HTMLElement): ShellActivity | undefined {
  if (!root.hasAttribute(SHELL_MARKERS.shell)) return undefined;
  const focused = root.ownerDocument.activeElement;
  const inShell = focused !== null && root.contains(focused);
  return {
    generateRequested: root.querySelector(`form[${SHELL_MARKERS.submitted}]`) !== null,
    focusedTestId: inShell ? (focused.getAttribute("data-testid") ?? undefined) : undefined,
    focusedPlace: inShell ? { path: childPath(root, focused), tagName: focused.tagName } : undefined,
    selection: inShell ? readSelection(focused) : undefined,
    openedFoldTestIds: Array.from(root.querySelectorAll("details[open][data-testid]"), (fold) => fold.getAttribute("data-testid") ?? ""),
  };
}

/** The selection of a text field (number fields have none: their selectionStart is null). */
function readSelection(control: Element): ShellActivity["selection"] {
  if (!(control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement)) return undefined;
  if (control.selectionStart === null || control.selectionEnd === null) return undefined;
  return { start: control.selectionStart, end: control.selectionEnd, direction: control.selectionDirection ?? "none" };
}

function childPath(root: Element, element: Element): number[] {
  const path: number[] = [];
  for (let current: Element = element; current !== root && current.parentElement; current = current.parentElement) {
    path.unshift(Array.prototype.indexOf.call(current.parentElement.children, current));
  }
  return path;
}

function atPath(root: Element, place: { path: number[]; tagName: string }): Element | undefined {
  let current: Element | undefined = root;
  for (const index of place.path) current = current?.children[index];
  return current?.tagName === place.tagName ? current : undefined;
}

/** By comparison rather than a selector: a test id needs no escaping this way. */
function byTestId(root: HTMLElement, testId: string): Element | undefined {
  return Array.from(root.querySelectorAll("[data-testid]")).find((element) => element.getAttribute("data-testid") === testId);
}

/** After React's first render: the root is the app's, and focus and open folds are given back. */
export function finishTakeOver(root: HTMLElement, activity: ShellActivity): void {
  root.removeAttribute(SHELL_MARKERS.shell);
  for (const testId of activity.openedFoldTestIds) {
    const fold = byTestId(root, testId);
    // Setting `open` fires "toggle", which the fold's own handler turns into state.
    if (fold instanceof HTMLDetailsElement && !fold.open) fold.open = true;
  }
  const control = activity.focusedTestId ? byTestId(root, activity.focusedTestId) : activity.focusedPlace && atPath(root, activity.focusedPlace);
  if (control instanceof HTMLElement) {
    control.focus({ preventScroll: true });
    // A selection made before the swap is kept, so the next keystroke replaces what was selected.
    const { selection } = activity;
    if (selection && (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) && control.selectionStart !== null) {
      control.setSelectionRange(selection.start, selection.end, selection.direction);
    }
  }
}
