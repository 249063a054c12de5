import type { Page } from "@playwright/test";

/** Opens a fold of the page (a <details> found by its data-testid) the way a user does: by clicking its summary. */
export async function openFold(page: Page, testId: string): Promise<void> {
  const fold = page.getByTestId(testId);
  if ((await fold.getAttribute("open")) === null) await fold.locator(":scope > summary").click();
}

/** Opens the optional "Check and troubleshoot" section, where the assertion, token request, Inspect and recipes live. */
export async function openTroubleshooting(page: Page): Promise<void> {
  await openFold(page, "troubleshoot-toggle");
}

/** Step 1's "Use existing" tab: the import form. */
export async function useExisting(page: Page): Promise<void> {
  await page.getByTestId("tab-existing").click();
}

/** Opens, by clicking their summaries, every closed fold around an element, so it can be clicked or typed into. */
export async function revealTestId(page: Page, testId: string): Promise<void> {
  const summaries = await page.getByTestId(testId).evaluate((element) => {
    const closed: string[] = [];
    for (let node = element.parentElement; node; node = node.parentElement) {
      if (node instanceof HTMLDetailsElement && !node.open) closed.unshift(node.getAttribute("data-testid") ?? "");
    }
    return closed;
  });
  for (const fold of summaries) {
    if (fold === "") throw new Error(`${testId} sits in a fold without a data-testid`);
    await openFold(page, fold);
  }
}
