/**
 * The first screen arrives rendered (scripts/prerender-shell.ts), before the app's JavaScript: these
 * tests hold the app's entry module back, so what the user sees and can do in that window is tested,
 * and then let it through to check that nothing done there is lost.
 */
import { X509Certificate } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createDownloadFolder, downloadThroughPage } from "./support/downloads";

/** Holds the app's entry module until `release()`: the page shows only what index.html carries. */
async function holdAppCode(page: Page): Promise<{ release: () => void }> {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return { release };
}

const prerendered = (page: Page) => page.locator("#root[data-prerendered]");

test("before the app's code arrives: the first screen is readable, Generate works, and nothing typed is lost", async ({ page }) => {
  const app = await holdAppCode(page);
  await page.goto("/", { waitUntil: "commit" });
  await expect(prerendered(page)).toBeAttached();
  await expect(page.getByRole("heading", { name: "Step 1: Create or bring a credential" })).toBeVisible();
  await expect(page.getByTestId("certificate-empty")).toBeVisible();
  // Only the Generate form is live; what the app alone can handle waits for it.
  await expect(page.getByTestId("tenant-input")).toBeDisabled();
  await expect(page.getByTestId("theme-select")).toBeDisabled();
  await expect(page.getByTestId("tab-existing")).toBeDisabled();

  await page.getByTestId("subject-commonName").fill("early-bird");
  await page.getByTestId("key-size").selectOption("3072");
  await page.getByTestId("more-certificate-fields").locator("summary").click();
  await page.getByTestId("subject-country").fill("de");
  await page.getByTestId("generate").click();
  await expect(page.getByTestId("generate")).toHaveText("Generating…");
  await expect(prerendered(page)).toBeAttached();

  app.release();
  await expect(page.getByTestId("thumbprint-sha1")).toBeVisible({ timeout: 60_000 });
  await expect(prerendered(page)).not.toBeAttached();
  await expect(page.getByTestId("subject-commonName")).toHaveValue("early-bird");
  await expect(page.getByTestId("key-size")).toHaveValue("3072");
  await expect(page.getByTestId("more-certificate-fields")).toHaveAttribute("open", "");
  await expect(page.getByTestId("tenant-input")).toBeEnabled();

  // The certificate itself, read by Node's X.509 parser: the values typed before the app loaded.
  const crt = await downloadThroughPage(page, "download-server-crt", createDownloadFolder());
  const certificate = new X509Certificate(crt.contents);
  expect(certificate.subject.split("\n")).toEqual(expect.arrayContaining(["CN=early-bird", "C=DE"]));
  expect(certificate.publicKey.asymmetricKeyDetails?.modulusLength).toBe(3072);
});

test("a first screen shipped without test ids: what was typed, opened and focused is found by form name and place", async ({ page }) => {
  // As a build that strips test hooks would ship it: no data-testid anywhere in the prerendered markup.
  await page.route(/\/(index\.html)?$/, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/ data-testid="[^"]*"/g, "");
    expect(html).not.toContain("data-testid");
    await route.fulfill({ response, body: html });
  });
  const app = await holdAppCode(page);
  await page.goto("/", { waitUntil: "commit" });
  await expect(prerendered(page)).toBeAttached();
  await page.getByLabel("Common Name (CN)").fill("no-hooks");
  await page.getByLabel("Key size").selectOption("3072");
  await page.getByText("More certificate fields (optional)").click();
  await page.getByLabel("Country (C)").fill("NL");
  await page.getByLabel("DNS names (optional)").fill("app.example");
  await page.getByLabel("Validity (days)").fill("30");
  await page.getByLabel("Validity (days)").focus();

  app.release();
  await expect(prerendered(page)).not.toBeAttached({ timeout: 30_000 });
  // The app's own render (which has its test ids): every value carried over, the fold still open, focus kept.
  await expect(page.getByTestId("subject-commonName")).toHaveValue("no-hooks");
  await expect(page.getByTestId("key-size")).toHaveValue("3072");
  await expect(page.getByTestId("subject-country")).toHaveValue("NL");
  await expect(page.getByTestId("san-dns")).toHaveValue("app.example");
  await expect(page.getByTestId("more-certificate-fields")).toHaveAttribute("open", "");
  await expect(page.getByTestId("validity-days")).toBeFocused();
  await expect(page.getByTestId("validity-days")).toHaveValue("30");
});

