import AxeBuilder from "@axe-core/playwright";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { generateThroughPage } from "./support/downloads";
import { openFold, openTroubleshooting } from "./support/journey";
import { longestTaskSince, pageClock, recordLongTasks } from "./support/long-tasks";

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString().replace(/\.\d+Z$/, "Z");

/** A self-signed certificate made by the OpenSSL CLI: its base64 DER (Graph's `key`) and SHA-1 fingerprint. */
function opensslCertificate(commonName: string): { keyBase64: string; sha1Hex: string } {
  const dir = mkdtempSync(join(tmpdir(), "cw-registered-"));
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-keyout", join(dir, "k.pem"), "-out", join(dir, "c.pem"), "-subj", `/CN=${commonName}`, "-days", "30"], { stdio: "pipe" });
  execFileSync("openssl", ["x509", "-in", join(dir, "c.pem"), "-outform", "DER", "-out", join(dir, "c.der")]);
  const fingerprint = execFileSync("openssl", ["x509", "-in", join(dir, "c.pem"), "-noout", "-fingerprint", "-sha1"], { encoding: "utf8" });
  return { keyBase64: readFileSync(join(dir, "c.der")).toString("base64"), sha1Hex: fingerprint.replace(/^.*=/, "").replace(/:/g, "").trim() };
}

/** `az ad app credential list --id <appId> --cert`, as it prints (Graph's keyCredentials; key null in lists). */
function certificateList(entries: { keyId: string; name: string; identifier: string | null; start: string; end: string; key?: string }[]): string {
  return JSON.stringify(
    entries.map((entry) => ({ customKeyIdentifier: entry.identifier, displayName: entry.name, endDateTime: entry.end, key: entry.key ?? null, keyId: entry.keyId, startDateTime: entry.start, type: "AsymmetricX509Cert", usage: "Verify" })),
    null,
    2,
  );
}

async function openRegistered(page: Page): Promise<void> {
  await openFold(page, "registered-fold");
  await expect(page.getByTestId("registered-input")).toBeVisible();
}

async function paste(page: Page, text: string): Promise<void> {
  await page.getByTestId("registered-input").fill(text);
}

