/**
 * Signing where the key lives: the page holds only server.crt; a test-side OpenSSL key stands in for
 * the Key Vault key. The signature goes back into the page in each shape signers print, and the token
 * request goes through the real proxy to the mock token service, which verifies it as Entra does.
 */
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createOpenSslWorkspace, parseOpenSslFingerprint, type OpenSslWorkspace } from "../test-support/openssl";
// Renamed: the hooks lint rule reads any use… call in a named function as a React hook.
import { openTroubleshooting, useExisting as chooseUseExisting } from "./support/journey";
import { MOCK_AUTHORITY_ORIGIN, MOCK_AUTHORITY_PORT, readMockAuthorityTls } from "../test-support/mock-authority";
import { startMockTokenService, type MockTokenService } from "../test-support/mock-token-service";

const tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const clientId = "0d1f4c3e-5b6a-4f7e-8d9c-a1b2c3d4e5f6";
const PSS = ["-pkeyopt", "rsa_padding_mode:pss", "-pkeyopt", "rsa_pss_saltlen:32"];

let openssl: OpenSslWorkspace;
let mock: MockTokenService | undefined;

test.beforeEach(() => {
  openssl = createOpenSslWorkspace();
  // The "vault": a key the page never sees, and its certificate, the only thing imported.
  openssl.run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-keyout", "vault-key.pem", "-out", "server.crt", "-subj", "/CN=key-in-vault", "-days", "30"]);
  openssl.run(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "other-key.pem"]);
});
test.afterEach(async () => {
  await mock?.close();
  mock = undefined;
  openssl.dispose();
});

async function startMock(): Promise<MockTokenService> {
  mock = await startMockTokenService({ tenant, clientId, registeredCertificatesPem: [readFileSync(openssl.path("server.crt"), "utf8")], tls: readMockAuthorityTls(), port: MOCK_AUTHORITY_PORT });
  return mock;
}

/** Imports only the certificate and points the page at the mock authority. */
async function openWithCertificateOnly(page: Page): Promise<void> {
  await page.goto("/");
  await chooseUseExisting(page);
  await page.getByTestId("import-file").setInputFiles(openssl.path("server.crt"));
  await page.getByTestId("import-submit").click();
  await expect(page.getByTestId("thumbprint-sha1")).toHaveText(parseOpenSslFingerprint(openssl.run(["x509", "-in", "server.crt", "-noout", "-fingerprint", "-sha1"])));
  await openTroubleshooting(page);
  await page.getByTestId("tenant-input").fill(tenant);
  await page.getByTestId("client-id-input").fill(clientId);
  await page.getByTestId("cloud-select").selectOption("custom");
  await page.getByTestId("custom-authority-input").fill(MOCK_AUTHORITY_ORIGIN);
}

/** What the vault does: signs the SHA-256 digest as it is (RS256 PKCS#1 v1.5, PS256 PSS with a 32-byte salt); standard base64. */
function vaultSign(digestBase64: string, alg: "RS256" | "PS256", key = "vault-key.pem"): string {
  openssl.write("digest.bin", Buffer.from(digestBase64, "base64"));
  openssl.run(["pkeyutl", "-sign", "-inkey", key, "-in", "digest.bin", "-out", "signature.bin", "-pkeyopt", "digest:sha256", ...(alg === "PS256" ? PSS : [])]);
  return readFileSync(openssl.path("signature.bin")).toString("base64");
}

/** The shapes signers print, from a standard-base64 signature. */
const SHAPES: Record<string, (signature: string, alg: string) => string> = {
  "az keyvault key sign": (signature, alg) => JSON.stringify({ algorithm: alg, keyId: "https://contoso-kv.vault.azure.net/keys/app-cert/0123456789abcdef", signature }, null, 2),
  "older az (result)": (signature) => JSON.stringify({ kid: "https://contoso-kv.vault.azure.net/keys/app-cert/0123456789abcdef", result: signature }, null, 2),
  "Key Vault REST": (signature) => JSON.stringify({ kid: "https://contoso-kv.vault.azure.net/keys/app-cert/0123456789abcdef", value: Buffer.from(signature, "base64").toString("base64url") }),
  "bare base64": (signature) => signature.replace(/.{64}/g, "$&\n"),
  "bare base64url": (signature) => Buffer.from(signature, "base64").toString("base64url"),
};

