import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { expect, test } from "@playwright/test";
import { openTroubleshooting } from "./support/journey";
import { createOpenSslWorkspace, parseOpenSslFingerprint } from "../test-support/openssl";
import { createDownloadFolder, downloadThroughPage, generateThroughPage } from "./support/downloads";
import { requireSingleFileBuild } from "./support/single-file";

// The offline single file: the page opened from disk, with every request that is not to a local
// file refused and recorded, generates, downloads, signs an assertion, and offers curl.
const tenant = "11111111-2222-3333-4444-555555555555";
const clientId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

/** Not network: the page itself, inline data, and object URLs the page makes for its downloads. */
function isLocal(url: string): boolean {
  return url.startsWith("file:") || url.startsWith("data:") || url.startsWith("blob:");
}

test("credential-workbench.html opened from disk generates, downloads and signs with no network and no CSP violation", async ({ page }) => {
  const singleFile = requireSingleFileBuild();

  const networkRequests: string[] = [];
  page.on("request", (request) => {
    if (!isLocal(request.url())) networkRequests.push(`${request.method()} ${request.url()}`);
  });
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    networkRequests.push(`routed ${url}`);
    return route.abort("blockedbyclient");
  });

  const cspMessages: string[] = [];
  const pageErrors: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) cspMessages.push(message.text());
  });
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = violations;
    document.addEventListener("securitypolicyviolation", (event) => violations.push(`${event.effectiveDirective} ${event.blockedURI}`));
  });

  // The policy shipped in the file allows the inlined code by hash only, and no connections.
  const html = readFileSync(singleFile, "utf8");
  const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1] ?? "";
  // Hashes only: the first screen's boot script and the app, the two inline scripts the file has.
  expect(policy).toMatch(/script-src( 'sha256-[A-Za-z0-9+/]+=*'){2}(;|$)/);
  expect(policy).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
  expect(policy).toContain("connect-src 'none'");
  expect(policy).not.toContain("unsafe-inline");
  expect(html).not.toMatch(/<script\b[^>]*\bsrc=/i);
  expect(html).not.toMatch(/<link\b[^>]*rel="(stylesheet|modulepreload)"/i);

  await page.goto(pathToFileURL(singleFile).href);

  await openTroubleshooting(page);
  await expect(page.getByTestId("generate")).toBeEnabled();
  // file: is a potentially trustworthy origin, so WebCrypto is there.
  expect(await page.evaluate(() => ({ secure: window.isSecureContext, subtle: typeof crypto.subtle?.generateKey }))).toEqual({ secure: true, subtle: "function" });

  const thumbprint = await generateThroughPage(page);
  expect(thumbprint).toMatch(/^[0-9A-F]{40}$/);

  const crt = await downloadThroughPage(page, "download-server-crt", createDownloadFolder());
  expect(crt.fileName).toBe("server.crt");
  const openssl = createOpenSslWorkspace();
  try {
    openssl.write("server.crt", crt.contents);
    expect(parseOpenSslFingerprint(openssl.run(["x509", "-noout", "-fingerprint", "-sha1", "-in", "server.crt"]))).toBe(thumbprint);
  } finally {
    openssl.dispose();
  }

  await page.getByTestId("tenant-input").fill(tenant);
  await page.getByTestId("client-id-input").fill(clientId);
  await expect(page.getByTestId("assertion-jwt")).toHaveText(/^[\w-]+\.[\w-]+\.[\w-]+$/);

  // No proxy behind a file: the Token panel says so and offers the same request as curl.
  await expect(page.getByTestId("proxy-status")).toContainText(/opened as a file/i);
  await expect(page.getByTestId("curl-command")).toContainText("curl");
  await expect(page.getByTestId("curl-command")).toContainText(`${tenant}/oauth2/v2.0/token`);

  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  expect(cspMessages).toEqual([]);
  expect(pageErrors).toEqual([]);
  expect(networkRequests).toEqual([]);
});
