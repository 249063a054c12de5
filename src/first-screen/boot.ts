/**
 * The first screen's boot script: an entry of its own, built into one small classic script
 * (scripts/prerender-shell.ts) that runs in <head>, after the stylesheet and before <body> is parsed,
 * while the app's own JavaScript is still loading. The page arrives with the first screen already
 * rendered, and this makes it behave as the app will:
 * - the stored theme is applied before the first paint, so a dark page never flashes light;
 * - a Generate submitted before the app is there is not lost: the form is marked and its button
 *   says so, and the app starts that generation the moment it takes over (take-over.ts);
 * - a link to a tab (/#import) selects that tab as soon as the parser has inserted it, as the app
 *   will, so the first screen does not show the other tab until the app loads.
 *
 * Everything it imports is bundled into it, so it may import only small constant modules: the
 * first screen's layer rule in eslint.config.js keeps the crypto libraries out.
 */
import { GENERATE_BUTTON_LABELS } from "@/features/generate/labels";
import { THEME_STORAGE_KEY } from "@/ui/theme-storage";
import { tabElementIdSuffix } from "@/ui/tab-ids";
import { IMPORT_DEEP_LINK } from "./deep-links";
import { SHELL_MARKERS } from "./markers";

try {
  const theme = localStorage.getItem(THEME_STORAGE_KEY);
  if (theme === "light" || theme === "dark") document.documentElement.setAttribute("data-theme", theme);
} catch {
  // Storage blocked (a privacy setting): the system's theme, as the theme control will show.
}

document.addEventListener(
  "submit",
  (event) => {
    const form = event.target;
    // Only the prerendered form: once the app has rendered, its own handler does the work.
    if (!(form instanceof HTMLFormElement) || !form.closest(`[${SHELL_MARKERS.shell}]`)) return;
    // No navigation (the CSP's form-action 'none' would refuse it anyway): the app submits it.
    event.preventDefault();
    if (form.hasAttribute(SHELL_MARKERS.submitted)) return;
    form.setAttribute(SHELL_MARKERS.submitted, "");
    const button = form.querySelector('button[type="submit"]');
    if (button) {
      button.textContent = GENERATE_BUTTON_LABELS.running;
      button.setAttribute("aria-disabled", "true");
    }
  },
  true,
);

/**
 * Selects the linked tab once the parser has put it and every panel of its tab list in the document
 * (WAI-ARIA APG Tabs: aria-selected, one tab stop, the others' panels hidden). The tab is found by its
 * element id (src/ui/tabs.tsx), not a test id, so a build without test ids behaves the same.
 */
function selectLinkedTab(): boolean {
  const suffix = tabElementIdSuffix(IMPORT_DEEP_LINK.tab);
  const linked = Array.from(document.querySelectorAll('[role="tab"]')).find((tab) => tab.id.endsWith(suffix));
  const tabs = linked?.parentElement ? Array.from(linked.parentElement.querySelectorAll('[role="tab"]')) : [];
  const panels = tabs.map((tab) => document.getElementById(tab.getAttribute("aria-controls") ?? ""));
  if (!linked || panels.some((panel) => panel === null)) return false;
  tabs.forEach((tab, index) => {
    const selected = tab === linked;
    tab.setAttribute("aria-selected", String(selected));
    tab.setAttribute("tabindex", selected ? "0" : "-1");
    panels[index]?.toggleAttribute("hidden", !selected);
  });
  return true;
}

if (location.hash === IMPORT_DEEP_LINK.hash && !selectLinkedTab()) {
  // The script runs before <body> is parsed: watch the parser insert the tabs.
  const watch = new MutationObserver(() => {
    if (selectLinkedTab()) watch.disconnect();
  });
  watch.observe(document, { childList: true, subtree: true });
  // Not there once parsed (the markup changed): nothing to select, stop watching.
  document.addEventListener("DOMContentLoaded", () => watch.disconnect());
}
