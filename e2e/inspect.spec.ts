import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { openTroubleshooting } from "./support/journey";
import { generateThroughPage } from "./support/downloads";

const tenant = "11111111-2222-3333-4444-555555555555";
const clientId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
const b64u = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString("base64url");

/** Generates a certificate and returns the page's own signed assertion (RS256 + x5t). */
async function pageAssertion(page: Page): Promise<string> {
  await page.goto("/");
  await openTroubleshooting(page);
  await generateThroughPage(page);
  await page.getByTestId("tenant-input").fill(tenant);
  await page.getByTestId("client-id-input").fill(clientId);
  const locator = page.getByTestId("assertion-jwt");
  await expect(locator).toHaveText(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  return (await locator.textContent()) ?? "";
}

test("a truncated assertion: the signature line and the checklist both say it was cut short", async ({ page }) => {
  const jwt = await pageAssertion(page);
  const [header, payload, signature] = jwt.split(".") as [string, string, string];
  await page.getByTestId("jwt-inspect-input").fill(`${header}.${payload}.${signature.slice(0, 300)}`);
  const line = page.getByTestId("inspect-signature");
  await expect(line).toHaveAttribute("data-signature-status", "invalid");
  await expect(line).toContainText("it has 225 bytes, but the certificate's 2048-bit key makes 256-byte signatures — the token was cut short (truncated)");
  await expect(line).not.toContainText(/^Signature:/);
  const row = page.getByTestId("inspect-lint").locator('[data-lint-id="signature-verifies"]');
  await expect(row).toHaveAttribute("data-lint-status", "fail");
  await expect(row).toContainText(/truncated/);

  // The whole token verifies and the row passes; the expiry line says it is valid.
  await page.getByTestId("jwt-inspect-input").fill(jwt);
  await expect(page.getByTestId("inspect-signature")).toHaveAttribute("data-signature-status", "valid");
  await expect(row).toHaveAttribute("data-lint-status", "pass");
  await expect(page.getByTestId("inspect-expiry")).toHaveAttribute("data-expired", "false");
  // Checklist titles and details say different things.
  for (const item of await page.getByTestId("inspect-lint").locator("li").all()) {
    const title = (await item.locator("[data-lint-title]").textContent()) ?? "";
    const detail = (await item.locator("[data-lint-detail]").textContent()) ?? "";
    expect(detail.toLowerCase()).not.toContain(title.toLowerCase());
  }
});

test("standard base64 is offered a one-click conversion to base64url", async ({ page }) => {
  const jwt = await pageAssertion(page);
  const standard = jwt
    .split(".")
    .map((part) => Buffer.from(part, "base64url").toString("base64"))
    .join(".");
  expect(standard).toMatch(/[+/=]/);
  const input = page.getByTestId("jwt-inspect-input");
  await input.fill(standard);
  await expect(page.getByTestId("inspect-problem")).toContainText(/standard base64/);
  await page.getByTestId("inspect-convert-base64url").click();
  await expect(input).toHaveValue(jwt);
  await expect(page.getByTestId("inspect-signature")).toHaveAttribute("data-signature-status", "valid");
  await expect(page.getByTestId("inspect-convert-base64url")).toHaveCount(0);
});

test("an expired access token: Entra's keys named, expiry said plainly, no assertion advice", async ({ page }) => {
  await page.goto("/");
  await openTroubleshooting(page);
  const now = Math.floor(Date.now() / 1000);
  const claims = { aud: "https://graph.microsoft.com", iss: `https://sts.windows.net/${tenant}/`, tid: tenant, idtyp: "app", roles: ["User.Read.All"], iat: now - 7200, nbf: now - 7200, exp: now - 3600 };
  await page.getByTestId("jwt-inspect-input").fill(`${b64u({ alg: "RS256", typ: "JWT", kid: "k1" })}.${b64u(claims)}.c2ln`);
  await expect(page.getByTestId("inspect-kind")).toHaveAttribute("data-kind", "access-token");
  await expect(page.getByTestId("inspect-signature")).toContainText("Entra signs access tokens with its own key (kid k1), not your certificate");
  await expect(page.getByTestId("inspect-signature")).toContainText(`https://login.microsoftonline.com/${tenant}/discovery/v2.0/keys`);
  const expiry = page.getByTestId("inspect-expiry");
  await expect(expiry).toHaveAttribute("data-expired", "true");
  await expect(expiry).toContainText(/^This access token expired 6\d min ago/);
  await expect(expiry).toBeVisible();
  await expect(page.getByTestId("inspect-result")).not.toContainText("10 minutes");
});

test("a JWE shows its protected header and says the payload is encrypted", async ({ page }) => {
  await page.goto("/");
  await openTroubleshooting(page);
  const header = b64u({ alg: "RSA-OAEP-256", enc: "A256GCM", kid: "enc-key" });
  await page.getByTestId("jwt-inspect-input").fill(`${header}.${"A".repeat(342)}.AAAAAAAAAAAAAAAA.${"B".repeat(40)}.AAAAAAAAAAAAAAAAAAAAAA`);
  await expect(page.getByTestId("inspect-problem")).toContainText("payload is encrypted (enc A256GCM)");
  const table = page.getByTestId("inspect-jwe-header");
  await expect(table.locator('[data-claim="alg"]')).toContainText("RSA-OAEP-256");
  await expect(table.locator('[data-claim="enc"]')).toContainText("A256GCM");
  await expect(table.locator('[data-claim="kid"]')).toContainText("enc-key");
});

test("at 390 px the decoded token fits: no page scroll, short values and dates never split, tables sized independently", async ({ page }) => {
  const jwt = await pageAssertion(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId("jwt-inspect-input").fill(jwt);
  await expect(page.getByTestId("inspect-signature")).toHaveAttribute("data-signature-status", "valid");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  const singleLine = async (selector: string): Promise<number> =>
    page.locator(selector).evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      return new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top))).size;
    });
  for (const name of ["alg", "typ"]) {
    expect(await singleLine(`[data-testid="inspect-header-table"] [data-claim="${name}"] [data-field-value]`), name).toBe(1);
  }
  for (const span of await page.locator('[data-testid="inspect-claims-table"] [data-claim="exp"] [data-time] span').all()) {
    expect(await span.evaluate((element) => element.getClientRects().length)).toBe(1);
  }
  // The x5t value (27 base64url characters) stays inside the table.
  const table = await page.getByTestId("inspect-header-table").boundingBox();
  const x5t = await page.locator('[data-testid="inspect-header-table"] [data-claim="x5t"] [data-field-value]').boundingBox();
  expect(x5t && table && x5t.x + x5t.width <= table.x + table.width + 1).toBe(true);

  // Wide screen: side by side, yet each header row only as tall as its own content.
  await page.setViewportSize({ width: 1600, height: 900 });
  const algRow = await page.locator('[data-testid="inspect-header-table"] [data-claim="alg"]').boundingBox();
  const audRow = await page.locator('[data-testid="inspect-claims-table"] [data-claim="aud"]').boundingBox();
  expect(algRow && audRow && algRow.height < audRow.height + 200).toBe(true);
  const headerTable = await page.getByTestId("inspect-header-table").boundingBox();
  const claimsTable = await page.getByTestId("inspect-claims-table").boundingBox();
  expect(headerTable && claimsTable && headerTable.height < claimsTable.height).toBe(true);
});

