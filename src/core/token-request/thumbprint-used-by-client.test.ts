import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readThumbprintUsedByClient } from "./thumbprint-used-by-client";

// The page's thumbprints, computed by Node's crypto over stand-in bytes.
const der = Buffer.from("stand-in certificate DER");
const page = { sha1Hex: createHash("sha1").update(der).digest("hex").toUpperCase(), sha256Hex: createHash("sha256").update(der).digest("hex").toUpperCase() };

/** The description as Entra words it for AADSTS700027 (reference-error-codes; seen in MSAL issue threads). */
function entraBody(thumbprint: string): Record<string, unknown> {
  return {
    error: "invalid_client",
    error_description: `AADSTS700027: Client assertion failed signature validation. [Reason - The key was not found., Thumbprint of key used by client: '${thumbprint}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'.] Trace ID: x`,
    error_codes: [700027],
  };
}

describe("readThumbprintUsedByClient", () => {
  it("names the page's own certificate (SHA-1, as the portal shows it), whatever the case Entra used", () => {
    const found = readThumbprintUsedByClient(entraBody(page.sha1Hex.toLowerCase()), page);
    expect(found).toMatchObject({ hex: page.sha1Hex, digest: "SHA-1", isPageCertificate: true });
    expect(found?.meaning).toMatch(/upload server\.crt/);
  });
  it("names another certificate", () => {
    const other = createHash("sha1").update("another certificate").digest("hex").toUpperCase();
    expect(readThumbprintUsedByClient(entraBody(other), page)).toMatchObject({ hex: other, isPageCertificate: false });
  });
  it("reads a SHA-256 thumbprint (from x5t#S256) and compares it with the SHA-256 form", () => {
    expect(readThumbprintUsedByClient(entraBody(page.sha256Hex), page)).toMatchObject({ digest: "SHA-256", isPageCertificate: true });
  });
  it("says nothing when the answer names no thumbprint, or a value that is not one", () => {
    expect(readThumbprintUsedByClient({ error: "invalid_client", error_codes: [700027] }, page)).toBeUndefined();
    expect(readThumbprintUsedByClient(entraBody("not-hex"), page)).toBeUndefined();
    expect(readThumbprintUsedByClient(entraBody("AB".repeat(19)), page)).toBeUndefined();
    expect(readThumbprintUsedByClient(42, page)).toBeUndefined();
  });
  it("without a certificate on the page, shows the thumbprint and says there is nothing to compare", () => {
    const found = readThumbprintUsedByClient(entraBody(page.sha1Hex), undefined);
    expect(found?.hex).toBe(page.sha1Hex);
    expect(found?.isPageCertificate).toBeUndefined();
    expect(found?.meaning).toMatch(/No certificate is on this page/);
  });
});
