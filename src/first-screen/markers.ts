/**
 * The attributes by which the first screen rendered at build time (scripts/prerender-shell.ts), its
 * boot script (boot.ts) and the app taking over from it (take-over.ts) recognise each other.
 */
export const SHELL_MARKERS = {
  /** On #root while it holds the markup rendered at build time; gone once React has rendered. */
  shell: "data-prerendered",
  /** On the shell's Generate form once it was submitted before the app's code had loaded. */
  submitted: "data-submitted-early",
} as const;

export type ShellMarkers = typeof SHELL_MARKERS;
