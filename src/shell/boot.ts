/**
 * The first screen's boot script (issue 13: Generate works as soon as the page is parsed). The page
 * ships the journey's first screen already rendered (scripts/prerender-shell.ts), and this runs, as a
 * small classic script in <head>, before the app's own JavaScript has loaded:
 * - the stored theme is applied before the first paint, so a dark page never flashes light;
 * - a Generate submitted before the app is there is not lost: the form is marked and its button
 *   says so, and the app starts that generation the moment it takes over (take-over.ts);
 * - a link to a tab (/#import) selects that tab in the markup as soon as the parser has inserted it,
 *   as the app will, so the first screen does not show the other tab until the app loads.
 *
 * The build ships this function's source text (`String(bootPrerenderedShell)`), so it must not use
 * anything from outside its body: no imports, no helpers, only its arguments.
 */
import type { ShellMarkers } from "./markers";

export function bootPrerenderedShell(page: Document, themeStorageKey: string, markers: ShellMarkers, runningLabel: string, tabLink: { hash: string; tabTestId: string }): void {
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
  // The script runs in <head>, before <body> is parsed: the tab is selected once the parser has put it
  // and its panels in the document (WAI-ARIA APG Tabs: aria-selected, one tab stop, the others' panels hidden).
  if (page.location?.hash !== tabLink.hash) return;
  const selectLinkedTab = (): boolean => {
    const linked = page.querySelector(`[role="tab"][data-testid="${tabLink.tabTestId}"]`);
    const tabs = linked?.parentElement ? Array.from(linked.parentElement.querySelectorAll('[role="tab"]')) : [];
    const panels = tabs.map((tab) => page.getElementById(tab.getAttribute("aria-controls") ?? ""));
    if (!linked || panels.some((panel) => panel === null)) return false;
    tabs.forEach((tab, index) => {
      const selected = tab === linked;
      tab.setAttribute("aria-selected", String(selected));
      tab.setAttribute("tabindex", selected ? "0" : "-1");
      panels[index]?.toggleAttribute("hidden", !selected);
    });
    return true;
  };
  if (selectLinkedTab()) return;
  const watch = new MutationObserver(() => {
    if (selectLinkedTab()) watch.disconnect();
  });
  watch.observe(page, { childList: true, subtree: true });
  // Not there once parsed (the markup changed): nothing to select, stop watching.
  page.addEventListener("DOMContentLoaded", () => watch.disconnect());
}
