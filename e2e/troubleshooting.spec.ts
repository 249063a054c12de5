import { expect, test } from "@playwright/test";
import { generateThroughPage } from "./support/downloads";

test("replacing an unsaved key: Keep it is the focused safe default, Replace is styled as the destructive choice", async ({ page }) => {
  await page.goto("/");
  await generateThroughPage(page);
  await page.getByTestId("generate").click();
  const keep = page.getByTestId("keep-unsaved-key");
  await expect(keep).toBeFocused();
  // Keep it comes first; the destructive choice is drawn in the page's danger colour, not the accent.
  const order = await page.getByTestId("confirm-replace").getByRole("button").allTextContents();
  expect(order).toEqual(["Keep it", "Replace the unsaved key"]);
  const colours = await page.evaluate(() => {
    const probe = document.createElement("span");
    probe.style.color = "var(--cw-danger)";
    document.body.append(probe);
    const danger = getComputedStyle(probe).color;
    probe.remove();
    const replace = document.querySelector('[data-testid="confirm-replace-key"]');
    return { danger, replace: replace ? getComputedStyle(replace).color : "", border: replace ? getComputedStyle(replace).borderTopColor : "" };
  });
  expect(colours.replace).toBe(colours.danger);
  expect(colours.border).toBe(colours.danger);
  // Enter on the default keeps the key: the question goes, the certificate stays.
  const before = await page.getByTestId("thumbprint-sha1").textContent();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("confirm-replace")).toBeHidden();
  await expect(page.getByTestId("thumbprint-sha1")).toHaveText(before ?? "");
});
