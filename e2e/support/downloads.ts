import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { revealTestId } from "./journey";

export function createDownloadFolder(): string {
  return mkdtempSync(join(tmpdir(), "cw-e2e-"));
}

/** Clicks a page's own download button, saves the file in `folder`, returns its suggested name and bytes. */
export async function downloadThroughPage(page: Page, testId: string, folder: string): Promise<{ fileName: string; path: string; contents: Buffer }> {
  // The other formats sit in a fold, as the user finds them: open it first.
  await revealTestId(page, testId);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  const fileName = download.suggestedFilename();
  const path = join(folder, fileName);
  await download.saveAs(path);
  return { fileName, path, contents: readFileSync(path) };
}

/** Generates a credential through the page and waits until its thumbprint is shown. */
export async function generateThroughPage(page: Page): Promise<string> {
  const previous = await page.getByTestId("thumbprint-sha1").textContent({ timeout: 100 }).catch(() => null);
  // With an unsaved key on the page, Generate asks before replacing it.
  const unsaved = await page.getByTestId("unsaved-key-warning").isVisible();
  await page.getByTestId("generate").click();
  if (unsaved) await page.getByTestId("confirm-replace-key").click();
  await page.waitForFunction(
    (old) => {
      const text = document.querySelector('[data-testid="thumbprint-sha1"]')?.textContent;
      return text && text !== old;
    },
    previous,
    { timeout: 60_000 },
  );
  return (await page.getByTestId("thumbprint-sha1").textContent()) ?? "";
}
