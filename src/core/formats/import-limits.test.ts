import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenSslWorkspace, type OpenSslWorkspace } from "../../../test-support/openssl";
import { importCredentialMaterial } from "./import-material";
import { MAX_PBKDF2_ITERATIONS } from "./password-based-encryption";
import { MAX_PKCS12_KDF_ITERATIONS } from "./pkcs12-kdf";

/** Files with absurd work factors are refused quickly instead of freezing the page. */
describe("import limits on attacker-chosen iteration counts", () => {
  let openssl: OpenSslWorkspace;
  beforeAll(() => {
    openssl = createOpenSslWorkspace();
    openssl.run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-subj", "/CN=limits", "-days", "1"]);
  });
  afterAll(() => openssl.dispose());

  it("refuses a legacy PFX whose PKCS#12 KDF asks for more than the cap, in well under a second", async () => {
    const iterations = String(MAX_PKCS12_KDF_ITERATIONS + 1);
    openssl.run(["pkcs12", "-export", "-legacy", "-inkey", "key.pem", "-in", "cert.pem", "-out", "heavy.pfx", "-passout", "pass:pw", "-iter", iterations, "-maciter"]);
    const started = performance.now();
    const result = await importCredentialMaterial([{ name: "heavy.pfx", bytes: readFileSync(openssl.path("heavy.pfx")) }], "pw");
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/iterations/);
  });

  it("still reads a legacy PFX at the cap's order of magnitude used by Java (10,000)", async () => {
    openssl.run(["pkcs12", "-export", "-legacy", "-inkey", "key.pem", "-in", "cert.pem", "-out", "java.pfx", "-passout", "pass:pw", "-iter", "10000", "-maciter"]);
    const result = await importCredentialMaterial([{ name: "java.pfx", bytes: readFileSync(openssl.path("java.pfx")) }], "pw");
    expect(result.ok).toBe(true);
  });

  it("refuses an encrypted PKCS#8 key whose PBKDF2 count is above the cap", async () => {
    openssl.run(["pkcs8", "-topk8", "-in", "key.pem", "-out", "heavy-key.pem", "-passout", "pass:pw", "-v2", "aes256", "-iter", String(MAX_PBKDF2_ITERATIONS + 1)]);
    const result = await importCredentialMaterial([{ name: "heavy-key.pem", bytes: readFileSync(openssl.path("heavy-key.pem")) }], "pw");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/iterations/);
  });
});

describe("bytes after a DER certificate", () => {
  it.each([
    ["a newline", [0x0a]],
    ["four NUL bytes", [0, 0, 0, 0]],
  ])("are dropped (%s): the thumbprint is OpenSSL's", async (_, trailing) => {
    const openssl = createOpenSslWorkspace();
    try {
      openssl.run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "k.pem", "-out", "c.der", "-outform", "DER", "-subj", "/CN=trailing", "-days", "1"]);
      const fingerprint = openssl.run(["x509", "-in", "c.der", "-inform", "DER", "-noout", "-fingerprint", "-sha1"]).trim().split("=")[1]?.replace(/:/g, "");
      const bytes = new Uint8Array([...readFileSync(openssl.path("c.der")), ...trailing]);
      const result = await importCredentialMaterial([{ name: "c.der", bytes }]);
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.certificates[0]?.details.thumbprints.sha1Hex).toBe(fingerprint);
    } finally {
      openssl.dispose();
    }
  });
});
