import { createHash, X509Certificate as NodeX509Certificate } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSelfSignedCertificate } from "../certificate/create";
import { credentialFiles, primaryCredentialFiles, type Credential, type CredentialFiles } from "./credential";
import { generateCredential } from "./generate-credential";
import { WorkbenchError } from "../errors";
import { generateRsaKeyPair, RSA_KEY_SIZES } from "../keys/rsa-keys";
import { createOpenSslWorkspace, parseOpenSslFingerprint, type OpenSslWorkspace } from "../../../test-support/openssl";

const subject = {
  commonName: "credential-workbench",
  organization: "Contoso, Ltd.",
  organizationalUnit: 'R&D "Identity"',
  locality: "Zürich",
  state: "ZH",
  country: "CH",
  email: "ops@contoso.example",
};

describe.each(RSA_KEY_SIZES)("a generated %i-bit credential, judged by OpenSSL", (keySize) => {
  let openssl: OpenSslWorkspace;
  let credential: Credential;
  let files: CredentialFiles;
  const now = new Date();

  beforeAll(async () => {
    openssl = createOpenSslWorkspace();
    credential = await generateCredential({
      keySize,
      subject,
      validityDays: 365,
      subjectAlternativeNames: { dnsNames: ["app.contoso.example"], uris: ["urn:contoso:app"] },
      now,
    });
    files = credentialFiles(credential);
    openssl.write("server.crt", files["server.crt"]);
    openssl.write("server.pem", files["server.pem"] ?? "");
    openssl.write("server-rsa.pem", files["server-rsa.pem"] ?? "");
    openssl.write("server.csr", files["server.csr"] ?? "");
  });
  afterAll(() => openssl.dispose());

  it("has the subject fields intact, commas, quotes and non-ASCII included", () => {
    const text = openssl.run(["x509", "-in", "server.crt", "-noout", "-subject", "-nameopt", "RFC2253,-esc_msb"]);
    expect(text).toContain("CN=credential-workbench");
    expect(text).toContain("O=Contoso\\, Ltd.");
    expect(text).toContain('OU=R&D \\"Identity\\"');
    expect(text).toContain("L=Zürich");
    expect(text).toContain("C=CH");
    expect(text).toContain("emailAddress=ops@contoso.example");
    // Issuer equals subject: self-signed.
    const issuer = openssl.run(["x509", "-in", "server.crt", "-noout", "-issuer", "-nameopt", "RFC2253,-esc_msb"]);
    expect(issuer.replace("issuer=", "")).toBe(text.replace("subject=", ""));
  });

  it("has the key size, signature algorithm and extensions asked for", () => {
    const text = openssl.run(["x509", "-in", "server.crt", "-noout", "-text"]);
    expect(text).toContain("Version: 3 (0x2)");
    expect(text).toContain(`Public-Key: (${String(keySize)} bit)`);
    expect(text).toContain("Exponent: 65537 (0x10001)");
    expect(text).toContain("Signature Algorithm: sha256WithRSAEncryption");
    expect(text).toMatch(/X509v3 Basic Constraints:\s*\n\s*CA:FALSE/);
    expect(text).toMatch(/X509v3 Key Usage: critical\s*\n\s*Digital Signature\s*\n/);
    expect(text).toMatch(/X509v3 Extended Key Usage:\s*\n\s*TLS Web Client Authentication\s*\n/);
    expect(text).toContain("X509v3 Subject Key Identifier");
    expect(text).toContain("X509v3 Authority Key Identifier");
    expect(text).toMatch(/DNS:app\.contoso\.example, URI:urn:contoso:app/);
  });

  it("names its key by SHA-1 of the RSAPublicKey in both SKI and AKI (RFC 5280 §4.2.1.2 method 1)", () => {
    // The subjectPublicKey BIT STRING of an RSA key holds its PKCS#1 RSAPublicKey: Node exports that DER.
    const rsaPublicKeyDer = new NodeX509Certificate(files["server.crt"]).publicKey.export({ type: "pkcs1", format: "der" });
    const keyId = createHash("sha1").update(rsaPublicKeyDer).digest("hex").toUpperCase().replace(/(..)(?!$)/g, "$1:");
    const text = openssl.run(["x509", "-in", "server.crt", "-noout", "-ext", "subjectKeyIdentifier,authorityKeyIdentifier"]);
    expect(text).toMatch(new RegExp(`Subject Key Identifier:\\s*\\n\\s*${keyId}\\s*\\n`));
    expect(text).toMatch(new RegExp(`Authority Key Identifier:\\s*\\n\\s*(keyid:)?${keyId}\\s*\\n`));
  });

  it("is valid for the days asked for, starting a few minutes in the past", () => {
    const nodeCert = new NodeX509Certificate(files["server.crt"]);
    const notBefore = new Date(nodeCert.validFrom).getTime();
    const notAfter = new Date(nodeCert.validTo).getTime();
    expect(notBefore).toBeLessThan(now.getTime());
    expect(now.getTime() - notBefore).toBeLessThanOrEqual(10 * 60 * 1000);
    expect(Math.round((notAfter - now.getTime()) / 86_400_000)).toBe(365);
    expect(openssl.tryRun(["x509", "-in", "server.crt", "-noout", "-checkend", "0"]).status).toBe(0);
  });

  it("has a positive 16-byte serial", () => {
    const serial = openssl.run(["x509", "-in", "server.crt", "-noout", "-serial"]).trim().replace("serial=", "");
    expect(serial).toMatch(/^[4-7][0-9A-F]{31}$/);
    expect(serial).toBe(credential.certificateDetails.serialNumberHex);
  });

  it("has the SHA-1 and SHA-256 thumbprints OpenSSL computes", () => {
    const sha1 = parseOpenSslFingerprint(openssl.run(["x509", "-in", "server.crt", "-noout", "-fingerprint", "-sha1"]));
    const sha256 = parseOpenSslFingerprint(openssl.run(["x509", "-in", "server.crt", "-noout", "-fingerprint", "-sha256"]));
    const { thumbprints } = credential.certificateDetails;
    expect(thumbprints.sha1Hex).toBe(sha1);
    expect(thumbprints.sha1Hex).toMatch(/^[0-9A-F]{40}$/);
    expect(thumbprints.sha256Hex).toBe(sha256);
    expect(thumbprints.x5t).toBe(Buffer.from(sha1, "hex").toString("base64url"));
    expect(thumbprints.x5tS256).toBe(Buffer.from(sha256, "hex").toString("base64url"));
  });

  it("holds the public key of the private key in server.pem", () => {
    const fromKey = openssl.run(["pkey", "-in", "server.pem", "-pubout"]);
    const fromCert = openssl.run(["x509", "-in", "server.crt", "-noout", "-pubkey"]);
    expect(fromKey).toBe(fromCert);
    expect(openssl.run(["pkey", "-in", "server.pem", "-check", "-noout"])).toContain("Key is valid");
  });

  it("writes server.pem as PKCS#8 and server-rsa.pem as PKCS#1, the same key", () => {
    expect(files["server.pem"]).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(files["server-rsa.pem"]).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
    for (const pem of [files["server.crt"], files["server.pem"] ?? "", files["server.csr"] ?? ""]) {
      const lines = pem.trimEnd().split("\n").slice(1, -1);
      expect(lines.slice(0, -1).every((line) => line.length === 64)).toBe(true);
      expect(pem.endsWith("-----\n")).toBe(true);
    }
    const pkcs8Modulus = openssl.run(["rsa", "-in", "server.pem", "-noout", "-modulus"]);
    const pkcs1Modulus = openssl.run(["rsa", "-in", "server-rsa.pem", "-noout", "-modulus"]);
    expect(pkcs1Modulus).toBe(pkcs8Modulus);
    // OpenSSL's -traditional output of the PKCS#8 key is byte-for-byte our PKCS#1 file.
    expect(openssl.run(["rsa", "-in", "server.pem", "-traditional"])).toBe(files["server-rsa.pem"]);
  });

  it("offers server.crt, server.cer and server.pem first, the same bytes as the full set", () => {
    const primary = primaryCredentialFiles(credential);
    expect(Object.keys(primary).sort()).toEqual(["server.cer", "server.crt", "server.pem"]);
    for (const name of Object.keys(primary) as (keyof typeof primary)[]) expect(primary[name]).toEqual(files[name]);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(["server-rsa.pem", "server-with-key.pem", "server.csr"]));
  });

  it("writes server-with-key.pem whose key and certificate OpenSSL reads as a pair", () => {
    openssl.write("server-with-key.pem", files["server-with-key.pem"] ?? "");
    expect(openssl.run(["pkey", "-in", "server-with-key.pem", "-pubout"])).toBe(openssl.run(["x509", "-in", "server-with-key.pem", "-noout", "-pubkey"]));
    expect(openssl.run(["x509", "-in", "server-with-key.pem", "-noout", "-fingerprint", "-sha1"])).toBe(openssl.run(["x509", "-in", "server.crt", "-noout", "-fingerprint", "-sha1"]));
  });

  it("writes a CSR that OpenSSL verifies, for the same subject and key", () => {
    const verified = openssl.tryRun(["req", "-in", "server.csr", "-verify", "-noout"]);
    expect(verified.status).toBe(0);
    expect(verified.stderr + verified.stdout).toMatch(/verify OK/i);
    const csrSubject = openssl.run(["req", "-in", "server.csr", "-noout", "-subject", "-nameopt", "RFC2253,-esc_msb"]);
    const certSubject = openssl.run(["x509", "-in", "server.crt", "-noout", "-subject", "-nameopt", "RFC2253,-esc_msb"]);
    expect(csrSubject).toBe(certSubject);
    expect(openssl.run(["req", "-in", "server.csr", "-noout", "-pubkey"])).toBe(openssl.run(["x509", "-in", "server.crt", "-noout", "-pubkey"]));
  });

  it("verifies against itself as a self-signed certificate", () => {
    const result = openssl.run(["verify", "-CAfile", "server.crt", "-partial_chain", "server.crt"]);
    expect(result.trim()).toBe("server.crt: OK");
    const nodeCert = new NodeX509Certificate(files["server.crt"]);
    expect(nodeCert.verify(nodeCert.publicKey)).toBe(true);
    expect(createHash("sha1").update(nodeCert.raw).digest("hex").toUpperCase()).toBe(credential.certificateDetails.thumbprints.sha1Hex);
  });
});

