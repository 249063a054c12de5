import { createPublicKey, X509Certificate as NodeX509Certificate } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bytesToHex, toBytes } from "../encoding";
import { exportPkcs8Der, generateRsaKeyPair, importRsaPrivateKey } from "../keys/rsa-keys";
import { GENERATED_CERTIFICATE_CASES, makeCaseKeys } from "../../../test-support/generated-certificate-cases";
import { createOpenSslWorkspace, type OpenSslWorkspace } from "../../../test-support/openssl";
import { freshKeyHandles } from "../../../test-support/fresh-key-handles";
import { createReferenceSelfSignedCertificate } from "../../../test-support/peculiar-self-signed";
import { signSelfSignedCertificate } from "./create";
import { readPublicKeyInfo } from "./public-key-info";

let keys: Record<2048 | 3072, CryptoKeyPair>;
let openssl: OpenSslWorkspace;
beforeAll(async () => {
  keys = await makeCaseKeys(generateRsaKeyPair);
  openssl = createOpenSslWorkspace();
});
afterAll(() => openssl.dispose());

describe.each(GENERATED_CERTIFICATE_CASES)("signSelfSignedCertificate: $label", (testCase) => {
  const make = async (withKeyReadAhead: boolean) => {
    // Read ahead: the public half read before signing, as for a key made in advance; otherwise key
    // objects nothing has read, so the signing reads it itself.
    const pair = withKeyReadAhead ? keys[testCase.keyBits] : await freshKeyHandles(keys[testCase.keyBits]);
    if (withKeyReadAhead) await readPublicKeyInfo(pair.publicKey);
    return signSelfSignedCertificate({
      keys: pair,
      subject: testCase.subject,
      validityDays: testCase.validityDays,
      subjectAlternativeNames: testCase.subjectAlternativeNames,
      now: testCase.now,
    });
  };

  it.each([true, false])("is byte for byte what @peculiar/x509's general generator makes from the same inputs (key read ahead: %s)", async (ahead) => {
    const certificate = await make(ahead);
    // The serial is the one random input; the RSASSA-PKCS1-v1_5 signature is deterministic (RFC 8017 §8.2.1).
    const reference = await createReferenceSelfSignedCertificate({ ...testCase, keys: keys[testCase.keyBits], serialNumberHex: certificate.serialNumberHex });
    expect(bytesToHex(certificate.der)).toBe(bytesToHex(toBytes(reference.rawData)));
  });

  it.each([true, false])("verifies with Node's crypto and OpenSSL, with the validity and time types of RFC 5280 §4.1.2.5 (key read ahead: %s)", async (ahead) => {
    const certificate = await make(ahead);
    const node = new NodeX509Certificate(Buffer.from(certificate.der));
    const publicKey = createPublicKey({ key: Buffer.from(await crypto.subtle.exportKey("spki", keys[testCase.keyBits].publicKey)), format: "der", type: "spki" });
    expect(node.verify(publicKey)).toBe(true);
    // Self-issued; not checkIssued, which wants keyCertSign in the issuer (RFC 5280 §4.2.1.3) and this is an end entity.
    expect(node.issuer).toBe(node.subject);
    expect(node.serialNumber.toLowerCase()).toBe(certificate.serialNumberHex);
    // notBefore = now − 5 min and notAfter = now + days, in whole seconds.
    const seconds = (ms: number) => Math.floor(ms / 1000) * 1000;
    expect(new Date(node.validFrom).getTime()).toBe(seconds(testCase.now.getTime() - 5 * 60 * 1000));
    expect(new Date(node.validTo).getTime()).toBe(seconds(testCase.now.getTime() + testCase.validityDays * 86_400_000));

    openssl.write("c.der", certificate.der);
    openssl.run(["x509", "-inform", "DER", "-in", "c.der", "-out", "c.pem"]);
    // Checked at the moment of issue: some cases are dated after today.
    const atTime = String(Math.floor(testCase.now.getTime() / 1000));
    expect(openssl.run(["verify", "-partial_chain", "-attime", atTime, "-CAfile", "c.pem", "c.pem"])).toContain("c.pem: OK");
    const times = [...openssl.run(["asn1parse", "-inform", "DER", "-in", "c.der"]).matchAll(/prim:\s+(UTCTIME|GENERALIZEDTIME)\s+:(\S+)/g)];
    expect(times.map((match) => match[1])).toEqual(testCase.timeTypes);
    // No fractional seconds in either form (RFC 5280 §4.1.2.5.1, §4.1.2.5.2).
    for (const match of times) expect(match[2]).toMatch(/^(\d{12}|\d{14})Z$/);
  });
});

describe("signSelfSignedCertificate refuses what it cannot sign", () => {
  it("a key bound to another hash: ERR_UNSUPPORTED_KEY, since the certificate says sha256WithRSAEncryption", async () => {
    const pair = keys[2048];
    const sha384Key = await importRsaPrivateKey(await exportPkcs8Der(pair.privateKey), { name: "RSASSA-PKCS1-v1_5", hash: "SHA-384" });
    await expect(signSelfSignedCertificate({ keys: { publicKey: pair.publicKey, privateKey: sha384Key }, subject: { commonName: "x" }, validityDays: 1 })).rejects.toMatchObject({
      code: "ERR_UNSUPPORTED_KEY",
    });
  });
});
