import { X509Certificate } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { openTroubleshooting } from "./support/journey";
import { createDownloadFolder, downloadThroughPage, generateThroughPage } from "./support/downloads";
import { MOCK_AUTHORITY_ORIGIN, MOCK_AUTHORITY_PORT, readMockAuthorityTls } from "../test-support/mock-authority";
import { startMockTokenService, type MockTokenService } from "../test-support/mock-token-service";

const tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const clientId = "0d1f4c3e-5b6a-4f7e-8d9c-a1b2c3d4e5f6";

let mock: MockTokenService | undefined;
test.afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

/** Generates a credential, points the page at the mock authority and returns the certificate the page made. */
async function prepareThroughPage(page: Page): Promise<string> {
  await page.goto("/");
  await openTroubleshooting(page);
  await generateThroughPage(page);
  const { contents } = await downloadThroughPage(page, "download-server-crt", createDownloadFolder());
  await page.getByTestId("tenant-input").fill(tenant);
  await page.getByTestId("client-id-input").fill(clientId);
  await page.getByTestId("cloud-select").selectOption("custom");
  await page.getByTestId("custom-authority-input").fill(MOCK_AUTHORITY_ORIGIN);
  await expect(page.getByTestId("assertion-jwt")).toHaveText(/^eyJ/);
  return contents.toString("utf8");
}

async function startMock(registeredCertificatesPem: string[]): Promise<MockTokenService> {
  mock = await startMockTokenService({ tenant, clientId, registeredCertificatesPem, tls: readMockAuthorityTls(), port: MOCK_AUTHORITY_PORT, roles: ["Application.Read.All"] });
  return mock;
}

function readResponseBody(text: string | null): Record<string, unknown> {
  return JSON.parse(text ?? "{}") as Record<string, unknown>;
}

for (const form of ["RS256-x5t", "PS256-x5t#S256"] as const) {
  test(`a token comes back from the mock authority through the proxy (${form}) and is shown decoded`, async ({ page }) => {
    const certificatePem = await prepareThroughPage(page);
    await page.getByTestId("assertion-form").selectOption(form);
    const service = await startMock([certificatePem]);
    await expect(page.getByTestId("proxy-status")).toContainText("127.0.0.1");
    await page.getByTestId("send-token-request").click();
    await expect(page.getByTestId("token-status")).toContainText("HTTP 200");
    const body = readResponseBody(await page.getByTestId("token-response").textContent());
    expect(body).toMatchObject({ token_type: "Bearer", expires_in: 3599 });
    expect(typeof body.access_token).toBe("string");
    await expect(page.getByTestId("access-token-details")).toContainText("Application.Read.All");
    await expect(page.getByTestId("access-token-details").locator('[data-claim="exp"]')).toContainText(/expires in/);
    // The proxy dropped the browser's Origin: Entra would refuse with AADSTS9002326 otherwise.
    expect(service.requests.length).toBe(1);
    expect(service.requests.every((request) => !request.hadOrigin)).toBe(true);
  });
}

test("a certificate the app does not know gets the 700027 explanation, pointing at the certificate", async ({ page }) => {
  await prepareThroughPage(page);
  // Register someone else's certificate: the page's key is unknown to the app.
  const other = readMockAuthorityTls().cert;
  await startMock([other]);
  await page.getByTestId("send-token-request").click();
  await expect(page.getByTestId("token-status")).toContainText(/HTTP 40[01]/);
  const body = readResponseBody(await page.getByTestId("token-response").textContent());
  expect(body.error_codes).toEqual([700027]);
  await expect(page.getByTestId("token-explanation")).toContainText("AADSTS700027");
  await expect(page.getByTestId("token-explanation")).toContainText(/upload|certificate/i);
});

test("700027 names the thumbprint Entra looked for in the portal's hex form, says it is this page's, and offers the checks before a new key", async ({ page }) => {
  const certificatePem = await prepareThroughPage(page);
  // The page's SHA-1 thumbprint as the portal shows it, computed by Node's crypto from the saved server.crt.
  const portalThumbprint = new X509Certificate(certificatePem).fingerprint.replace(/:/g, "");
  await startMock([readMockAuthorityTls().cert]);
  await page.getByTestId("send-token-request").click();
  const used = page.getByTestId("token-thumbprint-used");
  await expect(used).toHaveAttribute("data-certificate", "this-page");
  await expect(used).toContainText(`SHA-1 thumbprint ${portalThumbprint}`);
  await expect(used).toContainText(/upload server\.crt/);
  const actions = await page.getByTestId("token-explanation").getByRole("button").allTextContents();
  expect(actions[0]).toBe("Check the thumbprint the portal shows");
  expect(actions.at(-1)).toMatch(/^Go to Generate/);
  await page.getByTestId("token-explanation").getByRole("button", { name: "Check the thumbprint the portal shows" }).click();
  await expect(page.getByTestId("portal-thumbprint-input")).toBeFocused();
  // The check keeps the value as typed in what it says (lower case here), next to the page's own.
  await page.getByTestId("portal-thumbprint-input").fill("ab".repeat(20));
  await expect(page.getByTestId("portal-thumbprint-verdict")).toContainText("ab".repeat(20));
  await expect(page.getByTestId("portal-thumbprint-verdict")).toContainText(portalThumbprint);
});

test("a wrong client ID gets the 700016 explanation; the proxy being down is said plainly", async ({ page }) => {
  const certificatePem = await prepareThroughPage(page);
  await startMock([certificatePem]);
  await page.getByTestId("client-id-input").fill("99999999-9999-4999-8999-999999999999");
  await page.getByTestId("send-token-request").click();
  await expect(page.getByTestId("token-explanation")).toContainText("AADSTS700016");
  await mock?.close();
  mock = undefined;
  await page.getByTestId("send-token-request").click();
  await expect(page.getByTestId("token-error")).toContainText(/not|unreachable|answer/i);
  // What was there stays: the previous response is still shown.
  await expect(page.getByTestId("token-explanation")).toContainText("AADSTS700016");
});

