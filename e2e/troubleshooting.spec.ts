import { expect, test, type Locator } from "@playwright/test";
import { generateThroughPage } from "./support/downloads";
import { readFileSync } from "node:fs";
import { createOpenSslWorkspace, selfSignedCertificateArgs } from "../test-support/openssl";
import { openFold, openTroubleshooting, revealTestId, useExisting } from "./support/journey";

test("replacing or removing an unsaved key: Keep it is the focused safe default, the choice that loses the key is styled as destructive", async ({ page }) => {
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

  // Removing the unsaved key asks the same way: Keep it first and focused, Enter keeps the key.
  await page.getByTestId("forget-credential").click();
  const remove = page.getByTestId("confirm-remove");
  expect(await remove.getByRole("button").allTextContents()).toEqual(["Keep it", "Remove it anyway"]);
  await expect(remove.getByRole("button", { name: "Keep it" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(remove).toBeHidden();
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

test("Inspect: the token is not shown twice at full length, failing checks come first, the summary is green only when all pass, Header does not leave an empty block beside Claims", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/");
  await generateThroughPage(page);
  await openTroubleshooting(page);
  await page.getByTestId("tenant-input").fill("contoso.onmicrosoft.com");
  await page.getByTestId("client-id-input").fill("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
  const jwt = (await page.getByTestId("assertion-jwt").textContent()) ?? "";
  expect(jwt).toMatch(/^eyJ/);
  // The page's own assertion with its x5t changed: the signature and the thumbprint checks now fail.
  const [header, payload, signature] = jwt.split(".");
  const tampered = { ...(JSON.parse(Buffer.from(header ?? "", "base64url").toString()) as Record<string, unknown>), x5t: Buffer.alloc(20, 7).toString("base64url") };
  await revealTestId(page, "jwt-inspect-input");
  await page.getByTestId("jwt-inspect-input").fill(`${Buffer.from(JSON.stringify(tampered)).toString("base64url")}.${payload ?? ""}.${signature ?? ""}`);
  await expect(page.getByTestId("inspect-result")).toBeVisible();
  // The coloured copy is folded: the token's text is on screen once, in the box.
  await expect(page.getByTestId("inspect-parts")).toBeHidden();
  const statuses = await page.getByTestId("inspect-lint").locator("[data-lint-status]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-lint-status")));
  expect(statuses[0]).toBe("fail");
  expect(statuses.indexOf("pass")).toBeGreaterThan(statuses.lastIndexOf("fail"));
  await expect(page.getByTestId("inspect-lint-summary")).toHaveAttribute("data-summary-status", "fail");
  // Header and Claims are stacked: nothing stands beside the short header table.
  const [headerBox, claimsBox] = await Promise.all([page.getByTestId("inspect-header-table").boundingBox(), page.getByTestId("inspect-claims-table").boundingBox()]);
  expect(claimsBox && headerBox && claimsBox.y >= headerBox.y + headerBox.height).toBe(true);
});

/** Where the element sits on the page (not in the viewport): unchanged by scrolling. */
async function pagePosition(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return { x: box.x + window.scrollX, y: box.y + window.scrollY, width: box.width, height: box.height };
  });
}

test("nothing moves when state changes beside it: ✓ Saved, Show/Hide of the secret; the az command's Copy lines up with the thumbprint's", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/");
  await generateThroughPage(page);
  // The words beside server.crt's button: the same line item, after the button and its "✓ Saved" slot.
  const description = page.getByTestId("step-save").locator("li", { has: page.getByTestId("download-server-crt") }).locator(":scope > span.text-sm");
  const before = await pagePosition(description);
  const download = page.waitForEvent("download");
  await page.getByTestId("download-server-crt").click();
  await download;
  await expect(page.getByTestId("download-server-crt-saved")).toHaveText("✓ Saved");
  expect(await pagePosition(description)).toEqual(before);

  const [azCopy, thumbprintCopy] = await Promise.all([page.getByTestId("copy-upload-az-command").boundingBox(), page.getByTestId("copy-thumbprint-sha1").boundingBox()]);
  expect(azCopy && thumbprintCopy && Math.round(azCopy.x + azCopy.width)).toBe(thumbprintCopy && Math.round(thumbprintCopy.x + thumbprintCopy.width));
  expect(azCopy?.width).toBe(thumbprintCopy?.width);

  await openTroubleshooting(page);
  await page.getByTestId("auth-method").selectOption("secret");
  const secret = page.getByTestId("client-secret-input");
  await secret.fill("abc8Q~not-a-real-secret-value-0123456789");
  const hidden = await pagePosition(secret);
  await page.getByTestId("client-secret-toggle").click();
  await expect(secret).toHaveAttribute("type", "text");
  expect(await pagePosition(secret)).toEqual(hidden);
});

test("on a phone, a code block whose lines are wider than the box says it scrolls sideways", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  await generateThroughPage(page);
  const snippet = page.getByTestId("step-code").locator("pre[data-scrolls-sideways]").first();
  await expect(snippet).toHaveAttribute("data-scrolls-sideways", "true");
  const hint = page.getByTestId("step-code").getByText("scroll sideways");
  await expect(hint).toBeVisible();
  // At 1440 px the same snippet fits, and no hint is shown.
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(snippet).toHaveAttribute("data-scrolls-sideways", "false");
  await expect(hint).toBeHidden();
});

