import { X509Certificate as NodeX509Certificate } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { certifyGeneratedKey } from "../credential/generate-credential";
import { generateRsaKeyPair } from "../keys/rsa-keys";
import { GENERATED_CERTIFICATE_CASES, makeCaseKeys } from "../../../test-support/generated-certificate-cases";
import { signSelfSignedCertificate } from "./create";
import { describeCertificate } from "./describe";
import { describeSelfSignedCertificate } from "./describe-self-signed";
import { parseCertificateDer } from "./parse";
import { freshKeyHandles } from "../../../test-support/fresh-key-handles";
import { readPublicKeyInfo } from "./public-key-info";

let keys: Record<2048 | 3072, CryptoKeyPair>;
beforeAll(async () => {
  keys = await makeCaseKeys(generateRsaKeyPair);
});

describe.each(GENERATED_CERTIFICATE_CASES)("describeSelfSignedCertificate: $label", (testCase) => {
  const options = () => ({
    subject: testCase.subject,
    validityDays: testCase.validityDays,
    subjectAlternativeNames: testCase.subjectAlternativeNames,
    now: testCase.now,
  });

  it("equals describeCertificate of the parsed DER, field for field", async () => {
    const pair = keys[testCase.keyBits];
    await readPublicKeyInfo(pair.publicKey);
    const certificate = await signSelfSignedCertificate({ keys: pair, ...options() });
    const details = await describeSelfSignedCertificate(certificate);
    expect(details).toStrictEqual(await describeCertificate(parseCertificateDer(certificate.der)));
    // The parse above is the same library; Node's own parser and digests check the plain facts.
    const node = new NodeX509Certificate(Buffer.from(certificate.der));
    expect(details.thumbprints.sha1Hex).toBe(node.fingerprint.replace(/:/g, ""));
    expect(details.thumbprints.sha256Hex).toBe(node.fingerprint256.replace(/:/g, ""));
    expect(details.serialNumberHex).toBe(node.serialNumber.toUpperCase());
    expect(new Date(details.notBefore).getTime()).toBe(new Date(node.validFrom).getTime());
    expect(new Date(details.notAfter).getTime()).toBe(new Date(node.validTo).getTime());
    expect(details.rsaKeyBits).toBe(testCase.keyBits);
    expect(details.commonName).toBe(testCase.subject.commonName);
  });

  it("is what certifyGeneratedKey returns, with or without the key read ahead", async () => {
    const pair = keys[testCase.keyBits];
    await readPublicKeyInfo(pair.publicKey);
    for (const keyPair of [pair, await freshKeyHandles(pair)]) {
      const credential = await certifyGeneratedKey(keyPair, options());
      expect(credential.certificateDetails).toStrictEqual(await describeCertificate(parseCertificateDer(credential.certificateDer)));
    }
  });
});
