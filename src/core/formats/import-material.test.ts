import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bytesToBase64, utf8Encode } from "../encoding";
import { WorkbenchError } from "../errors";
import { createOpenSslWorkspace, parseOpenSslFingerprint, type OpenSslWorkspace } from "../../../test-support/openssl";
import { credentialFromImport, replaceCertificateIfKeyMatches } from "./credential-from-import";
import { importCredentialMaterial } from "./import-material";
import type { ImportResult, ImportSuccess } from "./import-result";

const PASSWORD = "import-pw";

function ok(result: ImportResult): ImportSuccess {
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.message}`);
  return result;
}

describe("importCredentialMaterial, with files made by OpenSSL", () => {
  let openssl: OpenSslWorkspace;
  let dir: string;
  let thumbprint: string;
  let publicKeyPem: string;
  const file = (name: string): Uint8Array => new Uint8Array(readFileSync(join(dir, name)));
  const text = (value: string): { bytes: Uint8Array } => ({ bytes: utf8Encode(value) });
  const pubkeyOf = (result: ImportSuccess): string => {
    openssl.write("imported-key.der", result.privateKeyPkcs8Der ?? new Uint8Array());
    return openssl.run(["pkey", "-inform", "DER", "-in", "imported-key.der", "-pubout"]);
  };

  beforeAll(() => {
    openssl = createOpenSslWorkspace();
    dir = dirname(openssl.write(".probe", ""));
    const run = (args: string[]): string => openssl.run(args);
    run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-subj", "/CN=import-test", "-days", "30"]);
    run(["x509", "-in", "cert.pem", "-outform", "DER", "-out", "cert.der"]);
    run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca-key.pem", "-out", "ca.pem", "-subj", "/CN=import-ca", "-days", "30"]);
    run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "der-key.pem", "-outform", "DER", "-out", "req-x509.der", "-subj", "/CN=der", "-days", "30"]);
    run(["rsa", "-in", "key.pem", "-traditional", "-out", "key-pkcs1.pem"]);
    run(["rsa", "-in", "key.pem", "-traditional", "-aes256", "-passout", "pass:old", "-out", "key-legacy-encrypted.pem"]);
    run(["pkey", "-in", "key.pem", "-outform", "DER", "-out", "key.p8.der"]);
    run(["pkcs8", "-topk8", "-in", "key.pem", "-passout", `pass:${PASSWORD}`, "-out", "key-encrypted.pem"]);
    run(["genpkey", "-algorithm", "RSA", "-aes256", "-pass", `pass:${PASSWORD}`, "-out", "genpkey-aes256.pem"]);
    run(["pkcs12", "-export", "-in", "cert.pem", "-inkey", "key.pem", "-name", "modern", "-passout", `pass:${PASSWORD}`, "-out", "modern.pfx"]);
    run(["pkcs12", "-export", "-legacy", "-in", "cert.pem", "-inkey", "key.pem", "-passout", `pass:${PASSWORD}`, "-out", "legacy.pfx"]);
    run(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "ec-key.pem", "-out", "ec-cert.pem", "-subj", "/CN=ec", "-days", "30"]);
    run(["req", "-x509", "-newkey", "rsa:1024", "-nodes", "-keyout", "small-key.pem", "-out", "small-cert.pem", "-subj", "/CN=small", "-days", "30"]);
    run(["req", "-new", "-key", "key.pem", "-out", "server.csr", "-subj", "/CN=import-test"]);
    run(["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial", "-out", "ca-signed.pem", "-days", "30"]);
    thumbprint = parseOpenSslFingerprint(run(["x509", "-in", "cert.pem", "-noout", "-fingerprint", "-sha1"]));
    publicKeyPem = run(["pkey", "-in", "key.pem", "-pubout"]);
  });
  afterAll(() => openssl.dispose());

  const expectKeyAndCertificate = (result: ImportSuccess): void => {
    expect(result.certificates[0]?.details.thumbprints.sha1Hex).toBe(thumbprint);
    expect(pubkeyOf(result)).toBe(publicKeyPem);
    expect(result.keyInfo).toEqual({ algorithm: "RSA", rsaKeyBits: 2048, usableForEntra: true });
    expect(result.keyMatchesCertificate).toBe(true);
  };

  it.each([
    ["modern.pfx (openssl pkcs12 -export)", "modern.pfx"],
    ["legacy.pfx (openssl pkcs12 -export -legacy)", "legacy.pfx"],
  ])("imports %s with the right thumbprint and key", async (_name, name) => {
    const result = ok(await importCredentialMaterial([{ name, bytes: file(name) }], PASSWORD));
    expectKeyAndCertificate(result);
  });

  it("imports a PFX given as base64 text (a Key Vault secret's value)", async () => {
    expectKeyAndCertificate(ok(await importCredentialMaterial([text(bytesToBase64(file("modern.pfx")))], PASSWORD)));
  });

  it("imports key and certificate given as separate files in any order: PEM, DER, PKCS#1, PKCS#8 DER", async () => {
    expectKeyAndCertificate(ok(await importCredentialMaterial([{ bytes: file("cert.der") }, { bytes: file("key-pkcs1.pem") }])));
    expectKeyAndCertificate(ok(await importCredentialMaterial([{ bytes: file("key.p8.der") }, { bytes: file("cert.pem") }])));
  });

  it("imports encrypted PKCS#8 (openssl pkcs8 -topk8, openssl genpkey -aes256) with the password", async () => {
    expectKeyAndCertificate(ok(await importCredentialMaterial([{ bytes: file("key-encrypted.pem") }, { bytes: file("cert.pem") }], PASSWORD)));
    const generated = ok(await importCredentialMaterial([{ bytes: file("genpkey-aes256.pem") }], PASSWORD));
    expect(generated.keyInfo?.usableForEntra).toBe(true);
    expect(generated.warnings.join(" ")).toMatch(/No certificate came with this key/);
  });

  it("imports a key+certificate PEM with Bag Attributes text between blocks (openssl pkcs12 -nodes output, az CLI layout)", async () => {
    const combined = openssl.run(["pkcs12", "-in", "modern.pfx", "-passin", `pass:${PASSWORD}`, "-nodes"]);
    expect(combined).toContain("Bag Attributes");
    expectKeyAndCertificate(ok(await importCredentialMaterial([text(combined)])));
  });

  it("imports `openssl req -x509 -outform DER` as a certificate with a warning that signing needs the key", async () => {
    const result = ok(await importCredentialMaterial([{ name: "server.cer", bytes: file("req-x509.der") }]));
    expect(result.certificates[0]?.details.thumbprints.sha1Hex).toBe(parseOpenSslFingerprint(openssl.run(["x509", "-inform", "DER", "-in", "req-x509.der", "-noout", "-fingerprint", "-sha1"])));
    expect(result.privateKeyPkcs8Der).toBeUndefined();
    expect(result.warnings.join(" ")).toMatch(/signing a client assertion needs the key/);
  });

  it("shows an EC key and certificate but marks them unusable for Entra, with why", async () => {
    const result = ok(await importCredentialMaterial([{ bytes: file("ec-key.pem") }, { bytes: file("ec-cert.pem") }]));
    expect(result.keyInfo?.algorithm).toBe("EC (P-256)");
    expect(result.keyInfo?.usableForEntra).toBe(false);
    expect(result.keyInfo?.reason).toContain("Entra accepts RSA keys only");
    expect(result.keyMatchesCertificate).toBe(true);
    const credential = await credentialFromImport(result);
    expect(credential.key).toBeUndefined();
  });

  it("marks a 1024-bit RSA key unusable", async () => {
    const result = ok(await importCredentialMaterial([{ bytes: file("small-key.pem") }, { bytes: file("small-cert.pem") }]));
    expect(result.keyInfo).toMatchObject({ algorithm: "RSA", rsaKeyBits: 1024, usableForEntra: false });
    expect(result.keyInfo?.reason).toContain("AADSTS50032");
  });

  it("states plainly that a key and certificate that do not match do not belong together", async () => {
    const result = ok(await importCredentialMaterial([{ bytes: file("key.pem") }, { bytes: file("ca.pem") }]));
    expect(result.keyMatchesCertificate).toBe(false);
    const error: unknown = await credentialFromImport(result).catch((caught: unknown) => caught);
    expect((error as WorkbenchError).code).toBe("ERR_KEY_MISMATCH");
    expect((error as WorkbenchError).message).toBe("This key does not belong to this certificate (their public keys differ). Import the key that was generated with this certificate, or the certificate issued for this key.");
  });

  it("builds a Credential whose key signs and whose thumbprint is OpenSSL's", async () => {
    const credential = await credentialFromImport(await importCredentialMaterial([{ bytes: file("modern.pfx") }], PASSWORD));
    expect(credential.origin).toBe("imported");
    expect(credential.certificateDetails.thumbprints.sha1Hex).toBe(thumbprint);
    expect(credential.key?.privateKey.extractable).toBe(true);
    const signature = await crypto.subtle.sign("RSASSA-PKCS1-v1_5", credential.key?.privateKey as CryptoKey, new Uint8Array([1, 2, 3]));
    expect(signature.byteLength).toBe(256);
  });

  it("replaces the self-signed certificate with the CA-signed one from the CSR when the key matches, and refuses another key's", async () => {
    const credential = await credentialFromImport(await importCredentialMaterial([{ bytes: file("key.pem") }, { bytes: file("cert.pem") }]));
    const caSigned = ok(await importCredentialMaterial([{ bytes: file("ca-signed.pem") }])).certificates[0]?.der ?? new Uint8Array();
    const replaced = await replaceCertificateIfKeyMatches(credential, caSigned);
    expect(replaced.certificateDetails.issuer).toContain("import-ca");
    expect(replaced.key).toBe(credential.key);
    const other = ok(await importCredentialMaterial([{ bytes: file("ca.pem") }])).certificates[0]?.der ?? new Uint8Array();
    const error: unknown = await replaceCertificateIfKeyMatches(credential, other).catch((caught: unknown) => caught);
    expect((error as WorkbenchError).code).toBe("ERR_KEY_MISMATCH");
  });

  describe("bad input gets a message naming the problem and the next step", () => {
    it("a PFX without a password", async () => {
      const result = await importCredentialMaterial([{ bytes: file("modern.pfx") }]);
      expect(result).toEqual({ ok: false, code: "ERR_PASSWORD_REQUIRED", message: "This PFX is protected by a password: type it in the password field and import again." });
    });

    it("a PFX or encrypted key with the wrong password", async () => {
      for (const name of ["modern.pfx", "legacy.pfx", "key-encrypted.pem"]) {
        const result = await importCredentialMaterial([{ bytes: file(name) }], "wrong");
        expect(result.ok ? undefined : result.code).toBe("ERR_WRONG_PASSWORD");
      }
    });

    it("an encrypted key without a password", async () => {
      const result = await importCredentialMaterial([{ bytes: file("key-encrypted.pem") }]);
      expect(result.ok ? undefined : result.code).toBe("ERR_PASSWORD_REQUIRED");
    });

    it("a PNG", async () => {
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
      expect(await importCredentialMaterial([{ name: "photo.png", bytes: png }])).toEqual({
        ok: false,
        code: "ERR_UNSUPPORTED_FORMAT",
        message: "This file is not a certificate, key or PFX (it starts with the PNG signature).",
      });
    });

    it("a 50 MB file", async () => {
      const result = await importCredentialMaterial([{ name: "huge.bin", bytes: new Uint8Array(50 * 1024 * 1024) }]);
      expect(result.ok ? undefined : result.code).toBe("ERR_TOO_LARGE");
    });

    it("an unknown PEM label", async () => {
      const result = await importCredentialMaterial([text("-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n")]);
      expect(result).toEqual({
        ok: false,
        code: "ERR_INVALID_PEM",
        message: "PEM label 'FOO' is not something the workbench reads; it reads CERTIFICATE, PRIVATE KEY, RSA PRIVATE KEY, ENCRYPTED PRIVATE KEY and PKCS#12 files.",
      });
    });

    it("a CSR instead of a certificate", async () => {
      const result = await importCredentialMaterial([{ bytes: file("server.csr") }]);
      expect(result.ok ? "" : result.message).toMatch(/certificate signing request \(CSR\), not a certificate/);
    });

    it("an old OpenSSL encrypted RSA key (Proc-Type: 4,ENCRYPTED)", async () => {
      const result = await importCredentialMaterial([{ bytes: file("key-legacy-encrypted.pem") }], "old");
      expect(result.ok ? "" : result.message).toContain("openssl pkcs8 -topk8 -in key.pem -out key-pkcs8.pem");
    });

    it("a truncated DER certificate and a truncated PFX", async () => {
      for (const name of ["cert.der", "modern.pfx"]) {
        const bytes = file(name);
        const result = await importCredentialMaterial([{ bytes: bytes.subarray(0, bytes.length - 10) }], PASSWORD);
        expect(result.ok ? "" : result.message).toMatch(/truncated/);
      }
    });

    it("text with no PEM block, and an empty file", async () => {
      expect((await importCredentialMaterial([text("hello, world")])).ok).toBe(false);
      expect((await importCredentialMaterial([{ bytes: new Uint8Array() }])).ok).toBe(false);
    });
  });
});
