import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { createDownloadFolder, downloadThroughPage } from "./support/downloads";
import { openFold, openTroubleshooting } from "./support/journey";

const tenant = "contoso.onmicrosoft.com";
const clientId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

/** Whether the element's whole box lies inside the viewport, measured by the browser itself. */
async function fullyOnScreen(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth;
  });
}

/** The number of line boxes the element's text occupies, as the browser laid it out. */
async function textLines(locator: Locator): Promise<number> {
  return locator.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    return new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top))).size;
  });
}

async function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? null);
}

test("three numbered steps come first, then the optional section, with section links from the same list", async ({ page }) => {
  await page.goto("/");
  const order = await page.locator('[data-testid="step-create"], [data-testid="step-save"], [data-testid="step-code"], [data-testid="troubleshoot"]').evaluateAll((sections) =>
    sections.map((section) => section.getAttribute("data-testid")),
  );
  expect(order).toEqual(["step-create", "step-save", "step-code", "troubleshoot"]);
  await expect(page.locator("#step-create-heading")).toContainText("Create or bring a credential");
  const links = await page.getByRole("navigation", { name: "Sections" }).getByRole("link").evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href")));
  expect(links).toEqual(["#step-create", "#step-save", "#step-code", "#troubleshoot"]);
  // The optional section is folded until asked for; its link opens it.
  await expect(page.getByTestId("send-token-request")).toBeHidden();
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: /Check/ }).click();
  await expect(page.getByTestId("send-token-request")).toBeVisible();
});

test("at most 5 Tab presses reach Generate from a fresh load", async ({ page }) => {
  await page.goto("/");
  let presses = 0;
  while ((await focusedTestId(page)) !== "generate") {
    expect(presses, "Tab presses before Generate").toBeLessThan(5);
    await page.keyboard.press("Tab");
    presses++;
  }
  expect(presses).toBeLessThanOrEqual(5);
});

for (const reducedMotion of ["reduce", "no-preference"] as const) {
  test(`1440×900: after Generate the SHA-1, its copy button, server.crt and server.pem are fully on screen (motion: ${reducedMotion})`, async ({ page }) => {
    await page.emulateMedia({ reducedMotion });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/");
    await page.getByTestId("generate").click();
    await expect(page.getByTestId("thumbprint-sha1")).toHaveText(/^[0-9A-F]{40}$/, { timeout: 60_000 });
    // Focus moved to step 2's heading, and the change was announced.
    await expect(page.locator("#step-save-heading")).toBeFocused();
    await expect(page.getByTestId("journey-announcement")).toContainText("Step 2");
    for (const testId of ["thumbprint-sha1", "copy-thumbprint-sha1", "download-server-crt", "download-server-pem"]) {
      await expect.poll(() => fullyOnScreen(page.getByTestId(testId)), { message: `${testId} fully on screen` }).toBe(true);
    }
    // The thumbprint is on one unbroken line.
    expect(await textLines(page.getByTestId("thumbprint-sha1"))).toBe(1);
  });
}

test("390×844: after Generate the thumbprint is on screen, on one line", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  await page.getByTestId("generate").click();
  await expect(page.getByTestId("thumbprint-sha1")).toHaveText(/^[0-9A-F]{40}$/, { timeout: 60_000 });
  await expect.poll(() => fullyOnScreen(page.getByTestId("thumbprint-sha1"))).toBe(true);
  expect(await textLines(page.getByTestId("thumbprint-sha1"))).toBe(1);
  // …and fits the phone's width without scrolling sideways.
  expect(await page.getByTestId("thumbprint-sha1").evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
});

test("1440×900: the MSAL Python snippet starts within 2,700 px of the top of the page", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/");
  await page.getByTestId("generate").click();
  const snippet = page.getByTestId("recipe-msal-python");
  await expect(snippet).toContainText("import msal", { timeout: 60_000 });
  const top = await snippet.evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
  expect(top).toBeLessThanOrEqual(2700);
});

test("the main job takes four clicks: Generate, server.crt, server.pem, copy thumbprint", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("generate").click();
  await expect(page.getByTestId("thumbprint-sha1")).toHaveText(/^[0-9A-F]{40}$/, { timeout: 60_000 });
  const folder = createDownloadFolder();
  const crt = await downloadThroughPage(page, "download-server-crt", folder);
  const pem = await downloadThroughPage(page, "download-server-pem", folder);
  await page.getByTestId("copy-thumbprint-sha1").click();
  expect(crt.contents.toString()).toMatch(/^-----BEGIN CERTIFICATE-----/);
  expect(pem.contents.toString()).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await page.getByTestId("thumbprint-sha1").textContent());
  // Each download says it was saved, and the key reads as saved next to the files.
  await expect(page.getByTestId("key-saved-state")).toHaveAttribute("data-saved", "true");
  await expect(page.getByTestId("download-server-pem").locator("xpath=..")).toContainText("Saved");
});

