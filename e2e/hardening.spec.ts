import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createOpenSslWorkspace } from "../test-support/openssl";
import { generateThroughPage } from "./support/downloads";
import { openFold, openTroubleshooting } from "./support/journey";
import { MOCK_AUTHORITY_ORIGIN } from "../test-support/mock-authority";

const tenant = "11111111-2222-3333-4444-555555555555";
const clientId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

/** Runs the main flow: generate, exports, assertion, inspect, recipes and a token attempt. */
async function runFullSession(page: Page): Promise<void> {
  await generateThroughPage(page);
  // The assertion, Inspect and the token request live in the optional section; the other formats in their fold.
  await openTroubleshooting(page);
  await openFold(page, "other-formats");
  await page.getByTestId("tenant-input").fill(tenant);
  await page.getByTestId("client-id-input").fill(clientId);
  await expect(page.getByTestId("assertion-jwt")).toHaveText(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  const jwt = (await page.getByTestId("assertion-jwt").textContent()) ?? "";
  await page.getByTestId("jwt-inspect-input").fill(jwt);
  await expect(page.getByTestId("inspect-signature")).toHaveAttribute("data-signature-status", "valid");
  for (const testId of ["download-server-crt", "download-server-pem", "download-server-csr", "download-server-cer"]) {
    await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  }
  await page.getByTestId("export-password").fill("pw");
  await Promise.all([page.waitForEvent("download"), page.getByTestId("download-server-pfx").click()]);
  // No test reaches Microsoft: the token request goes to the local mock authority's origin
  // (not running here, so the proxy answers with an error, which is all this session needs).
  await page.getByTestId("cloud-select").selectOption("custom");
  await page.getByTestId("custom-authority-input").fill(MOCK_AUTHORITY_ORIGIN);
  await page.getByTestId("send-token-request").click();
  await expect(page.getByTestId("send-token-request")).toHaveText("Send token request", { timeout: 30_000 });
}

test("the page talks to nobody but its own origin during a full session", async ({ page, baseURL }) => {
  const origins = new Set<string>();
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol === "http:" || url.protocol === "https:" || url.protocol === "ws:" || url.protocol === "wss:") origins.add(url.origin);
  });
  await page.goto("/");
  await runFullSession(page);
  expect([...origins]).toEqual([new URL(baseURL ?? "").origin]);
});

test("the server sends a strict Content-Security-Policy and the page keeps one in a meta tag", async ({ page }) => {
  const response = await page.goto("/");
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toContain("unsafe-inline");
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content")).toContain("connect-src 'self'");
});

test("the private key never reaches localStorage, sessionStorage, IndexedDB, cookies or the URL", async ({ page, context }) => {
  await page.goto("/");
  await runFullSession(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-server-pem").click()]);
  const path = await download.path();
  const openssl = createOpenSslWorkspace();
  try {
    // Markers of the key: its PEM body lines and its modulus in hex.
    const keyPem = readFileSync(path, "utf8");
    openssl.write("k.pem", keyPem);
    const modulus = openssl.run(["rsa", "-in", "k.pem", "-noout", "-modulus"]).trim().replace("Modulus=", "");
    const keyLines = keyPem.split("\n").filter((line) => line.length === 64);
    const storage = await page.evaluate(async () => {
      const dump: string[] = [JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }), document.cookie, location.href];
      const databases = await indexedDB.databases();
      dump.push(JSON.stringify(databases.map((database) => database.name)));
      return dump.join("\n");
    });
    const cookies = JSON.stringify(await context.cookies());
    for (const marker of [...keyLines.slice(1, 4), modulus.slice(0, 64), "PRIVATE KEY"]) {
      expect(storage).not.toContain(marker);
      expect(cookies).not.toContain(marker);
    }
    expect(storage).toContain(tenant);
  } finally {
    openssl.dispose();
  }
});

for (const theme of ["light", "dark"] as const) {
  test(`axe finds no accessibility violations on any panel, ${theme} theme`, async ({ page }) => {
    await page.goto("/");
    await page.getByTestId("theme-select").selectOption(theme);
    await runFullSession(page);
    await page.getByTestId("jwt-inspect-input").fill("not.a.jwt");
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const summary = results.violations.map((violation) => `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).join("; ")}`);
    expect(summary).toEqual([]);
  });
}

test("the main flow works by keyboard alone", async ({ page }) => {
  await page.goto("/");
  // Tab to the Generate button and press Enter.
  const reached = async (testId: string, maxTabs = 60) => {
    for (let i = 0; i < maxTabs; i++) {
      if (await page.getByTestId(testId).evaluate((element) => element === document.activeElement)) return;
      await page.keyboard.press("Tab");
    }
    throw new Error(`Tab never reached ${testId}`);
  };
  await reached("generate");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("thumbprint-sha1")).toHaveText(/^[0-9A-F]{40}$/, { timeout: 60_000 });
  await reached("copy-thumbprint-sha1");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("copy-thumbprint-sha1")).toHaveText("Copied");
  await reached("download-server-crt");
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  expect(download.suggestedFilename()).toBe("server.crt");
  await reached("tenant-input");
  await page.keyboard.type(tenant);
  await page.keyboard.press("Tab");
  await page.keyboard.type(clientId);
  // The assertion settings live in the optional section: open it from the keyboard.
  await reached("troubleshoot-summary");
  await page.keyboard.press("Enter");
  await reached("assertion-form");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByTestId("assertion-form")).toHaveValue("PS256-x5t#S256");
  await expect(page.getByTestId("assertion-jwt")).toHaveText(/^eyJ/);
  // The RS256 assertion stays on screen until the PS256 one is signed (jose now loads on first use): wait for it.
  const shownAlg = async () =>
    (JSON.parse(Buffer.from(((await page.getByTestId("assertion-jwt").textContent()) ?? "").split(".")[0] ?? "", "base64url").toString()) as { alg: string }).alg;
  await expect.poll(shownAlg).toBe("PS256");
  await reached("resign-assertion");
  await page.keyboard.press("Enter");
});
