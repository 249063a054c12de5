import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { openFold, useExisting } from "./support/journey";
import { createDatedSelfSigned, createOpenSslWorkspace, parseOpenSslFingerprint, selfSignedCertificateArgs, type OpenSslWorkspace } from "../test-support/openssl";
import { createDownloadFolder, downloadThroughPage, generateThroughPage } from "./support/downloads";

let openssl: OpenSslWorkspace;
let folder: string;

test.beforeEach(() => {
  openssl = createOpenSslWorkspace();
  folder = createDownloadFolder();
});
test.afterEach(() => openssl.dispose());

function makeOpenSslPfx(): { pfxPath: string; fingerprint: string } {
  openssl.run(selfSignedCertificateArgs({ keyPath: "key.pem", certPath: "cert.pem", commonName: "openssl-made" }));
  openssl.run(["pkcs12", "-export", "-inkey", "key.pem", "-in", "cert.pem", "-out", "made.pfx", "-passout", "pass:open sesame"]);
  const fingerprint = parseOpenSslFingerprint(openssl.run(["x509", "-in", "cert.pem", "-noout", "-fingerprint", "-sha1"]));
  return { pfxPath: openssl.path("made.pfx"), fingerprint };
}

test("import an OpenSSL-made PFX, then save a Windows-compatible PFX and an encrypted key that OpenSSL opens", async ({ page }) => {
  const { pfxPath, fingerprint } = makeOpenSslPfx();
  await page.goto("/");
  await useExisting(page);
  await page.getByTestId("import-file").setInputFiles(pfxPath);
  await page.getByTestId("import-password").fill("open sesame");
  await page.getByTestId("import-submit").click();
  await expect(page.getByTestId("thumbprint-sha1")).toHaveText(fingerprint);
  await expect(page.getByTestId("import-summary")).toContainText("private key");

  await openFold(page, "other-formats");
  await page.getByTestId("export-password").fill("n3w-pass");
  await page.getByTestId("pfx-profile").selectOption("legacy");
  const pfx = await downloadThroughPage(page, "download-server-pfx", folder);
  expect(pfx.fileName).toBe("server.pfx");
  openssl.write("out.pfx", pfx.contents);
  const info = openssl.tryRun(["pkcs12", "-in", "out.pfx", "-info", "-nodes", "-passin", "pass:n3w-pass", "-legacy"]);
  expect(info.status).toBe(0);
  expect(info.stderr).toMatch(/MAC: sha1/);
  expect(info.stderr).toMatch(/pbeWithSHA1And3-KeyTripleDES-CBC/);
  openssl.write("out-cert.pem", openssl.run(["pkcs12", "-in", "out.pfx", "-nokeys", "-clcerts", "-passin", "pass:n3w-pass", "-legacy"]));
  expect(parseOpenSslFingerprint(openssl.run(["x509", "-in", "out-cert.pem", "-noout", "-fingerprint", "-sha1"]))).toBe(fingerprint);
  openssl.write("out-key.pem", openssl.run(["pkcs12", "-in", "out.pfx", "-nocerts", "-nodes", "-passin", "pass:n3w-pass", "-legacy"]));
  expect(openssl.run(["pkey", "-in", "out-key.pem", "-pubout"])).toBe(openssl.run(["pkey", "-in", "key.pem", "-pubout"]));

  const encrypted = await downloadThroughPage(page, "download-server-key-encrypted", folder);
  expect(encrypted.fileName).toBe("server-encrypted.pem");
  expect(encrypted.contents.toString()).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
  openssl.write("enc.pem", encrypted.contents);
  expect(openssl.run(["pkey", "-in", "enc.pem", "-passin", "pass:n3w-pass", "-pubout"])).toBe(openssl.run(["pkey", "-in", "key.pem", "-pubout"]));
  expect(openssl.tryRun(["pkey", "-in", "enc.pem", "-passin", "pass:wrong", "-noout"]).status).not.toBe(0);
});

test("bad imports say what is wrong and keep the page as it was", async ({ page }) => {
  const { pfxPath } = makeOpenSslPfx();
  await page.goto("/");
  const thumbprint = await generateThroughPage(page);

  // Wrong password.
  await useExisting(page);
  await page.getByTestId("import-file").setInputFiles(pfxPath);
  await page.getByTestId("import-password").fill("not it");
  await page.getByTestId("import-submit").click();
  await expect(page.getByTestId("import-error")).toContainText(/password/i);
  await expect(page.getByTestId("thumbprint-sha1")).toHaveText(thumbprint);

  // A PNG.
  await page.getByTestId("import-file").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) });
  await page.getByTestId("import-submit").click();
  await expect(page.getByTestId("import-error")).toContainText(/PNG/);

  // A truncated certificate pasted as text, and an unknown label.
  await page.getByTestId("import-file").setInputFiles([]);
  const crt = readFileSync(openssl.path("cert.pem"), "utf8");
  await page.getByTestId("import-text").fill(crt.slice(0, crt.length / 2));
  await page.getByTestId("import-submit").click();
  await expect(page.getByTestId("import-error")).not.toBeEmpty();
  await page.getByTestId("import-text").fill("-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n");
  await page.getByTestId("import-submit").click();
  await expect(page.getByTestId("import-error")).toContainText(/FOO/);

  // A certificate that does not belong to the key on the page.
  await page.getByTestId("import-text").fill(crt);
  await page.getByTestId("import-submit").click();
  await expect(page.getByTestId("import-error")).toContainText(/does not belong/);
  await expect(page.getByTestId("thumbprint-sha1")).toHaveText(thumbprint);
  await expect(page.getByTestId("download-server-pem")).toBeVisible();
});

