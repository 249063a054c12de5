import { existsSync } from "node:fs";
import type { LaunchOptions } from "@playwright/test";
import { chromium } from "@playwright/test";

/** Flags that keep Chromium from reaching out to the network on its own (there is no internet here). */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** Finds a Chromium: CHROMIUM_PATH, then Debian's /usr/bin/chromium, then Playwright's own if installed. */
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"];
  for (const candidate of candidates) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // Playwright has no browser of its own installed; fall through to the message below.
  }
  throw new Error(
    "No Chromium found for the end-to-end tests. Install one (Debian/Ubuntu: `sudo apt-get install chromium`), " +
      "or point CHROMIUM_PATH at a Chromium or Chrome binary, or run `npx playwright install chromium` where the internet is reachable.",
  );
}

export function chromiumLaunchOptions(): LaunchOptions {
  return { executablePath: findChromium(), args: CHROMIUM_FLAGS };
}