test("a field being typed in when the app takes over keeps its focus and selection", async ({ page }) => {
  const app = await holdAppCode(page);
  await page.goto("/", { waitUntil: "commit" });
  const field = page.getByTestId("subject-commonName");
  await field.focus();
  await field.evaluate((input: HTMLInputElement) => input.setSelectionRange(0, input.value.length));
  app.release();
  await expect(prerendered(page)).not.toBeAttached({ timeout: 30_000 });
  // The app's own field now has focus with everything selected: typing replaces the default name.
  await page.keyboard.type("typed-across");
  await expect(page.getByTestId("subject-commonName")).toHaveValue("typed-across");
  await expect(page.getByTestId("subject-commonName")).toBeFocused();
});

test("focus on a fold's summary (no test id) survives the take-over, so the next Tab goes on from there", async ({ page }) => {
  const app = await holdAppCode(page);
  await page.goto("/", { waitUntil: "commit" });
  await page.getByTestId("more-certificate-fields").locator("summary").focus();
  await page.keyboard.press("Enter");
  app.release();
  await expect(prerendered(page)).not.toBeAttached({ timeout: 30_000 });
  await page.keyboard.press("Tab");
  await expect(page.getByTestId("subject-organization")).toBeFocused();
});

test("a Generate pressed early with a field the app refuses moves focus to that field, which says why", async ({ page }) => {
  const app = await holdAppCode(page);
  await page.goto("/", { waitUntil: "commit" });
  await page.getByTestId("validity-days").fill("0");
  await page.getByTestId("generate").click();
  await expect(page.getByTestId("generate")).toHaveText("Generating…");
  app.release();
  await expect(prerendered(page)).not.toBeAttached({ timeout: 30_000 });
  await expect(page.getByTestId("validity-days")).toBeFocused();
  await expect(page.getByTestId("generate-blocked")).toBeVisible();
  await expect(page.getByTestId("generate")).toBeDisabled();
});

for (const theme of ["light", "dark"] as const) {
  test(`before the app's code arrives: the stored ${theme} theme is applied and axe finds nothing`, async ({ page }) => {
    await page.addInitScript((stored) => localStorage.setItem("credential-workbench.theme", stored), theme);
    // The opposite system preference: only the stored choice can make the page this theme.
    await page.emulateMedia({ colorScheme: theme === "dark" ? "light" : "dark" });
    const app = await holdAppCode(page);
    await page.goto("/", { waitUntil: "commit" });
    await expect(prerendered(page)).toBeAttached();
    await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
    app.release();
    await expect(prerendered(page)).not.toBeAttached({ timeout: 30_000 });
    await expect(page.getByTestId("theme-select")).toHaveValue(theme);
  });
}

for (const part of ["token", "inspect"] as const) {
  test(`a link to a part whose code loads after the first screen (/#${part}) opens it and scrolls to it`, async ({ page }) => {
    await page.goto(`/#${part}`);
    await expect(page.getByTestId("troubleshoot-toggle")).toHaveAttribute("open", "");
    await expect(page.locator(`#${part}`)).toBeInViewport({ timeout: 30_000 });
  });
}

test("a link to the import form (/#import) shows Use existing from the first screen on, not Create new until the app loads", async ({ page }) => {
  const app = await holdAppCode(page);
  await page.goto("/#import", { waitUntil: "commit" });
  await expect(prerendered(page)).toBeAttached();
  await expect(page.getByTestId("tab-existing")).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("tab-create")).toHaveAttribute("aria-selected", "false");
  await expect(page.getByText("Loading the import form…")).toBeVisible();
  await expect(page.getByTestId("generate")).toBeHidden();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);

  app.release();
  await expect(prerendered(page)).not.toBeAttached({ timeout: 30_000 });
  await expect(page.getByTestId("tab-existing")).toHaveAttribute("aria-selected", "true");
  await expect(page.locator("#import")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("generate")).toBeHidden();
});
