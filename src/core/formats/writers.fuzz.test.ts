/**
 * Round trips through every writer the page offers for a key and certificate (PEM, PKCS#1, encrypted PKCS#8,
 * PKCS#12 modern and legacy, the combined key+certificate PEM): what we write, OpenSSL reads back to the same
 * key and certificate, and so do we. Inputs: a key and certificate OpenSSL makes, passwords fast-check draws.
 */
import { createPrivateKey, createPublicKey } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fuzzAssert } from "../../../test-support/fuzz";
import { createCorpus, type Corpus } from "../../../test-support/fuzz-corpus";
import { encodeCertificateWithKeyPem } from "./combined-pem";
import { encryptPrivateKeyPkcs8 } from "./encrypted-private-key";
import { importCredentialMaterial } from "./import-material";
import { decodePemBlocks, encodePem } from "./pem";
import { pkcs1ToPkcs8, pkcs8ToPkcs1 } from "./pkcs1";
import { exportPkcs12 } from "./pkcs12-export";

let corpus: Corpus;
let certificateSha1 = "";
let publicKeyPem = "";
beforeAll(() => {
  corpus = createCorpus();
  certificateSha1 = corpus.openssl.run(["x509", "-in", "cert.pem", "-noout", "-fingerprint", "-sha1"]).replace(/^.*=/s, "").replace(/[:\s]/g, "");
  publicKeyPem = corpus.openssl.run(["pkey", "-in", "key.pem", "-pubout"]);
});
afterAll(() => corpus.dispose());

/** Passwords people type, and a few that catch encoders out: printable ASCII, spaces, quotes, non-ASCII letters. */
const passwordArbitrary = fc.oneof(
  fc.string({ unit: fc.constantFrom(..."abcXYZ019 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"), minLength: 1, maxLength: 24 }),
  fc.constantFrom("pässwörd", "パスワード", "naïve café", "€uro"),
);

/** OpenSSL reads `password` from a file, so no argument quoting or locale stands between it and the bytes. */
function passwordFile(password: string): string {
  return `file:${corpus.openssl.write("password.txt", `${password}\n`)}`;
}

describe("writers round-trip through OpenSSL and back through the import", () => {
  it("PEM: any DER written as PEM decodes to the same bytes, by us and by Node's base64", async () => {
    await fuzzAssert(
      "pem-round-trip",
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 3000 }), fc.constantFrom("CERTIFICATE", "PRIVATE KEY", "RSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "CERTIFICATE REQUEST") as fc.Arbitrary<Parameters<typeof encodePem>[0]>, (der, label) => {
        const pem = encodePem(label, der);
        const [block] = decodePemBlocks(pem);
        expect(block?.label).toBe(label);
        expect(Buffer.from(block?.der ?? new Uint8Array()).equals(Buffer.from(der))).toBe(true);
        // RFC 7468 §2: lines of 64 characters, the reference decoder reads the same bytes.
        const body = pem.split("\n").slice(1, -2);
        expect(body.every((line) => line.length <= 64)).toBe(true);
        expect(Buffer.from(body.join(""), "base64").equals(Buffer.from(der))).toBe(true);
      }),
      100,
    );
  });

  it("PKCS#1 from our PKCS#8 is the DER OpenSSL writes (rsa -traditional), and converts back", () => {
    const ours = pkcs8ToPkcs1(corpus.keyPkcs8Der);
    const reference = createPrivateKey(corpus.keyPem).export({ type: "pkcs1", format: "der" });
    expect(Buffer.from(ours).equals(reference)).toBe(true);
    expect(Buffer.from(pkcs1ToPkcs8(ours)).equals(Buffer.from(corpus.keyPkcs8Der))).toBe(true);
  });

  it("encrypted PKCS#8: OpenSSL decrypts what we write with the same password to the same key, and we read it back", async () => {
    await fuzzAssert(
      "encrypted-pkcs8-round-trip",
      fc.asyncProperty(passwordArbitrary, async (password) => {
        const pem = encodePem("ENCRYPTED PRIVATE KEY", await encryptPrivateKeyPkcs8(corpus.keyPkcs8Der, password, { iterations: 1000 }));
        corpus.openssl.write("ours-encrypted.pem", pem);
        expect(corpus.openssl.run(["pkey", "-in", "ours-encrypted.pem", "-passin", passwordFile(password), "-pubout"])).toBe(publicKeyPem);
        const back = await importCredentialMaterial([{ bytes: new TextEncoder().encode(pem) }], password);
        expect(back.ok && Buffer.from(back.privateKeyPkcs8Der ?? new Uint8Array()).equals(Buffer.from(corpus.keyPkcs8Der))).toBe(true);
      }),
      6,
    );
  }, 60_000);

  it("PKCS#12, modern and legacy: OpenSSL opens what we write with the same password (same certificate and key), and we read it back", async () => {
    await fuzzAssert(
      "pkcs12-round-trip",
      fc.asyncProperty(passwordArbitrary, fc.constantFrom("modern" as const, "legacy" as const), fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: undefined }), async (password, profile, friendlyName) => {
        const pfx = await exportPkcs12({ privateKeyPkcs8Der: corpus.keyPkcs8Der, certificateDer: corpus.certificateDer, password, profile, friendlyName, iterations: 1000 });
        corpus.openssl.write("ours.pfx", pfx);
        // The legacy profile's certificates are RC2-40: OpenSSL 3 reads them only with its legacy provider.
        const legacy = profile === "legacy" ? ["-legacy"] : [];
        corpus.openssl.run(["pkcs12", "-in", "ours.pfx", ...legacy, "-passin", passwordFile(password), "-nodes", "-out", "ours-open.pem"]);
        expect(corpus.openssl.run(["x509", "-in", "ours-open.pem", "-noout", "-fingerprint", "-sha1"]).replace(/^.*=/s, "").replace(/[:\s]/g, "")).toBe(certificateSha1);
        expect(corpus.openssl.run(["pkey", "-in", "ours-open.pem", "-pubout"])).toBe(publicKeyPem);
        const back = await importCredentialMaterial([{ name: "ours.pfx", bytes: pfx }], password);
        if (!back.ok) throw new Error(back.message);
        expect(back.certificates[0]?.details.thumbprints.sha1Hex).toBe(certificateSha1);
        expect(createPublicKey(createPrivateKey({ key: Buffer.from(back.privateKeyPkcs8Der ?? new Uint8Array()), format: "der", type: "pkcs8" })).export({ type: "spki", format: "pem" })).toBe(publicKeyPem);
        if (friendlyName !== undefined) expect(back.friendlyName).toBe(friendlyName);
      }),
      6,
    );
  }, 60_000);

  it("the combined key+certificate PEM: OpenSSL reads the key and the certificate from it, and so do we", async () => {
    const pem = encodeCertificateWithKeyPem(corpus.keyPkcs8Der, corpus.certificateDer);
    corpus.openssl.write("combined.pem", pem);
    expect(corpus.openssl.run(["pkey", "-in", "combined.pem", "-pubout"])).toBe(publicKeyPem);
    expect(corpus.openssl.run(["x509", "-in", "combined.pem", "-noout", "-fingerprint", "-sha1"]).replace(/^.*=/s, "").replace(/[:\s]/g, "")).toBe(certificateSha1);
    const back = await importCredentialMaterial([{ bytes: new TextEncoder().encode(pem) }]);
    expect(back.ok && back.keyMatchesCertificate).toBe(true);
  });
});