async function startAndReadDigest(page: Page): Promise<string> {
  const shown = page.getByTestId("external-sign-digest-base64");
  const before = (await shown.count()) > 0 ? await shown.textContent() : null;
  await page.getByTestId("external-sign-start").click();
  const digest = page.getByTestId("external-sign-digest-base64");
  await expect(digest).toHaveText(/^[A-Za-z0-9+/]{43}=$/);
  if (before) await expect(digest).not.toHaveText(before);
  return (await digest.textContent()) ?? "";
}

for (const [form, alg] of [["RS256-x5t", "RS256"], ["PS256-x5t#S256", "PS256"]] as const) {
  test(`${alg}: a signature made outside the page, pasted in each shape, completes the assertion and gets a token`, async ({ page }) => {
    test.slow();
    await openWithCertificateOnly(page);
    await page.getByTestId("assertion-form").selectOption(form);
    const service = await startMock();
    await expect(page.getByTestId("proxy-status")).toContainText("127.0.0.1");
    let sent = 0;
    for (const [shape, write] of Object.entries(SHAPES)) {
      const digest = await startAndReadDigest(page);
      // The digest is SHA-256 of the signing input the page will send: checked on the finished JWT below.
      await expect(page.getByTestId("external-sign-digest-base64url")).toHaveText(Buffer.from(digest, "base64").toString("base64url"));
      await expect(page.getByTestId("external-sign-command")).toContainText(`--algorithm ${alg}`);
      await expect(page.getByTestId("external-sign-command")).toContainText(digest);
      await page.getByTestId("external-sign-input").fill(write(vaultSign(digest, alg), alg));
      await expect(page.getByTestId("external-sign-verdict"), shape).toHaveAttribute("data-verdict", "valid");
      const jwt = (await page.getByTestId("assertion-jwt").textContent()) ?? "";
      expect(jwt).toMatch(/^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+$/);
      const signingInput = jwt.slice(0, jwt.lastIndexOf("."));
      const { createHash } = await import("node:crypto");
      expect(createHash("sha256").update(signingInput).digest("base64"), shape).toBe(digest);
      // Linted like any assertion the page signs: the signature check against the certificate passes.
      await expect(page.getByTestId("assertion-signature")).toHaveAttribute("data-signature-status", "valid");
      await page.getByTestId("send-token-request").click();
      sent += 1;
      // The previous response stays on screen until the new one arrives: wait for the mock to have answered this one.
      await expect.poll(() => service.requests.length, { message: shape }).toBe(sent);
      await expect(page.getByTestId("send-token-request")).toHaveText("Send token request");
      expect(service.requests.at(-1)?.aadstsCode, shape).toBeUndefined();
      await expect(page.getByTestId("token-status"), shape).toContainText("HTTP 200");
      const body = JSON.parse((await page.getByTestId("token-response").textContent()) ?? "{}") as Record<string, unknown>;
      expect(typeof body.access_token, shape).toBe("string");
    }
  });
}

test("another key's signature, garbage, and the other padding are refused with the reason, and nothing is sent", async ({ page }) => {
  test.slow();
  await openWithCertificateOnly(page);
  const service = await startMock();
  await expect(page.getByTestId("proxy-status")).toContainText("127.0.0.1");
  const digest = await startAndReadDigest(page);
  const verdict = page.getByTestId("external-sign-verdict");
  const send = page.getByTestId("send-token-request");

  await page.getByTestId("external-sign-input").fill(SHAPES["az keyvault key sign"]?.(vaultSign(digest, "RS256", "other-key.pem"), "RS256") ?? "");
  await expect(verdict).toHaveAttribute("data-verdict", "invalid");
  await expect(verdict).toHaveAttribute("data-reason", "another-key");
  await expect(verdict).toContainText("another key");
  await expect(send).toBeDisabled();

  await page.getByTestId("external-sign-input").fill("this is not a signature at all");
  await expect(verdict).toHaveAttribute("data-reason", "not-a-signature");
  await expect(send).toBeDisabled();

  await page.getByTestId("external-sign-input").fill(vaultSign(digest, "PS256"));
  await expect(verdict).toHaveAttribute("data-reason", "other-algorithm");
  await expect(send).toBeDisabled();
  await expect(page.getByTestId("assertion-jwt")).toHaveCount(0);

  // A valid signature, then Start again: the signature is for the earlier digest, named as such, and not sent.
  await page.getByTestId("external-sign-input").fill(vaultSign(digest, "RS256"));
  await expect(verdict).toHaveAttribute("data-verdict", "valid");
  await expect(send).toBeEnabled();
  await startAndReadDigest(page);
  await expect(verdict).toHaveAttribute("data-reason", "changed");
  await expect(send).toBeDisabled();
  // What the user pasted stays as it was.
  await expect(page.getByTestId("external-sign-input")).not.toHaveValue("");
  expect(service.requests).toEqual([]);
});