test("directions point where the fields are: Send and the assertion name step 3 and take the user to the first empty field", async ({ page }) => {
  await page.goto("/");
  await generateThroughPage(page);
  await openTroubleshooting(page);
  await expect(page.getByTestId("proxy-status")).toContainText("Fill in tenant and client ID in step 3 (Use it in code).");
  await expect(page.getByTestId("assertion-waiting")).toContainText("in step 3 (Use it in code)");
  await page.getByTestId("token-go-to-setting").click();
  await expect(page.getByTestId("tenant-input")).toBeFocused();
  await expect(page.getByTestId("tenant-input")).toBeInViewport();
  await page.getByTestId("tenant-input").fill("contoso.onmicrosoft.com");
  // The next empty field is the one the button goes to now.
  await page.getByTestId("assertion-go-to-setting").click();
  await expect(page.getByTestId("client-id-input")).toBeFocused();
  await page.getByTestId("client-id-input").fill("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
  await expect(page.getByTestId("token-go-to-setting")).toHaveCount(0);
  await expect(page.getByTestId("assertion-jwt")).toHaveText(/^eyJ/);
});

test("on a phone the section links name their steps, Theme keeps its label, and a focused link's ring is not clipped by the scrolling list", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Sections" });
  for (const word of ["Create", "Save", "Code", "Check"]) await expect(nav.getByText(word, { exact: true }).first()).toBeVisible();
  await expect(nav.getByText("Theme", { exact: true })).toBeVisible();
  const link = nav.getByRole("link").first();
  await link.focus();
  const room = await link.evaluate((element) => {
    const list = element.closest("ol");
    if (!list) return -1;
    const [box, listBox] = [element.getBoundingClientRect(), list.getBoundingClientRect()];
    // The space between the link and the edges of the list that clips: a focus ring needs 2 px or more.
    return Math.min(box.left - listBox.left, box.top - listBox.top, listBox.bottom - box.bottom);
  });
  expect(room).toBeGreaterThanOrEqual(2);
});

for (const [width, height] of [[1440, 900], [390, 844]] as const) {
  test(`/#troubleshoot opens the optional section with its heading at the top of the view, below the section links (${String(width)})`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto("/#troubleshoot");
    await expect(page.getByTestId("troubleshoot-toggle")).toHaveAttribute("open", "");
    const heading = page.locator("#troubleshoot-heading");
    await expect(heading).toBeInViewport();
    await expect
      .poll(async () => {
        const [headingBox, navBox] = await Promise.all([heading.boundingBox(), page.getByRole("navigation", { name: "Sections" }).boundingBox()]);
        return headingBox && navBox ? headingBox.y >= navBox.y + navBox.height && headingBox.y < navBox.y + navBox.height + 120 : false;
      })
      .toBe(true);
  });
}

for (const method of ["secret", "federated"] as const) {
  test(`the first screen offers to check a ${method === "secret" ? "client secret" : "federated token"}: its link opens the token request on that method, and the assertion is not a prerequisite`, async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("other-credentials-line")).toBeInViewport();
    await page.getByTestId(`check-${method}-link`).click();
    await expect(page.getByTestId("auth-method")).toHaveValue(method);
    await expect(page.getByTestId("auth-method")).toBeInViewport();
    await expect(page.getByTestId(method === "secret" ? "client-secret-input" : "federated-token-input")).toBeVisible();
    await expect(page.getByTestId("assertion-not-needed")).toBeVisible();
    await expect(page.getByTestId("assertion-no-key")).toHaveCount(0);
  });
}

test("after Generate and after an import, what was made or loaded is in view together with the thumbprint and the key's saved state", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/");
  await generateThroughPage(page);
  for (const testId of ["credential-provenance", "thumbprint-sha1", "key-saved-state"]) await expect(page.getByTestId(testId)).toBeInViewport();
  await expect(page.getByTestId("credential-provenance")).toContainText("Done");
  await expect(page.getByTestId("key-saved-state")).toContainText("not saved yet");

  // A key and certificate made by OpenSSL, pasted as one PEM text into Use existing.
  const openssl = createOpenSslWorkspace();
  openssl.run(selfSignedCertificateArgs({ keyPath: "key.pem", certPath: "cert.pem", commonName: "imported-by-test", days: 30 }));
  const pem = `${readFileSync(openssl.path("key.pem"), "utf8")}${readFileSync(openssl.path("cert.pem"), "utf8")}`;
  openssl.dispose();
  await useExisting(page);
  await page.getByTestId("import-text").fill(pem);
  await page.getByTestId("import-submit").click();
  await expect(page.getByTestId("credential-provenance")).not.toContainText("Done");
  await expect(page.getByTestId("credential-provenance")).toContainText(/.+/);
  for (const testId of ["credential-provenance", "thumbprint-sha1"]) await expect(page.getByTestId(testId)).toBeInViewport();
});

test("the registered-credentials commands' Copy buttons line up with the thumbprint's", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/");
  await generateThroughPage(page);
  await openFold(page, "registered-fold");
  const copies = page.getByTestId("registered-panel").getByRole("button", { name: /^Copy / });
  await expect(copies.first()).toBeVisible();
  const thumbprintCopy = await page.getByTestId("copy-thumbprint-sha1").boundingBox();
  const rightEdges = await copies.evaluateAll((buttons) => buttons.map((button) => Math.round(button.getBoundingClientRect().right)));
  expect(rightEdges.length).toBeGreaterThan(1);
  for (const right of rightEdges) expect(right).toBe(thumbprintCopy && Math.round(thumbprintCopy.x + thumbprintCopy.width));
});
