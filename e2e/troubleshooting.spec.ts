import { expect, test } from "@playwright/test";
import { generateThroughPage } from "./support/downloads";
import { openFold, openTroubleshooting, revealTestId } from "./support/journey";

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

test("one time format throughout: the certificate's dates, the assertion's claims and its checks all write YYYY-MM-DD HH:MM:SS UTC", async ({ page }) => {
  const moment = /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/;
  await page.goto("/");
  await generateThroughPage(page);
  await openFold(page, "certificate-details");
  await expect(page.getByTestId("cert-not-after")).toHaveText(new RegExp(`^${moment.source}`));
  await openTroubleshooting(page);
  await page.getByTestId("tenant-input").fill("contoso.onmicrosoft.com");
  await page.getByTestId("client-id-input").fill("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
  await expect(page.getByTestId("assertion-jwt")).toHaveText(/^eyJ/);
  await revealTestId(page, "assertion-claims-table");
  await expect(page.getByTestId("assertion-claims-table").locator('[data-claim="exp"]')).toContainText(moment);
  await expect(page.getByTestId("assertion-lint")).toContainText(new RegExp(`\\(exp ${moment.source}\\)`));
  // No sentence on the page writes a moment the ISO way with a T and a Z (the old assertion format); code
  // and files (Graph's keyCredentials JSON, commands) keep the form their tools read.
  const prose = await page.locator("main").evaluate((main) => {
    const copy = main.cloneNode(true) as HTMLElement;
    copy.querySelectorAll("pre, code, textarea, .code-block").forEach((code) => code.remove());
    return copy.textContent;
  });
  expect(prose).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/);
});