test.describe("what Entra has registered", () => {
  test("the page's certificate: match, expired, not registered; rows carry status and thumbprint", async ({ page }) => {
    const requests: string[] = [];
    await page.goto("/");
    const thumbprint = (await generateThroughPage(page)).trim();
    await openRegistered(page);
    page.on("request", (request) => requests.push(request.url()));
    const other = opensslCertificate("someone-else");

    await paste(
      page,
      certificateList([
        { keyId: "key-page", name: "CN=credential-workbench", identifier: thumbprint, start: at(-1), end: at(200) },
        { keyId: "key-other", name: "CN=someone-else", identifier: null, key: other.keyBase64, start: at(-400), end: at(-12.5) },
        { keyId: "key-soon", name: "soon", identifier: Buffer.from(other.sha1Hex, "hex").toString("base64"), start: at(-300), end: at(20.5) },
      ]),
    );
    const verdict = page.getByTestId("registered-verdict-certificate");
    await expect(verdict).toHaveAttribute("data-verdict", "match");
    await expect(verdict).toContainText("key-page");
    const rows = page.getByTestId("registered-row");
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toHaveAttribute("data-kind", "certificate");
    await expect(rows.nth(0)).toHaveAttribute("data-key-id", "key-page");
    await expect(rows.nth(0)).toHaveAttribute("data-match", "true");
    await expect(rows.nth(1)).toHaveAttribute("data-match", "false");
    await expect(rows.nth(0).getByTestId("registered-thumbprint")).toHaveText(thumbprint);
    // The thumbprint computed from key is OpenSSL's fingerprint; a base64 identifier is read as the thumbprint's bytes.
    await expect(rows.nth(1).getByTestId("registered-thumbprint")).toHaveText(other.sha1Hex);
    await expect(rows.nth(2).getByTestId("registered-thumbprint")).toHaveText(other.sha1Hex);
    await expect(rows.nth(1).getByTestId("registered-status")).toHaveText("expired 12 days ago");
    await expect(rows.nth(2).getByTestId("registered-status")).toHaveText("expires in 21 days");
    await expect(rows.nth(2).getByTestId("registered-status")).toHaveAttribute("data-status", "expiring-soon");
    await expect(rows.nth(0).getByTestId("registered-status")).toHaveAttribute("data-status", "valid");

    // Only an expired registration of this certificate: expired, AADSTS700027.
    await paste(page, certificateList([{ keyId: "key-page", name: "old", identifier: thumbprint, start: at(-400), end: at(-2) }]));
    await expect(verdict).toHaveAttribute("data-verdict", "expired");
    await expect(verdict).toContainText("AADSTS700027");

    // Not among them: AADSTS700027 and the upload.
    await paste(page, certificateList([{ keyId: "key-other", name: "other", identifier: other.sha1Hex, start: at(-1), end: at(100) }]));
    await expect(verdict).toHaveAttribute("data-verdict", "no-match");
    await expect(verdict).toContainText("AADSTS700027");
    await expect(verdict).toContainText("server.crt");
    expect(requests).toEqual([]);
  });

  test("the secret typed in the token panel, by hint: match (several listed), expired 7000222, none 7000215, an ID 7000215", async ({ page }) => {
    await page.goto("/");
    await openTroubleshooting(page);
    await page.getByTestId("auth-method").selectOption("secret");
    await page.getByTestId("client-secret-input").fill("Q~aSecretValue-123");
    await openRegistered(page);
    const secrets = (entries: { keyId: string; hint: string; end: string }[]) =>
      JSON.stringify(entries.map((entry) => ({ customKeyIdentifier: null, displayName: `secret ${entry.keyId}`, endDateTime: entry.end, hint: entry.hint, keyId: entry.keyId, secretText: null, startDateTime: at(-100) })));
    const verdict = page.getByTestId("registered-verdict-secret");
    const keyA = "5f9a1c2e-0d4b-4c3a-9e8f-7a6b5c4d3e2a";
    const keyB = "5f9a1c2e-0d4b-4c3a-9e8f-7a6b5c4d3e2b";
    await paste(page, secrets([{ keyId: keyA, hint: "Q~a", end: at(100) }, { keyId: keyB, hint: "Q~a", end: at(50) }]));
    await expect(verdict).toHaveAttribute("data-verdict", "match");
    await expect(verdict).toContainText(keyA);
    await expect(verdict).toContainText(keyB);
    await expect(page.locator(`[data-testid="registered-row"][data-key-id="${keyA}"]`)).toHaveAttribute("data-match", "true");
    await expect(page.locator(`[data-testid="registered-row"][data-key-id="${keyA}"]`)).toHaveAttribute("data-kind", "secret");

    await paste(page, secrets([{ keyId: keyA, hint: "Q~a", end: at(-3) }]));
    await expect(verdict).toHaveAttribute("data-verdict", "expired");
    await expect(verdict).toContainText("AADSTS7000222");

    await paste(page, secrets([{ keyId: keyA, hint: "xyz", end: at(100) }]));
    await expect(verdict).toHaveAttribute("data-verdict", "no-match");
    await expect(verdict).toContainText("AADSTS7000215");

    await page.getByTestId("client-secret-input").fill(keyA);
    await expect(verdict).toHaveAttribute("data-verdict", "no-match");
    await expect(verdict).toContainText("secret's ID");
  });

  test("a policy: the page's certificate within or over maxLifetime, and the Generate form names the limit", async ({ page }) => {
    await page.goto("/");
    await generateThroughPage(page);
    await openRegistered(page);
    const policy = (maxLifetime: string) =>
      JSON.stringify({ "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#policies/defaultAppManagementPolicy/$entity", id: "00000000-0000-0000-0000-000000000000", displayName: "Default app management tenant policy", isEnabled: true, applicationRestrictions: { passwordCredentials: [], keyCredentials: [{ restrictionType: "asymmetricKeyLifetime", maxLifetime, restrictForAppsCreatedAfterDateTime: "2019-01-01T00:00:00Z", state: "enabled" }] } });
    const verdict = page.getByTestId("registered-verdict-policy");
    await paste(page, policy("P90D"));
    await expect(verdict).toHaveAttribute("data-verdict", "exceeds");
    await expect(verdict).toContainText("90 days");
    await expect(verdict).toContainText("CredentialInvalidLifetimeAsPerAppPolicy");
    await expect(page.getByText(/allows certificates of at most 90 days/)).toBeVisible();
    await paste(page, policy("P2Y"));
    await expect(verdict).toHaveAttribute("data-verdict", "within");
  });

  test("bad pastes: not JSON (line and column), no known shape, a wrong field type; the page keeps its certificate", async ({ page }) => {
    await page.goto("/");
    const thumbprint = await generateThroughPage(page);
    await openRegistered(page);
    const error = page.getByTestId("registered-error");
    await paste(page, '[\n  {"keyId": "a",}\n]');
    await expect(error).toContainText("line 2, column 17");
    await expect(error).toHaveAttribute("data-code", "ERR_REGISTERED_SYNTAX");
    await paste(page, '{"tenantId": "x"}');
    await expect(error).toHaveAttribute("data-code", "ERR_REGISTERED_UNKNOWN_SHAPE");
    await expect(error).toContainText("az ad app show");
    await paste(page, JSON.stringify([{ keyId: "a", hint: "abc", endDateTime: 5 }]));
    await expect(error).toHaveAttribute("data-code", "ERR_REGISTERED_FIELD_TYPE");
    await expect(error).toContainText("endDateTime should be a date and time");
    // Names are text, never markup; odd keys are data.
    await paste(page, JSON.stringify([{ ["__proto__"]: { x: 1 }, keyId: "k", hint: "abc", displayName: "<img src=x onerror=\"window.pwned=1\">", endDateTime: at(10) }]).replace('"["__proto__"]"', '"__proto__"'));
    await expect(page.getByTestId("registered-row")).toContainText('<img src=x onerror="window.pwned=1">');
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await expect(page.getByTestId("thumbprint-sha1")).toHaveText(thumbprint);
  });

  test("a multi-MB paste from a file: read off the main thread (no task over 200 ms), nothing requested; over the limit is refused", async ({ page }) => {
    await recordLongTasks(page);
    await page.goto("/");
    await openRegistered(page);
    const rows = Array.from({ length: 12_000 }, (_, index) => ({
      customKeyIdentifier: null,
      displayName: `secret ${String(index)} ${"x".repeat(200)}`,
      endDateTime: at(index % 400),
      hint: "abc",
      keyId: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
      secretText: null,
      startDateTime: at(-100),
    }));
    const dir = mkdtempSync(join(tmpdir(), "cw-registered-"));
    const big = join(dir, "big.json");
    writeFileSync(big, JSON.stringify(rows, null, 2));
    const requests: string[] = [];
    page.on("request", (request) => requests.push(`${request.method()} ${request.url()}${request.postData() ? " with a body" : ""}`));
    const since = await pageClock(page);
    await page.getByTestId("registered-file").setInputFiles(big);
    await expect(page.getByTestId("registered-summary")).toContainText("12000 secrets", { timeout: 30_000 });
    await expect(page.getByTestId("registered-row")).toHaveCount(100);
    expect(await longestTaskSince(page, since)).toBeLessThan(200);
    // A paste this large is read in the page's worker: the only requests are for the worker's own scripts
    // (same origin, GET, no body); nothing pasted is sent anywhere.
    expect(requests.every((request) => request.startsWith("GET http://127.0.0.1:") && /\/assets\/[\w.-]+\.js$/.test(request) && !request.includes("?"))).toBe(true);

    const huge = join(dir, "huge.json");
    writeFileSync(huge, `[${" ".repeat(9 * 1024 * 1024)}]`);
    await page.getByTestId("registered-file").setInputFiles(huge);
    await expect(page.getByTestId("registered-error")).toHaveAttribute("data-code", "ERR_REGISTERED_TOO_LARGE");
    await expect(page.getByTestId("registered-error")).toContainText("8 MB");
  });

  test("the troubleshoot part links to it", async ({ page }) => {
    await page.goto("/");
    await openTroubleshooting(page);
    await page.getByTestId("troubleshoot-registered-link").getByRole("link").click();
    await expect(page.getByTestId("registered-fold")).toHaveAttribute("open", "");
    await expect(page.getByTestId("registered-input")).toBeVisible();
  });

  for (const theme of ["light", "dark"] as const) {
    test(`axe finds no violations in the registered fold, ${theme} theme`, async ({ page }) => {
      await page.goto("/");
      await page.getByTestId("theme-select").selectOption(theme);
      const thumbprint = await generateThroughPage(page);
      await openRegistered(page);
      await paste(page, certificateList([{ keyId: "key-page", name: "CN=credential-workbench", identifier: thumbprint, start: at(-1), end: at(20) }, { keyId: "old", name: "old", identifier: "//5yAGIAYQBjAA==", start: at(-400), end: at(-3) }]));
      await expect(page.getByTestId("registered-verdict-certificate")).toHaveAttribute("data-verdict", "match");
      const results = await new AxeBuilder({ page }).include('[data-testid="registered-fold"]').withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join("; ")}`)).toEqual([]);
    });
  }
});