test("the main job by keyboard alone", async ({ page }) => {
  await page.goto("/");
  const tabTo = async (testId: string, maxTabs = 20) => {
    for (let i = 0; i < maxTabs; i++) {
      if ((await focusedTestId(page)) === testId) return;
      await page.keyboard.press("Tab");
    }
    throw new Error(`Tab never reached ${testId}`);
  };
  await tabTo("generate");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("thumbprint-sha1")).toHaveText(/^[0-9A-F]{40}$/, { timeout: 60_000 });
  await expect(page.locator("#step-save-heading")).toBeFocused();
  // From step 2's heading the next stops are the copy button and the two files.
  await tabTo("copy-thumbprint-sha1", 3);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("copy-thumbprint-sha1")).toHaveText("Copied");
  await tabTo("download-server-crt", 3);
  const [crt] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  expect(crt.suggestedFilename()).toBe("server.crt");
  await tabTo("download-server-pem", 3);
  const [pem] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  expect(pem.suggestedFilename()).toBe("server.pem");
});

test("the portal thumbprint box says whether the pasted value matches", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("generate").click();
  const sha1 = (await page.getByTestId("thumbprint-sha1").textContent({ timeout: 60_000 })) ?? "";
  const input = page.getByTestId("portal-thumbprint-input");
  const verdict = page.getByTestId("portal-thumbprint-verdict");
  // OpenSSL's form (colons, lowercase) is the same thumbprint.
  await input.fill(sha1.toLowerCase().match(/../g)?.join(":") ?? "");
  await expect(verdict).toHaveAttribute("data-status", "match");
  await input.fill("0".repeat(40));
  await expect(verdict).toHaveAttribute("data-status", "mismatch");
  await expect(verdict).toContainText("does not match");
});

test("Which library? sets the assertion form and shows that library's snippet", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("generate").click();
  await expect(page.getByTestId("recipe-msal-python")).toContainText("thumbprint", { timeout: 60_000 });
  await page.getByTestId("tenant-input").fill(tenant);
  await page.getByTestId("client-id-input").fill(clientId);
  await expect(page.getByTestId("recipe-msal-python")).toContainText(clientId);
  await openTroubleshooting(page);
  await expect(page.getByTestId("assertion-form")).toHaveValue("RS256-x5t");
  await page.getByTestId("library-select").selectOption("msal-node-sha256");
  await expect(page.getByTestId("assertion-form")).toHaveValue("PS256-x5t#S256");
  await expect(page.getByTestId("recipe-msal-node")).toContainText("thumbprintSha256");
  const jwt = page.getByTestId("assertion-jwt");
  await expect.poll(async () => JSON.parse(Buffer.from(((await jwt.textContent()) ?? "").split(".")[0] ?? "", "base64url").toString()).alg as string).toBe("PS256");
  await page.getByTestId("library-select").selectOption("msal-python-public-certificate");
  await expect(page.getByTestId("recipe-msal-python-public-certificate")).not.toContainText("thumbprint");
  await page.getByTestId("library-select").selectOption("msal-python");
  await expect(page.getByTestId("assertion-form")).toHaveValue("RS256-x5t");
  await expect(page.getByTestId("recipe-msal-python")).toBeVisible();
});

test("the assertion checklist is folded to its count when every check passes", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("generate").click();
  await page.getByTestId("tenant-input").fill(tenant);
  await page.getByTestId("client-id-input").fill(clientId);
  await openTroubleshooting(page);
  const summary = page.getByTestId("assertion-lint-summary");
  await expect(summary).toHaveText(/^(\d+) of \1 checks pass$/, { timeout: 60_000 });
  await expect(page.getByTestId("assertion-lint-toggle")).not.toHaveAttribute("open");
});

for (const theme of ["light", "dark"] as const) {
  test(`axe: no violations with every step and the optional section open, ${theme} theme`, async ({ page }) => {
    // Two full axe scans of a long page: slow on a loaded machine, not a performance claim.
    test.setTimeout(240_000);
    await page.goto("/");
    await page.getByTestId("theme-select").selectOption(theme);
    await openFold(page, "more-certificate-fields");
    await page.getByTestId("generate").click();
    await expect(page.getByTestId("thumbprint-sha1")).toHaveText(/^[0-9A-F]{40}$/, { timeout: 60_000 });
    await page.getByTestId("tenant-input").fill(tenant);
    await page.getByTestId("client-id-input").fill(clientId);
    await page.getByTestId("portal-thumbprint-input").fill("0".repeat(40));
    for (const fold of ["other-thumbprints", "other-formats", "certificate-details"]) await openFold(page, fold);
    await openTroubleshooting(page);
    await expect(page.getByTestId("assertion-jwt")).toHaveText(/^eyJ/);
    await openFold(page, "assertion-lint-toggle");
    const scan = async () => {
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      return results.violations.map((violation) => `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).join("; ")}`);
    };
    expect(await scan()).toEqual([]);
    // The other tab of step 1 too.
    await page.getByTestId("tab-existing").click();
    expect(await scan()).toEqual([]);
  });
}

test("import messages name the chosen file and what it looked like; a chosen file is never called pasted text", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("tab-existing").click();
  await page.getByTestId("import-file").setInputFiles({ name: "server.pfx", mimeType: "application/x-pkcs12", buffer: Buffer.from("just some notes, not a certificate\n") });
  await page.getByTestId("import-submit").click();
  await expect(page.getByTestId("import-error")).toContainText("server.pfx looks like a text file, not a PFX");
  await expect(page.getByTestId("import-error")).not.toContainText(/pasted text/i);
});
