import { existsSync } from "node:fs";
import { resolve } from "node:path";

/** Where `npm run build:single` writes the page as one HTML file that works opened from disk. */
const SINGLE_FILE = resolve("dist-single/credential-workbench.html");

/**
 * The single-file build's path. A missing build fails the test rather than skipping it: `npm test` builds it
 * before the e2e specs, so a skip would let a broken `build:single` pass unnoticed.
 */
export function requireSingleFileBuild(): string {
  if (!existsSync(SINGLE_FILE)) throw new Error("dist-single/credential-workbench.html is missing: run `npm run build:single` first (`npm test` runs it before the e2e specs).");
  return SINGLE_FILE;
}