test("the curl command holds the assertion only when revealed", async ({ page }) => {
  await prepareThroughPage(page);
  const jwt = (await page.getByTestId("assertion-jwt").textContent()) ?? "";
  await expect(page.getByTestId("curl-command")).not.toContainText(jwt.slice(0, 40));
  await page.getByTestId("reveal-assertion").check();
  await expect(page.getByTestId("curl-command")).toContainText(`client_assertion=${jwt}`);
  await expect(page.getByTestId("curl-command")).toContainText(`${MOCK_AUTHORITY_ORIGIN}/${tenant}/oauth2/v2.0/token`);
});

test("the v1 endpoint: the field asks for a resource, /.default is stripped, and a token comes back through the proxy", async ({ page }) => {
  const certificatePem = await prepareThroughPage(page);
  await page.getByTestId("endpoint-version").selectOption("v1");
  await expect(page.getByText("Resource (App ID URI)", { exact: true })).toBeVisible();
  // Switching to v1 turns the /.default scope into its resource, and back again for v2.0.
  await expect(page.getByTestId("scope-input")).toHaveValue("https://graph.microsoft.com");
  await expect(page.getByTestId("scope-format-advice")).toHaveCount(0);
  await expect(page.getByTestId("curl-command")).toContainText("resource=https://graph.microsoft.com'");
  await expect(page.getByTestId("curl-command")).not.toContainText("scope=");
  await expect(page.getByTestId("curl-command")).toContainText(`${MOCK_AUTHORITY_ORIGIN}/${tenant}/oauth2/token`);
  // A /.default typed by hand is still sent without it, and the panel offers to strip it.
  await page.getByTestId("scope-input").fill("https://graph.microsoft.com/.default");
  await expect(page.getByTestId("scope-format-advice")).toContainText("resource=https://graph.microsoft.com");
  await page.getByTestId("scope-format-advice-fix").click();
  await expect(page.getByTestId("scope-input")).toHaveValue("https://graph.microsoft.com");
  await page.getByTestId("endpoint-version").selectOption("v2.0");
  await expect(page.getByTestId("scope-input")).toHaveValue("https://graph.microsoft.com/.default");
  await page.getByTestId("endpoint-version").selectOption("v1");
  const service = await startMock([certificatePem]);
  await page.getByTestId("send-token-request").click();
  await expect(page.getByTestId("token-status")).toContainText("HTTP 200");
  const body = readResponseBody(await page.getByTestId("token-response").textContent());
  expect(body).toMatchObject({ token_type: "Bearer" });
  expect(service.requests.map((request) => request.path)).toEqual([`/${tenant}/oauth2/token`]);
});

test("a custom authority the server does not forward to disables Send and says how to restart; curl stays", async ({ page }) => {
  await prepareThroughPage(page);
  await expect(page.getByTestId("send-token-request")).toBeEnabled();
  await page.getByTestId("custom-authority-input").fill("https://login.example.org");
  const warning = page.getByTestId("authority-not-allowed");
  await expect(warning).toContainText("This server forwards only to Entra hosts and to those named in WORKBENCH_EXTRA_AUTHORITIES at start");
  await expect(warning).toContainText(`(set: ${MOCK_AUTHORITY_ORIGIN})`);
  await expect(warning.locator("code")).toHaveText(`WORKBENCH_EXTRA_AUTHORITIES=${MOCK_AUTHORITY_ORIGIN},https://login.example.org npm start`);
  await expect(page.getByTestId("send-token-request")).toBeDisabled();
  await expect(page.getByTestId("curl-command")).toContainText(`https://login.example.org/${tenant}/oauth2/v2.0/token`);
  // Back to the listed authority: Send is enabled again.
  await page.getByTestId("custom-authority-input").fill(MOCK_AUTHORITY_ORIGIN);
  await expect(page.getByTestId("authority-not-allowed")).toHaveCount(0);
  await expect(page.getByTestId("send-token-request")).toBeEnabled();
});

test("the scope follows the cloud: another cloud's Graph is flagged with a one-click fix", async ({ page }) => {
  await page.goto("/");
  await openTroubleshooting(page);
  await page.getByTestId("cloud-select").selectOption("usgov");
  await expect(page.getByTestId("scope-cloud-advice")).toContainText("US Government");
  await page.getByTestId("scope-cloud-advice-fix").click();
  await expect(page.getByTestId("scope-input")).toHaveValue("https://graph.microsoft.us/.default");
  await expect(page.getByTestId("scope-cloud-advice")).toHaveCount(0);
});

test("an invalid tenant or client ID is named, not just 'fill in'", async ({ page }) => {
  await page.goto("/");
  await openTroubleshooting(page);
  await expect(page.getByTestId("proxy-status")).toContainText("Fill in tenant and client ID in step 3 (Use it in code).");
  await page.getByTestId("tenant-input").fill("common");
  await page.getByTestId("client-id-input").fill(clientId);
  await expect(page.getByTestId("proxy-status")).toContainText("The tenant ID is not valid: fix it in step 3 (Use it in code).");
  await page.getByTestId("tenant-input").fill(tenant);
  await page.getByTestId("client-id-input").fill("not-a-guid");
  await expect(page.getByTestId("proxy-status")).toContainText("The client ID is not valid: fix it in step 3 (Use it in code).");
});
