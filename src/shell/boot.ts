/**
 * The first screen's boot script (issue 13: Generate works as soon as the page is parsed). The page
 * ships the journey's first screen already rendered (scripts/prerender-shell.ts), and this runs, as a
 * small classic script in <head>, before the app's own JavaScript has loaded:
 * - the stored theme is applied before the first paint, so a dark page never flashes light;
 * - a Generate submitted before the app is there is not lost: the form is marked and its button
 *   says so, and the app starts that generation the moment it takes over (take-over.ts).
 *
 * The build ships this function's source text (`String(bootPrerenderedShell)`), so it must not use
 * anything from outside its body: no imports, no helpers, only its arguments.
 */
import type { ShellMarkers } from "./markers";

export function bootPrerenderedShell(page: Document, themeStorageKey: string, markers: ShellMarkers, runningLabel: string): void {
  try {
    const theme = page.defaultView?.localStorage.getItem(themeStorageKey);
    if (theme === "light" || theme === "dark") page.documentElement.setAttribute("data-theme", theme);
  } catch {
    // Storage blocked (a privacy setting): the system's theme, as the theme control will show.
  }
  page.addEventListener(
    "submit",
    (event) => {
      const form = event.target as Element | null;
      // Only the prerendered form: once the app has rendered, its own handler does the work.
      if (!form || form.tagName !== "FORM" || !form.closest(`[${markers.shell}]`)) return;
      // No navigation (the CSP's form-action 'none' would refuse it anyway): the app submits it.
      event.preventDefault();
      if (form.hasAttribute(markers.submitted)) return;
      form.setAttribute(markers.submitted, "");
      const button = form.querySelector('button[type="submit"]');
      if (button) {
        button.textContent = runningLabel;
        button.setAttribute("aria-disabled", "true");
      }
    },
    true,
  );
}
