import { existsSync } from "node:fs";
import { findChromium } from "./chromium";

export default function globalSetup(): void {
  findChromium();
  if (!existsSync("dist/index.html")) {
    throw new Error("dist/ is missing: run `npm run build` first (`npm test` does it for you).");
  }
}
