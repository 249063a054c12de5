/** What the settings are kept in between visits (the page's localStorage). */
export type SettingsStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/**
 * What the store needs from the place it runs in: the page passes the browser's (src/app/browser-services.ts),
 * unit tests and the build's prerender the headless ones (headless-services.ts).
 */
export interface WorkbenchServices {
  /** Where the settings are kept; read on first use (a browser may refuse localStorage). */
  settingsStorage: () => SettingsStorage;
  /** Resolves once the browser has painted what the last state change showed. */
  afterPaint: () => Promise<void>;
  /** Runs `work` once the page is idle. */
  whenIdle: (work: () => void) => void;
  /** Whether the page is on screen (a hidden tab makes no key in advance). */
  isPageVisible: () => boolean;
  /** Calls `onChange` each time the page is hidden or shown again; returns a function that stops. */
  watchVisibility: (onChange: (visible: boolean) => void) => () => void;
  /** Runs `work` once the page has loaded (at once if it has); returns a function that cancels. */
  whenLoaded: (work: () => void) => () => void;
  /** True when the page was opened as a file (file:), where no server answers and so no proxy. */
  openedAsFile: () => boolean;
}
