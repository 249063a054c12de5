/**
 * Where the chosen theme is kept. Read by the theme control and, before the page's code has loaded,
 * by the first screen's boot script (src/first-screen/boot.ts), so a dark page never flashes light.
 */
export type Theme = "system" | "light" | "dark";

export const THEME_STORAGE_KEY = "credential-workbench.theme";

/** A stored "light" or "dark"; anything else (nothing stored, a hand-edited value) is the system's choice. */
export function parseStoredTheme(stored: string | null | undefined): Theme {
  return stored === "light" || stored === "dark" ? stored : "system";
}

export function readStoredTheme(): Theme {
  // No storage when the first screen is rendered ahead at build time (scripts/prerender-shell.ts).
  if (typeof localStorage === "undefined") return "system";
  return parseStoredTheme(localStorage.getItem(THEME_STORAGE_KEY));
}
