import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { expect, test } from "@playwright/test";
import { useExisting } from "./support/journey";
import { createOpenSslWorkspace, parseOpenSslFingerprint } from "../test-support/openssl";
import { requireSingleFileBuild } from "./support/single-file";

// The single file runs its worker too — inlined and started from a blob: URL, under its own meta
// policy (`worker-src blob:`), with no CSP violation and no fallback to the main thread, so importing
// a PFX does not freeze the page opened from disk.

test("credential-workbench.html opened from disk imports a PFX in its inlined worker, within its CSP", async ({ page }) => {
  const singleFile = requireSingleFileBuild();
  const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(readFileSync(singleFile, "utf8"))?.[1] ?? "";
  expect(policy).toContain("worker-src blob:");
  expect(policy).not.toContain("worker-src 'self'");

  const openssl = createOpenSslWorkspace();
  try {
    openssl.run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-subj", "/CN=single-file-worker", "-days", "2"]);
    openssl.run(["pkcs12", "-export", "-inkey", "key.pem", "-in", "cert.pem", "-out", "server.pfx", "-passout", "pass:pw"]);
    const fingerprint = parseOpenSslFingerprint(openssl.run(["x509", "-in", "cert.pem", "-noout", "-fingerprint", "-sha1"]));

    const messages: string[] = [];
    page.on("console", (message) => messages.push(message.text()));
    const workers: string[] = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    await page.addInitScript(() => {
      const violations: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = violations;
      document.addEventListener("securitypolicyviolation", (event) => violations.push(`${event.effectiveDirective} ${event.blockedURI}`));
    });
    await page.goto(pathToFileURL(singleFile).href);
    await useExisting(page);
    await page.getByTestId("import-file").setInputFiles(openssl.path("server.pfx"));
    await page.getByTestId("import-password").fill("pw");
    await page.getByTestId("import-submit").click();
    await expect(page.getByTestId("thumbprint-sha1")).toHaveText(fingerprint, { timeout: 60_000 });

    expect(workers.some((url) => url.startsWith("blob:"))).toBe(true);
    expect(messages.filter((text) => /worker failed|Content Security Policy/i.test(text))).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  } finally {
    openssl.dispose();
  }
});