test("a certificate a CA signed from the page's CSR replaces the self-signed one and keeps the key", async ({ page }) => {
  await page.goto("/");
  await generateThroughPage(page);
  const csr = await downloadThroughPage(page, "download-server-csr", folder);
  openssl.write("server.csr", csr.contents);
  openssl.run(selfSignedCertificateArgs({ keyPath: "ca.key", certPath: "ca.crt", commonName: "Test CA" }));
  const signed = openssl.run(["x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-days", "30"]);
  openssl.write("signed.crt", signed);
  const fingerprint = parseOpenSslFingerprint(openssl.run(["x509", "-in", "signed.crt", "-noout", "-fingerprint", "-sha1"]));

  await useExisting(page);
  await page.getByTestId("import-text").fill(signed);
  await page.getByTestId("import-submit").click();
  await expect(page.getByTestId("thumbprint-sha1")).toHaveText(fingerprint);
  await expect(page.getByTestId("import-summary")).toContainText(/key is kept/);
  const pem = await downloadThroughPage(page, "download-server-pem", folder);
  openssl.write("server.pem", pem.contents);
  expect(openssl.run(["pkey", "-in", "server.pem", "-pubout"])).toBe(openssl.run(["x509", "-in", "signed.crt", "-noout", "-pubkey"]));

  // The recipes carry the new thumbprint in the portal's form, and keyCredentials the new certificate.
  await expect(page.getByTestId("recipe-msal-python")).toContainText(`"thumbprint": "${fingerprint}"`);
  const keyCredentials = JSON.parse((await page.getByTestId("recipe-keycredentials").textContent()) ?? "{}") as { key: string };
  openssl.write("from-json.der", Buffer.from(keyCredentials.key, "base64"));
  expect(parseOpenSslFingerprint(openssl.run(["x509", "-in", "from-json.der", "-inform", "DER", "-noout", "-fingerprint", "-sha1"]))).toBe(fingerprint);
});

test("an expired certificate is loaded but flagged, with what to do", async ({ page }) => {
  // Made by OpenSSL, valid for a year that ended about a year ago; OpenSSL also gives the thumbprint.
  const day = 86_400_000;
  const notBefore = new Date(Date.now() - 2 * 365 * day);
  const { keyPath, certPath } = createDatedSelfSigned(openssl, { commonName: "expired", notBefore, notAfter: new Date(notBefore.getTime() + 365 * day) });
  expect(openssl.tryRun(["x509", "-in", certPath, "-noout", "-checkend", "0"]).status).not.toBe(0);
  const fingerprint = parseOpenSslFingerprint(openssl.run(["x509", "-in", certPath, "-noout", "-fingerprint", "-sha1"]));
  await page.goto("/");
  await useExisting(page);
  await page.getByTestId("import-text").fill(`${readFileSync(keyPath, "utf8")}${readFileSync(certPath, "utf8")}`);
  await page.getByTestId("import-submit").click();
  await expect(page.getByTestId("thumbprint-sha1")).toHaveText(fingerprint);
  await expect(page.getByTestId("cert-validity")).toHaveAttribute("data-status", "expired");
  await expect(page.getByTestId("cert-validity")).toContainText(/Expired \d+ days ago.*generate a new certificate/);
});

test("a key made by `openssl genrsa` alone gets a certificate made for it on the page", async ({ page }) => {
  openssl.run(["genrsa", "-out", "server.pem", "2048"]);
  await page.goto("/");
  await page.getByTestId("subject-commonName").fill("from-genrsa");
  await useExisting(page);
  await page.getByTestId("import-file").setInputFiles(openssl.path("server.pem"));
  await page.getByTestId("import-submit").click();
  await expect(page.getByTestId("import-error")).toContainText("without its certificate");
  await page.getByTestId("make-certificate-for-key").click();
  await expect(page.getByTestId("thumbprint-sha1")).toHaveText(/^[0-9A-F]{40}$/);
  const crt = await downloadThroughPage(page, "download-server-crt", folder);
  openssl.write("server.crt", crt.contents);
  expect(openssl.run(["x509", "-in", "server.crt", "-noout", "-pubkey"])).toBe(openssl.run(["pkey", "-in", "server.pem", "-pubout"]));
  expect(openssl.run(["x509", "-in", "server.crt", "-noout", "-subject"])).toContain("from-genrsa");
  // The key came from the user's own file: leaving the page does not warn about it.
  await expect(page.getByTestId("unsaved-key-warning")).toHaveCount(0);
});

test("a wrong PFX password is shown at the password field, which gets the focus", async ({ page }) => {
  const { pfxPath } = makeOpenSslPfx();
  await page.goto("/");
  await useExisting(page);
  await page.getByTestId("import-file").setInputFiles(pfxPath);
  await page.getByTestId("import-password").fill("not it");
  await page.getByTestId("import-submit").click();
  await expect(page.getByTestId("import-error")).toContainText(/password/i);
  await expect(page.getByTestId("import-password")).toBeFocused();
  await expect(page.getByTestId("import-password")).toHaveAttribute("aria-invalid", "true");
});
