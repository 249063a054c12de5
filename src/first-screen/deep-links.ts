/**
 * Links into the page: /#import opens step 1 on "Use existing", /#troubleshoot opens the optional
 * section, and a link to anything inside a fold (/#token, /#inspect) opens what hides it and scrolls
 * there. One home for the rule, read by the app (src/app.tsx) and by the first screen's boot script
 * (boot.ts), which selects the tab in the prerendered markup so a first visit does not show
 * "Create new" until the app loads.
 */
import { openFoldsAround } from "@/ui/reveal";

export const IMPORT_DEEP_LINK = { hash: "#import", tab: "existing" } as const;

/** The id of the optional "Check and troubleshoot" section (src/app.tsx), whose panels load after the first screen. */
export const OPTIONAL_SECTION_ID = "troubleshoot";

/**
 * How long a link to a part not yet on the page is watched for: the optional section's panels load
 * their code after the first screen, and a slow machine may take a while; bounded, so a link to an id
 * that never comes does not watch the page for ever.
 */
const ARRIVAL_WAIT_MS = 60_000;

/**
 * How long a linked part is kept at the top of the view while the panels above and below it are still
 * arriving (each changes the page's height, and the part would drift away); any scroll, key or pointer
 * of the user's ends it at once, so nothing moves under a person who has started reading.
 */
const KEEP_IN_VIEW_MS = 5_000;

/** The tab step 1 opens on for this address: "Use existing" for /#import, otherwise `fallback`. */
export function linkedCreateTab(hash: string, fallback: string): string {
  return hash === IMPORT_DEEP_LINK.hash ? IMPORT_DEEP_LINK.tab : fallback;
}

export interface DeepLinkHandlers {
  /** Select a tab of step 1 (the import form's, for /#import). */
  selectCreateTab: (tab: string) => void;
  /** Open the optional section (its fold is the app's state). */
  openOptionalSection: () => void;
}

/**
 * Follows the address's fragment now and on every later change (hashchange): selects the linked tab,
 * opens the folds around the target and scrolls it into view, waiting for it if its code is still
 * loading. Returns the function that stops following.
 */
export function followDeepLinks(page: Window, handlers: DeepLinkHandlers): () => void {
  const document = page.document;
  let waiting: { observer: MutationObserver; timer: ReturnType<typeof setTimeout> } | undefined;
  const stopWaiting = () => {
    waiting?.observer.disconnect();
    clearTimeout(waiting?.timer);
    waiting = undefined;
  };
  let stopKeeping: (() => void) | undefined;
  const keepInView = (target: HTMLElement) => {
    stopKeeping?.();
    const ResizeObserverOfPage = (page as Window & { ResizeObserver?: typeof ResizeObserver }).ResizeObserver;
    if (!ResizeObserverOfPage) return;
    const resized = new ResizeObserverOfPage(() => target.scrollIntoView({ block: "start" }));
    resized.observe(document.body);
    const userEvents = ["wheel", "touchstart", "keydown", "pointerdown"] as const;
    const stop = () => {
      resized.disconnect();
      clearTimeout(timer);
      for (const name of userEvents) page.removeEventListener(name, stop, true);
      if (stopKeeping === stop) stopKeeping = undefined;
    };
    const timer = setTimeout(stop, KEEP_IN_VIEW_MS);
    for (const name of userEvents) page.addEventListener(name, stop, { capture: true, passive: true });
    stopKeeping = stop;
  };
  const show = (target: HTMLElement) => {
    if (openFoldsAround(target)) handlers.openOptionalSection();
    target.scrollIntoView({ block: "start" });
    keepInView(target);
  };
  const reveal = () => {
    stopWaiting();
    const id = decodeURIComponent(page.location.hash.slice(1));
    if (id === "") return;
    if (`#${id}` === IMPORT_DEEP_LINK.hash) handlers.selectCreateTab(IMPORT_DEEP_LINK.tab);
    if (id === OPTIONAL_SECTION_ID) handlers.openOptionalSection();
    const target = document.getElementById(id);
    if (target) return show(target);
    // A part of the optional section renders after the first screen and loads its code then: on a
    // first visit to /#token it is not there yet, so it is shown when it arrives.
    const observer = new MutationObserver(() => {
      const arrived = document.getElementById(id);
      if (!arrived) return;
      stopWaiting();
      show(arrived);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    waiting = { observer, timer: setTimeout(stopWaiting, ARRIVAL_WAIT_MS) };
  };
  reveal();
  page.addEventListener("hashchange", reveal);
  return () => {
    stopWaiting();
    stopKeeping?.();
    page.removeEventListener("hashchange", reveal);
  };
}
