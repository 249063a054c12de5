import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { comparePortalThumbprint, normalizeThumbprint } from "./portal-thumbprint";

// Thumbprints computed here by Node's crypto, independently of the code under test.
const der = Buffer.from("not a certificate, just bytes to hash");
const sha1Hex = createHash("sha1").update(der).digest("hex").toUpperCase();
const sha256Hex = createHash("sha256").update(der).digest("hex").toUpperCase();
const thumbprints = { sha1Hex, sha256Hex };

describe("comparePortalThumbprint", () => {
  it("is empty for an empty box", () => {
    expect(comparePortalThumbprint("  \n", thumbprints).status).toBe("empty");
  });
  it("matches the portal's own form", () => {
    expect(comparePortalThumbprint(sha1Hex, thumbprints).status).toBe("match");
  });
  it("matches OpenSSL's colon form, lowercase, and a leading left-to-right mark", () => {
    const openSslForm = sha1Hex.toLowerCase().match(/../g)?.join(":") ?? "";
    expect(comparePortalThumbprint(`\u200E${openSslForm} `, thumbprints).status).toBe("match");
    expect(normalizeThumbprint(`\u200E${openSslForm}`)).toBe(sha1Hex);
  });
  it("names a SHA-256 thumbprint as such", () => {
    expect(comparePortalThumbprint(sha256Hex, thumbprints).status).toBe("sha256");
  });
  it("says a different 40-digit thumbprint does not match and names the error Entra gives", () => {
    const other = createHash("sha1").update("other").digest("hex");
    const verdict = comparePortalThumbprint(other, thumbprints);
    expect(verdict.status).toBe("mismatch");
    expect(verdict.status === "mismatch" && verdict.message).toContain("AADSTS700027");
  });
  it("names a truncated value and a non-hex character", () => {
    const short = comparePortalThumbprint(sha1Hex.slice(0, 39), thumbprints);
    expect(short.status === "malformed" && short.message).toContain("this has 39");
    const bad = comparePortalThumbprint(`${sha1Hex.slice(0, 39)}G`, thumbprints);
    expect(bad.status === "malformed" && bad.message).toContain('"G"');
  });
  it("quotes the value as typed, not upper-cased", () => {
    const lower = comparePortalThumbprint(`${sha1Hex.slice(0, 39).toLowerCase()}g`, thumbprints);
    expect(lower.status === "malformed" && lower.message).toContain('"g"');
    const other = createHash("sha1").update("other").digest("hex");
    const mismatch = comparePortalThumbprint(`  ${other}\n`, thumbprints);
    expect(mismatch.status === "mismatch" && mismatch.message).toContain(other);
    expect(mismatch.status === "mismatch" && mismatch.message).toContain(sha1Hex);
    const short = comparePortalThumbprint("ab:cd:ef", thumbprints);
    expect(short.status === "malformed" && short.message).toContain("this has 6 (ab:cd:ef)");
  });
});