test("plain words first: the RFC sections and local times show only when asked for", async ({ page }) => {
  const jwt = await pageAssertion(page);
  await page.getByTestId("jwt-inspect-input").fill(jwt);
  const issRow = page.locator('[data-testid="inspect-claims-table"] [data-claim="iss"]');
  await expect(issRow).toBeVisible();
  await expect(issRow).not.toContainText("RFC 7519");
  await expect(page.locator('[data-testid="inspect-claims-table"] [data-claim="exp"] [data-time] span')).toHaveCount(2);
  await page.getByTestId("inspect-show-sources").check();
  await expect(issRow.locator("[data-field-sources]")).toContainText("RFC 7519");
  await expect(page.locator('[data-testid="inspect-claims-table"] [data-claim="exp"] [data-time] span')).toHaveCount(3);
});

test("a token too long to edit is held out of the text box: its start and size are shown, the whole of it is inspected, a paste replaces it and Clear empties it", async ({ page }) => {
  await page.goto("/");
  await openTroubleshooting(page);
  const claims = Object.fromEntries(Array.from({ length: 3_000 }, (_, index) => [`claim${String(index)}`, `value ${String(index)}`]));
  const big = `${b64u({ alg: "RS256", typ: "JWT" })}.${b64u(claims)}.AAAA`;
  expect(big.length).toBeGreaterThan(32 * 1024);
  const input = page.getByTestId("jwt-inspect-input");
  // A real paste from the clipboard (the paste event).
  await page.evaluate((text) => navigator.clipboard.writeText(text), big);
  await input.focus();
  await page.keyboard.press("ControlOrMeta+V");
  await expect(input).toHaveAttribute("data-held-length", String(big.length));
  await expect(input).toHaveValue(`${big.slice(0, 8192)}…`);
  await expect(input).not.toBeEditable();
  await expect(input).toHaveAccessibleDescription(/characters pasted: too long to edit here/);
  await expect(page.getByTestId("inspect-input-held")).toContainText(`${big.length.toLocaleString("en-US")} characters pasted`);
  // The whole text was inspected, not the start the box shows.
  await expect(page.getByTestId("inspect-claims-table").locator("[data-rows-hidden]")).toContainText("this token has 3,000", { timeout: 30_000 });
  // The note and Clear pass axe in both themes.
  for (const theme of ["light", "dark"] as const) {
    await page.getByTestId("theme-select").selectOption(theme);
    const results = await new AxeBuilder({ page }).include("#inspect").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((violation) => `${theme} ${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join("; ")}`)).toEqual([]);
  }

  // A paste over the held text replaces all of it, and the box can be edited again.
  const small = `${b64u({ alg: "RS256" })}.${b64u({ aud: "api://small" })}.AAAA`;
  await page.evaluate((text) => navigator.clipboard.writeText(text), small);
  await input.focus();
  await page.keyboard.press("ControlOrMeta+V");
  await expect(input).toHaveValue(small);
  await expect(input).toBeEditable();
  await expect(page.getByTestId("inspect-input-held")).toHaveCount(0);
  await expect(page.getByTestId("inspect-claims-table").locator('[data-claim="aud"] [data-field-value]')).toHaveText("api://small");

  // Inserted text (what a drop or Playwright's fill does) is held too; Clear, by keyboard, empties the box and puts the caret back in it.
  await input.fill(big);
  await expect(input).toHaveAttribute("data-held-length", String(big.length));
  await page.getByTestId("inspect-clear").focus();
  await page.keyboard.press("Enter");
  await expect(input).toHaveValue("");
  await expect(input).toBeEditable();
  await expect(input).toBeFocused();
  await expect(page.getByTestId("inspect-result")).toHaveCount(0);
});