test("changing a setting the claims hold makes a new digest; the old signature is named as for an earlier digest", async ({ page }) => {
  await openWithCertificateOnly(page);
  const digest = await startAndReadDigest(page);
  await page.getByTestId("external-sign-input").fill(vaultSign(digest, "RS256"));
  await expect(page.getByTestId("external-sign-verdict")).toHaveAttribute("data-verdict", "valid");
  await page.getByTestId("assertion-form").selectOption("PS256-x5t#S256");
  await expect(page.getByTestId("external-sign-digest-base64")).not.toHaveText(digest);
  await expect(page.getByTestId("external-sign-verdict")).toHaveAttribute("data-reason", "changed");
  await expect(page.getByTestId("external-sign-command")).toContainText("--algorithm PS256");
});

test("a PFX downloaded from Key Vault (no password) imports with its key, the password field left empty", async ({ page }) => {
  openssl.run(["pkcs12", "-export", "-inkey", "vault-key.pem", "-in", "server.crt", "-out", "server.pfx", "-passout", "pass:"]);
  await page.goto("/");
  await chooseUseExisting(page);
  await page.getByTestId("import-file").setInputFiles(openssl.path("server.pfx"));
  await expect(page.getByTestId("import-password")).toHaveValue("");
  await page.getByTestId("import-submit").click();
  await expect(page.getByTestId("thumbprint-sha1")).toHaveText(parseOpenSslFingerprint(openssl.run(["x509", "-in", "server.crt", "-noout", "-fingerprint", "-sha1"])));
  await expect(page.getByTestId("import-summary")).toContainText("private key");
  // With its key the page signs itself: no Sign elsewhere.
  await openTroubleshooting(page);
  await expect(page.getByTestId("external-sign")).toHaveCount(0);
});

for (const theme of ["light", "dark"] as const) {
  test(`the Sign elsewhere panel: axe finds nothing in the ${theme} theme`, async ({ page }) => {
    test.slow();
    await openWithCertificateOnly(page);
    await page.getByTestId("theme-select").selectOption(theme);
    const digest = await startAndReadDigest(page);
    await page.getByTestId("external-sign-input").fill(vaultSign(digest, "RS256", "other-key.pem"));
    await expect(page.getByTestId("external-sign-verdict")).toHaveAttribute("data-verdict", "invalid");
    const refused = await new AxeBuilder({ page }).include('[id="assertion"]').withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    await page.getByTestId("external-sign-input").fill(vaultSign(digest, "RS256"));
    await expect(page.getByTestId("external-sign-verdict")).toHaveAttribute("data-verdict", "valid");
    await page.getByTestId("external-sign").locator("summary").click();
    const accepted = await new AxeBuilder({ page }).include('[id="assertion"]').withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const summary = [...refused.violations, ...accepted.violations].map((violation) => `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).join("; ")}`);
    expect(summary).toEqual([]);
  });
}

test("step 3's key-in-Key-Vault choice shows code with the header the page signs elsewhere, and keeps the chosen form", async ({ page }) => {
  await openWithCertificateOnly(page);
  await page.getByTestId("assertion-form").selectOption("PS256-x5t#S256");
  await page.getByTestId("library-select").selectOption("key-vault-msal-python");
  await expect(page.getByTestId("assertion-form")).toHaveValue("PS256-x5t#S256");
  const x5tS256 = Buffer.from(parseOpenSslFingerprint(openssl.run(["x509", "-in", "server.crt", "-noout", "-fingerprint", "-sha256"])), "hex").toString("base64url");
  const snippet = page.getByTestId("recipe-key-vault-msal-python");
  await expect(snippet).toContainText(`"x5t#S256": "${x5tS256}"`);
  await expect(snippet).toContainText('client_credential={"client_assertion": client_assertion}');
  await expect(snippet).toContainText("SignatureAlgorithm.ps256");
  await page.getByTestId("external-sign-start").click();
  await page.getByTestId("external-sign").locator("summary").click();
  await expect(page.getByTestId("external-sign-claims")).toContainText(`"x5t#S256": "${x5tS256}"`);
  for (const id of ["key-vault-azure-identity-python", "key-vault-msal-dotnet", "key-vault-azure-identity-js"]) {
    await page.getByTestId("library-select").selectOption(id);
    await expect(page.getByTestId(`recipe-${id}`)).toContainText(x5tS256);
  }
});