describe("bad generation options", () => {
  it.each([
    [{ commonName: "" }, "ERR_INVALID_SUBJECT", /Common Name/],
    [{ commonName: "x", country: "USA" }, "ERR_INVALID_SUBJECT", /two capital letters/],
    [{ commonName: "x", country: "us" }, "ERR_INVALID_SUBJECT", /two capital letters/],
    [{ commonName: "x".repeat(65) }, "ERR_INVALID_SUBJECT", /64 or fewer/],
    [{ commonName: "x", email: "not-an-email" }, "ERR_INVALID_SUBJECT", /e-mail/],
  ])("refuses subject %o with a message", async (badSubject, code, message) => {
    const keys = await generateRsaKeyPair(2048);
    const attempt = createSelfSignedCertificate({ keys, subject: badSubject, validityDays: 365 });
    await expect(attempt).rejects.toBeInstanceOf(WorkbenchError);
    await expect(attempt).rejects.toMatchObject({ code, message: expect.stringMatching(message) as unknown });
  });

  it.each([0, -1, 3651, 1.5, Number.NaN])("refuses a validity of %s days", async (validityDays) => {
    const keys = await generateRsaKeyPair(2048);
    await expect(createSelfSignedCertificate({ keys, subject, validityDays })).rejects.toMatchObject({ code: "ERR_INVALID_VALIDITY" });
  });

  it("refuses a DNS name with a space and a relative URI", async () => {
    const keys = await generateRsaKeyPair(2048);
    await expect(createSelfSignedCertificate({ keys, subject, validityDays: 1, subjectAlternativeNames: { dnsNames: ["a b.com"] } })).rejects.toMatchObject({ code: "ERR_INVALID_SAN" });
    await expect(createSelfSignedCertificate({ keys, subject, validityDays: 1, subjectAlternativeNames: { uris: ["/relative"] } })).rejects.toMatchObject({ code: "ERR_INVALID_SAN" });
  });

  it("refuses a key size Entra rejects", async () => {
    await expect(generateRsaKeyPair(1024 as 2048)).rejects.toMatchObject({ code: "ERR_INVALID_KEY_SIZE" });
  });
});

describe("certificate details", () => {
  it("give the CN unescaped, as OpenSSL prints it without RFC 2253 escaping", async () => {
    const credential = await generateCredential({ keySize: 2048, subject: { commonName: 'Contoso, Ltd "prod"' }, validityDays: 1 });
    const openssl = createOpenSslWorkspace();
    try {
      openssl.write("c.crt", credentialFiles(credential)["server.crt"]);
      const printed = openssl.run(["x509", "-in", "c.crt", "-noout", "-subject", "-nameopt", "utf8,sep_comma_plus,-esc_2253,-dn_rev"]).trim();
      expect(printed).toBe(`subject=CN=${credential.certificateDetails.commonName ?? ""}`);
      expect(credential.certificateDetails.commonName).toBe('Contoso, Ltd "prod"');
    } finally {
      openssl.dispose();
    }
  });
});
