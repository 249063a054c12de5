/**
 * The app taking over the first screen rendered at build time (scripts/prerender-shell.ts): what the
 * user did there before the app's code had loaded is read first, and carried into the app's own
 * render, so nothing typed, opened or focused is lost when React replaces the markup.
 *
 * The app's first render is the very markup the build rendered (the same components, the same
 * state), so an element is found again by its place: child indices from the root, with its tag
 * checked. No test hook is needed, and a build without test ids takes over the same.
 *
 * Why the markup is replaced rather than hydrated (hydrateRoot), which would keep the elements and so
 * focus and selection: hydrating was tried and is not simpler. The markup as shipped is not what React
 * rendered (the build disables the controls outside the Generate form, the boot script relabels an
 * early-pressed Generate), so all of that must be undone first or React drops the markup anyway; React
 * does not carry a <select>'s value or an opened fold into its state on hydration; the early Generate
 * may start only once hydration has finished; and the import tab's unfinished boundary logs an error
 * on every load. Measured against this replacement (fresh loads of both builds alternating, 30
 * each, twice, 2026-12-05, on 2 busy cores), it was no faster: the app took over about 100 ms later
 * at the median, and Generate was enabled no sooner.
 */
import { SHELL_MARKERS } from "./markers";

/** Where an element sits: child indices from the root, and its tag, checked before it is used. */
export interface Place {
  path: number[];
  tagName: string;
}

export interface ShellActivity {
  /** Generate was submitted before the app had loaded (boot.ts marked the form). */
  generateRequested: boolean;
  /** Where the element that had focus sat, to give focus back to the app's element there. */
  focusedPlace?: Place;
  /** Where the caret or selection was in that control, if it holds text. */
  selection?: { start: number; end: number; direction: "forward" | "backward" | "none" };
  /** Where each fold (<details>) the user opened sits. */
  openedFolds: Place[];
}

/** What happened in the prerendered screen; undefined when #root holds none (`npm run dev`, a second render). */
export function readShellActivity(root: HTMLElement): ShellActivity | undefined {
  if (!root.hasAttribute(SHELL_MARKERS.shell)) return undefined;
  const focused = root.ownerDocument.activeElement;
  const inShell = focused !== null && focused !== root && root.contains(focused);
  return {
    generateRequested: root.querySelector(`form[${SHELL_MARKERS.submitted}]`) !== null,
    focusedPlace: inShell ? placeOf(root, focused) : undefined,
    selection: inShell ? readSelection(focused) : undefined,
    openedFolds: Array.from(root.querySelectorAll("details[open]"), (fold) => placeOf(root, fold)),
  };
}

/** The selection of a text field (number fields have none: their selectionStart is null). */
function readSelection(control: Element): ShellActivity["selection"] {
  if (!(control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement)) return undefined;
  if (control.selectionStart === null || control.selectionEnd === null) return undefined;
  return { start: control.selectionStart, end: control.selectionEnd, direction: control.selectionDirection ?? "none" };
}

function placeOf(root: Element, element: Element): Place {
  const path: number[] = [];
  for (let current: Element = element; current !== root && current.parentElement; current = current.parentElement) {
    path.unshift(Array.prototype.indexOf.call(current.parentElement.children, current));
  }
  return { path, tagName: element.tagName };
}

/** The element at that place, if it is of the same kind (the markup may differ: then nothing). */
function atPlace(root: Element, place: Place): Element | undefined {
  let current: Element | undefined = root;
  for (const index of place.path) current = current?.children[index];
  return current !== root && current?.tagName === place.tagName ? current : undefined;
}

/** After React's first render: the root is the app's, and focus, selection and open folds are given back. */
export function finishTakeOver(root: HTMLElement, activity: ShellActivity): void {
  root.removeAttribute(SHELL_MARKERS.shell);
  for (const place of activity.openedFolds) {
    const fold = atPlace(root, place);
    // Setting `open` fires "toggle", which the fold's own handler turns into state.
    if (fold instanceof HTMLDetailsElement && !fold.open) fold.open = true;
  }
  const control = activity.focusedPlace && atPlace(root, activity.focusedPlace);
  if (control instanceof HTMLElement) {
    control.focus({ preventScroll: true });
    // A selection made before the swap is kept, so the next keystroke replaces what was selected.
    const { selection } = activity;
    if (selection && (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) && control.selectionStart !== null) {
      control.setSelectionRange(selection.start, selection.end, selection.direction);
    }
  }
}
